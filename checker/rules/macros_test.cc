#include "checker/rules/macros.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "checker/internal/testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "re2/re2.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::StatusIs;
using ::testing::HasSubstr;

TEST(MacroTableTest, ADefinitionIsFinal) {
  MacroTable macros;
  EXPECT_TRUE(macros.Define("NUM", "\\d+"));
  EXPECT_FALSE(macros.Define("NUM", "[0-9]+"));
  absl::StatusOr<std::string> num = macros.Expand("{NUM}");
  ASSERT_OK(num);
  EXPECT_EQ(*num, "(?:\\d+)");
}

TEST(MacroTableTest, ExpandsNestedMacrosAsGroups) {
  MacroTable macros;
  macros.Define("NUM", "\\d+");
  macros.Define("TOLL", "{NUM} (?:dead|killed)");
  absl::StatusOr<std::string> toll = macros.Expand("(?P<value>{TOLL}), {NUM}");
  ASSERT_OK(toll);
  EXPECT_EQ(*toll, "(?P<value>(?:(?:\\d+) (?:dead|killed))), (?:\\d+)");
  // Repetition braces and lower-case braces are not macros.
  absl::StatusOr<std::string> plain = macros.Expand("\\d{1,3} {num}");
  ASSERT_OK(plain);
  EXPECT_EQ(*plain, "\\d{1,3} {num}");
}

TEST(MacroTableTest, LettersAreCompacted) {
  MacroTable macros;
  macros.Define("WORD", "\\pL+");
  absl::StatusOr<std::string> word = macros.Expand("{WORD}");
  ASSERT_OK(word);
  EXPECT_EQ(*word, absl::StrCat("(?:", CompactLetters("\\pL"), "+)"));
}

TEST(MacroTableTest, UnknownMacrosAndCyclesAreErrors) {
  MacroTable macros;
  macros.Define("A", "x{B}");
  macros.Define("B", "y{A}");
  EXPECT_THAT(macros.Expand("{NOPE} people"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("unknown macro {NOPE}")));
  EXPECT_THAT(macros.Expand("{A}"), StatusIs(absl::StatusCode::kInvalidArgument,
                                             HasSubstr("macros refer to each other in a cycle")));
}

TEST(PatternOptionsTest, CaseInsensitiveAndQuiet) {
  RE2 re("count of \\d+", PatternOptions());
  EXPECT_TRUE(RE2::FullMatch("COUNT OF 12", re));
  RE2 bad("(unclosed", PatternOptions());
  EXPECT_FALSE(bad.ok());
}

// \pL becomes code-point ranges, in a class or not; other escapes, POSIX
// classes and \p{Lu} stay as written.
TEST(CompactLettersTest, RewritesLetterClassesOnly) {
  const std::string ranges = CompactLetters("\\pL");
  ASSERT_EQ(ranges.front(), '[');
  ASSERT_EQ(ranges.back(), ']');
  const std::string inner = ranges.substr(1, ranges.size() - 2);
  EXPECT_EQ(CompactLetters("[\\pL'-]+"), absl::StrCat("[", inner, "'-]+"));
  EXPECT_EQ(CompactLetters("\\p{L}\\s"), absl::StrCat(ranges, "\\s"));
  EXPECT_EQ(CompactLetters("[[:alpha:]\\pL]"), absl::StrCat("[[:alpha:]", inner, "]"));
  EXPECT_EQ(CompactLetters("[]\\pL]"), absl::StrCat("[]", inner, "]"));
  for (absl::string_view kept : {"\\\\pL", "\\p{Lu}\\p{Ll}", "\\[\\pL", "a\\]b"}) {
    if (kept == "\\[\\pL") {
      EXPECT_EQ(CompactLetters(kept), absl::StrCat("\\[", ranges));  // \[ is no class
    } else {
      EXPECT_EQ(CompactLetters(kept), kept);
    }
  }
}

// What the ranges accept: letters of any script, with their combining marks;
// not the punctuation, dashes, quotes and symbols that end words in news.
TEST(CompactLettersTest, MatchesLettersNotPunctuation) {
  RE2 word(CompactLetters("^[\\pL]+$"));
  ASSERT_TRUE(word.ok()) << word.error();
  for (const char* letters :
       {"Guaid\u00F3", "Mu\u00F1oz", "\u041C\u0430\u0434\u0443\u0301\u0440\u043E", "\u4E2D\u56FD",
        "\u0627\u0644\u0642\u062F\u0633", "\u00AAb\u00B5"}) {
    EXPECT_TRUE(RE2::FullMatch(letters, word)) << letters;
  }
  for (const char* other :
       {"\u2019", "\u201C", "\u2014", "\u20AC", "\u00A0", "\u00D7", "3", "_", "\u3001", "\u00AB"}) {
    EXPECT_FALSE(RE2::FullMatch(other, word)) << other;
  }
}

}  // namespace
}  // namespace crosscheck
