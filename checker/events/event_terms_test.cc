#include "checker/events/event_terms.h"

#include <algorithm>
#include <string>

#include "checker/ingest/segment.h"
#include "checker/internal/shipped_rules.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

Document Doc(const std::string& title, const std::string& text) {
  Article a;
  a.set_id("a");
  a.set_title(title);
  a.set_text(text);
  return Segmenter(testing::ShippedRules()).Segment(std::move(a));
}

uint32_t CountOf(const EventTerms& terms, const std::string& folded) {
  const uint32_t h = EventTermHash(folded);
  for (int i = 0; i < terms.terms_size(); ++i) {
    if (terms.terms(i) == h) return terms.counts(i);
  }
  return 0;
}

TEST(EventTermsTest, NamesAndHeadlineWeighMoreThanWordsAndStopwordsNothing) {
  const EventTermFinder finder(testing::ShippedRules());
  const EventTerms terms =
      finder.Find(Doc("Ferry sinks off Palawan",
                      "Rescuers said the ferry sank near Palawan on Tuesday. The ferry carried "
                      "tourists. Coast guard chief Maria Dizon said divers were searching."));
  EXPECT_EQ(CountOf(terms, "palawan"), 2u + 2u);  // headline + a name inside a sentence
  EXPECT_EQ(CountOf(terms, "ferry"), 2u + 1u + 1u);
  EXPECT_EQ(CountOf(terms, "dizon"), 2u);
  EXPECT_EQ(CountOf(terms, "said"), 0u);
  EXPECT_EQ(CountOf(terms, "tuesday"), 0u);
  EXPECT_TRUE(std::is_sorted(terms.terms().begin(), terms.terms().end()));
  ASSERT_GE(terms.names_size(), 2);
  EXPECT_EQ(terms.names(0), "Palawan");  // a sentence-initial word is no name
  EXPECT_NE(std::find(terms.names().begin(), terms.names().end(), "Maria Dizon"),
            terms.names().end());
}

TEST(EventTermsTest, YearsFoldingAndPossessives) {
  const EventTermFinder finder(testing::ShippedRules());
  const EventTerms terms =
      finder.Find(Doc("",
                      "The 2013 vote in Turkmenistan's capital followed the 2008 one. Officials in "
                      "Bogotá and BOGOTA agreed; 12345 votes and flight 2013X are no years."));
  // No headline: the first sentence stands for it, and counts twice.
  EXPECT_EQ(CountOf(terms, "y2013"), 4u);
  EXPECT_EQ(CountOf(terms, "y2008"), 4u);
  EXPECT_EQ(CountOf(terms, "y1234"), 0u);
  EXPECT_GT(CountOf(terms, "turkmenistan"), 0u);
  EXPECT_EQ(CountOf(terms, "bogota"), 4u);  // two names, diacritics and case folded
  // A typographic apostrophe is an apostrophe; a possessive is its noun.
  const EventTerms lanka = finder.Find(
      Doc("", "Officials in Sri Lanka’s capital and Lanka's ports met Lanka officials."));
  EXPECT_EQ(CountOf(lanka, "lanka"), 12u);  // three names, counted as headline too
}

TEST(EventTermsTest, KeepsTheWeightiestTerms) {
  const EventTermFinder finder(testing::ShippedRules());
  std::string text;
  for (int i = 0; i < 200; ++i) text += "Word" + std::to_string(i) + "x appears here. ";
  text += "Then Kathmandu and Kathmandu and Kathmandu.";
  const EventTerms terms = finder.Find(Doc("", text));
  EXPECT_LE(terms.terms_size(), testing::ShippedRules().proto().events().max_terms());
  EXPECT_EQ(CountOf(terms, "kathmandu"), 6u);
  EXPECT_EQ(terms.terms_size(), terms.counts_size());
}

TEST(EventTermsTest, EmptyArticle) {
  const EventTermFinder finder(testing::ShippedRules());
  const EventTerms terms = finder.Find(Doc("", ""));
  EXPECT_EQ(terms.terms_size(), 0);
  EXPECT_EQ(terms.names_size(), 0);
}

TEST(EventTermsTest, HashIsStable) {
  // Claims files extracted by another process group alike: FNV-1a.
  EXPECT_EQ(EventTermHash(""), 2166136261u);
  EXPECT_EQ(EventTermHash("a"), 0xe40c292cu);
}

}  // namespace
}  // namespace crosscheck
