// Event terms: what grouping articles into events needs of an article's
// text, computed at extraction so that the comparison stage reads claims,
// never articles (as copy fingerprints are).
//
// An article's terms are its words, folded (case and diacritics), without
// the stopwords of the rules (rules/events.textproto) and words of fewer
// than three letters, each occurrence weighted: a plain word counts
// `word_weight`, a capitalized word inside a sentence (a name: "Colombo",
// "Teixeira") `name_weight`, a word of the headline `headline_weight` more,
// a year ("2013") `year_weight`. The `max_terms` weightiest are kept,
// hashed. Its names are the runs of capitalized words inside sentences
// ("Sri Lanka", "Betty Ford Center"), most frequent first, for the events'
// labels.
//
// Example:
//   EventTermFinder finder(*rules);
//   EventTerms terms = finder.Find(doc);  // terms, counts, names
#ifndef CROSSCHECK_CHECKER_EVENTS_EVENT_TERMS_H_
#define CROSSCHECK_CHECKER_EVENTS_EVENT_TERMS_H_

#include <cstdint>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "checker/rules/rule_set.h"
#include "proto/article.pb.h"
#include "proto/claim.pb.h"

namespace crosscheck {

// The stable 32-bit hash of a folded term (the same in every process, so
// that claims files extracted elsewhere group alike).
uint32_t EventTermHash(absl::string_view folded);

// Finds an article's event terms. Immutable after construction; thread-safe.
class EventTermFinder {
 public:
  // Names kept per article.
  static constexpr int kMaxNames = 5;

  // `rules` must outlive the finder.
  explicit EventTermFinder(const Rules& rules);

  // The terms of `doc`: its headline (Article.title, else its first
  // sentence) and its sentences but page furniture.
  EventTerms Find(const Document& doc) const;

 private:
  const EventRules& rules_;
  absl::flat_hash_set<uint32_t> stopwords_;        // hashes of the folded words
  absl::flat_hash_set<uint32_t> not_label_words_;  // likewise
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_EVENTS_EVENT_TERMS_H_
