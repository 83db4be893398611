// Open-domain quantities: every number in a text that counts or measures
// something, with its value, unit, bound or direction, and the words that
// say what it measures.
//
// "The crash site is about 40 km from the capital" gives 40, kilometre
// (length), "~", concept "crash site from the capital"; "Police arrested
// more than 120 people" gives 120, person (count), ">", "people arrested";
// "The Nasdaq fell 2.5%" gives 2.5, percent, "down", "Nasdaq". Identifiers
// ("Flight 417", "Airbus A320"), years, dates and times of day (the TIMEX3
// tagger's dates and times), dates counted back ("three days ago"),
// ordinals, scores ("won 3-1") and names with digits ("S&P 500") are not
// quantities.
//
// Everything it reads is data: units (`quantities.units`, with aliases,
// dimensions and factors to a base unit), bound and direction cues, the
// identifier, score and name cues, the counted-noun and concept words
// (rules/units.textproto, rules/quantities.textproto), number words and
// currencies (rules/lexicon.textproto).
//
// Example:
//   absl::StatusOr<std::unique_ptr<QuantityTagger>> tagger =
//       QuantityTagger::Create(rules);
//   std::vector<QuantityMention> q =
//       (*tagger)->Tag("The blast left a crater 43 metres deep.");
//   // q[0]: value 43, unit "metre", dimension "length", change "="
#ifndef CROSSCHECK_CHECKER_EXTRACT_QUANTITY_TAGGER_H_
#define CROSSCHECK_CHECKER_EXTRACT_QUANTITY_TAGGER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "checker/rules/rule_set.h"
#include "proto/quantities.pb.h"

namespace crosscheck {

// Tags quantities. Immutable after Create(); thread-safe.
class QuantityTagger {
 public:
  // Compiles the `quantities` section of `rules`. Fails (InvalidArgument),
  // naming the field, when a cue does not compile or a unit names an
  // unknown dimension. `rules` must outlive the tagger.
  static absl::StatusOr<std::unique_ptr<QuantityTagger>> Create(const Rules& rules);

  ~QuantityTagger();
  QuantityTagger(const QuantityTagger&) = delete;
  QuantityTagger& operator=(const QuantityTagger&) = delete;

  // The quantities of `text`, in text order, not overlapping. Offsets are
  // UTF-8 bytes into `text`.
  std::vector<QuantityMention> Tag(absl::string_view text) const;

  // The unit named `name` (a `Unit.name`), or null.
  const Unit* FindUnit(absl::string_view name) const;

  // The dimension named `name`, or null.
  const Dimension* FindDimension(absl::string_view name) const;

  // `value` of `unit` in its dimension's base unit; `value` unchanged for
  // units not in the table (currencies, counted nouns).
  double ToBase(double value, absl::string_view unit) const;

 private:
  struct Impl;
  explicit QuantityTagger(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The quantity as the examples of the rules write it: "VALUE UNIT CHANGE",
// a range as "LOW-HIGH", an empty unit as "-" ("40 kilometre ~",
// "20-30 house =").
std::string QuantityExampleString(const QuantityMention& q);

// `crosscheck quantities`: reads JSON Lines `{"id", "text"}` (an optional
// "dct") from `path` one line at a time and passes each one's result, as
// one JSON line `{"id", "quantities": [{"begin", "end", "text", "value" (a
// number, or [low, high]), "unit", "dimension", "change", "concept"}]}`
// with a newline, to `sink`. Fails on the first bad line, naming the file
// and line and what was expected.
absl::Status TagQuantityJsonLinesFile(const QuantityTagger& tagger, const std::string& path,
                                      absl::FunctionRef<absl::Status(absl::string_view)> sink);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_EXTRACT_QUANTITY_TAGGER_H_
