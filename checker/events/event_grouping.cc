#include "checker/events/event_grouping.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <queue>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "checker/base/dates.h"

namespace crosscheck {
namespace {

using Vector = std::vector<std::pair<uint32_t, float>>;  // (term, weight), by term

// Days since the civil epoch, for spans.
int64_t DayNumber(absl::CivilDay day) { return day - absl::CivilDay(1970, 1, 1); }

// A group of articles while they are joined.
struct Cluster {
  int size = 1;
  double inner = 0;   // the sum of the similarities of its pairs
  double single = 0;  // a lone article's cohesion
  int64_t first_day = 0, last_day = 0;
  bool dated = false;
  int version = 0;
  bool alive = true;
  std::vector<int> members;
  absl::flat_hash_map<int, double> links;  // other group -> sum of similarities
};

// A pair of groups that may join, best first.
struct Candidate {
  double ratio;
  int a, b;
  int version_a, version_b;
  bool operator<(const Candidate& o) const {  // for a max-heap
    if (ratio != o.ratio) return ratio < o.ratio;
    return std::tie(a, b) > std::tie(o.a, o.b);
  }
};

}  // namespace

void EventGrouper::Add(const std::string& id, const std::string& published,
                       const EventTerms& terms) {
  Item item;
  item.id = id;
  item.published = ParseIsoDate(published);
  item.first_term = static_cast<uint32_t>(terms_.size());
  item.term_count = static_cast<uint32_t>(terms.terms_size());
  for (int i = 0; i < terms.terms_size(); ++i) {
    terms_.push_back(terms.terms(i));
    counts_.push_back(i < terms.counts_size() ? terms.counts(i) : 1);
  }
  for (int i = 0; i < terms.names_size() && i < kLabelNames + 2; ++i) {
    absl::StrAppend(&item.names, terms.names(i), "\n");
  }
  articles_.push_back(std::move(item));
}

EventGrouping EventGrouper::Group() {
  std::vector<Item> items = std::move(articles_);
  articles_.clear();
  std::vector<uint32_t> all_terms = std::move(terms_);
  std::vector<uint32_t> all_counts = std::move(counts_);
  terms_.clear();
  counts_.clear();
  // A fixed order (dated first, by date, then by id): the result does not
  // depend on the order of Add.
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    if (a.published.has_value() != b.published.has_value()) return a.published.has_value();
    if (a.published != b.published) return *a.published < *b.published;
    return a.id < b.id;
  });
  const int n = static_cast<int>(items.size());
  const bool exact = n <= kExactUpTo;

  // tf-idf vectors, normalized.
  absl::flat_hash_map<uint32_t, int> df;
  for (uint32_t t : all_terms) ++df[t];
  std::vector<Vector> vectors(n);
  for (int i = 0; i < n; ++i) {
    const Item& it = items[i];
    Vector& v = vectors[i];
    v.reserve(it.term_count);
    double norm = 0;
    for (uint32_t k = it.first_term; k < it.first_term + it.term_count; ++k) {
      const double idf = std::log((n + 1.0) / (df[all_terms[k]] + 1.0)) + 1.0;
      const double w = (1.0 + std::log(std::max<uint32_t>(1, all_counts[k]))) * idf;
      v.emplace_back(all_terms[k], static_cast<float>(w));
      norm += w * w;
    }
    norm = std::sqrt(norm);
    if (norm > 0) {
      for (auto& tw : v) tw.second = static_cast<float>(tw.second / norm);
    }
  }
  std::vector<uint32_t>().swap(all_terms);
  std::vector<uint32_t>().swap(all_counts);
  // Postings of the terms that join articles.
  absl::flat_hash_map<uint32_t, std::vector<std::pair<int, float>>> postings;
  for (int i = 0; i < n; ++i) {
    for (const auto& [t, w] : vectors[i]) {
      const int d = df[t];
      if (d < 2 || (!exact && d > kMaxPosting)) continue;
      postings[t].emplace_back(i, w);
    }
  }
  df.clear();

  // Similar pairs, and each article's cohesion alone.
  const double min_similarity = rules_.min_similarity();
  const double keep_from = min_similarity / 2;
  const int64_t max_span = rules_.max_days_apart() > 0 ? rules_.max_days_apart() : INT64_MAX / 4;
  std::vector<Cluster> groups(n);
  std::vector<float> acc(n, 0.0f);
  std::vector<int> touched;
  std::vector<std::pair<float, int>> near;
  for (int i = 0; i < n; ++i) {
    Cluster& g = groups[i];
    g.members = {i};
    if (items[i].published) {
      g.dated = true;
      g.first_day = g.last_day = DayNumber(*items[i].published);
    }
    touched.clear();
    for (const auto& [t, w] : vectors[i]) {
      auto p = postings.find(t);
      if (p == postings.end()) continue;
      for (const auto& [j, wj] : p->second) {
        if (j == i) continue;
        if (acc[j] == 0.0f) touched.push_back(j);
        acc[j] += w * wj;
      }
    }
    near.clear();
    for (int j : touched) {
      near.emplace_back(acc[j], j);
      acc[j] = 0.0f;
    }
    std::sort(near.begin(), near.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    double top = 0;
    const size_t top_count = std::min<size_t>(3, near.size());
    for (size_t k = 0; k < top_count; ++k) top += near[k].first;
    g.single = top_count > 0 ? top / top_count : 0;
    for (size_t k = 0; k < near.size(); ++k) {
      if (!exact && k >= static_cast<size_t>(kMaxNeighbours)) break;
      const auto [s, j] = near[k];
      if (s < keep_from) break;
      if (items[i].published && items[j].published &&
          std::abs(DayNumber(*items[i].published) - DayNumber(*items[j].published)) > max_span) {
        continue;
      }
      // Both directions hold the same sum (a pair found from one side only,
      // in a large corpus, is kept by both).
      g.links[j] = s;
      groups[j].links[i] = s;
    }
  }
  vectors.clear();
  postings.clear();

  // Joined best first.
  auto cohesion = [&](const Cluster& g) {
    const double c = g.size == 1 ? g.single : g.inner / (g.size * (g.size - 1) / 2.0);
    return std::max(c, 1e-6);
  };
  auto span_ok = [&](const Cluster& a, const Cluster& b) {
    if (!a.dated || !b.dated) return true;
    return std::max(a.last_day, b.last_day) - std::min(a.first_day, b.first_day) <= max_span;
  };
  std::priority_queue<Candidate> heap;
  auto consider = [&](int a, int b) {
    const Cluster& ga = groups[a];
    const Cluster& gb = groups[b];
    auto link = ga.links.find(b);
    if (link == ga.links.end() || !span_ok(ga, gb)) return;
    const double mean = link->second / (static_cast<double>(ga.size) * gb.size);
    if (mean < min_similarity) return;
    const double ratio = mean / std::sqrt(cohesion(ga) * cohesion(gb));
    if (ratio < rules_.min_ratio()) return;
    heap.push({ratio, std::min(a, b), std::max(a, b), groups[std::min(a, b)].version,
               groups[std::max(a, b)].version});
  };
  for (int i = 0; i < n; ++i) {
    for (const auto& [j, s] : groups[i].links) {
      if (j > i) consider(i, j);
    }
  }
  while (!heap.empty()) {
    const Candidate c = heap.top();
    heap.pop();
    Cluster& a = groups[c.a];
    Cluster& b = groups[c.b];
    if (!a.alive || !b.alive || a.version != c.version_a || b.version != c.version_b) continue;
    // `b` joins `a`.
    const double between = a.links[c.b];
    a.inner += b.inner + between;
    a.size += b.size;
    if (b.dated) {
      a.first_day = a.dated ? std::min(a.first_day, b.first_day) : b.first_day;
      a.last_day = a.dated ? std::max(a.last_day, b.last_day) : b.last_day;
      a.dated = true;
    }
    a.members.insert(a.members.end(), b.members.begin(), b.members.end());
    a.links.erase(c.b);
    for (const auto& [z, s] : b.links) {
      if (z == c.a) continue;
      a.links[z] += s;
      Cluster& other = groups[z];
      other.links.erase(c.b);
      other.links[c.a] += s;
    }
    b.alive = false;
    b.links.clear();
    b.members.clear();
    ++a.version;
    ++b.version;
    std::vector<int> neighbours;
    neighbours.reserve(a.links.size());
    for (const auto& [z, s] : a.links) neighbours.push_back(z);
    std::sort(neighbours.begin(), neighbours.end());
    for (int z : neighbours) consider(c.a, z);
  }

  // The events, in order.
  struct Built {
    absl::optional<absl::CivilDay> first, last;
    std::string smallest_id;
    std::vector<int> members;
  };
  std::vector<Built> built;
  for (Cluster& g : groups) {
    if (!g.alive) continue;
    Built b;
    b.members = std::move(g.members);
    std::sort(b.members.begin(), b.members.end(),
              [&](int x, int y) { return items[x].id < items[y].id; });
    b.smallest_id = items[b.members.front()].id;
    for (int m : b.members) {
      const auto& day = items[m].published;
      if (!day) continue;
      if (!b.first || *day < *b.first) b.first = day;
      if (!b.last || *day > *b.last) b.last = day;
    }
    built.push_back(std::move(b));
  }
  groups.clear();
  std::sort(built.begin(), built.end(), [](const Built& a, const Built& b) {
    if (a.first.has_value() != b.first.has_value()) return a.first.has_value();
    if (a.first != b.first) return *a.first < *b.first;
    return a.smallest_id < b.smallest_id;
  });
  EventGrouping result;
  result.events.reserve(built.size());
  for (size_t e = 0; e < built.size(); ++e) {
    const Built& b = built[e];
    Event event;
    event.set_id(absl::StrCat("e", e + 1));
    if (b.first) event.set_first_published(FormatIsoDate(*b.first));
    if (b.last) event.set_last_published(FormatIsoDate(*b.last));
    // The label: the names most of its articles give.
    absl::flat_hash_map<std::string, int> mentions;
    std::vector<std::string> order;
    for (int m : b.members) {
      for (absl::string_view name : absl::StrSplit(items[m].names, '\n', absl::SkipEmpty())) {
        if (mentions[std::string(name)]++ == 0) order.emplace_back(name);
      }
    }
    std::stable_sort(order.begin(), order.end(), [&](const std::string& x, const std::string& y) {
      return mentions[x] > mentions[y];
    });
    std::vector<std::string> label;
    const int needed = b.members.size() > 1 ? 2 : 1;
    for (const std::string& name : order) {
      if (static_cast<int>(label.size()) >= kLabelNames) break;
      if (mentions[name] < needed && !label.empty()) break;
      bool overlaps = false;
      for (const std::string& chosen : label) {
        const std::string x = absl::AsciiStrToLower(chosen), y = absl::AsciiStrToLower(name);
        overlaps = overlaps || absl::StrContains(x, y) || absl::StrContains(y, x);
      }
      if (!overlaps) label.push_back(name);
    }
    event.set_label(label.empty() ? absl::StrCat("articles ", b.smallest_id, "...")
                                  : absl::StrJoin(label, ", "));
    for (int m : b.members) {
      event.add_article_ids(items[m].id);
      result.event_of[items[m].id] = static_cast<int>(e);
    }
    result.events.push_back(std::move(event));
  }
  return result;
}

}  // namespace crosscheck
