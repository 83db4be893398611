// Places: where the event a claim counts happened, so that a toll in
// Vancouver is never compared with one in Troy, Michigan.
//
// Gazetteer-free where it can be: a capitalized name right after a locative
// cue of the rules ("in", "near", "the island of") is a place, and the text
// itself says what it lies in ("Troy, Michigan", "Dargahan on Qeshm island",
// "northern Iran's Qeshm island", "the southern Iranian island of Qeshm").
// The vocabulary of rules/places.textproto (countries with their adjectives,
// regions, main cities, each with its parent) names places wherever they
// appear after such a cue and completes the hierarchy. Names are matched
// after folding case and diacritics.
//
// A claim's place is the one named nearest to it in its sentence, else the
// article's own: its dateline ("NAIROBI, Kenya (AP) -"), else the first place
// of its headline or lead.
//
// Example:
//   PlaceFinder places(*rules);
//   ArticlePlaces article = places.ForArticle(doc);
//   places.Locate(article, sentence, match, &claim);
//   PlaceHierarchy hierarchy;  // in the comparer, over every claim
//   hierarchy.Add(claim.place());
//   bool same = hierarchy.Compatible(a.place(), b.place());
#ifndef CROSSCHECK_CHECKER_EVENTS_PLACES_H_
#define CROSSCHECK_CHECKER_EVENTS_PLACES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/types/optional.h"
#include "checker/rules/rule_set.h"
#include "proto/article.pb.h"
#include "proto/claim.pb.h"
#include "re2/re2.h"

namespace crosscheck {

// A place named in a text, with its byte range there.
struct PlaceMention {
  Place place;
  size_t begin = 0;  // the name and what the text says it lies in
  size_t end = 0;
};

// What an article says about places: its own place, and what each place it
// names lies in ("Troy" -> michigan, united states), so that a later bare
// "Troy" knows it too.
struct ArticlePlaces {
  absl::optional<Place> own;
  absl::flat_hash_map<std::string, std::vector<std::string>> within;
};

// Finds places. Immutable after construction; thread-safe.
class PlaceFinder {
 public:
  // `rules` must outlive the finder.
  explicit PlaceFinder(const Rules& rules);

  // The places named in `text` (a sentence), in text order.
  std::vector<PlaceMention> Find(absl::string_view text) const;

  // The article's own place and the hierarchy its sentences state.
  ArticlePlaces ForArticle(const Document& doc) const;

  // Sets `claim`'s place: the place named nearest to `match` (a part of
  // `sentence`) in the sentence, a place in the claim's own clause first;
  // else the article's own place; else none.
  void Locate(const ArticlePlaces& article, absl::string_view sentence, absl::string_view match,
              Claim* claim) const;

  // The vocabulary's place for `name` (an alias or adjective, folded), or
  // nullptr.
  const PlaceEntry* Lookup(absl::string_view name) const;

  // The IANA time zone of a place: the vocabulary's zone of `name` (folded
  // or not) or of the nearest place it lies in; empty when none is known.
  std::string TimeZoneOf(absl::string_view name) const;
  // The same for a claim's place: its own name, then what it lies in.
  std::string TimeZoneOf(const Place& place) const;

 private:
  struct NameAt;

  // A place name starting at `pos` of `text`, with what it lies in;
  // `within` already known from before it (a possessive, an adjective).
  absl::optional<PlaceMention> ParseAt(absl::string_view text, size_t pos,
                                       std::vector<std::string> within) const;
  // ParseAt's steps. The capitalized name at `pos`, without trailing
  // periods and place types, and where it ends; false when it is no place
  // ("in February") or, in a title-case headline, not in the vocabulary.
  bool ReadName(absl::string_view text, size_t pos, NameAt* name) const;
  // "Iran's Qeshm island", "the island of Qeshm": the place named after
  // `name` (at `pos`, folded to `key`) that it owns, lying in it.
  absl::optional<PlaceMention> ParseOwned(absl::string_view text, size_t pos, const NameAt& name,
                                          const std::string& key) const;
  // "Troy, Michigan", "Dargahan on Qeshm island": adds the places the text
  // says the name lies in, after its `*end`, to `chain`; moves `*end` past them.
  void AddContainersAfter(absl::string_view text, const std::string& key, size_t* end,
                          std::vector<std::string>* chain) const;
  // Appends the vocabulary's ancestors of `key` to `chain`.
  void AddAncestors(const std::string& key, std::vector<std::string>* chain) const;
  // Folded key of a name: the vocabulary's canonical name when known.
  std::string KeyOf(absl::string_view name) const;

  absl::flat_hash_map<std::string, const PlaceEntry*> vocabulary_;  // folded alias
  absl::flat_hash_set<std::string> not_places_;                     // folded
  absl::flat_hash_set<std::string> types_;                          // folded
  std::unique_ptr<RE2> locative_;  // anchored at the end of the text before a name
  std::unique_ptr<RE2> speech_;
};

// Which places lie in which, over many claims: the comparer's view, so that
// one article's "Troy, Michigan" tells another's bare "Troy" where it is.
class PlaceHierarchy {
 public:
  // Learns what `place` lies in.
  void Add(const Place& place);

  // True when either place is unknown, or they are the same place, or one
  // lies in the other. Remembers its answers. Thread-safe (while nothing is
  // being added).
  bool Compatible(const Place& a, const Place& b) const;

  // "Troy, Michigan" style: the name and its nearest known container.
  static std::string Describe(const Place& place);

 private:
  bool Within(const std::string& key, const std::string& ancestor) const;

  absl::flat_hash_map<std::string, absl::flat_hash_set<std::string>> parents_;
  // Compatible's answers by the hash of the pair of keys.
  mutable absl::Mutex mu_;
  mutable absl::flat_hash_map<uint64_t, bool> compatible_ ABSL_GUARDED_BY(mu_);
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_EVENTS_PLACES_H_
