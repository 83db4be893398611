#include "checker/rules/validate.h"

#include <string>
#include <utility>
#include <vector>

#include "checker/internal/testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;

// `content` parsed as the rules file "f.textproto".
RulesFile Parse(const std::string& content) {
  absl::StatusOr<std::vector<RulesFile>> files = ParseRulesFiles({{"f.textproto", content}});
  EXPECT_OK(files);
  if (!files.ok() || files->size() != 1) return RulesFile{};
  return std::move(files->front());
}

MacroTable Macros(const std::vector<std::pair<std::string, std::string>>& defined) {
  MacroTable macros;
  for (const auto& [name, regex] : defined) macros.Define(name, regex);
  return macros;
}

// The actors of a file as CollectActors merges them.
struct Actors {
  RuleSet merged;
  absl::flat_hash_map<std::string, int> index;
  ActorPlaces places;
  RuleErrors errors;
};

Actors Collect(const RulesFile& file) {
  Actors actors;
  CollectActors(file, &actors.merged, &actors.index, &actors.places, &actors.errors);
  return actors;
}

TEST(ParseRulesFilesTest, TheSyntaxErrorsOfEveryFile) {
  EXPECT_THAT(
      ParseRulesFiles({{"a.textproto", "macros { name: \"X\" regex: }\n"},
                       {"b.textproto", "kinds { name: \"k\" }\n"},
                       {"c.textproto", "kinds {\n  trigger \"t\"\n}\n"}}),
      StatusIs(absl::StatusCode::kInvalidArgument,
               ::testing::AllOf(StartsWith("a.textproto:1:"), HasSubstr("\nc.textproto:2:"))));
  absl::StatusOr<std::vector<RulesFile>> files =
      ParseRulesFiles({{"a.textproto", "kinds { name: \"k\" }\n"}, {"b.textproto", ""}});
  ASSERT_OK(files);
  ASSERT_EQ(files->size(), 2u);
  EXPECT_EQ((*files)[0].name, "a.textproto");
  EXPECT_EQ((*files)[0].rules.kinds(0).name(), "k");
  EXPECT_NE((*files)[1].tree, nullptr);
}

TEST(CollectMacrosTest, UpperCaseNamesDefinedOnce) {
  RulesFile file = Parse(R"pb(macros { name: "NUM" regex: "\\d+" }
macros { name: "num" regex: "\\d+" }
macros { name: "NUM" regex: "[0-9]+" }
)pb");
  MacroTable macros;
  RuleErrors errors;
  CollectMacros(file, &macros, &errors);
  EXPECT_THAT(errors, ElementsAre("f.textproto:2:1: macro 'num' field name: expected UPPER_CASE",
                                  "f.textproto:3:1: macro 'NUM' field name: defined twice"));
  absl::StatusOr<std::string> num = macros.Expand("{NUM}");
  ASSERT_OK(num);
  EXPECT_EQ(*num, "(?:\\d+)");  // the first definition
}

TEST(CollectActorsTest, EveryActorIsMergedAndTheFirstOfAnIdIndexed) {
  RulesFile file = Parse(R"pb(actors { id: "us" }
actors { id: "US" }
actors { id: "us" name: "again" }
)pb");
  Actors actors = Collect(file);
  EXPECT_THAT(actors.errors,
              ElementsAre("f.textproto:2:1: actor 'US' field id: expected lower_snake_case",
                          "f.textproto:3:1: actor 'us' field id: defined twice"));
  EXPECT_EQ(actors.merged.actors_size(), 3);
  EXPECT_THAT(actors.index, UnorderedElementsAre(Pair("us", 0), Pair("US", 1)));
  EXPECT_THAT(actors.places, ElementsAre("f.textproto:1:1", "f.textproto:2:1", "f.textproto:3:1"));
}

TEST(ValidateMacrosTest, EachExpandsAndCompilesWithoutCapturing) {
  RulesFile file = Parse(R"pb(macros { name: "NUM" regex: "\\d+" }
macros { name: "GROUPED" regex: "(\\d+) people" }
macros { name: "UNKNOWN" regex: "{NOPE}" }
macros { name: "BROKEN" regex: "(\\d+" }
)pb");
  RuleErrors errors;
  ValidateMacros(file, Macros({{"NUM", "\\d+"}}), &errors);
  EXPECT_THAT(errors,
              ElementsAre("f.textproto:2:1: macro 'GROUPED' field regex: has a capturing group; "
                          "use (?:...) in macros",
                          "f.textproto:3:1: macro 'UNKNOWN' field regex: unknown macro {NOPE}",
                          StartsWith("f.textproto:4:1: macro 'BROKEN' field regex: missing )")));
}

TEST(ValidateActorParentsTest, ParentsExistWithoutCycles) {
  RulesFile file = Parse(R"pb(actors { id: "us" }
actors { id: "pompeo" parent: "us_state_departmnt" }
actors { id: "a" parent: "b" }
actors { id: "b" parent: "a" }
actors { id: "state" parent: "us" }
)pb");
  Actors actors = Collect(file);
  ASSERT_THAT(actors.errors, IsEmpty());
  RuleErrors errors;
  ValidateActorParents(actors.merged, actors.index, actors.places, &errors);
  EXPECT_THAT(errors, ElementsAre("f.textproto:2:1: actor 'pompeo' field parent: "
                                  "'us_state_departmnt' is not a defined actor id",
                                  "f.textproto:3:1: actor 'a' field parent: the hierarchy has a "
                                  "cycle",
                                  "f.textproto:4:1: actor 'b' field parent: the hierarchy has a "
                                  "cycle"));
}

TEST(ValidateKindsTest, EveryProblemOfEveryKindAndPattern) {
  RulesFile file = Parse(R"pb(kinds {
  name: "count"
  value_type: VALUE_TYPE_QUANTITY
  trigger: "\\bcount"
  patterns { id: "fine" regex: "count of (?P<value>{NUM})" }
  patterns { id: "bad_macro" regex: "count of (?P<value>{NOPE})" }
  patterns { id: "no_value" regex: "count of {NUM}" }
  patterns { id: "fine" regex: "(?P<amount>{NUM}) of (?P<value>{NUM})" }
}
kinds {
  name: "count"
  trigger: "(count"
  comparison { relative_tolerance: -1 }
  patterns { id: "Bad" regex: "(?P<value>{NUM}) counted" }
}
kinds { name: "Empty" value_type: VALUE_TYPE_TIME }
)pb");
  absl::flat_hash_set<std::string> kind_names;
  CompiledPatterns validated;
  RuleErrors errors;
  ValidateKinds(file, Macros({{"NUM", "\\d+"}}), &kind_names, &validated, &errors);
  EXPECT_THAT(
      errors,
      ElementsAre(
          "f.textproto:6:30: kind 'count' pattern 'bad_macro' field regex: unknown macro {NOPE}",
          "f.textproto:7:29: kind 'count' pattern 'no_value' field regex: needs a (?P<value>...) "
          "group",
          "f.textproto:8:14: kind 'count' pattern 'fine' field id: pattern id used twice",
          "f.textproto:8:25: kind 'count' pattern 'fine' field regex: unknown group "
          "(?P<amount>); valid names: value, add, scope, object, source",
          "f.textproto:11:3: kind 'count' field name: kind defined twice",
          "f.textproto:10:1: kind 'count' field value_type: missing; valid choices: "
          "VALUE_TYPE_QUANTITY, VALUE_TYPE_TIME, VALUE_TYPE_ACTOR",
          StartsWith("f.textproto:12:3: kind 'count' field trigger: missing )"),
          "f.textproto:13:3: kind 'count' field comparison: relative_tolerance must be >= 0",
          "f.textproto:14:14: kind 'count' pattern 'Bad' field id: expected lower_snake_case",
          "f.textproto:16:1: kind 'Empty' field name: expected lower_snake_case",
          "f.textproto:16:1: kind 'Empty' field patterns: a kind needs at least one pattern",
          "f.textproto:16:1: kind 'Empty' field trigger: missing: a cheap RE2 prefilter for "
          "sentences"));
  EXPECT_THAT(kind_names, UnorderedElementsAre("count"));
  // The patterns that compile, kept for loading (the last of an id).
  EXPECT_EQ(validated.size(), 3u);
  EXPECT_TRUE(validated.contains("count/no_value"));
  EXPECT_TRUE(validated.contains("count/Bad"));
}

TEST(ValidateSectionsTest, SubjectsCurrenciesOutletsAndUrlDates) {
  RulesFile file = Parse(R"pb(subjects { key: "s" regex: "(s" }
currencies { code: "usd" symbols: "$" }
currencies { code: "EUR" words: " " }
currencies { code: "GBP" }
outlets { name: "Fine" }
outlets { name: "Post" masthead: "[post" }
url_date_patterns: "/(?P<y>\\d{4})/(?P<m>\\d\\d)/"
url_date_patterns: "(bad"
)pb");
  RuleErrors errors;
  ValidateSubjects(file, &errors);
  ValidateCurrencies(file, &errors);
  ValidateOutlets(file, &errors);
  ValidateUrlDatePatterns(file, &errors);
  EXPECT_THAT(
      errors,
      ElementsAre(StartsWith("f.textproto:1:1: subject 's' field regex: missing )"),
                  "f.textproto:2:1: currency 'usd' field code: expected an ISO 4217 code such as "
                  "USD",
                  "f.textproto:3:1: currency 'EUR' field symbols/words: empty entry",
                  "f.textproto:4:1: currency 'GBP' field symbols: needs a symbol or a word",
                  StartsWith("f.textproto:6:1: outlet 'Post' field masthead: missing ]"),
                  "f.textproto:7:1: url_date_patterns: needs groups (?P<y>), (?P<m>), (?P<d>)",
                  StartsWith("f.textproto:8:1: url_date_patterns: missing )")));
}

TEST(ValidateSectionsTest, AttributionAndSentenceCues) {
  RulesFile file = Parse(R"pb(context_time: "{NOPE}"
attribution {
  source_patterns: "according to (?P<source>{NUM})"
  source_patterns: "said {NUM}"
  source_patterns: "{NOPE}"
  hedge: "(may"
}
not_a_count: "father[ of"
events { occasions { name: "raid" regex: "raid(s" } }
)pb");
  RuleErrors errors;
  const MacroTable macros = Macros({{"NUM", "\\d+"}});
  ValidateAttribution(file, macros, &errors);
  ValidateSentenceCues(file, macros, &errors);
  EXPECT_THAT(
      errors,
      ElementsAre("f.textproto:2:1: attribution field source_patterns: needs a "
                  "(?P<source>...) group",
                  "f.textproto:2:1: attribution field source_patterns: unknown macro {NOPE}",
                  StartsWith("f.textproto:2:1: attribution field hedge: missing )"),
                  "f.textproto:1:1: context_time: unknown macro {NOPE}",
                  StartsWith("f.textproto:8:1: not_a_count: missing ]"),
                  StartsWith("f.textproto:9:1: events occasion 'raid' regex: missing )")));
}

}  // namespace
}  // namespace crosscheck
