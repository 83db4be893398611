// How the rules' regexes are written and compiled: `{NAME}` macros (named
// regexes a rule refers to by name), `\pL` letter classes written as
// code-point ranges, and the RE2 options every rule regex compiles with.
//
// Example:
//   MacroTable macros;
//   macros.Define("NUM", "\\d+");
//   absl::StatusOr<std::string> regex = macros.Expand("(?P<value>{NUM}) people");
//   // "(?P<value>(?:\\d+)) people"
//   RE2 re(*regex, PatternOptions());
#ifndef CROSSCHECK_CHECKER_RULES_MACROS_H_
#define CROSSCHECK_CHECKER_RULES_MACROS_H_

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "re2/re2.h"

namespace crosscheck {

// The options every rule regex compiles with: case-insensitive, UTF-8,
// quiet, with a 64 MB memory budget.
const RE2::Options& PatternOptions();

// The macros of a rule set, by name.
class MacroTable {
 public:
  // Defines macro `name` as `regex`; false (and no change) when `name` is
  // defined already.
  bool Define(const std::string& name, const std::string& regex);

  // Expands `{NAME}` references in `regex` (each as a non-capturing group,
  // nested macros too), and writes `\pL` (`\p{L}`) as CompactLetters().
  // Errors name the unknown macro, or say that macros refer to each other
  // in a cycle.
  absl::StatusOr<std::string> Expand(absl::string_view regex) const;

 private:
  absl::flat_hash_map<std::string, std::string> macros_;
};

// `regex` with every `\pL` and `\p{L}` (a letter), inside a character class
// or not, replaced by code-point ranges: ASCII letters, the Latin-1 letters,
// and everything from U+00F8 on but the punctuation and symbol blocks
// (U+2000-U+2BFF, U+2E00-U+303F). RE2 compiles Unicode's exact letter table
// into thousands of instructions per use, and a pattern of words such as
// `(?:[\pL'’-]+\s+){0,3}` into a program several times larger, whose DFA
// runs from cache misses; the ranges take a few. They also accept combining
// marks and letter-like symbols of other scripts, which words in news may
// hold, and reject punctuation and symbols as \pL does. (`\p{Lu}`, `\p{Ll}`
// and other classes are left as they are.)
std::string CompactLetters(absl::string_view regex);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_RULES_MACROS_H_
