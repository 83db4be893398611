// Finds TIMEX3 time expressions in news text and normalizes their values
// against the document creation time (DCT), the way TimeML annotates them.
//
// The patterns and vocabulary are data (`timex` in rules/timex.textproto,
// see proto/timex.proto); this library holds the generic mechanisms: one
// leftmost-longest scan over all patterns together (RE2's DFA only; an
// RE2::Set then names the pattern and its groups are read on the span
// alone), then the values:
// anchoring to the DCT or to the last date the text mentioned ("a year
// earlier"), the direction of a bare weekday or month from tense cues in its
// sentence, granularities (day 2019-01-26, week 2019-W04, weekend
// 2019-W04-WE, month, quarter 1989-Q3, half, season 1998-FA, year, decade
// 199, century), times (T14:30, TMO), durations (P3Y, PT72H, PXD), sets
// (P1W, XXXX-WXX-1) and PRESENT_REF/PAST_REF/FUTURE_REF.
//
// Example:
//   absl::StatusOr<std::unique_ptr<TimexTagger>> tagger =
//       TimexTagger::Create(rules);
//   std::vector<Timex> t = (*tagger)->Tag("It closed last week.",
//                                         absl::CivilDay(2019, 1, 24));
//   // t[0]: bytes [10, 19), DATE, value "2019-W03"
#ifndef CROSSCHECK_CHECKER_EXTRACT_TIMEX_H_
#define CROSSCHECK_CHECKER_EXTRACT_TIMEX_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "checker/rules/rule_set.h"
#include "proto/timex.pb.h"

namespace crosscheck {

// One time expression.
struct Timex {
  // UTF-8 byte offsets into the text, end exclusive.
  int begin = 0;
  int end = 0;
  // DATE, TIME, DURATION or SET.
  std::string type;
  // The TIMEX3 value ("2019-01-26", "P3Y", "PRESENT_REF").
  std::string value;
  // The pattern that found it.
  const TimexPattern* pattern = nullptr;
};

// Tags time expressions. Immutable after Create(); thread-safe.
class TimexTagger {
 public:
  // Compiles the `timex` section of `rules` (patterns with their macros
  // expanded). Fails (InvalidArgument), naming the pattern, when a pattern
  // does not compile or names an unknown type or word. `rules` must outlive
  // the tagger.
  static absl::StatusOr<std::unique_ptr<TimexTagger>> Create(const Rules& rules);

  ~TimexTagger();
  TimexTagger(const TimexTagger&) = delete;
  TimexTagger& operator=(const TimexTagger&) = delete;

  // The time expressions of `text`, in text order, not overlapping.
  std::vector<Timex> Tag(absl::string_view text, absl::CivilDay dct) const;

  // The patterns, as loaded (for tests of their examples).
  const TimexRules& rules() const;

 private:
  struct Impl;
  explicit TimexTagger(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// `crosscheck timex`: reads JSON Lines documents
// `{"id", "dct" (YYYY-MM-DD), "text"}` from `path` one line at a time and
// passes each one's result, as one JSON line `{"id", "timexes": [{"begin",
// "end", "text", "type", "value"}]}` with a newline, to `sink`. Fails on the
// first bad line with `path:line: ...` saying what was expected.
absl::Status TagJsonLinesFile(const TimexTagger& tagger, const std::string& path,
                              absl::FunctionRef<absl::Status(absl::string_view)> sink);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_EXTRACT_TIMEX_H_
