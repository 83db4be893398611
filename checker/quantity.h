// Normalizes counts as news writes them into Quantity intervals.
//
// "at least 20" -> [20, +inf); "about 300" -> [270, 330]; "nearly two dozen"
// -> [21.6, 24]; "dozens" -> [24, 99] (vague); "15,000", "1.5 million",
// "three million", "eleven". Number words are parsed with ICU's English
// spell-out rules; qualifiers, scale and vague words come from the rules.
//
// Example:
//   QuantityParser parser(rules.proto());
//   absl::StatusOr<Quantity> q = parser.Parse("at least 20");
#ifndef CROSSCHECK_CHECKER_QUANTITY_H_
#define CROSSCHECK_CHECKER_QUANTITY_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/claim.pb.h"
#include "proto/rules.pb.h"

namespace crosscheck {

// Parses quantities. Immutable after construction; thread-safe.
class QuantityParser {
 public:
  explicit QuantityParser(const RuleSet& rules);

  // Parses a possibly qualified count. Fails (InvalidArgument) when `text`
  // holds no number it can read.
  absl::StatusOr<Quantity> Parse(absl::string_view text) const;

  // Parses a bare cardinal ("eleven", "15,000", "a", "3 million").
  absl::StatusOr<double> ParseCardinal(absl::string_view text) const;

 private:
  // Qualifier phrases, longest first.
  std::vector<std::pair<std::string, const QualifierWord*>> qualifiers_;
  absl::flat_hash_map<std::string, const NumberWord*> words_;
};

// The quantity in words for people: "12 (11 + 1)", "at least 20",
// "about 300", "dozens", "more than 15000". The unit is left to the caller.
std::string DisplayQuantity(const Quantity& q);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_QUANTITY_H_
