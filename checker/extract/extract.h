// Extracts claims from a segmented article with the rules' RE2 patterns and
// normalizes their values (quantities, times, actors), subjects, scopes,
// places (checker/places.h) and attribution.
//
// A sentence is first matched against every kind's trigger at once (one
// RE2::Set pass); only the kinds whose trigger fires run their patterns.
// Extraction is a pure function of the document and the rules.
//
// Example:
//   Extractor extractor(*rules);
//   ArticleClaims claims = extractor.Extract(segmenter.Segment(article));
#ifndef CROSSCHECK_CHECKER_EXTRACT_EXTRACT_H_
#define CROSSCHECK_CHECKER_EXTRACT_EXTRACT_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "checker/base/clock_time.h"
#include "checker/events/participants.h"
#include "checker/events/places.h"
#include "checker/extract/actors.h"
#include "checker/extract/measure_claims.h"
#include "checker/extract/quantity.h"
#include "checker/rules/rule_set.h"
#include "proto/article.pb.h"
#include "proto/claim.pb.h"

namespace crosscheck {

// Claim extraction. Immutable after construction; thread-safe.
class Extractor {
 public:
  // `rules` must outlive the extractor.
  explicit Extractor(const Rules& rules);

  // Returns the claims of `doc` in text order, and the article without its
  // text. Never fails: sentences that yield nothing readable yield nothing.
  ArticleClaims Extract(const Document& doc) const;

  // Claims of one kind in a single sentence published on `published`
  // (`YYYY-MM-DD`); for the rules' examples and tests.
  std::vector<Claim> ExtractSentence(absl::string_view kind, absl::string_view sentence,
                                     absl::string_view published) const;

  // The actor resolver the extractor uses.
  const ActorResolver& actors() const { return actors_; }

 private:
  struct Context;
  void ExtractKind(const CompiledKind& kind, const Context& ctx, std::vector<Claim>* out) const;
  // The claims of measure kinds (`open_dimensions`) among `kinds` in the
  // sentence, but for numbers that claims of kinds with patterns, from
  // `(*out)[first]` on, already took.
  void ExtractMeasures(const std::vector<const CompiledKind*>& kinds, const Context& ctx,
                       size_t first, std::vector<Claim>* out) const;
  // What every claim carries besides its kind, value and subject: the
  // occasion or part its subject names, whether it is an earlier figure,
  // its scope (`scope`, else the nearest time), attribution (`source`, else
  // the sentence's cues), article, quote and spans. `match` and `value`
  // are views into ctx.sentence.
  void FinishClaim(const Context& ctx, absl::string_view match, absl::string_view value,
                   absl::string_view scope, absl::string_view source, Claim* claim) const;
  bool FillValue(const CompiledKind& kind, const CompiledPattern& pattern,
                 const absl::string_view* groups, const Context& ctx, Claim* claim) const;
  std::string SubjectFor(const CompiledKind& kind, const CompiledPattern& pattern,
                         absl::string_view object, const Claim& claim) const;
  // The name an `object` phrase gives, for `{object}` in a subject key: a
  // known actor's name when the phrase, without titles and a leading
  // article, is one of its aliases ("Venezuelan President Nicolás Maduro"
  // -> "Nicolás Maduro"); else the phrase as written, without titles.
  std::string ObjectName(absl::string_view object) const;
  // The name of the occasion (EventRules.occasions) whose word is nearest to
  // `match` in `sentence`: empty when that is the story's own kind, or none.
  std::string NearestOccasion(absl::string_view sentence, absl::string_view match) const;
  // The name of the first part (EventRules.parts) named in `match`, in the
  // rest of its clause (up to 80 bytes after it, not past ';') or in a
  // fronted phrase before the sentence's first comma; or empty.
  std::string PartNamed(absl::string_view sentence, absl::string_view match) const;
  // The time expression of the sentence nearest to `match` (not inside
  // `value`), or empty: the scope of a claim whose pattern captured none.
  absl::string_view NearestContextTime(absl::string_view sentence, absl::string_view match,
                                       absl::string_view value) const;
  // True when a hypothetical or generic cue ("When", "might have been")
  // precedes `match` in its clause.
  bool Hypothetical(const Context& ctx, absl::string_view match) const;
  void FillAttribution(const Context& ctx, absl::string_view match, absl::string_view source,
                       Claim* claim) const;

  const Rules& rules_;
  QuantityParser numbers_;
  ClockReader clocks_;
  ActorResolver actors_;
  PlaceFinder places_;
  ParticipantFinder participants_;
  std::vector<std::unique_ptr<RE2>> source_patterns_;
  std::unique_ptr<RE2> hedge_;
  std::unique_ptr<RE2> negation_;
  std::unique_ptr<RE2> anonymous_;
  std::unique_ptr<RE2> not_negation_;
  std::unique_ptr<RE2> hypothetical_;
  std::unique_ptr<RE2> not_a_count_;
  // EventRules.occasions, compiled (null for a bad regex), with their names.
  std::vector<std::pair<std::string, std::unique_ptr<RE2>>> occasions_;
  std::unique_ptr<RE2> earlier_figure_;  // EventRules.earlier_figure
  // EventRules.parts, compiled likewise.
  std::vector<std::pair<std::string, std::unique_ptr<RE2>>> parts_;
  std::unique_ptr<RE2> context_time_;
  std::unique_ptr<RE2> continuation_;
  // Subject vocabulary: compiled regex per SubjectTerm.
  std::vector<std::pair<const SubjectTerm*, std::unique_ptr<RE2>>> subjects_;
  // Claims of measure kinds; null when no kind has `open_dimensions`.
  std::unique_ptr<MeasureClaims> measures_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_EXTRACT_EXTRACT_H_
