// Resolves actor phrases ("Venezuelan President Nicolás Maduro", "the State
// Department", "Caracas", "it") to actors of the rules' alias table, with
// their place in its hierarchy.
//
// Example:
//   ActorResolver actors(*rules);
//   absl::optional<Actor> a = actors.Resolve("the Maduro government");
//   // a->id() == "venezuela_government", ancestors {"venezuela"}
#ifndef CROSSCHECK_CHECKER_EXTRACT_ACTORS_H_
#define CROSSCHECK_CHECKER_EXTRACT_ACTORS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "checker/rules/rule_set.h"
#include "proto/claim.pb.h"
#include "re2/re2.h"

namespace crosscheck {

// Actor lookups over one rule set. Immutable; thread-safe.
class ActorResolver {
 public:
  explicit ActorResolver(const Rules& rules);

  // Resolves a name phrase. Known aliases win: the one that ends last in the
  // phrase, the head of the noun phrase ("Venezuelan President Nicolás
  // Maduro" -> Maduro, not Venezuela; "National Assembly leader Juan Guaidó"
  // -> Guaidó), the longest of those;
  // an unknown name becomes an actor with id "name:<folded name>". Returns
  // nullopt for phrases that name nobody ("The", "On Thursday") and for
  // pronouns, possessive ones too ("his demand"; see ResolvePronoun).
  absl::optional<Actor> Resolve(absl::string_view phrase) const;

  // True for "he", "she", "it", "they" and "his", "her", "its", "their"
  // (any case).
  static bool IsPronoun(absl::string_view phrase);

  // Resolves a pronoun to the first known actor of a fitting type ("he" a
  // person, "it" an organization or country) mentioned in `before` (the
  // sentence up to the pronoun), else in `previous` (the sentence before).
  // The first mention is usually the grammatical subject the pronoun
  // continues ("The government disputed Pompeo's account, saying it ...").
  absl::optional<Actor> ResolvePronoun(absl::string_view pronoun, absl::string_view before,
                                       absl::string_view previous) const;

  // Known actors mentioned in `text`, in text order.
  std::vector<const ActorAlias*> Mentions(absl::string_view text) const;

  // The actor proto for a known alias entry, ancestors filled in.
  Actor ToActor(const ActorAlias& alias) const;

  // Country label ("US") of an actor id, or empty.
  std::string CountryLabel(absl::string_view actor_id) const;

  // True when one actor is the other or contains it in the hierarchy (the
  // State Department and the US government; Maduro and Venezuela's
  // government).
  static bool Related(const Actor& a, const Actor& b);

 private:
  const Rules& rules_;
  absl::flat_hash_map<std::string, const ActorAlias*> by_alias_;
  std::vector<std::string> titles_;
  std::unique_ptr<RE2> mention_re_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_EXTRACT_ACTORS_H_
