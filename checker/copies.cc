#include "checker/copies.h"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "checker/text_fold.h"

namespace crosscheck {
namespace {

// An article holding a shingle that appears in more articles than this is
// boilerplate ("contributed to this report"), not evidence of copying.
constexpr int kMaxPostings = 50;

// A shared sentence is evidence of copying only with this many words of the
// outlet's own narrative around any quote.
constexpr int kMinNarrativeWords = 8;

// An article keeps the text of at most this many sentences seen before, as
// examples for its copy relations.
constexpr int kMaxExamplesPerArticle = 3;

// An article keeps the sentences it shares with this many other articles at
// most (those it shares most with).
constexpr size_t kMaxPartnersPerArticle = 10;

// At most this many sources are listed for one copier, those it shares most
// sentences with.
constexpr int kMaxSourcesPerCopier = 5;

// Mixes a hash so that its bits are usable for the Bloom filter's block and
// bit positions, and combines word hashes into a shingle's.
uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// The words of a sentence, folded (case, diacritics and punctuation do not
// matter), each as a 64-bit hash, and how many of them stand outside double
// quotation marks (the outlet's own narrative, not a quote it shares).
struct SentenceWords {
  std::vector<uint64_t> hashes;
  int narrative = 0;
};
void HashWords(absl::string_view sentence, std::string* folded, SentenceWords* out) {
  *folded = FoldForMatching(sentence);  // “ and ” become "
  out->hashes.clear();
  out->narrative = 0;
  bool quoted = false;
  const size_t n = folded->size();
  for (size_t i = 0; i < n;) {
    const unsigned char c = static_cast<unsigned char>((*folded)[i]);
    if (c == '"') quoted = !quoted;
    if (c < 0x80 && !absl::ascii_isalnum(c)) {
      ++i;
      continue;
    }
    uint64_t h = 1469598103934665603ULL;  // FNV-1a
    for (; i < n; ++i) {
      const unsigned char w = static_cast<unsigned char>((*folded)[i]);
      if (w < 0x80 && !absl::ascii_isalnum(w)) break;
      h = (h ^ w) * 1099511628211ULL;
    }
    out->hashes.push_back(h);
    if (!quoted) ++out->narrative;
  }
}

// Whether a shingle is kept when one in `p` is (the same in every article).
bool Kept(uint32_t hash, int p) { return p <= 1 || Mix(hash) % static_cast<uint64_t>(p) == 0; }

// The kept shingles of one sentence: sorted, unique.
std::vector<uint32_t> Sample(std::vector<uint32_t> h, int p) {
  std::sort(h.begin(), h.end());
  h.erase(std::unique(h.begin(), h.end()), h.end());
  h.erase(std::remove_if(h.begin(), h.end(), [p](uint32_t x) { return !Kept(x, p); }), h.end());
  return h;
}

// The beginning of a sentence, enough to find it: its first words up to
// about 140 bytes, cut between words, with an ellipsis when cut.
std::string Incipit(absl::string_view sentence) {
  constexpr size_t kMax = 140;
  if (sentence.size() <= kMax) return std::string(sentence);
  size_t cut = sentence.rfind(' ', kMax);
  if (cut == absl::string_view::npos || cut < kMax / 2) cut = kMax;
  // Never inside a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(sentence[cut]) & 0xC0) == 0x80) --cut;
  return absl::StrCat(absl::StripTrailingAsciiWhitespace(sentence.substr(0, cut)), "\u2026");
}

}  // namespace

CopyFingerprint FingerprintForCopies(const Document& doc, const CopyOptions& options) {
  CopyFingerprint fingerprint;
  const std::string& text = doc.article().text();
  int sentences = 0;
  std::string folded;
  SentenceWords words;
  for (const Sentence& s : doc.sentences()) {
    if (s.section() == SECTION_BOILERPLATE) continue;
    ++sentences;
    absl::string_view sentence =
        absl::string_view(text).substr(s.span().begin(), s.span().end() - s.span().begin());
    HashWords(sentence, &folded, &words);
    const std::vector<uint64_t>& w = words.hashes;
    if (static_cast<int>(w.size()) < options.min_words) continue;
    std::vector<uint32_t> shingles;
    for (size_t i = 0; i + options.shingle_words <= w.size(); ++i) {
      uint64_t h = 0;
      for (int k = 0; k < options.shingle_words; ++k) h = Mix(h ^ w[i + k]);
      // 32 bits: two unrelated shingles share a hash once in 4 billion, and
      // a sentence needs most of its shingles found to count as shared.
      shingles.push_back(static_cast<uint32_t>(h >> 32));
    }
    CopySentence* out = fingerprint.add_long_sentences();
    for (uint32_t h : Sample(std::move(shingles), options.sampling)) out->add_shingles(h);
    out->set_narrative_words(words.narrative);
    // Only a sentence of the outlet's own words can be a copy's example.
    if (words.narrative >= kMinNarrativeWords) out->set_text(Incipit(sentence));
  }
  fingerprint.set_sentences(sentences);
  if (options.sampling > 1) fingerprint.set_sampling(options.sampling);
  return fingerprint;
}

CopyDetector::CopyDetector(const CopyOptions& options, SpillStore* texts)
    : options_(options), texts_(texts) {
  if (texts_ == nullptr) {
    own_texts_ = std::make_unique<SpillStore>(std::numeric_limits<int64_t>::max());
    texts_ = own_texts_.get();
  }
  texts_value_ = texts_->NewValue();
}

void CopyDetector::Add(const Document& doc) {
  Add(doc.article().id(), doc.article().published(), FingerprintForCopies(doc, options_));
}

uint64_t* CopyDetector::BloomBlock(uint32_t hash) {
  return &bloom_[(Mix(hash) % (bloom_.size() / 8)) * 8];
}

bool CopyDetector::BloomTestAndSet(uint32_t hash) {
  // 16 bits per hash, in blocks of 512 bits (8 words); 4 bits per hash,
  // all in one block. Rebuilt from the postings when it fills up.
  // It never grows past what max_shingles hashes need: an article that
  // goes past the budget is resampled as soon as it is added (and a filter
  // twice the size for that moment took 128 MB more at 1 GB).
  const size_t hashes = std::min<size_t>(postings_.size() + overflow_.size() + 1,
                                         static_cast<size_t>(std::max<int64_t>(options_.max_shingles, 1)));
  const size_t needed_words = std::max<size_t>(64, hashes * 16 / 64);
  if (bloom_.size() < needed_words) {
    size_t words = std::max<size_t>(bloom_.size(), 64);
    while (words < needed_words) words *= 2;
    // The old filter goes first (the new one is rebuilt from the postings):
    // both at once would hold a third more than the new one alone.
    std::vector<uint64_t>().swap(bloom_);
    bloom_.assign(words, 0);
    constexpr size_t kAhead = 16;  // blocks asked for ahead (cache misses overlap)
    for (const std::vector<uint32_t>* postings : {&postings_, &overflow_}) {
      const std::vector<uint32_t>& p = *postings;
      for (size_t i = 0; i < p.size(); ++i) {
        if (i + kAhead < p.size()) __builtin_prefetch(BloomBlock(p[i + kAhead]), 1);
        BloomTestAndSet(p[i]);
      }
    }
  }
  const uint64_t m = Mix(hash);
  uint64_t* block = BloomBlock(hash);
  bool present = true;
  for (int k = 0; k < 4; ++k) {
    const unsigned bit = (m >> (20 + 9 * k)) & 511;
    uint64_t& word = block[bit / 64];
    const uint64_t mask = uint64_t{1} << (bit % 64);
    if (!(word & mask)) {
      present = false;
      word |= mask;
    }
  }
  return present;
}

void CopyDetector::Add(absl::string_view id, absl::string_view published,
                       const CopyFingerprint& fingerprint) {
  const uint32_t index = static_cast<uint32_t>(articles_.size());
  ArticleEntry& entry = articles_.emplace_back();
  entry.id_at = static_cast<int64_t>(ids_.size());
  entry.id_size = static_cast<uint32_t>(id.size());
  ids_.append(id.data(), id.size());
  auto [date, added] = date_index_.try_emplace(std::string(published),
                                               static_cast<int32_t>(dates_.size()));
  if (added) dates_.emplace_back(published);
  entry.published = date->second;
  entry.sentences = fingerprint.sentences();
  int kept_texts = 0;
  // Room for the whole budget at once: growing by doubling would briefly
  // hold twice the budget (untouched capacity costs no memory).
  if (postings_.capacity() == 0) postings_.reserve(static_cast<size_t>(options_.max_shingles) + 4096);
  if (fingerprint.sampling() > sampling_) Resample(fingerprint.sampling());
  for (const CopySentence& s : fingerprint.long_sentences()) {
    if (s.shingles().empty()) continue;
    const uint32_t sentence = static_cast<uint32_t>(sentences_.size());
    SentenceEntry& e = sentences_.emplace_back();
    e.article = index;
    e.hashes = 0;
    e.narrative = s.narrative_words() >= kMinNarrativeWords;
    int seen = 0;
    // Each hash's Bloom block is a cache miss: ask for all of the
    // sentence's blocks first, so that the misses overlap.
    if (bloom_.size() >= 8) {
      for (uint32_t h : s.shingles()) {
        if (Kept(h, sampling_)) __builtin_prefetch(BloomBlock(h), 1);
      }
    }
    for (uint32_t h : s.shingles()) {
      if (!Kept(h, sampling_)) continue;
      ++e.hashes;
      if (BloomTestAndSet(h)) ++seen;
      // (Past the reserved room, into overflow_ until resampled: growing
      // postings_ would copy the whole budget.)
      if (postings_.size() < postings_.capacity()) {
        postings_.push_back(h);
      } else {
        overflow_.push_back(h);
      }
    }
    // Only a sentence that may be shared can become a copy's example, and
    // an article keeps a few: wire copy would otherwise keep the whole text.
    if (e.narrative && kept_texts < kMaxExamplesPerArticle && e.hashes > 0 &&
        seen >= options_.min_share * static_cast<double>(e.hashes)) {
      ++kept_texts;
      text_sentences_.push_back(sentence);
      text_lengths_.push_back(static_cast<uint32_t>(s.text().size()));
      if (absl::Status stored = texts_->Append(texts_value_, s.text()); !stored.ok()) {
        if (status_.ok()) status_ = stored;
      }
    }
  }
  while (static_cast<int64_t>(postings_.size() + overflow_.size()) > options_.max_shingles) {
    Resample(sampling_ * 2);
  }
}

int32_t CopyDetector::TextOf(uint32_t s) const {
  auto it = std::lower_bound(text_sentences_.begin(), text_sentences_.end(), s);
  return it != text_sentences_.end() && *it == s ? static_cast<int32_t>(it - text_sentences_.begin())
                                                 : -1;
}

void CopyDetector::Resample(int p) {
  sampling_ = p;
  // postings_ then overflow_, as one sequence, compacted in place (what is
  // kept lands at or before where it was read): the overflow moves into the
  // room made.
  const size_t room = postings_.size();
  auto at = [&](size_t i) -> uint32_t& { return i < room ? postings_[i] : overflow_[i - room]; };
  size_t read = 0, kept = 0;
  for (SentenceEntry& e : sentences_) {
    const uint32_t n = e.hashes;  // its hashes at the old sampling
    uint32_t left = 0;
    for (uint32_t k = 0; k < n; ++k, ++read) {
      const uint32_t h = at(read);
      if (!Kept(h, p)) continue;
      at(kept++) = h;
      ++left;
    }
    e.hashes = left;
  }
  postings_.resize(std::min(kept, room));  // keeps its capacity: it fills up again
  overflow_.resize(kept > room ? kept - room : 0);
  if (overflow_.empty()) std::vector<uint32_t>().swap(overflow_);
  bloom_.clear();
  bloom_.shrink_to_fit();
  if (!postings_.empty()) BloomTestAndSet(postings_.front());  // rebuilds it
}

absl::StatusOr<std::vector<Copy>> CopyDetector::Find() {
  if (!status_.ok()) return status_;
  // 1. The shingles shared by 2 to kMaxPostings articles ("groups"), with
  //    their articles, numbered in hash order; `grouped` gets (group,
  //    sentence) for each of their postings. The hashes are taken a slice of
  //    hash values at a time (at most an eighth of them), each with its
  //    sentence, sorted by (hash, sentence) on two threads and scanned for
  //    groups: the slice, not all postings, is held twice.
  auto by_hash = [](const Posting& x, const Posting& y) {
    return x.hash != y.hash ? x.hash < y.hash : x.sentence < y.sentence;
  };
  std::vector<uint32_t> group_start;  // into `holders`
  std::vector<uint32_t> holders;      // each group's articles, sorted
  std::vector<Posting> grouped;
  if (!overflow_.empty()) {  // (Add leaves none: it resamples into the room)
    postings_.insert(postings_.end(), overflow_.begin(), overflow_.end());
    std::vector<uint32_t>().swap(overflow_);
  }
  {
    // Hashes by their top byte, to cut slices.
    std::array<size_t, 257> start{};
    for (uint32_t h : postings_) ++start[(h >> 24) + 1];
    for (size_t b = 1; b <= 256; ++b) start[b] += start[b - 1];
    const size_t n = postings_.size();
    const size_t slice_budget = std::max<size_t>(n / 8, size_t{1} << 16);
    std::vector<Posting> slice;
    std::vector<uint32_t> found;
    for (size_t first = 0; first < 256;) {
      // Top bytes [first, last): at least one, within the budget if it can.
      size_t last = first + 1;
      while (last < 256 && start[last + 1] - start[first] <= slice_budget) ++last;
      slice.clear();
      slice.reserve(start[last] - start[first]);
      {
        size_t i = 0;
        for (uint32_t sentence = 0; sentence < sentences_.size(); ++sentence) {
          for (uint32_t k = sentences_[sentence].hashes; k > 0; --k, ++i) {
            const uint32_t h = postings_[i];
            const size_t top = h >> 24;
            if (top >= first && top < last) slice.push_back({h, sentence});
          }
        }
      }
      // Bucketed by top byte (a bucket fits in the cache where the slice
      // does not), each bucket sorted on its own, the buckets shared
      // between two threads. The buckets in order are the slice in order.
      std::array<size_t, 257> at{};
      for (size_t b = first; b < last; ++b) at[b + 1 - first] = start[b + 1] - start[first];
      std::array<size_t, 256> next;
      std::copy(at.begin(), at.begin() + (last - first), next.begin());
      for (size_t b = 0; b < last - first; ++b) {
        while (next[b] < at[b + 1]) {
          Posting p = slice[next[b]];
          size_t home = (p.hash >> 24) - first;
          while (home != b) {  // carry p to its bucket, taking what was there
            std::swap(p, slice[next[home]++]);
            home = (p.hash >> 24) - first;
          }
          slice[next[b]++] = p;
        }
      }
      auto sort_buckets = [&](size_t from, size_t to) {
        for (size_t b = from; b < to; ++b) {
          std::sort(slice.begin() + static_cast<std::ptrdiff_t>(at[b]),
                    slice.begin() + static_cast<std::ptrdiff_t>(at[b + 1]), by_hash);
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
          const uint32_t group = static_cast<uint32_t>(group_start.size());
          group_start.push_back(static_cast<uint32_t>(holders.size()));
          holders.insert(holders.end(), found.begin(), found.end());
          for (size_t i = begin; i < end; ++i) grouped.push_back({group, slice[i].sentence});
        }
        begin = end;
      }
      first = last;
    }
  }
  group_start.push_back(static_cast<uint32_t>(holders.size()));
  std::vector<uint32_t>().swap(postings_);
  std::vector<uint32_t>().swap(overflow_);
  std::vector<Posting>& postings = grouped;  // (hash: the group, since step 1)
  std::sort(postings.begin(), postings.end(), [](const Posting& x, const Posting& y) {
    return x.sentence != y.sentence ? x.sentence < y.sentence : x.hash < y.hash;
  });

  // 2. Article by article (postings are in sentence order, sentences in
  //    article order): the sentences it shares with each other article; an
  //    article keeps its strongest partners only, so memory stays per
  //    article however much copying there is.
  struct Partner {
    int sentences = 0;
    int32_t example = -1;  // index into text_lengths_
  };
  struct Entry {
    uint32_t article;
    uint32_t other;
    Partner partner;
  };
  std::vector<Entry> entries;
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
        const uint32_t g = postings[i].hash;  // the group, since step 1
        for (uint32_t k = group_start[g]; k < group_start[g + 1]; ++k) {
          if (holders[k] != sentence.article) ++hits[holders[k]];
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

  // (a, b) with a < b -> shared sentences counted from each side.
  struct Shared {
    int sentences_of_a = 0;  // sentences of a found in b
    int sentences_of_b = 0;
    int32_t example = -1;  // index into text_lengths_
  };
  std::map<std::pair<int, int>, Shared> pairs;
  for (const Entry& e : entries) {
    const int a = static_cast<int>(e.article), b = static_cast<int>(e.other);
    Shared& shared = pairs[{std::min(a, b), std::max(a, b)}];
    (a < b ? shared.sentences_of_a : shared.sentences_of_b) = e.partner.sentences;
    if (e.partner.example >= 0 && (shared.example < 0 || a < b)) {
      shared.example = e.partner.example;
    }
  }
  // Where each kept text starts (and the last ends) in texts_value_.
  std::vector<int64_t> text_at(text_lengths_.size() + 1, 0);
  for (size_t i = 0; i < text_lengths_.size(); ++i) text_at[i + 1] = text_at[i] + text_lengths_[i];
  std::vector<Copy> copies;
  for (const auto& [key, shared] : pairs) {
    const ArticleEntry& a = articles_[key.first];
    const ArticleEntry& b = articles_[key.second];
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
    Copy c;
    c.set_copier(std::string(a_copies ? IdOf(a) : IdOf(b)));
    c.set_source(std::string(a_copies ? IdOf(b) : IdOf(a)));
    c.set_shared_sentences(std::max(shared.sentences_of_a, shared.sentences_of_b));
    if (shared.example >= 0) {
      const size_t i = static_cast<size_t>(shared.example);
      absl::StatusOr<std::string> example =
          texts_->Read(texts_value_, text_at[i], text_at[i + 1] - text_at[i]);
      if (!example.ok()) return example.status();
      c.set_example(std::move(*example));
    }
    copies.push_back(std::move(c));
  }
  // The sources an article copies most; wire copy run by hundreds of sites
  // would otherwise list every pair of them.
  std::sort(copies.begin(), copies.end(), [](const Copy& x, const Copy& y) {
    if (x.copier() != y.copier()) return x.copier() < y.copier();
    if (x.shared_sentences() != y.shared_sentences()) {
      return x.shared_sentences() > y.shared_sentences();
    }
    return x.source() < y.source();
  });
  texts_->Stream(texts_value_);  // the texts are used up (dropping the reader frees them)
  std::vector<uint32_t>().swap(text_lengths_);
  std::vector<uint32_t>().swap(text_sentences_);
  std::vector<Copy> kept;
  std::string previous;
  int per_copier = 0;
  for (Copy& c : copies) {
    per_copier = c.copier() == previous ? per_copier + 1 : 0;
    previous = c.copier();
    if (per_copier < kMaxSourcesPerCopier) kept.push_back(std::move(c));
  }
  std::sort(kept.begin(), kept.end(), [](const Copy& x, const Copy& y) {
    return std::tie(x.copier(), x.source()) < std::tie(y.copier(), y.source());
  });
  return kept;
}

}  // namespace crosscheck
