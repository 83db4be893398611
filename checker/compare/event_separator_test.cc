#include "checker/compare/event_separator.h"

#include <string>
#include <vector>

#include "checker/compare/claim_group.h"
#include "checker/compare/test_claims.h"
#include "checker/events/places.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::ComparisonOf;
using ::crosscheck::testing::Pointers;
using ::crosscheck::testing::SetPlace;
using ::crosscheck::testing::Toll;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

Claim InVancouver(const std::string& article_id) {
  Claim c = Toll(article_id, "CBC", "2019-01-24", QUALIFIER_EXACT, 3);
  SetPlace(&c, "Vancouver", {"british columbia", "canada"});
  return c;
}

Claim InTroy(const std::string& article_id) {
  Claim c = Toll(article_id, "Detroit Free Press", "2019-01-24", QUALIFIER_EXACT, 3);
  SetPlace(&c, "Troy", {"michigan", "united states"});
  return c;
}

Claim InCanada(const std::string& article_id) {
  Claim c = Toll(article_id, "Globe and Mail", "2019-01-24", QUALIFIER_EXACT, 3);
  SetPlace(&c, "Canada", {});
  return c;
}

// Teaches `places` the places of `group`'s claims.
void AddPlaces(const ClaimGroup& group, PlaceHierarchy* places) {
  for (const GroupClaim& c : group.claims()) places->Add(c.place());
}

TEST(EventSeparatorTest, PlacesThatExcludeEachOtherAreApart) {
  const std::vector<Claim> claims = {InVancouver("v1"), InTroy("t1"), InCanada("c1"),
                                     Toll("n1", "AP", "2019-01-24", QUALIFIER_EXACT, 3)};
  ClaimGroup group = ClaimGroup::Of(claims);
  const std::vector<GroupClaim>& g = group.claims();
  PlaceHierarchy places;
  AddPlaces(group, &places);
  const EventSeparator separator(places);
  const Comparison& tolls = ComparisonOf("death_toll");
  ASSERT_TRUE(tolls.separate_places());
  EXPECT_EQ(separator.PlacesApart(tolls, g[0], g[1]),
            "Vancouver, British Columbia vs Troy, Michigan");
  EXPECT_EQ(separator.Apart(tolls, g[1], g[0]), "Troy, Michigan vs Vancouver, British Columbia");
  // A place and one it lies in, or a claim with no place: one event.
  EXPECT_EQ(separator.PlacesApart(tolls, g[0], g[2]), "");
  EXPECT_EQ(separator.PlacesApart(tolls, g[1], g[3]), "");
  // Not for kinds that do not separate places.
  EXPECT_EQ(separator.PlacesApart(ComparisonOf("deadline"), g[0], g[1]), "");
}

TEST(EventSeparatorTest, AnUndatedArticleNeedsAParticipantInCommon) {
  Claim dated = Toll("d1", "AP", "2019-01-24", QUALIFIER_EXACT, 3);
  dated.add_participants("alishvandi");
  dated.add_participants("rahimi");
  Claim undated_other = Toll("u1", "Blog", "", QUALIFIER_EXACT, 3);
  undated_other.add_participants("smith");
  Claim undated_same = Toll("u2", "Blog", "", QUALIFIER_EXACT, 3);
  undated_same.add_participants("rahimi");
  Claim dated_other = Toll("d2", "Reuters", "2019-01-25", QUALIFIER_EXACT, 3);
  const std::vector<Claim> claims = {dated, undated_other, undated_same, dated_other};
  ClaimGroup group = ClaimGroup::Of(claims);
  const std::vector<GroupClaim>& g = group.claims();
  EXPECT_EQ(EventSeparator::ParticipantsApart(g[0], g[1]),
            "undated vs dated, no participant in common");
  EXPECT_EQ(EventSeparator::ParticipantsApart(g[1], g[0]),
            "undated vs dated, no participant in common");
  EXPECT_EQ(EventSeparator::ParticipantsApart(g[0], g[2]), "");
  // Two dated (or two undated) articles are not told apart by participants.
  EXPECT_EQ(EventSeparator::ParticipantsApart(g[0], g[3]), "");
  EXPECT_EQ(EventSeparator::ParticipantsApart(g[1], g[2]), "");
  const PlaceHierarchy places;
  EXPECT_EQ(EventSeparator(places).Apart(ComparisonOf("death_toll"), g[0], g[1]),
            "undated vs dated, no participant in common");
}

TEST(KeptApartLogTest, CountsEveryPairAndShowsOneExamplePerReason) {
  std::vector<Claim> claims;
  for (int i = 0; i < 8; ++i) claims.push_back(InVancouver("v" + std::to_string(i)));
  ClaimGroup group = ClaimGroup::Of(claims);
  const std::vector<GroupClaim>& g = group.claims();
  KeptApartLog log;
  log.Record(g[0], g[1], "here vs there");
  log.Record(g[2], g[3], "here vs there");
  EXPECT_EQ(log.kept().pairs, 2);
  EXPECT_THAT(log.kept().examples, ElementsAre("deaths: v0 vs v1 (here vs there)"));
  for (int i = 0; i < 4; ++i) {
    EXPECT_FALSE(log.full());
    log.Record(g[i], g[i + 1], "reason " + std::to_string(i));
  }
  // Five examples: the rest are only counted.
  EXPECT_TRUE(log.full());
  log.Record(g[5], g[6], "reason 5");
  log.Record(g[6], g[7], "here vs there");
  EXPECT_EQ(log.kept().pairs, 8);
  EXPECT_THAT(log.kept().examples, SizeIs(KeptApartLog::kMaxExamples));
  EXPECT_EQ(log.kept().examples.back(), "deaths: v3 vs v4 (reason 3)");
  KeptApart kept = log.Take();
  EXPECT_EQ(kept.pairs, 8);
  EXPECT_EQ(log.kept().pairs, 0);
  EXPECT_THAT(log.kept().examples, IsEmpty());
  EXPECT_FALSE(log.full());
}

TEST(EventSeparatorTest, SplitIntoEventsKeepsPlacesApartAndCountsThePairs) {
  const std::vector<Claim> claims = {InVancouver("v1"), InTroy("t1"), InCanada("c1"),
                                     InVancouver("v2"), InTroy("t2")};
  ClaimGroup group = ClaimGroup::Of(claims);
  PlaceHierarchy places;
  AddPlaces(group, &places);
  const EventSeparator separator(places);
  KeptApartLog log;
  std::vector<std::vector<const GroupClaim*>> events =
      separator.SplitIntoEvents(Pointers(group), ComparisonOf("death_toll"), &log);
  ASSERT_THAT(events, SizeIs(2));
  auto ids = [](const std::vector<const GroupClaim*>& event) {
    std::vector<std::string> out;
    for (const GroupClaim* c : event) out.push_back(c->article_id());
    return out;
  };
  EXPECT_THAT(ids(events[0]), ElementsAre("v1", "c1", "v2"));
  EXPECT_THAT(ids(events[1]), ElementsAre("t1", "t2"));
  // t1 started an event of its own, apart from v1's.
  EXPECT_EQ(log.kept().pairs, 1);
  EXPECT_THAT(log.kept().examples,
              ElementsAre("deaths: v1 vs t1 (Vancouver, British Columbia vs Troy, Michigan)"));
  // Where places are not separated, one event.
  KeptApartLog none;
  Comparison together = ComparisonOf("death_toll");
  together.set_separate_places(false);
  EXPECT_THAT(separator.SplitIntoEvents(Pointers(group), together, &none), SizeIs(1));
  EXPECT_EQ(none.kept().pairs, 0);
}

TEST(EventSeparatorTest, SplitIntoEventsKeepsAnUndatedArticleApartWithoutParticipants) {
  Claim dated = Toll("d1", "AP", "2019-01-24", QUALIFIER_EXACT, 3);
  dated.add_participants("rahimi");
  Claim undated = Toll("u1", "Blog", "", QUALIFIER_EXACT, 3);
  Claim undated_same = Toll("u2", "Blog", "", QUALIFIER_EXACT, 3);
  undated_same.add_participants("rahimi");
  const std::vector<Claim> claims = {dated, undated, undated_same};
  ClaimGroup group = ClaimGroup::Of(claims);
  const PlaceHierarchy places;
  KeptApartLog log;
  std::vector<std::vector<const GroupClaim*>> events =
      EventSeparator(places).SplitIntoEvents(Pointers(group), ComparisonOf("death_toll"), &log);
  // u1 names nobody d1 names: an event of its own. u2 names rahimi, as d1
  // does, and joins d1's.
  ASSERT_THAT(events, SizeIs(2));
  EXPECT_THAT(events[0], ElementsAre(&group.claims()[0], &group.claims()[2]));
  EXPECT_THAT(events[1], ElementsAre(&group.claims()[1]));
  EXPECT_EQ(log.kept().pairs, 1);
  EXPECT_THAT(log.kept().examples,
              ElementsAre("deaths: d1 vs u1 (undated vs dated, no participant in common)"));
}

}  // namespace
}  // namespace crosscheck
