// Claims of any measure: the open-domain quantities of a sentence
// (quantity_tagger.h) turned into claims of the kinds whose rules list
// `open_dimensions`, each with a subject built from what the sentence says
// is measured, and its value in the dimension's base unit.
//
// The subject is what makes two outlets' numbers rivals, so it is built
// only from parts the tagger found, never from the whole clause: for a
// count, the counted noun and what happened to it ("vehicles", "people
// arrested", "foreigners killed"; "300 people" alone is no claim); for a
// measure, the property and the thing ("height of spire", "mass of
// nitrate", "distance from Colombo", "amount of damage"). A number the
// sentence gives as a rate ("$65 a tonne"), a part ("two of the bombers"),
// an age, or a rise or fall by some amount ("fell 2%") is no claim; nor is
// a count of people in a state that a kind with patterns counts ("people
// killed": death_toll).
//
// Example:
//   auto measures = MeasureClaims::Create(rules);
//   for (const MeasureClaim& m : (*measures)->Find("The crater is 43 metres deep."))
//     // m.claim: kind "measure", subject "depth of crater", value 43 (metre)
#ifndef CROSSCHECK_CHECKER_EXTRACT_MEASURE_CLAIMS_H_
#define CROSSCHECK_CHECKER_EXTRACT_MEASURE_CLAIMS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "checker/extract/quantity_tagger.h"
#include "checker/rules/rule_set.h"
#include "proto/claim.pb.h"

namespace crosscheck {

// One measure claim of a sentence.
struct MeasureClaim {
  // The kind (one with `open_dimensions`).
  const CompiledKind* kind = nullptr;
  // Kind, subject, quantity, display value and matched text; the rest is
  // the extractor's to fill.
  Claim claim;
  // Byte span of the quantity in the sentence.
  int begin = 0;
  int end = 0;
};

// Immutable after Create(); thread-safe.
class MeasureClaims {
 public:
  // Null (with no error) when no kind has `open_dimensions`. Fails when the
  // quantity rules do not compile or a kind names an unknown dimension.
  // `rules` must outlive the result.
  static absl::StatusOr<std::unique_ptr<MeasureClaims>> Create(const Rules& rules);

  // The measure claims of `sentence`, in text order.
  std::vector<MeasureClaim> Find(absl::string_view sentence) const;

  // Whether `kind` is one of the measure kinds.
  bool IsMeasureKind(const CompiledKind& kind) const;

  // The tagger underneath.
  const QuantityTagger& tagger() const { return *tagger_; }

 private:
  MeasureClaims() = default;
  // The claim of `m`, or false when it makes none.
  bool Build(absl::string_view sentence, const QuantityMention& m, MeasureClaim* out) const;
  // "130 miles" shown in its dimension's display unit: "209 km"-style
  // words ("209.2 kilometres").
  std::string InDisplayUnit(const Dimension& dimension, double base_value) const;

  const Rules* rules_ = nullptr;
  std::unique_ptr<QuantityTagger> tagger_;
  absl::flat_hash_map<std::string, const CompiledKind*> kind_of_dimension_;
  absl::flat_hash_map<std::string, std::string> claimed_states_;  // state -> kind
  absl::flat_hash_set<std::string> bare_nouns_;
  absl::flat_hash_set<std::string> state_words_;
  absl::flat_hash_set<std::string> partial_words_;
  absl::flat_hash_set<std::string> ongoing_words_;
  absl::flat_hash_set<std::string> vague_nouns_;
  absl::flat_hash_map<std::string, std::string> plurals_;  // singular -> plural
  absl::flat_hash_set<std::string> plurals_of_;            // irregular plurals
  double about_spread_ = 0.1;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_EXTRACT_MEASURE_CLAIMS_H_
