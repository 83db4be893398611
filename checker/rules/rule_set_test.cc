#include "checker/rules/rule_set.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "checker/internal/testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "re2/re2.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::RunfilePath;
using ::crosscheck::testing::StatusIs;
using ::testing::AllOf;
using ::testing::AnyOf;
using ::testing::Contains;
using ::testing::ContainsRegex;
using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::MatchesRegex;
using ::testing::Not;
using ::testing::SizeIs;
using ::testing::StartsWith;

using Texts = std::vector<std::pair<std::string, std::string>>;

// "name:line:col" of the first `token` on 1-based line `line` of `content`.
std::string At(const std::string& name, const std::string& content, int line,
               const std::string& token) {
  std::vector<std::string> lines = absl::StrSplit(content, '\n');
  if (line < 1 || line > static_cast<int>(lines.size())) return "<no such line>";
  size_t col = lines[line - 1].find(token);
  if (col == std::string::npos) return "<no such token>";
  return absl::StrCat(name, ":", line, ":", col + 1);
}

// The lines of a load error.
std::vector<std::string> ErrorLines(const absl::Status& status) {
  return absl::StrSplit(status.message(), '\n', absl::SkipEmpty());
}

// A small valid rule set, split over files the way rules/ is.
const char kLexicon[] = R"pb(macros { name: "NUM" regex: "\\d+(?:,\\d{3})*" }
macros { name: "UNIT" regex: "(?:people|persons)" }
)pb";

const char kCountKind[] = R"pb(kinds {
  name: "count"
  value_type: VALUE_TYPE_QUANTITY
  trigger: "\\bcount"
  patterns { id: "count_of" regex: "count of (?P<value>{NUM}) {UNIT}" }
}
)pb";

const char kActors[] = R"pb(actors { id: "us" name: "the United States" }
actors { id: "us_government" name: "the US government" parent: "us" }
)pb";

// Every kind of problem validation finds, one per line where it can.
const char kBadMacros[] = R"pb(macros { name: "NUM" regex: "\\d+" }
macros { name: "GROUPED" regex: "(\\d+) people" }
)pb";

const char kBadKinds[] = R"pb(kinds {
  name: "count"
  value_type: VALUE_TYPE_QUANTITY
  trigger: "\\bcount"
  patterns { id: "fine" regex: "count of (?P<value>{NUM})" }
  patterns { id: "bad_macro" regex: "count of (?P<value>{NOPE})" }
  patterns { id: "bad_regex" regex: "count of (?P<value>\\d+" }
  patterns { id: "no_value" regex: "count of {NUM}" }
  patterns { id: "bad_group" regex: "(?P<amount>{NUM}) of (?P<value>{NUM})" }
}
kinds {
  name: "count"
  value_type: VALUE_TYPE_QUANTITY
  trigger: "\\bcount"
  patterns { id: "again" regex: "(?P<value>{NUM}) counted" }
}
kinds {
  name: "untyped"
  trigger: "\\bthing"
  patterns { id: "thing" regex: "(?P<value>{NUM}) things" }
}
)pb";

const char kBadActors[] = R"pb(actors { id: "us" name: "the United States" }
actors { id: "pompeo" name: "Mike Pompeo" parent: "us_state_departmnt" }
)pb";

const char kBadSyntax[] = R"pb(kinds {
  name: "broken"
  value_type: VALUE_TYPE_QUANTITY
  trigger "\\bbroken"
}
)pb";

TEST(RuleSetTest, ShippedRulesLoad) {
  absl::StatusOr<std::unique_ptr<Rules>> rules = Rules::LoadDirectory(RunfilePath("rules"));
  ASSERT_OK(rules);
  const Rules& r = **rules;
  std::vector<std::string> names;
  for (const CompiledKind& k : r.kinds()) {
    names.push_back(k.kind->name());
    // (A measure kind's claims are the quantity tagger's.)
    if (k.kind->open_dimensions_size() == 0) {
      EXPECT_THAT(k.patterns, Not(IsEmpty())) << k.kind->name();
    }
    for (const CompiledPattern& p : k.patterns) {
      ASSERT_NE(p.re, nullptr);
      EXPECT_TRUE(p.re->ok()) << p.pattern->id();
      EXPECT_GT(p.value_group, 0) << k.kind->name() << "/" << p.pattern->id();
    }
  }
  EXPECT_THAT(names, Contains("deadline"));
  EXPECT_THAT(names, Contains("death_toll"));
  EXPECT_THAT(names, Contains("withdrawal_order"));

  const CompiledKind* toll = r.FindKind("death_toll");
  ASSERT_NE(toll, nullptr);
  EXPECT_EQ(toll->kind->value_type(), VALUE_TYPE_QUANTITY);
  const CompiledKind* deadline = r.FindKind("deadline");
  ASSERT_NE(deadline, nullptr);
  EXPECT_EQ(deadline->kind->value_type(), VALUE_TYPE_TIME);
  EXPECT_EQ(r.FindKind("no_such_kind"), nullptr);
  EXPECT_EQ(r.FindKind(""), nullptr);

  const ActorAlias* pompeo = r.FindActor("pompeo");
  ASSERT_NE(pompeo, nullptr);
  EXPECT_EQ(pompeo->parent(), "us_state_department");
  EXPECT_EQ(r.FindActor("no_such_actor"), nullptr);

  // Lexicons merged from lexicon.textproto.
  EXPECT_THAT(r.proto().qualifiers(), Not(IsEmpty()));
  EXPECT_THAT(r.proto().number_words(), Not(IsEmpty()));
  EXPECT_THAT(r.proto().abbreviations(), Contains("U.S."));
  EXPECT_THAT(r.proto().currencies(), Not(IsEmpty()));
}

TEST(RuleSetTest, RecompiledRulesMatchAloneAndAlike) {
  absl::StatusOr<std::unique_ptr<Rules>> rules = Rules::LoadDirectory(RunfilePath("rules"));
  ASSERT_OK(rules);
  absl::StatusOr<std::unique_ptr<Rules>> copy = (*rules)->Recompiled();
  ASSERT_OK(copy);
  const std::string sentence = "At least 12 people were killed and 30 injured on Sunday.";
  EXPECT_EQ((*copy)->TriggeredKinds(sentence), (*rules)->TriggeredKinds(sentence));
  EXPECT_THAT((*copy)->TriggeredKinds(sentence), Not(IsEmpty()));
  ASSERT_EQ((*copy)->kinds().size(), (*rules)->kinds().size());
  for (size_t k = 0; k < (*rules)->kinds().size(); ++k) {
    const CompiledKind& a = (*rules)->kinds()[k];
    const CompiledKind& b = (*copy)->kinds()[k];
    EXPECT_EQ(b.kind->name(), a.kind->name());
    EXPECT_EQ(b.Candidates(sentence), a.Candidates(sentence)) << a.kind->name();
    ASSERT_EQ(b.patterns.size(), a.patterns.size());
    for (size_t p = 0; p < a.patterns.size(); ++p) {
      EXPECT_NE(b.patterns[p].re.get(), a.patterns[p].re.get());  // its own
      EXPECT_EQ(b.patterns[p].re->pattern(), a.patterns[p].re->pattern());
      EXPECT_EQ(b.patterns[p].value_group, a.patterns[p].value_group);
    }
  }
  // The copy holds nothing of the original's.
  rules->reset();
  EXPECT_NE((*copy)->FindKind("death_toll"), nullptr);
  EXPECT_NE((*copy)->FindKind("death_toll")->kind, nullptr);
  EXPECT_EQ((*copy)->FindActor("pompeo")->parent(), "us_state_department");
  EXPECT_THAT((*copy)->TriggeredKinds(sentence), Not(IsEmpty()));
}

TEST(RuleSetTest, MissingDirectory) {
  EXPECT_THAT(Rules::LoadDirectory("/no/such/rules/dir"),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("/no/such/rules/dir")));
  EXPECT_THAT(Rules::LoadFiles({"/no/such/file.textproto"}),
              StatusIs(absl::StatusCode::kNotFound, StartsWith("/no/such/file.textproto:1:1:")));
}

TEST(RuleSetTest, TriggeredKinds) {
  absl::StatusOr<std::unique_ptr<Rules>> rules = Rules::LoadDirectory(RunfilePath("rules"));
  ASSERT_OK(rules);
  const Rules& r = **rules;
  auto index = [&](const std::string& name) {
    for (int i = 0; i < static_cast<int>(r.kinds().size()); ++i) {
      if (r.kinds()[i].kind->name() == name) return i;
    }
    ADD_FAILURE() << "no kind " << name;
    return -1;
  };
  const int deadline = index("deadline");
  const int toll = index("death_toll");
  const int withdrawal = index("withdrawal_order");
  const int count = index("count");
  // The kinds with patterns a sentence triggers (measure kinds fire on any
  // number).
  auto with_patterns = [&](const std::string& text) {
    std::vector<int> kinds;
    for (int k : r.TriggeredKinds(text)) {
      if (r.kinds()[k].kind->open_dimensions_size() == 0) kinds.push_back(k);
    }
    return kinds;
  };

  EXPECT_THAT(with_patterns("At least 20 people were killed this week."), ElementsAre(toll));
  EXPECT_THAT(with_patterns("AT LEAST 20 PEOPLE WERE KILLED."), ElementsAre(toll));
  EXPECT_THAT(with_patterns("Three people died in the flood on Monday."), ElementsAre(toll));
  EXPECT_THAT(r.TriggeredKinds("Three people died in the flood on Monday."), Contains(count));
  EXPECT_THAT(with_patterns("Diplomats have 72 hours to leave the country."),
              ElementsAre(deadline));
  std::vector<int> both =
      r.TriggeredKinds("Maduro ordered U.S. diplomats to leave the country by Sunday.");
  EXPECT_THAT(both, Contains(deadline));
  EXPECT_THAT(both, Contains(withdrawal));
  EXPECT_THAT(both, Not(Contains(toll)));
  EXPECT_THAT(r.TriggeredKinds("The weather in Caracas was mild."), IsEmpty());
  EXPECT_THAT(r.TriggeredKinds(""), IsEmpty());
}

TEST(RuleSetTest, ExpandMacrosAndCompile) {
  absl::StatusOr<std::unique_ptr<Rules>> rules = Rules::LoadDirectory(RunfilePath("rules"));
  ASSERT_OK(rules);
  const Rules& r = **rules;

  absl::StatusOr<std::string> weekday = r.ExpandMacros("{WEEKDAY} night");
  ASSERT_OK(weekday);
  EXPECT_THAT(*weekday, StartsWith("(?:"));
  EXPECT_THAT(*weekday, HasSubstr("wednesday"));
  EXPECT_THAT(*weekday, HasSubstr(" night"));

  // Nested macros expand all the way down; regex repetition braces stay.
  absl::StatusOr<std::string> qnum = r.ExpandMacros("{QNUM}");
  ASSERT_OK(qnum);
  EXPECT_THAT(*qnum, Not(ContainsRegex("\\{[A-Z]")));
  absl::StatusOr<std::string> actor = r.ExpandMacros("{ACTOR}");
  ASSERT_OK(actor);
  EXPECT_THAT(*actor, HasSubstr("{0,6}"));

  // Text without macros is unchanged.
  absl::StatusOr<std::string> plain = r.ExpandMacros("\\d{1,3} people");
  ASSERT_OK(plain);
  EXPECT_EQ(*plain, "\\d{1,3} people");

  EXPECT_THAT(r.ExpandMacros("{NOPE} people"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("unknown macro {NOPE}")));

  absl::StatusOr<std::unique_ptr<RE2>> re = r.Compile("(?P<value>{QNUM})\\s+{VICTIMS}");
  ASSERT_OK(re);
  std::string value;
  EXPECT_TRUE(RE2::PartialMatch("At Least 15,000 Protesters marched", **re, &value));
  EXPECT_EQ(value, "At Least 15,000");
  EXPECT_TRUE(RE2::PartialMatch("nearly two dozen soldiers", **re, &value));
  EXPECT_EQ(value, "nearly two dozen");

  EXPECT_THAT(r.Compile("(unclosed"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("(unclosed")));
  EXPECT_THAT(r.Compile("{NOPE}"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("{NOPE}")));
}

TEST(RuleSetTest, LoadTextsMergesFilesInOrder) {
  const char kSecondKind[] = R"pb(kinds {
  name: "toll"
  value_type: VALUE_TYPE_QUANTITY
  trigger: "\\bkilled"
  patterns { id: "killed" regex: "(?P<value>{NUM}) {UNIT} killed" }
})pb";
  // Patterns may use macros defined in a later file.
  absl::StatusOr<std::unique_ptr<Rules>> rules =
      Rules::LoadTexts({{"a_kinds.textproto", kCountKind},
                        {"b_more.textproto", kSecondKind},
                        {"c_actors.textproto", kActors},
                        {"d_lexicon.textproto", kLexicon}});
  ASSERT_OK(rules);
  const Rules& r = **rules;
  ASSERT_THAT(r.kinds(), SizeIs(2));
  EXPECT_EQ(r.kinds()[0].kind->name(), "count");
  EXPECT_EQ(r.kinds()[1].kind->name(), "toll");
  EXPECT_THAT(r.TriggeredKinds("12 people killed"), ElementsAre(1));
  EXPECT_THAT(r.TriggeredKinds("the count of 12 people"), ElementsAre(0));
  const CompiledPattern& p = r.kinds()[0].patterns[0];
  EXPECT_EQ(p.pattern->id(), "count_of");
  EXPECT_EQ(p.value_group, 1);
  EXPECT_EQ(p.scope_group, 0);
  std::string value;
  EXPECT_TRUE(RE2::PartialMatch("The COUNT OF 1,200 people", *p.re, &value));
  EXPECT_EQ(value, "1,200");
  ASSERT_NE(r.FindActor("us_government"), nullptr);
  EXPECT_EQ(r.proto().macros_size(), 2);
  EXPECT_EQ(r.proto().actors_size(), 2);
}

TEST(RuleSetTest, SyntaxErrorsSayWhere) {
  absl::StatusOr<std::unique_ptr<Rules>> rules =
      Rules::LoadTexts({{"lexicon.textproto", kLexicon},
                        {"syntax.textproto", kBadSyntax},
                        {"also_bad.textproto", "macros { name: \"X\" regex: }\n"}});
  ASSERT_THAT(rules, StatusIs(absl::StatusCode::kInvalidArgument, ::testing::_));
  std::vector<std::string> errors = ErrorLines(rules.status());
  // One syntax error per broken file, both reported.
  EXPECT_THAT(errors, Contains(StartsWith("syntax.textproto:4:")));
  EXPECT_THAT(errors, Contains(StartsWith("also_bad.textproto:1:")));
  EXPECT_THAT(errors, Each(ContainsRegex("^[a-z_]+\\.textproto:[0-9]+:[0-9]+: ")));
}

TEST(RuleSetTest, ReportsEveryValidationErrorWithItsLocation) {
  absl::StatusOr<std::unique_ptr<Rules>> rules =
      Rules::LoadTexts({{"macros.textproto", kBadMacros},
                        {"kinds.textproto", kBadKinds},
                        {"actors.textproto", kBadActors}});
  ASSERT_THAT(rules, StatusIs(absl::StatusCode::kInvalidArgument, ::testing::_));
  std::vector<std::string> errors = ErrorLines(rules.status());
  const std::string k = kBadKinds;

  EXPECT_THAT(errors, Contains(absl::StrCat(At("macros.textproto", kBadMacros, 2, "macros"),
                                            ": macro 'GROUPED' field regex: has a capturing "
                                            "group; use (?:...) in macros")));
  EXPECT_THAT(errors, Contains(absl::StrCat(At("kinds.textproto", k, 6, "regex:"),
                                            ": kind 'count' pattern 'bad_macro' field regex: "
                                            "unknown macro {NOPE}")));
  EXPECT_THAT(errors, Contains(StartsWith(absl::StrCat(
                          At("kinds.textproto", k, 7, "regex:"),
                          ": kind 'count' pattern 'bad_regex' field regex: missing )"))));
  EXPECT_THAT(errors, Contains(absl::StrCat(At("kinds.textproto", k, 8, "regex:"),
                                            ": kind 'count' pattern 'no_value' field regex: "
                                            "needs a (?P<value>...) group")));
  EXPECT_THAT(errors, Contains(StartsWith(absl::StrCat(
                          At("kinds.textproto", k, 9, "regex:"),
                          ": kind 'count' pattern 'bad_group' field regex: unknown group "
                          "(?P<amount>)"))));
  EXPECT_THAT(errors, Contains(absl::StrCat(At("kinds.textproto", k, 12, "name"),
                                            ": kind 'count' field name: kind defined twice")));
  EXPECT_THAT(errors, Contains(AllOf(StartsWith("kinds.textproto:"),
                                     HasSubstr(": kind 'untyped' field value_type: missing; "
                                               "valid choices: VALUE_TYPE_QUANTITY, "
                                               "VALUE_TYPE_TIME, VALUE_TYPE_ACTOR"))));
  EXPECT_THAT(errors, Contains(HasSubstr("actor 'pompeo' field parent: "
                                         "'us_state_departmnt' is not a defined actor id")));
  // Every problem, and nothing else, each as `file:line:col: message`.
  EXPECT_THAT(errors, SizeIs(8));
  EXPECT_THAT(errors, Each(ContainsRegex("^[a-z_]+\\.textproto:[0-9]+:[0-9]+: ")));
}

// Regression test (fixed): the dangling-parent error carries no `file:line:col:` prefix: it is
// reported as "actor 'pompeo' field parent: 'us_state_departmnt' is not a
// defined actor id", unlike every other error.
TEST(RuleSetTest, DanglingActorParentSaysWhere) {
  absl::StatusOr<std::unique_ptr<Rules>> rules =
      Rules::LoadTexts({{"lexicon.textproto", kLexicon},
                        {"kinds.textproto", kCountKind},
                        {"actors.textproto", kBadActors}});
  ASSERT_THAT(rules, StatusIs(absl::StatusCode::kInvalidArgument, ::testing::_));
  EXPECT_THAT(
      ErrorLines(rules.status()),
      ElementsAre(absl::StrCat(At("actors.textproto", kBadActors, 2, "actors"),
                               ": actor 'pompeo' field parent: 'us_state_departmnt' is not a "
                               "defined actor id")));
}

// An error about a field that was not written points at the kind it is
// missing from.
// Regression test (fixed): it falls back to "kinds.textproto:1:1" (the first kind, 'count'),
// not line 17 where the 'untyped' kind is written.
TEST(RuleSetTest, MissingFieldErrorPointsAtItsKind) {
  absl::StatusOr<std::unique_ptr<Rules>> rules =
      Rules::LoadTexts({{"macros.textproto", kBadMacros}, {"kinds.textproto", kBadKinds}});
  ASSERT_THAT(rules, StatusIs(absl::StatusCode::kInvalidArgument, ::testing::_));
  EXPECT_THAT(ErrorLines(rules.status()),
              Contains(StartsWith(absl::StrCat(At("kinds.textproto", kBadKinds, 17, "kinds"),
                                               ": kind 'untyped' field value_type: missing"))));
}

// Syntax errors of every file are reported together; validation (which may
// need macros from the broken file) waits until all files parse, as the
// header documents.
TEST(RuleSetTest, SyntaxErrorsOfEveryFileAreReported) {
  absl::StatusOr<std::unique_ptr<Rules>> rules =
      Rules::LoadTexts({{"macros.textproto", kBadMacros},
                        {"syntax.textproto", kBadSyntax},
                        {"syntax2.textproto", kBadSyntax},
                        {"kinds.textproto", kBadKinds}});
  ASSERT_THAT(rules, StatusIs(absl::StatusCode::kInvalidArgument, ::testing::_));
  std::vector<std::string> errors = ErrorLines(rules.status());
  EXPECT_THAT(errors, Contains(StartsWith("syntax.textproto:4:")));
  EXPECT_THAT(errors, Contains(StartsWith("syntax2.textproto:4:")));
}

TEST(RuleSetTest, OtherValidationErrors) {
  struct Case {
    const char* name;
    std::string content;
    const char* message;
  } cases[] = {
      {"cycle", R"pb(macros { name: "A" regex: "x{B}" }
macros { name: "B" regex: "y{A}" }
kinds { name: "k" value_type: VALUE_TYPE_QUANTITY trigger: "k"
  patterns { id: "p" regex: "(?P<value>\\d+)" } })pb",
       "cycle"},
      {"twice", R"pb(macros { name: "NUM" regex: "\\d+" }
macros { name: "NUM" regex: "\\d+" }
kinds { name: "k" value_type: VALUE_TYPE_QUANTITY trigger: "k"
  patterns { id: "p" regex: "(?P<value>{NUM})" } })pb",
       "macro 'NUM' field name: defined twice"},
      {"lower_macro", R"pb(macros { name: "num" regex: "\\d+" }
kinds { name: "k" value_type: VALUE_TYPE_QUANTITY trigger: "k"
  patterns { id: "p" regex: "(?P<value>\\d+)" } })pb",
       "macro 'num' field name: expected UPPER_CASE"},
      {"no_trigger", R"pb(kinds { name: "k" value_type: VALUE_TYPE_QUANTITY
  patterns { id: "p" regex: "(?P<value>\\d+)" } })pb",
       "kind 'k' field trigger: missing"},
      {"bad_trigger", R"pb(kinds { name: "k" value_type: VALUE_TYPE_QUANTITY trigger: "(k"
  patterns { id: "p" regex: "(?P<value>\\d+)" } })pb",
       "kind 'k' field trigger: missing )"},
      {"dup_pattern", R"pb(kinds { name: "k" value_type: VALUE_TYPE_QUANTITY trigger: "k"
  patterns { id: "p" regex: "(?P<value>\\d+)" }
  patterns { id: "p" regex: "(?P<value>\\d+) more" } })pb",
       "kind 'k' pattern 'p' field id: pattern id used twice"},
      {"bad_kind_name", R"pb(kinds { name: "Death Toll" value_type: VALUE_TYPE_QUANTITY trigger: "k"
  patterns { id: "p" regex: "(?P<value>\\d+)" } })pb",
       "kind 'Death Toll' field name: expected lower_snake_case"},
      {"actor_twice", R"pb(actors { id: "us" } actors { id: "us" }
kinds { name: "k" value_type: VALUE_TYPE_QUANTITY trigger: "k"
  patterns { id: "p" regex: "(?P<value>\\d+)" } })pb",
       "actor 'us' field id: defined twice"},
      {"no_kinds", R"pb(macros { name: "NUM" regex: "\\d+" })pb", "rules define no claim kinds"},
      {"currency_code", R"pb(currencies { code: "usd" symbols: "$" }
kinds { name: "k" value_type: VALUE_TYPE_QUANTITY trigger: "k"
  patterns { id: "p" regex: "(?P<value>\\d+)" } })pb",
       "currency 'usd' field code: expected an ISO 4217 code"},
      {"value_not_a_number", R"pb(kinds { name: "k" value_type: VALUE_TYPE_QUANTITY trigger: "k"
  patterns { id: "p" regex: "(?P<value>the \\w+) was killed" } })pb",
       "kind 'k' pattern 'p' field regex: group (?P<value>) cannot match a count or amount "
       "such as '12', 'three', 'dozens' or '$20 million' (value_type VALUE_TYPE_QUANTITY)"},
      {"value_not_a_day", R"pb(kinds { name: "k" value_type: VALUE_TYPE_TIME trigger: "k"
  patterns { id: "p" regex: "leave within (?P<value>\\d+) (?:hours|days)" } })pb",
       "kind 'k' pattern 'p' field regex: group (?P<value>) cannot match a day, span or time of "
       "day"},
      {"value_not_an_actor", R"pb(kinds { name: "k" value_type: VALUE_TYPE_ACTOR trigger: "k"
  patterns { id: "p" regex: "(?P<value>\\d+) ordered" } })pb",
       "kind 'k' pattern 'p' field regex: group (?P<value>) cannot match an actor"},
      {"add_in_actor_kind", R"pb(kinds { name: "k" value_type: VALUE_TYPE_ACTOR trigger: "k"
  patterns { id: "p" regex: "(?P<value>[A-Z]\\w+) and (?P<add>\\d+) ordered" } })pb",
       "kind 'k' pattern 'p' field regex: group (?P<add>) adds a number to the value; only "
       "VALUE_TYPE_QUANTITY kinds can have it (this kind is VALUE_TYPE_ACTOR)"},
      {"scope_not_a_time", R"pb(kinds { name: "k" value_type: VALUE_TYPE_QUANTITY trigger: "k"
  patterns { id: "p" regex: "(?P<value>\\d+) killed in (?P<scope>[A-Z]\\w+ province)" } })pb",
       "kind 'k' pattern 'p' field regex: group (?P<scope>) cannot match a time"},
      {"bad_hypothetical", R"pb(attribution { hypothetical: "(if" }
kinds { name: "k" value_type: VALUE_TYPE_QUANTITY trigger: "k"
  patterns { id: "p" regex: "(?P<value>\\d+)" } })pb",
       "attribution field hypothetical: missing )"},
      {"bad_not_a_count", R"pb(not_a_count: "father[ of"
kinds { name: "k" value_type: VALUE_TYPE_QUANTITY trigger: "k"
  patterns { id: "p" regex: "(?P<value>\\d+)" } })pb",
       "not_a_count: missing ]"},
      {"currency_empty", R"pb(currencies { code: "EUR" }
kinds { name: "k" value_type: VALUE_TYPE_QUANTITY trigger: "k"
  patterns { id: "p" regex: "(?P<value>\\d+)" } })pb",
       "currency 'EUR' field symbols: needs a symbol or a word"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<std::unique_ptr<Rules>> rules =
        Rules::LoadTexts({{absl::StrCat(c.name, ".textproto"), c.content}});
    EXPECT_THAT(rules, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.message)))
        << c.name;
  }
}

TEST(RuleSetTest, GroupsThatFitTheirValueTypeLoad) {
  // A class with a ')' and an escaped '(' inside the group do not end it.
  absl::StatusOr<std::unique_ptr<Rules>> rules = Rules::LoadTexts({{"ok.textproto", R"pb(
kinds { name: "k" value_type: VALUE_TYPE_QUANTITY trigger: "k"
  patterns { id: "p" regex: "(?P<value>[\\d,)]+|\\(\\d+)(?:\\s+(?P<scope>on \\w+day))? killed" } }
kinds { name: "t" value_type: VALUE_TYPE_TIME trigger: "t"
  patterns { id: "p" regex: "by (?P<value>(?:sun|mon)day)" } })pb"}});
  EXPECT_OK(rules);
}

// Regression test (fixed): a kind without patterns makes LoadTexts throw (protobuf: "Index must
// be in range of repeated field values. Field: patterns", from
// ParseInfoTree::GetLocation(patterns, -1) in the error's location) instead
// of reporting "kind 'k' field patterns: a kind needs at least one pattern".
TEST(RuleSetTest, KindWithoutPatterns) {
  const std::string content = R"pb(kinds {
  name: "k"
  value_type: VALUE_TYPE_QUANTITY
  trigger: "k"
})pb";
  absl::StatusOr<std::unique_ptr<Rules>> rules =
      Rules::LoadTexts({{"no_patterns.textproto", content}});
  EXPECT_THAT(rules, StatusIs(absl::StatusCode::kInvalidArgument,
                              AllOf(StartsWith("no_patterns.textproto:"),
                                    HasSubstr("kind 'k' field patterns: a kind "
                                              "needs at least one pattern"))));
}

}  // namespace
}  // namespace crosscheck
