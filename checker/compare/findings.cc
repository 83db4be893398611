#include "checker/compare/findings.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "checker/base/verdict_order.h"

namespace crosscheck {
namespace {

int32_t SpanBegin(const Claim& c) { return c.span().begin(); }
int32_t SpanBegin(const GroupClaim& c) { return c.span_begin(); }

template <typename C>
bool ClaimLessOf(const C& a, const C& b) {
  if (a.article_id() != b.article_id()) return a.article_id() < b.article_id();
  return SpanBegin(a) < SpanBegin(b);
}

uint64_t Fnv1a(absl::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace

bool ClaimLess(const Claim& a, const Claim& b) { return ClaimLessOf(a, b); }
bool ClaimLess(const GroupClaim& a, const GroupClaim& b) { return ClaimLessOf(a, b); }

Finding MakeFinding(const ClaimKind& kind, const std::string& subject, Verdict verdict,
                    std::vector<Claim> claims, std::string explanation) {
  Finding f;
  f.set_kind(kind.name());
  f.set_subject(subject);
  f.set_verdict(verdict);
  std::sort(claims.begin(), claims.end(), ClaimLessOf<Claim>);
  for (Claim& c : claims) *f.add_claims() = std::move(c);
  f.set_explanation(std::move(explanation));
  f.set_id(FindingId(f));
  return f;
}

std::string FindingId(const Finding& f) {
  std::vector<std::string> evidence;
  for (const Claim& c : f.claims()) {
    evidence.push_back(
        absl::StrCat(c.article_id(), "\x1f", c.matched_text(), "\x1f", c.display_value()));
  }
  std::sort(evidence.begin(), evidence.end());
  std::string key = absl::StrCat(f.kind(), "\x1e", f.subject(), "\x1e", Verdict_Name(f.verdict()),
                                 "\x1e", absl::StrJoin(evidence, "\x1e"));
  return absl::StrFormat("%012x", Fnv1a(key) & 0xffffffffffffULL);
}

void SortFindings(std::vector<Finding>* findings) {
  // Sorts keys, then moves each finding once: a Finding moved by std::sort
  // is a protobuf swap, and a comparison of two findings several lookups.
  struct Key {
    int rank;
    const std::string* kind;
    const std::string* subject;
    const std::string* id;
    size_t index;
  };
  std::vector<Key> keys;
  keys.reserve(findings->size());
  for (size_t i = 0; i < findings->size(); ++i) {
    const Finding& f = (*findings)[i];
    // A notable update (a revision) comes before the routine ones.
    // Findings of subjects matched by words come after the others.
    keys.push_back(
        {4 * VerdictRank(f.verdict()) + (f.matched_by_words() ? 2 : 0) + (f.notable() ? 0 : 1),
         &f.kind(), &f.subject(), &f.id(), i});
  }
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    if (*a.kind != *b.kind) return *a.kind < *b.kind;
    if (*a.subject != *b.subject) return *a.subject < *b.subject;
    if (*a.id != *b.id) return *a.id < *b.id;
    return a.index < b.index;
  });
  std::vector<Finding> sorted;
  sorted.reserve(findings->size());
  for (const Key& k : keys) sorted.push_back(std::move((*findings)[k.index]));
  findings->swap(sorted);
}

}  // namespace crosscheck
