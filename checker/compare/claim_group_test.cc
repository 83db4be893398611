#include "checker/compare/claim_group.h"

#include <string>
#include <vector>

#include "google/protobuf/text_format.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "proto/claim.pb.h"

namespace crosscheck {
namespace {

using google::protobuf::util::MessageDifferencer;

Claim Parse(const std::string& text) {
  Claim c;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &c)) << text;
  return c;
}

// A death toll of `article`, as the extractor writes one.
Claim Toll(const std::string& article, int deaths, const std::string& words,
           const std::string& participants = "") {
  return Parse(R"pb(
    kind: "death_toll" subject: "deaths"
    quantity { value: )pb" +
               std::to_string(deaths) + " lower: " + std::to_string(deaths) +
               " upper: " + std::to_string(deaths) + R"pb(
               qualifier: QUALIFIER_EXACT unit: "deaths" }
    scope { start: "2019-09-28" end: "2019-09-28" granularity: GRANULARITY_DAY
            resolution: "the Saturday on or before 2019-09-28" }
    scope_text: "Saturday"
    attribution {}
    article_id: ")pb" +
               article + R"pb(" outlet: "example.com" published: "2019-09-28"
    quote: "A fire attack killed )pb" +
               words + R"pb( on Saturday."
    sentence_span { begin: 10 end: 60 } span { begin: 20 end: 40 }
    matched_text: ")pb" +
               words + R"pb(" section: SECTION_BODY pattern_id: "death_toll/killing_n"
    display_value: ")pb" +
               std::to_string(deaths) + R"pb("
    place { name: "Canada" key: "canada" source: PLACE_SOURCE_SENTENCE }
  )pb" + participants);
}

// What Whole gives back for a claim added at `index`: all of it but its
// quote, pattern id and sentence span, which stand for the index.
Claim Expected(Claim c, int index) {
  c.clear_quote();
  c.clear_pattern_id();
  c.clear_sentence_span();
  c.mutable_sentence_span()->set_begin(index);
  return c;
}

TEST(ClaimGroupTest, SameValueInTwoArticlesIsOneShape) {
  std::vector<Claim> claims = {Toll("a1", 4, "killed four people"),
                               Toll("a2", 4, "killed 4 people"),
                               Toll("a3", 5, "killed five people")};
  ClaimGroup group;
  for (const Claim& c : claims) group.Add(c);
  ASSERT_EQ(group.size(), 3u);
  EXPECT_EQ(group.shapes(), 2u);
  const GroupClaim& second = group.claims()[1];
  EXPECT_EQ(second.article_id(), "a2");
  EXPECT_EQ(second.outlet(), "example.com");
  EXPECT_EQ(second.published(), "2019-09-28");
  EXPECT_EQ(second.matched_text(), "killed 4 people");
  EXPECT_EQ(second.span_begin(), 20);
  EXPECT_EQ(second.index(), 1u);
  EXPECT_EQ(second.display_value(), "4");
  EXPECT_EQ(second.scope().start(), "2019-09-28");
  EXPECT_EQ(second.place().key(), "canada");
  EXPECT_TRUE(second.shape().article_id().empty());  // the shape is shared
  EXPECT_EQ(&second.shape(), &group.claims()[0].shape());
  for (int i = 0; i < 3; ++i) {
    Claim whole = group.claims()[i].Whole();
    EXPECT_TRUE(MessageDifferencer::Equals(whole, Expected(claims[i], i)))
        << whole.DebugString() << "\nvs\n"
        << Expected(claims[i], i).DebugString();
  }
}

TEST(ClaimGroupTest, ArticleFieldsAndParticipantsComeBackPerClaim) {
  std::vector<Claim> claims = {
      Toll("a1", 4, "killed four", R"pb(participants: "smith" participants: "wolfe")pb"),
      Toll("a1", 4, "four dead", R"pb(participants: "smith" participants: "wolfe")pb"),
      Toll("a2", 4, "killed four", R"pb(participants: "jones")pb"), Toll("a3", 4, "killed four")};
  claims[3].set_outlet("other.org");
  claims[3].set_published("2019-09-29");
  claims[3].clear_span();
  ClaimGroup group;
  for (const Claim& c : claims) group.Add(c);
  EXPECT_EQ(group.shapes(), 1u);
  const std::vector<GroupClaim>& g = group.claims();
  EXPECT_EQ(&g[0].participants(), &g[1].participants());  // one list for the article
  ASSERT_EQ(g[2].participants().size(), 1);
  EXPECT_EQ(g[2].participants().Get(0), "jones");
  EXPECT_TRUE(g[3].participants().empty());
  EXPECT_EQ(g[3].outlet(), "other.org");
  EXPECT_EQ(g[3].published(), "2019-09-29");
  for (int i = 0; i < 4; ++i) {
    EXPECT_TRUE(MessageDifferencer::Equals(g[i].Whole(), Expected(claims[i], i)))
        << g[i].Whole().DebugString();
  }
  EXPECT_FALSE(g[3].Whole().has_span());
}

TEST(ClaimGroupTest, TimeSpansAreHeldApartFromTheShape) {
  std::vector<Claim> claims = {Toll("a1", 4, "killed four"), Toll("a2", 4, "killed four"),
                               Toll("a3", 4, "killed four")};
  claims[1].mutable_scope()->set_start("2019-09-27");
  claims[1].mutable_scope()->set_end("2019-09-27");
  claims[1].set_scope_text("Friday");
  claims[2].clear_scope();
  claims[2].clear_scope_text();
  ClaimGroup group;
  for (const Claim& c : claims) group.Add(c);
  EXPECT_EQ(group.shapes(), 1u);  // one value, three spans
  const std::vector<GroupClaim>& g = group.claims();
  EXPECT_EQ(g[0].scope().start(), "2019-09-28");
  EXPECT_EQ(g[0].scope_text(), "Saturday");
  EXPECT_EQ(g[1].scope().start(), "2019-09-27");
  EXPECT_EQ(g[1].scope_text(), "Friday");
  EXPECT_TRUE(g[2].scope().start().empty());
  EXPECT_TRUE(g[2].scope_text().empty());
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(MessageDifferencer::Equals(g[i].Whole(), Expected(claims[i], i)))
        << g[i].Whole().DebugString();
  }
  EXPECT_FALSE(g[2].Whole().has_scope());
}

TEST(ClaimGroupTest, OfHoldsTheClaimsThemselves) {
  std::vector<Claim> claims = {Toll("a1", 4, "killed four"), Toll("a2", 4, "killed four")};
  ClaimGroup group = ClaimGroup::Of(claims);
  ASSERT_EQ(group.size(), 2u);
  EXPECT_EQ(&group.claims()[1].shape(), &claims[1]);
  EXPECT_EQ(group.claims()[1].article_id(), "a2");
  for (int i = 0; i < 2; ++i) {
    EXPECT_TRUE(MessageDifferencer::Equals(group.claims()[i].Whole(), claims[i]));
  }
  ClaimGroup moved = std::move(group);  // the claims stay valid
  EXPECT_EQ(moved.claims()[0].article_id(), "a1");
}

TEST(ClaimGroupTest, ManyClaimsKeepTheirWordsAcrossTextBlocks) {
  ClaimGroup group;
  std::vector<std::string> words;
  for (int i = 0; i < 30000; ++i) {
    words.push_back("killed " + std::to_string(i) + " people in a long sentence of words");
    group.Add(Toll("a" + std::to_string(i), i % 7, words.back()));
  }
  EXPECT_EQ(group.shapes(), 7u);
  for (int i = 0; i < 30000; i += 997) {
    EXPECT_EQ(group.claims()[i].matched_text(), words[i]);
    EXPECT_EQ(group.claims()[i].article_id(), "a" + std::to_string(i));
  }
}

}  // namespace
}  // namespace crosscheck
