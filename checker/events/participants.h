// Participants: the people an article names as taking part in its event,
// so that an undated article can be tied to dated ones by who is in it.
//
// A capitalized name of two or three words is a person when a title of the
// rules ("Governor", "Sheriff") or a `before` cue stands before it, or an
// `after` cue follows it (an age, "said", ", the governor of"). Only the lead
// of an article is read (its first sentences), where the key people are
// introduced. People are keyed by surname, folded ("Heidar Alishvandi" and
// "Heydar Alishvandi" are "alishvandi").
//
// Example:
//   ParticipantFinder people(*rules);
//   std::vector<std::string> surnames = people.Find(doc);  // {"alishvandi"}
#ifndef CROSSCHECK_CHECKER_EVENTS_PARTICIPANTS_H_
#define CROSSCHECK_CHECKER_EVENTS_PARTICIPANTS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "checker/rules/rule_set.h"
#include "proto/article.pb.h"
#include "proto/claim.pb.h"
#include "re2/re2.h"

namespace crosscheck {

// Finds participants. Immutable after construction; thread-safe.
class ParticipantFinder {
 public:
  // Sentences of an article's lead that are read.
  static constexpr int kLeadSentences = 15;

  // `rules` must outlive the finder.
  explicit ParticipantFinder(const Rules& rules);

  // Surnames of the people named in `doc`'s lead, sorted, unique.
  std::vector<std::string> Find(const Document& doc) const;

  // Surnames of the people named in one sentence, in text order.
  std::vector<std::string> FindInSentence(absl::string_view sentence) const;

  // True when the two claims' articles name someone in common.
  static bool ShareAny(const Claim& a, const Claim& b);
  // The same for two claims' participant lists (each sorted).
  static bool ShareAny(const google::protobuf::RepeatedPtrField<std::string>& a,
                       const google::protobuf::RepeatedPtrField<std::string>& b);

 private:
  absl::flat_hash_set<std::string> titles_;     // folded one-word titles
  absl::flat_hash_set<std::string> not_names_;  // folded
  std::unique_ptr<RE2> before_;
  std::unique_ptr<RE2> after_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_EVENTS_PARTICIPANTS_H_
