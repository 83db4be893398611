// CopyDetector::Find and its steps (copies.h); the adding side is in
// copies.cc.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "checker/base/status_macros.h"
#include "checker/compare/copies.h"
#include "checker/compare/sentence_cursor.h"

namespace crosscheck {
namespace {

// An article holding a shingle that appears in more articles than this is
// boilerplate ("contributed to this report"), not evidence of copying.
constexpr int kMaxPostings = 50;

// An article keeps the sentences it shares with this many other articles at
// most (those it shares most with).
constexpr size_t kMaxPartnersPerArticle = 10;

// At most this many sources are listed for one copier, those it shares most
// sentences with.
constexpr int kMaxSourcesPerCopier = 5;

}  // namespace

// The shingles shared by 2 to kMaxPostings articles ("groups"), numbered in
// hash order, with their articles and their postings.
struct CopyDetector::Groups {
  std::vector<uint32_t> start;    // into `holders`; one past the last group too
  std::vector<uint32_t> holders;  // each group's articles, sorted
  // (group, sentence) for each posting of a group: `hash` is the group.
  std::vector<Posting> postings;
};

// A partner of an article: how many of the article's sentences it shares,
// and one of them as an example.
struct CopyDetector::Partner {
  int sentences = 0;
  int32_t example = -1;  // index into text_lengths_
};

// An article and one of its strongest partners.
struct CopyDetector::PartnerEntry {
  uint32_t article;
  uint32_t other;
  Partner partner;
};

// A pair of articles (a < b) and the sentences they share, counted from
// each side.
struct CopyDetector::SharedPair {
  uint32_t a, b;
  int sentences_of_a = 0;  // sentences of a found in b
  int sentences_of_b = 0;
  int32_t example_of_a = -1;  // index into text_lengths_
  int32_t example_of_b = -1;
};

// A copy relation before it becomes a Copy message.
struct CopyDetector::Candidate {
  uint32_t copier, source;
  int shared;
  int32_t example;  // index into text_lengths_
};

absl::Status CopyDetector::ReadSlice(size_t first, size_t last, size_t size,
                                     std::vector<Posting>* slice) const {
  slice->clear();
  slice->reserve(size);
  SentenceCursor cursor(sentences_);
  return ForEachHash([&](const uint32_t* h, size_t count) {
    for (size_t i = 0; i < count; ++i) {
      const uint32_t sentence = cursor.Next();
      const size_t top = h[i] >> 24;
      if (top >= first && top < last) slice->push_back({h[i], sentence});
    }
  });
}

void CopyDetector::SortSlice(size_t first, size_t last, const std::array<size_t, 257>& start,
                             std::vector<Posting>* slice) {
  // Bucketed by top byte (a bucket fits in the cache where the slice does
  // not), each bucket sorted on its own, the buckets shared between two
  // threads. The buckets in order are the slice in order.
  std::vector<Posting>& s = *slice;
  std::array<size_t, 257> at{};
  for (size_t b = first; b < last; ++b) at[b + 1 - first] = start[b + 1] - start[first];
  std::array<size_t, 256> next;
  std::copy(at.begin(), at.begin() + (last - first), next.begin());
  for (size_t b = 0; b < last - first; ++b) {
    while (next[b] < at[b + 1]) {
      Posting p = s[next[b]];
      size_t home = (p.hash >> 24) - first;
      while (home != b) {  // carry p to its bucket, taking what was there
        std::swap(p, s[next[home]++]);
        home = (p.hash >> 24) - first;
      }
      s[next[b]++] = p;
    }
  }
  auto sort_buckets = [&](size_t from, size_t to) {
    for (size_t b = from; b < to; ++b) {
      std::sort(s.begin() + static_cast<std::ptrdiff_t>(at[b]),
                s.begin() + static_cast<std::ptrdiff_t>(at[b + 1]),
                [](const Posting& x, const Posting& y) {
                  return x.hash != y.hash ? x.hash < y.hash : x.sentence < y.sentence;
                });
    }
  };
  const size_t buckets = last - first;
  if (buckets > 1) {
    std::thread low([&] { sort_buckets(0, buckets / 2); });
    sort_buckets(buckets / 2, buckets);
    low.join();
  } else {
    sort_buckets(0, 1);
  }
}

void CopyDetector::AddGroups(const std::vector<Posting>& slice, Groups* groups) const {
  std::vector<uint32_t> found;
  const size_t m = slice.size();
  for (size_t begin = 0; begin < m;) {
    const uint32_t hash = slice[begin].hash;
    size_t end = begin;
    found.clear();
    for (; end < m && slice[end].hash == hash; ++end) {
      // (Sentences ascend, and so do their articles.)
      const uint32_t article = sentences_[slice[end].sentence].article;
      if (found.empty() || found.back() != article) found.push_back(article);
    }
    if (found.size() >= 2 && static_cast<int>(found.size()) <= kMaxPostings) {
      const uint32_t group = static_cast<uint32_t>(groups->start.size());
      groups->start.push_back(static_cast<uint32_t>(groups->holders.size()));
      groups->holders.insert(groups->holders.end(), found.begin(), found.end());
      for (size_t i = begin; i < end; ++i) groups->postings.push_back({group, slice[i].sentence});
    }
    begin = end;
  }
}

absl::Status CopyDetector::GroupShingles(Groups* groups) {
  // The hashes are taken a slice of hash values at a time (at most an
  // eighth of them), each with its sentence, sorted by (hash, sentence) on
  // two threads and scanned for groups: the slice, not all postings, is
  // held twice. (Room for every hash at once: untouched room costs no
  // memory, and growing by doubling would briefly hold half as much again.)
  groups->postings.reserve(static_cast<size_t>(kept()));
  // Hashes by their top byte, to cut slices.
  std::array<size_t, 257> start{};
  RETURN_IF_ERROR(ForEachHash([&](const uint32_t* h, size_t n) {
    for (size_t i = 0; i < n; ++i) ++start[(h[i] >> 24) + 1];
  }));
  for (size_t b = 1; b <= 256; ++b) start[b] += start[b - 1];
  const size_t slice_budget = std::max<size_t>(static_cast<size_t>(kept()) / 8, size_t{1} << 16);
  std::vector<Posting> slice;
  for (size_t first = 0; first < 256;) {
    // Top bytes [first, last): at least one, within the budget if it can.
    size_t last = first + 1;
    while (last < 256 && start[last + 1] - start[first] <= slice_budget) ++last;
    RETURN_IF_ERROR(ReadSlice(first, last, start[last] - start[first], &slice));
    SortSlice(first, last, start, &slice);
    AddGroups(slice, groups);
    first = last;
  }
  groups->start.push_back(static_cast<uint32_t>(groups->holders.size()));
  texts_->Stream(postings_value_);  // the hashes are used up (dropping the reader frees them)
  stored_ = 0;
  std::vector<uint32_t>().swap(pending_);
  std::sort(groups->postings.begin(), groups->postings.end(),
            [](const Posting& x, const Posting& y) {
              return x.sentence != y.sentence ? x.sentence < y.sentence : x.hash < y.hash;
            });
  return absl::OkStatus();
}

std::vector<CopyDetector::PartnerEntry> CopyDetector::StrongestPartners(
    const Groups& groups) const {
  const std::vector<Posting>& postings = groups.postings;
  std::vector<PartnerEntry> entries;  // (room for the most there can be)
  entries.reserve(articles_.size() * kMaxPartnersPerArticle);
  std::map<uint32_t, Partner> partners;  // of the current article
  uint32_t current = 0;
  auto flush = [&] {
    std::vector<std::pair<uint32_t, Partner>> best(partners.begin(), partners.end());
    std::sort(best.begin(), best.end(), [](const auto& x, const auto& y) {
      return x.second.sentences != y.second.sentences ? x.second.sentences > y.second.sentences
                                                      : x.first < y.first;
    });
    if (best.size() > kMaxPartnersPerArticle) best.resize(kMaxPartnersPerArticle);
    for (const auto& [other, partner] : best) entries.push_back({current, other, partner});
    partners.clear();
  };
  absl::flat_hash_map<uint32_t, int> hits;  // other article -> shingles of the sentence
  for (size_t p = 0; p < postings.size();) {
    const uint32_t s = postings[p].sentence;
    size_t q = p;
    while (q < postings.size() && postings[q].sentence == s) ++q;
    const SentenceEntry& sentence = sentences_[s];
    if (sentence.article != current) {
      flush();
      current = sentence.article;
    }
    if (sentence.narrative) {  // else a shared quote
      hits.clear();
      for (size_t i = p; i < q; ++i) {
        const uint32_t g = postings[i].hash;  // the group
        for (uint32_t k = groups.start[g]; k < groups.start[g + 1]; ++k) {
          if (groups.holders[k] != sentence.article) ++hits[groups.holders[k]];
        }
      }
      for (const auto& [other, count] : hits) {
        if (count < options_.min_share * static_cast<double>(sentence.hashes)) continue;
        Partner& partner = partners[other];
        ++partner.sentences;
        if (partner.example < 0) partner.example = TextOf(s);
      }
    }
    p = q;
  }
  flush();
  return entries;
}

std::vector<CopyDetector::SharedPair> CopyDetector::MergePairs(std::vector<PartnerEntry> entries) {
  std::vector<SharedPair> pairs;
  pairs.reserve(entries.size());
  for (const PartnerEntry& e : entries) {
    SharedPair& s = pairs.emplace_back();
    s.a = std::min(e.article, e.other);
    s.b = std::max(e.article, e.other);
    (e.article < e.other ? s.sentences_of_a : s.sentences_of_b) = e.partner.sentences;
    (e.article < e.other ? s.example_of_a : s.example_of_b) = e.partner.example;
  }
  std::vector<PartnerEntry>().swap(entries);
  std::sort(pairs.begin(), pairs.end(), [](const SharedPair& x, const SharedPair& y) {
    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  size_t merged = 0;
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (merged > 0 && pairs[merged - 1].a == pairs[i].a && pairs[merged - 1].b == pairs[i].b) {
      SharedPair& m = pairs[merged - 1];
      m.sentences_of_a = std::max(m.sentences_of_a, pairs[i].sentences_of_a);
      m.sentences_of_b = std::max(m.sentences_of_b, pairs[i].sentences_of_b);
      m.example_of_a = std::max(m.example_of_a, pairs[i].example_of_a);
      m.example_of_b = std::max(m.example_of_b, pairs[i].example_of_b);
    } else {
      pairs[merged++] = pairs[i];
    }
  }
  pairs.resize(merged);
  return pairs;
}

CopyDetector::Candidate CopyDetector::Direction(const SharedPair& shared) const {
  const ArticleEntry& a = articles_[shared.a];
  const ArticleEntry& b = articles_[shared.b];
  const std::string& a_published = dates_[static_cast<size_t>(a.published)];
  const std::string& b_published = dates_[static_cast<size_t>(b.published)];
  bool a_copies;
  if (!a_published.empty() && !b_published.empty() && a.published != b.published) {
    a_copies = a_published > b_published;
  } else {
    // Same day or undated: the article more made of shared sentences.
    double share_a = a.sentences ? double(shared.sentences_of_a) / a.sentences : 0;
    double share_b = b.sentences ? double(shared.sentences_of_b) / b.sentences : 0;
    a_copies = share_a != share_b ? share_a > share_b : IdOf(a) > IdOf(b);
  }
  return {a_copies ? shared.a : shared.b, a_copies ? shared.b : shared.a,
          std::max(shared.sentences_of_a, shared.sentences_of_b),
          shared.example_of_a >= 0 ? shared.example_of_a : shared.example_of_b};
}

std::vector<CopyDetector::Candidate> CopyDetector::ChooseSources(
    std::vector<SharedPair> pairs) const {
  std::vector<Candidate> candidates;
  candidates.reserve(pairs.size());
  for (const SharedPair& shared : pairs) candidates.push_back(Direction(shared));
  std::vector<SharedPair>().swap(pairs);
  auto id = [&](uint32_t article) { return IdOf(articles_[article]); };
  std::sort(candidates.begin(), candidates.end(), [&](const Candidate& x, const Candidate& y) {
    if (x.copier != y.copier && id(x.copier) != id(y.copier)) return id(x.copier) < id(y.copier);
    if (x.shared != y.shared) return x.shared > y.shared;
    return id(x.source) < id(y.source);
  });
  size_t kept_count = 0;
  int per_copier = 0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    per_copier =
        i > 0 && id(candidates[i].copier) == id(candidates[i - 1].copier) ? per_copier + 1 : 0;
    if (per_copier < kMaxSourcesPerCopier) candidates[kept_count++] = candidates[i];
  }
  candidates.resize(kept_count);
  std::sort(candidates.begin(), candidates.end(), [&](const Candidate& x, const Candidate& y) {
    if (x.copier != y.copier && id(x.copier) != id(y.copier)) return id(x.copier) < id(y.copier);
    return id(x.source) < id(y.source);
  });
  return candidates;
}

absl::StatusOr<std::vector<Copy>> CopyDetector::MakeCopies(
    const std::vector<Candidate>& candidates) {
  // Where each kept text starts (and the last ends) in texts_value_.
  std::vector<int64_t> text_at(text_lengths_.size() + 1, 0);
  for (size_t i = 0; i < text_lengths_.size(); ++i) text_at[i + 1] = text_at[i] + text_lengths_[i];
  std::vector<Copy> copies;
  copies.reserve(candidates.size());
  for (const Candidate& k : candidates) {
    Copy& c = copies.emplace_back();
    c.set_copier(std::string(IdOf(articles_[k.copier])));
    c.set_source(std::string(IdOf(articles_[k.source])));
    c.set_shared_sentences(k.shared);
    if (k.example >= 0) {
      const size_t i = static_cast<size_t>(k.example);
      ASSIGN_OR_RETURN(std::string example,
                       texts_->Read(texts_value_, text_at[i], text_at[i + 1] - text_at[i]));
      c.set_example(std::move(example));
    }
  }
  texts_->Stream(texts_value_);  // the texts are used up (dropping the reader frees them)
  std::vector<uint32_t>().swap(text_lengths_);
  std::vector<uint32_t>().swap(text_sentences_);
  return copies;
}

absl::StatusOr<std::vector<Copy>> CopyDetector::Find() {
  RETURN_IF_ERROR(status_);
  // 1. The shingles shared by 2 to kMaxPostings articles, and where.
  Groups groups;
  RETURN_IF_ERROR(GroupShingles(&groups));
  // 2. Article by article (postings are in sentence order, sentences in
  //    article order): the sentences it shares with each other article; an
  //    article keeps its strongest partners only, so memory stays per
  //    article however much copying there is.
  std::vector<PartnerEntry> entries = StrongestPartners(groups);
  std::vector<Posting>().swap(groups.postings);
  // 3. The pairs (a, b), a < b: the shared sentences counted from each
  //    side (an article lists a partner once), merged from the entries
  //    sorted by pair; the example from a's side if it has one.
  std::vector<SharedPair> pairs = MergePairs(std::move(entries));
  // 4. Who copies whom in each pair; then an article's sources, those it
  //    shares most with first (wire copy run by hundreds of sites would
  //    otherwise list every pair of them). The messages are made for the
  //    copies kept only.
  return MakeCopies(ChooseSources(std::move(pairs)));
}

}  // namespace crosscheck
