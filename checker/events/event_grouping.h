// Event grouping: which articles of a corpus cover one event (one story),
// so that claims of different events are never compared, and other stories
// in the same folder (distractors, an earlier disaster of the same kind)
// stay apart.
//
// Each article is a tf-idf vector of its event terms (event_terms.h: names,
// headline words, years, content words), with document frequencies over
// the whole corpus; two articles' similarity is the cosine of their
// vectors. Groups are then joined bottom up, best pair first (average
// linkage): two groups join when their mean similarity is at least
// `min_similarity` and at least `min_ratio` times the geometric mean of the
// two groups' own cohesion (a single article's cohesion is its mean
// similarity to its three nearest articles). The ratio makes the threshold
// relative to the corpus: two stories of the same kind (two earthquakes, two
// rehab check-ins) are far more alike than two stories of different kinds,
// but still less alike than each story's own articles. Two articles both
// dated more than `max_days_apart` apart never share an event. The result
// does not depend on the order articles are added in.
//
// A large corpus is compared through an inverted index: terms shared by more
// than kMaxPosting articles add nothing to the similarities (they are
// everywhere), and each article keeps its kMaxNeighbours most similar.
//
// Example:
//   EventGrouper grouper(rules->proto().events());
//   grouper.Add("a1", "2019-04-21", terms_a1);
//   ...
//   EventGrouping events = grouper.Group();
//   events.events[events.event_of.at("a1")].id();  // "e1"
#ifndef CROSSCHECK_CHECKER_EVENTS_EVENT_GROUPING_H_
#define CROSSCHECK_CHECKER_EVENTS_EVENT_GROUPING_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/time/civil_time.h"
#include "absl/types/optional.h"
#include "proto/claim.pb.h"
#include "proto/report.pb.h"
#include "proto/rules.pb.h"

namespace crosscheck {

// The events of a corpus.
struct EventGrouping {
  // In id order ("e1", "e2", ...): by first publication, undated last, then
  // by smallest article id.
  std::vector<Event> events;
  // Article id -> index in `events`.
  absl::flat_hash_map<std::string, int> event_of;
};

// Groups articles into events. Not thread-safe.
class EventGrouper {
 public:
  // Terms shared by more articles than this are left out of a large
  // corpus's similarities.
  static constexpr int kMaxPosting = 64;
  // Neighbours each article keeps in a large corpus.
  static constexpr int kMaxNeighbours = 16;
  // Up to this many articles, every pair is compared exactly.
  static constexpr int kExactUpTo = 3000;
  // Names in an event's label.
  static constexpr int kLabelNames = 3;

  // `rules` must outlive the grouper.
  explicit EventGrouper(const EventRules& rules) : rules_(rules) {}

  // Adds an article: its id, publication date (`YYYY-MM-DD`, or empty) and
  // event terms. Ids are unique (the caller's registry sees to it).
  void Add(const std::string& id, const std::string& published, const EventTerms& terms);
  int size() const { return static_cast<int>(articles_.size()); }

  // The events; the grouper is left empty.
  EventGrouping Group();

 private:
  // An article, compact: a corpus of 350,000 articles keeps 350,000 of them.
  struct Item {
    std::string id;
    absl::optional<absl::CivilDay> published;
    uint32_t first_term = 0;  // its terms are terms_[first_term, +term_count)
    uint32_t term_count = 0;
    std::string names;  // up to kLabelNames + 2, each ended by '\n'
  };
  const EventRules& rules_;
  std::vector<Item> articles_;
  std::vector<uint32_t> terms_;   // every article's terms, sorted within each
  std::vector<uint32_t> counts_;  // their weighted counts
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_EVENTS_EVENT_GROUPING_H_
