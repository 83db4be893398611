#include "checker/events/places.h"

#include <string>
#include <vector>

#include "checker/ingest/segment.h"
#include "checker/internal/shipped_rules.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class PlacesTest : public ::testing::Test {
 protected:
  PlacesTest() : places_(testing::ShippedRules()) {}

  // "name<within,...>" for each place found in `text`.
  std::vector<std::string> Find(const std::string& text) const {
    std::vector<std::string> out;
    for (const PlaceMention& m : places_.Find(text)) {
      std::string s = m.place.key() + "<";
      for (int i = 0; i < m.place.within_size(); ++i) {
        s += (i ? "," : "") + m.place.within(i);
      }
      out.push_back(s + ">");
    }
    return out;
  }

  Place Make(const std::string& key, std::vector<std::string> within = {}) const {
    Place p;
    p.set_name(key);
    p.set_key(key);
    for (const std::string& k : within) p.add_within(k);
    return p;
  }

  PlaceFinder places_;
};

TEST_F(PlacesTest, FindsNamesAfterLocativeCuesWithWhatTheTextSaysTheyLieIn) {
  EXPECT_THAT(Find("Ten people were killed in Nairobi, Kenya, on Friday."),
              ElementsAre("nairobi<kenya>"));
  EXPECT_THAT(Find("A gunman opened fire in Troy, Mich., killing one."),
              ElementsAre("troy<michigan,united states>"));
  EXPECT_THAT(Find("The quake struck in northern Iran's Qeshm island."),
              ElementsAre("qeshm<iran>"));
  EXPECT_THAT(Find("It hit the town of Dargahan on Qeshm island."), ElementsAre("dargahan<qeshm>"));
  EXPECT_THAT(Find("It shook the southern Iranian island of Qeshm on Sunday."),
              ElementsAre("qeshm<iran>"));
  EXPECT_THAT(Find("Villages on the Persian Gulf Island of Qeshm were razed."),
              ElementsAre("qeshm<persian gulf>"));
  EXPECT_THAT(Find("a vigil in the East Flatbush neighborhood in Brooklyn, New York"),
              ElementsAre("east flatbush<brooklyn,new york,united states>"));
}

TEST_F(PlacesTest, FoldsDiacriticsAndUsesTheVocabulary) {
  EXPECT_THAT(Find("Two bombs exploded in Bogotá."), ElementsAre("bogota<colombia>"));
  EXPECT_THAT(Find("The blast in Dar es Salaam killed 11."),
              ElementsAre("dar es salaam<tanzania>"));
  EXPECT_THAT(Find("Protests spread across the U.S. on Sunday."), ElementsAre("united states<>"));
}

TEST_F(PlacesTest, TimesInstitutionsAndWhereSomeoneSpokeAreNotPlaces) {
  EXPECT_THAT(Find("In February, a gunman killed five people."), IsEmpty());
  EXPECT_THAT(Find("He said on Sunday that it was reported in the Washington Post."), IsEmpty());
  EXPECT_THAT(Find("Pompeo told reporters in Washington that 12 died."), IsEmpty());
  EXPECT_THAT(Find("Debate in Congress went on in Parliament too."), IsEmpty());
}

TEST_F(PlacesTest, TitleCaseHeadlinesOnlyNameTheVocabularysPlaces) {
  EXPECT_THAT(Find("Three Killed In Athens Bank Fire Amid Strike"), ElementsAre("athens<greece>"));
  EXPECT_THAT(Find("Gunman Kills One In Office Shooting Spree Today"), IsEmpty());
}

TEST_F(PlacesTest, AClaimTakesThePlaceOfItsClauseElseTheArticles) {
  Article article;
  article.set_id("a");
  article.set_text(
      "NAIROBI, Kenya (AP) — A bomb killed 12 people on Friday. "
      "Six people were also killed in a car bomb in Mogadishu.");
  Segmenter segmenter(testing::ShippedRules());
  Document doc = segmenter.Segment(article);
  ArticlePlaces ap = places_.ForArticle(doc);
  ASSERT_TRUE(ap.own.has_value());
  EXPECT_EQ(ap.own->key(), "nairobi");
  EXPECT_EQ(ap.own->name(), "Nairobi");

  const std::string& text = doc.article().text();
  ASSERT_GE(doc.sentences_size(), 2);
  auto sentence = [&](int i) {
    const Sentence& s = doc.sentences(i);
    return absl::string_view(text).substr(s.span().begin(), s.span().end() - s.span().begin());
  };
  Claim first, second;
  absl::string_view s0 = sentence(0), s1 = sentence(1);
  places_.Locate(ap, s0, s0.substr(s0.find("killed 12")), &first);
  places_.Locate(ap, s1, s1.substr(s1.find("Six")), &second);
  EXPECT_EQ(first.place().key(), "nairobi");
  EXPECT_EQ(first.place().source(), PLACE_SOURCE_ARTICLE);
  EXPECT_EQ(second.place().key(), "mogadishu");
  EXPECT_EQ(second.place().source(), PLACE_SOURCE_SENTENCE);
}

TEST_F(PlacesTest, WithoutACueTheArticlesPlaceIsAKnownPlaceItsLeadNames) {
  Article article;
  article.set_id("b");
  article.set_text(
      "A Vancouver man has been charged after a shooting at an office party.\n"
      "Police said one person died and the suspect was arrested at the scene.");
  Document doc = Segmenter(testing::ShippedRules()).Segment(article);
  ArticlePlaces ap = places_.ForArticle(doc);
  ASSERT_TRUE(ap.own.has_value());
  EXPECT_EQ(ap.own->key(), "vancouver");
  // A capitalized word the vocabulary does not know is no place.
  article.set_text("A Zorblat man has been charged after a shooting at an office party.");
  auto other = places_.ForArticle(Segmenter(testing::ShippedRules()).Segment(article)).own;
  EXPECT_FALSE(other.has_value()) << other->name();
}

TEST_F(PlacesTest, HierarchyKeepsApartPlacesThatExcludeEachOther) {
  PlaceHierarchy h;
  Place troy = Make("troy", {"michigan", "united states"});
  Place bare_troy = Make("troy");
  Place vancouver = Make("vancouver", {"british columbia", "canada"});
  h.Add(troy);
  h.Add(bare_troy);
  h.Add(vancouver);
  EXPECT_FALSE(h.Compatible(troy, vancouver));
  EXPECT_FALSE(h.Compatible(bare_troy, vancouver));
  // Another article's "Troy, Michigan" places a bare "Troy".
  EXPECT_TRUE(h.Compatible(bare_troy, Make("michigan")));
  EXPECT_TRUE(h.Compatible(Make("canada"), vancouver));
  EXPECT_TRUE(h.Compatible(Place(), vancouver));  // unknown: no evidence
  EXPECT_EQ(PlaceHierarchy::Describe(troy), "troy, Michigan");
}

}  // namespace
}  // namespace crosscheck
