// Normalizes counts as news writes them into Quantity intervals.
//
// "at least 20" -> [20, +inf); "about 300" -> [270, 330]; "nearly two dozen"
// -> [21.6, 24]; "dozens" -> [24, 99] (vague); "15,000", "1.5 million",
// "three million", "eleven". Number words are parsed with ICU's English
// spell-out rules; qualifiers, scale and vague words come from the rules.
//
// Amounts of money: a currency symbol or word from the rules' `currencies`
// table ("$20 million", "US$5m", "€5m", "20 million dollars") is stripped and
// its code becomes Quantity.unit ("USD", "EUR"); a scale word may be glued to
// the digits ("5m", "1.2bn", when the rules list "m" and "bn" as scale
// words). Only currencies set the unit: a plain count leaves it empty.
//
// Example:
//   QuantityParser parser(rules.proto());
//   absl::StatusOr<Quantity> q = parser.Parse("at least 20");
//   absl::StatusOr<Quantity> aid = parser.Parse("about $20 million");
//   // aid->unit() == "USD", DisplayAmount(*aid) == "about USD 20 million"
#ifndef CROSSCHECK_CHECKER_EXTRACT_QUANTITY_H_
#define CROSSCHECK_CHECKER_EXTRACT_QUANTITY_H_

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

  // Parses a possibly qualified count or amount of money. Fails
  // (InvalidArgument) when `text` holds no number it can read.
  absl::StatusOr<Quantity> Parse(absl::string_view text) const;

  // Parses a bare cardinal ("eleven", "15,000", "a", "3 million").
  absl::StatusOr<double> ParseCardinal(absl::string_view text) const;

 private:
  // Qualifier phrases, longest first.
  std::vector<std::pair<std::string, const QualifierWord*>> qualifiers_;
  absl::flat_hash_map<std::string, const NumberWord*> words_;
  // Currency symbols (before the number) and words (after it), folded,
  // longest first, with their codes.
  std::vector<std::pair<std::string, std::string>> currency_symbols_;
  std::vector<std::pair<std::string, std::string>> currency_words_;
};

// The quantity in words for people: "12 (11 + 1)", "at least 20",
// "about 300", "dozens", "more than 15000". The unit is left to the caller.
std::string DisplayQuantity(const Quantity& q);

// An amount of money in words for people: the currency code before the
// number, millions and billions spelled out: "USD 20 million", "at least
// EUR 5 million", "about GBP 1.2 billion", "USD 250000".
std::string DisplayAmount(const Quantity& q);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_EXTRACT_QUANTITY_H_
