#include "checker/extract/timex.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "checker/base/dates.h"
#include "checker/internal/testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "re2/re2.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::RunfilePath;
using ::crosscheck::testing::StatusIs;
using ::testing::HasSubstr;

class TimexTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<std::unique_ptr<Rules>> rules = Rules::LoadDirectory(RunfilePath("rules"));
    ASSERT_OK(rules);
    rules_ = rules->release();
    absl::StatusOr<std::unique_ptr<TimexTagger>> tagger = TimexTagger::Create(*rules_);
    ASSERT_OK(tagger);
    tagger_ = tagger->release();
  }

  // "span=value" for each timex, for compact expectations.
  static std::vector<std::string> Tag(absl::string_view text, absl::CivilDay dct) {
    std::vector<std::string> out;
    for (const Timex& t : tagger_->Tag(text, dct)) {
      out.push_back(absl::StrCat(text.substr(t.begin, t.end - t.begin), "=", t.value));
    }
    return out;
  }

  static Rules* rules_;
  static TimexTagger* tagger_;
};

Rules* TimexTest::rules_ = nullptr;
TimexTagger* TimexTest::tagger_ = nullptr;

TEST_F(TimexTest, EveryPatternExampleHolds) {
  int checked = 0;
  for (const TimexPattern& p : tagger_->rules().patterns()) {
    EXPECT_GE(p.examples_size(), 1) << p.id() << ": every pattern carries an example";
    for (const TimexExample& e : p.examples()) {
      SCOPED_TRACE(absl::StrCat(p.id(), ": ", e.text()));
      absl::optional<absl::CivilDay> dct = ParseIsoDate(e.dct());
      ASSERT_TRUE(dct.has_value()) << e.dct();
      std::vector<Timex> found = tagger_->Tag(e.text(), *dct);
      std::vector<std::string> got;
      for (const Timex& t : found) {
        got.push_back(absl::StrCat(e.text().substr(t.begin, t.end - t.begin), "=", t.value, " (",
                                   t.pattern->id(), ")"));
      }
      if (p.resolver() == TIMEX_RESOLVER_REJECT) {
        EXPECT_TRUE(found.empty()) << absl::StrJoin(got, " | ");
        ++checked;
        continue;
      }
      std::string want_span = e.timex().empty() ? e.text() : e.timex();
      bool ok = false;
      for (const Timex& t : found) {
        ok |= e.text().substr(t.begin, t.end - t.begin) == want_span && t.value == e.value() &&
              (e.type().empty() || e.type() == t.type);
      }
      EXPECT_TRUE(ok) << "want " << want_span << "=" << e.value() << ", got ["
                      << absl::StrJoin(got, " | ") << "]";
      ++checked;
    }
  }
  EXPECT_GT(checked, 40);
}

// RE2 reads groups with its bit-state engine only in programs of at most
// 512 instructions; past that it uses its NFA, several times slower. Not a
// timing test: a limit on the size of what the rules compile to.
TEST_F(TimexTest, PatternsWithGroupsStayWithinBitStateSize) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  for (const TimexPattern& p : tagger_->rules().patterns()) {
    absl::StatusOr<std::string> expanded = rules_->ExpandMacros(p.regex());
    ASSERT_OK(expanded);
    RE2 re(*expanded, options);
    ASSERT_TRUE(re.ok()) << p.id();
    if (re.NamedCapturingGroups().empty()) continue;
    EXPECT_LE(re.ProgramSize(), 512) << p.id();
  }
}

TEST_F(TimexTest, OffsetsAreBytesAndTypesFollowTheValue) {
  // "é" is two bytes: offsets count bytes, not characters.
  std::string text = "Café owners met Tuesday morning, and will meet again in three weeks.";
  std::vector<Timex> t = tagger_->Tag(text, absl::CivilDay(2019, 1, 24));
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(text.substr(t[0].begin, t[0].end - t[0].begin), "Tuesday morning");
  EXPECT_EQ(t[0].begin, 17);
  EXPECT_EQ(t[0].type, "TIME");
  EXPECT_EQ(t[0].value, "2019-01-22TMO");
  EXPECT_EQ(t[1].type, "DURATION");
  EXPECT_EQ(t[1].value, "P3W");
}

TEST_F(TimexTest, WeekdaysFollowTheTenseOfTheirSentence) {
  absl::CivilDay thursday(2019, 1, 24);
  EXPECT_THAT(Tag("The mayor resigned Monday.", thursday),
              ::testing::ElementsAre("Monday=2019-01-21"));
  EXPECT_THAT(Tag("The mayor will resign Monday.", thursday),
              ::testing::ElementsAre("Monday=2019-01-28"));
  EXPECT_THAT(Tag("The mayor said Thursday he would stay.", thursday),
              ::testing::ElementsAre("Thursday=2019-01-24"));
}

TEST_F(TimexTest, GranularitiesAndReferences) {
  absl::CivilDay dct(2019, 10, 27);
  EXPECT_THAT(Tag("Earnings fell in the third quarter from a year earlier.", dct),
              ::testing::ElementsAre("the third quarter=2019-Q3", "a year earlier=2018-Q3"));
  EXPECT_THAT(Tag("Shares rose this week and last weekend.", dct),
              ::testing::ElementsAre("this week=2019-W43", "last weekend=2019-W42-WE"));
  EXPECT_THAT(Tag("Growth slowed in the 1990s and again last year.", dct),
              ::testing::ElementsAre("the 1990s=199", "last year=2018"));
  EXPECT_THAT(Tag("The ministry publishes figures monthly.", dct),
              ::testing::ElementsAre("monthly=P1M"));
}

TEST_F(TimexTest, NotTimes) {
  absl::CivilDay dct(2019, 1, 24);
  EXPECT_THAT(Tag("Prices may march higher.", dct), ::testing::IsEmpty());
  EXPECT_THAT(Tag("May he rest in peace.", dct), ::testing::IsEmpty());
  EXPECT_THAT(Tag("The fund paid $1995 to 1200 workers.", dct), ::testing::IsEmpty());
}

TEST_F(TimexTest, BadPatternIsNamed) {
  absl::StatusOr<std::unique_ptr<Rules>> rules = Rules::LoadTexts(
      {{"kind.textproto", R"pb(kinds { name: "k" value_type: VALUE_TYPE_QUANTITY trigger: "x"
          patterns { id: "p" regex: "(?P<value>\\d+)" } })pb"},
       {"timex.textproto", R"pb(timex { patterns { id: "broken" regex: "(?P<bogus>x)"
          type: "DATE" resolver: TIMEX_RESOLVER_POINT } })pb"}});
  ASSERT_OK(rules);
  EXPECT_THAT(TimexTagger::Create(**rules),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("timex pattern 'broken' regex: unknown group 'bogus'")));
}

TEST_F(TimexTest, JsonLinesFile) {
  std::string path = absl::StrCat(std::getenv("TEST_TMPDIR"), "/docs.jsonl");
  {
    std::ofstream f(path);
    f << R"({"id": "a", "dct": "2019-01-24", "text": "Rebels left yesterday."})"
      << "\n\n"
      << R"({"id": "b", "dct": "2019-01-24", "text": "No time here."})"
      << "\n";
  }
  std::string out;
  ASSERT_OK(TagJsonLinesFile(*tagger_, path, [&](absl::string_view line) {
    absl::StrAppend(&out, line);
    return absl::OkStatus();
  }));
  EXPECT_EQ(out,
            "{\"id\":\"a\",\"timexes\":[{\"begin\":12,\"end\":21,\"text\":\"yesterday\","
            "\"type\":\"DATE\",\"value\":\"2019-01-23\"}]}\n"
            "{\"id\":\"b\",\"timexes\":[]}\n");
  {
    std::ofstream f(path);
    f << R"({"id": "a", "dct": "2019-01-24", "text": "ok"})"
      << "\n"
      << R"({"id": "b", "dct": "24/01/2019", "text": "ok"})"
      << "\n";
  }
  EXPECT_THAT(TagJsonLinesFile(*tagger_, path, [](absl::string_view) { return absl::OkStatus(); }),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("docs.jsonl:2: \"dct\": expected a date YYYY-MM-DD")));
  {
    std::ofstream f(path);
    f << "{not json\n";
  }
  EXPECT_THAT(TagJsonLinesFile(*tagger_, path, [](absl::string_view) { return absl::OkStatus(); }),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("docs.jsonl:1: not a JSON")));
}

}  // namespace
}  // namespace crosscheck
