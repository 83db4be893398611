#include "checker/compare/buckets.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "checker/base/value_key.h"

namespace crosscheck {

ClaimBuckets::ClaimBuckets(const std::vector<const GroupClaim*>& claims,
                           const Comparison& comparison)
    : within_(comparison.compare_within_days()) {
  std::map<std::string, std::vector<DatedClaim>> by_key;
  for (size_t i = 0; i < claims.size(); ++i) {
    const GroupClaim* c = claims[i];
    const DatedClaim dated = DateClaim(*c, static_cast<int>(i));
    std::string key =
        absl::StrCat(ValueKey(c->shape()), "\x1f", c->scope().start(), "..", c->scope().end(),
                     "\x1f", c->attribution().hedged() ? "hedged" : "");
    if (within_ > 0) absl::StrAppend(&key, "\x1f", BlockOf(dated.day));
    if (comparison.separate_places()) absl::StrAppend(&key, "\x1f", c->place().key());
    by_key[key].push_back(dated);
  }
  buckets_.reserve(by_key.size());
  for (auto& [key, bucket] : by_key) buckets_.push_back(std::move(bucket));
  by_day_.resize(buckets_.size());
  for (size_t b = 0; b < buckets_.size(); ++b) {
    for (const DatedClaim& e : buckets_[b]) {
      if (e.day != kUndatedDay) by_day_[b].push_back(&e);
    }
    std::sort(by_day_[b].begin(), by_day_[b].end(),
              [](const DatedClaim* x, const DatedClaim* y) { return x->day < y->day; });
    by_block_[BlockOf(buckets_[b].front().day)].push_back(b);
  }
}

int64_t ClaimBuckets::BlockOf(int64_t day) const {
  if (within_ <= 0 || day == kUndatedDay) return kUndatedDay;
  return day >= 0 ? day / within_ : -((-day + within_ - 1) / within_);
}

void ClaimBuckets::LaterNeighbours(size_t b, std::vector<size_t>* out) const {
  out->clear();
  const int64_t block = BlockOf(buckets_[b].front().day);
  if (block == kUndatedDay) {
    for (size_t c = b + 1; c < buckets_.size(); ++c) out->push_back(c);
    return;
  }
  for (int64_t near : {block - 1, block, block + 1, kUndatedDay}) {
    auto it = by_block_.find(near);
    if (it == by_block_.end()) continue;
    for (size_t c : it->second) {
      if (c > b) out->push_back(c);
    }
  }
  std::sort(out->begin(), out->end());
}

void ClaimBuckets::Pairs(size_t b, size_t c, std::vector<Pair>* out) const {
  out->clear();
  for (const DatedClaim& ea : buckets_[b]) {
    if (within_ <= 0 || ea.day == kUndatedDay) {
      // No window, or an undated claim: every claim of `c`.
      for (const DatedClaim& eb : buckets_[c]) out->emplace_back(&ea, &eb);
      continue;
    }
    const std::vector<const DatedClaim*>& other = by_day_[c];
    auto lo = std::lower_bound(other.begin(), other.end(), ea.day - within_,
                               [](const DatedClaim* e, int64_t d) { return e->day < d; });
    for (auto it = lo; it != other.end() && (*it)->day <= ea.day + within_; ++it) {
      out->emplace_back(&ea, *it);
    }
    for (const DatedClaim& eb : buckets_[c]) {
      if (eb.day == kUndatedDay) out->emplace_back(&ea, &eb);
    }
  }
  std::sort(out->begin(), out->end(), [](const Pair& x, const Pair& y) {
    return x.first->order != y.first->order ? x.first->order < y.first->order
                                            : x.second->order < y.second->order;
  });
}

}  // namespace crosscheck
