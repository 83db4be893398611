#include "checker/events/event_grouping.h"

#include <algorithm>
#include <string>
#include <vector>

#include "checker/events/event_terms.h"
#include "checker/ingest/segment.h"
#include "checker/internal/shipped_rules.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

struct Story {
  std::string id;
  std::string published;
  std::string title;
  std::string text;
};

// Coverage of two floods and a shooting, written for this test in the
// style of wire copy.
const std::vector<Story>& Corpus() {
  static const auto* corpus = new std::vector<Story>{
      {"f1", "2021-07-14", "Floods kill 12 in Ahr valley",
       "Floodwaters swept through the Ahr valley in Rhineland-Palatinate, killing 12 people, "
       "police in Koblenz said. Houses in Schuld collapsed as the Ahr burst its banks."},
      {"f2", "2021-07-15", "Death toll in German floods rises to 42",
       "At least 42 people died in the floods in Rhineland-Palatinate, police in Koblenz said. "
       "In Schuld, six houses were swept away by the Ahr overnight."},
      {"f3", "2021-07-16", "Ahr floods: dozens missing in Schuld",
       "Rescuers searched Schuld and other villages of the Ahr valley for the missing. Koblenz "
       "police said the toll in Rhineland-Palatinate had reached 60."},
      {"g1", "2021-07-21", "Henan floods: 25 dead in Zhengzhou subway",
       "Torrential rain flooded Zhengzhou, the capital of Henan province, trapping passengers "
       "in a subway line; 25 people died, Henan officials said."},
      {"g2", "2021-07-22", "Zhengzhou subway flood toll rises to 33",
       "The toll of the floods in Henan rose to 33, officials in Zhengzhou said, as water "
       "receded from the subway tunnels of the provincial capital."},
      {"s1", "2021-07-15", "Gunman kills three at Oslo market",
       "A gunman opened fire at a market in Oslo's Grünerløkka district, killing three people, "
       "Oslo police said. Police inspector Kari Lunde said the gunman was arrested."},
      {"s2", "", "Oslo market shooting: suspect in custody",
       "Police in Oslo said the suspect in the Grünerløkka market shooting, which killed three, "
       "was questioned overnight. Inspector Kari Lunde declined to name him."},
  };
  return *corpus;
}

EventGrouping GroupStories(const std::vector<Story>& stories) {
  const Rules& rules = testing::ShippedRules();
  const EventTermFinder finder(rules);
  const Segmenter segmenter(rules);
  EventGrouper grouper(rules.proto().events());
  for (const Story& s : stories) {
    Article a;
    a.set_id(s.id);
    a.set_title(s.title);
    a.set_text(s.title + "\n" + s.text);
    grouper.Add(s.id, s.published, finder.Find(segmenter.Segment(std::move(a))));
  }
  return grouper.Group();
}

std::vector<std::vector<std::string>> Partition(const EventGrouping& g) {
  std::vector<std::vector<std::string>> p;
  for (const Event& e : g.events) p.emplace_back(e.article_ids().begin(), e.article_ids().end());
  std::sort(p.begin(), p.end());
  return p;
}

TEST(EventGroupingTest, StoriesOfOneKindStayApartAndEachStoryStaysTogether) {
  const EventGrouping g = GroupStories(Corpus());
  EXPECT_EQ(Partition(g), (std::vector<std::vector<std::string>>{
                              {"f1", "f2", "f3"}, {"g1", "g2"}, {"s1", "s2"}}));
  ASSERT_EQ(g.events.size(), 3u);
  // Ids by first publication; undated last within the ordering.
  EXPECT_EQ(g.events[0].id(), "e1");
  EXPECT_EQ(g.events[0].first_published(), "2021-07-14");
  EXPECT_EQ(g.events[0].last_published(), "2021-07-16");
  EXPECT_EQ(g.events[g.event_of.at("s2")].id(), g.events[g.event_of.at("s1")].id());
  EXPECT_NE(g.events[0].label().find("Ahr"), std::string::npos) << g.events[0].label();
}

TEST(EventGroupingTest, DoesNotDependOnTheOrderOfArticles) {
  std::vector<Story> stories = Corpus();
  const EventGrouping first = GroupStories(stories);
  std::reverse(stories.begin(), stories.end());
  const EventGrouping reversed = GroupStories(stories);
  ASSERT_EQ(first.events.size(), reversed.events.size());
  for (size_t i = 0; i < first.events.size(); ++i) {
    EXPECT_EQ(first.events[i].SerializeAsString(), reversed.events[i].SerializeAsString());
  }
}

TEST(EventGroupingTest, ArticlesMonthsApartAreNotOneEvent) {
  std::vector<Story> stories = {Corpus()[0], Corpus()[1]};
  stories[1].published = "2021-11-02";  // the same words, months later
  EXPECT_EQ(GroupStories(stories).events.size(), 2u);
}

TEST(EventGroupingTest, UnrelatedArticlesAndEmptyInput) {
  EXPECT_TRUE(GroupStories({}).events.empty());
  const EventGrouping g = GroupStories({{"x", "", "", ""}, {"y", "", "", ""}});
  EXPECT_EQ(g.events.size(), 2u);
  EXPECT_EQ(g.events[0].label(), "articles x...");
}

}  // namespace
}  // namespace crosscheck
