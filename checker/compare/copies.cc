#include "checker/compare/copies.h"

#include <algorithm>
#include <array>
#include <cstring>
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
#include "checker/base/text_fold.h"

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

// The sentence of each kept hash in turn, the hashes being in sentence
// order and sentence s holding the next `entries[s].hashes` of them.
// Reads a sentence's count when it reaches it, so counts of sentences
// already passed may change meanwhile.
template <typename Entries>
class SentenceCursor {
 public:
  explicit SentenceCursor(const Entries& entries) : entries_(entries) {}
  // The sentence of the next hash (there must be one).
  uint32_t Next() {
    while (left_ == 0) {  // on to the next sentence with hashes
      if (open_) ++sentence_;
      open_ = true;
      left_ = entries_[sentence_].hashes;
    }
    --left_;
    return sentence_;
  }

 private:
  const Entries& entries_;
  uint32_t sentence_ = 0;
  uint32_t left_ = 0;
  bool open_ = false;  // whether sentence_ is that of a hash given
};

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
  options_.max_shingles = std::max<int64_t>(options_.max_shingles, 1);
  if (texts_ == nullptr) {
    own_texts_ = std::make_unique<SpillStore>(std::numeric_limits<int64_t>::max());
    texts_ = own_texts_.get();
  }
  texts_value_ = texts_->NewValue();
  postings_value_ = texts_->NewValue();
}

void CopyDetector::Add(const Document& doc) {
  Add(doc.article().id(), doc.article().published(), FingerprintForCopies(doc, options_));
}

uint64_t* CopyDetector::BloomBlock(uint32_t hash) {
  return &bloom_[(Mix(hash) % (bloom_.size() / 8)) * 8];
}

bool CopyDetector::BloomTestAndSet(uint32_t hash) {
  // 16 bits per hash, in blocks of 512 bits (8 words); 4 bits per hash,
  // all in one block. Rebuilt from the kept hashes when it fills up.
  // It never grows past what max_shingles hashes need: an article that
  // goes past the budget is resampled as soon as it is added (and a filter
  // twice the size for that moment took 128 MB more at 1 GB).
  const size_t hashes = static_cast<size_t>(std::min<int64_t>(kept() + 1, options_.max_shingles));
  const size_t needed_words = std::max<size_t>(64, hashes * 16 / 64);
  if (bloom_.size() < needed_words) {
    size_t words = std::max<size_t>(bloom_.size(), 64);
    while (words < needed_words) words *= 2;
    RebuildBloom(words);
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

void CopyDetector::RebuildBloom(size_t words) {
  // The old filter goes first (the new one is rebuilt from the hashes):
  // both at once would hold a third more than the new one alone.
  std::vector<uint64_t>().swap(bloom_);
  bloom_.assign(words, 0);
  constexpr size_t kAhead = 16;  // blocks asked for ahead (cache misses overlap)
  absl::Status read = ForEachHash([&](const uint32_t* h, size_t n) {
    for (size_t i = 0; i < n; ++i) {
      if (i + kAhead < n) __builtin_prefetch(BloomBlock(h[i + kAhead]), 1);
      BloomTestAndSet(h[i]);
    }
  });
  if (!read.ok() && status_.ok()) status_ = read;
}

void CopyDetector::AppendHash(uint32_t hash) {
  constexpr size_t kPending = size_t{1} << 18;  // hashes (1 MB) moved to the store at once
  if (pending_.capacity() == 0) pending_.reserve(kPending);
  pending_.push_back(hash);
  if (pending_.size() >= kPending) FlushPending();
}

void CopyDetector::FlushPending() {
  if (pending_.empty()) return;
  const absl::string_view bytes(reinterpret_cast<const char*>(pending_.data()),
                                pending_.size() * sizeof(uint32_t));
  if (absl::Status s = texts_->Append(postings_value_, bytes); !s.ok() && status_.ok()) {
    status_ = s;
  }
  stored_ += static_cast<int64_t>(pending_.size());
  pending_.clear();
}

absl::Status CopyDetector::ReadHashes(int v, int64_t count,
                                      absl::FunctionRef<void(const uint32_t*, size_t)> fn) const {
  constexpr int64_t kPiece = int64_t{1} << 18;  // hashes (1 MB) read at once
  std::vector<uint32_t> piece;
  for (int64_t done = 0; done < count;) {
    const int64_t n = std::min(kPiece, count - done);
    absl::StatusOr<std::string> bytes =
        texts_->Read(v, done * static_cast<int64_t>(sizeof(uint32_t)),
                     n * static_cast<int64_t>(sizeof(uint32_t)));
    if (!bytes.ok()) return bytes.status();
    piece.resize(static_cast<size_t>(n));
    std::memcpy(piece.data(), bytes->data(), bytes->size());
    fn(piece.data(), piece.size());
    done += n;
  }
  return absl::OkStatus();
}

absl::Status CopyDetector::ForEachHash(absl::FunctionRef<void(const uint32_t*, size_t)> fn) const {
  if (absl::Status s = ReadHashes(postings_value_, stored_, fn); !s.ok()) return s;
  if (!pending_.empty()) fn(pending_.data(), pending_.size());
  return absl::OkStatus();
}

void CopyDetector::Add(absl::string_view id, absl::string_view published,
                       const CopyFingerprint& fingerprint) {
  const uint32_t index = static_cast<uint32_t>(articles_.size());
  ArticleEntry& entry = articles_.emplace_back();
  entry.id_at = static_cast<int64_t>(ids_.size());
  entry.id_size = static_cast<uint32_t>(id.size());
  ids_.append(id.data(), id.size());
  auto [date, added] =
      date_index_.try_emplace(std::string(published), static_cast<int32_t>(dates_.size()));
  if (added) dates_.emplace_back(published);
  entry.published = date->second;
  entry.sentences = fingerprint.sentences();
  int kept_texts = 0;
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
      AppendHash(h);
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
  // (One shingle in 2^30 is as far as sampling goes.)
  while (kept() > options_.max_shingles && sampling_ < (1 << 30)) Resample(sampling_ * 2);
}

int32_t CopyDetector::TextOf(uint32_t s) const {
  auto it = std::lower_bound(text_sentences_.begin(), text_sentences_.end(), s);
  return it != text_sentences_.end() && *it == s
             ? static_cast<int32_t>(it - text_sentences_.begin())
             : -1;
}

void CopyDetector::Resample(int p) {
  sampling_ = p;
  // The kept hashes are read back, sentence by sentence, and those still
  // kept go to a new value; the old one is dropped.
  FlushPending();
  const int old = postings_value_;
  const int64_t old_count = stored_;
  postings_value_ = texts_->NewValue();
  stored_ = 0;
  SentenceCursor cursor(sentences_);
  int64_t current = -1;  // the sentence whose hashes are being read
  uint32_t kept_in = 0;  // those of them kept
  absl::Status read = ReadHashes(old, old_count, [&](const uint32_t* h, size_t n) {
    for (size_t i = 0; i < n; ++i) {
      const uint32_t s = cursor.Next();
      if (s != current) {  // (the cursor is past `current`: its count may change)
        if (current >= 0) sentences_[static_cast<size_t>(current)].hashes = kept_in;
        current = s;
        kept_in = 0;
      }
      if (Kept(h[i], p)) {
        ++kept_in;
        AppendHash(h[i]);
      }
    }
  });
  if (current >= 0) sentences_[static_cast<size_t>(current)].hashes = kept_in;
  if (!read.ok() && status_.ok()) status_ = read;
  texts_->Stream(old);  // (dropping the reader frees what it held)
  // The next lookup rebuilds the filter from what is kept (a resample
  // straight after this one would make a rebuild here wasted).
  std::vector<uint64_t>().swap(bloom_);
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
  // (Room for every hash at once: untouched room costs no memory, and
  // growing by doubling would briefly hold half as much again.)
  std::vector<Posting> grouped;
  grouped.reserve(static_cast<size_t>(kept()));
  {
    // Hashes by their top byte, to cut slices.
    std::array<size_t, 257> start{};
    absl::Status read = ForEachHash([&](const uint32_t* h, size_t n) {
      for (size_t i = 0; i < n; ++i) ++start[(h[i] >> 24) + 1];
    });
    if (!read.ok()) return read;
    for (size_t b = 1; b <= 256; ++b) start[b] += start[b - 1];
    const size_t n = static_cast<size_t>(kept());
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
        SentenceCursor cursor(sentences_);
        read = ForEachHash([&](const uint32_t* h, size_t count) {
          for (size_t i = 0; i < count; ++i) {
            const uint32_t sentence = cursor.Next();
            const size_t top = h[i] >> 24;
            if (top >= first && top < last) slice.push_back({h[i], sentence});
          }
        });
        if (!read.ok()) return read;
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
  texts_->Stream(postings_value_);  // the hashes are used up (dropping the reader frees them)
  stored_ = 0;
  std::vector<uint32_t>().swap(pending_);
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
  std::vector<Entry> entries;  // (room for the most there can be: see `grouped`)
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

  std::vector<Posting>().swap(postings);

  // 3. The pairs (a, b), a < b: the shared sentences counted from each
  //    side (an article lists a partner once), merged from the entries
  //    sorted by pair; the example from a's side if it has one.
  struct Shared {
    uint32_t a, b;
    int sentences_of_a = 0;  // sentences of a found in b
    int sentences_of_b = 0;
    int32_t example_of_a = -1;  // index into text_lengths_
    int32_t example_of_b = -1;
  };
  std::vector<Shared> pairs;
  pairs.reserve(entries.size());
  for (const Entry& e : entries) {
    Shared& s = pairs.emplace_back();
    s.a = std::min(e.article, e.other);
    s.b = std::max(e.article, e.other);
    (e.article < e.other ? s.sentences_of_a : s.sentences_of_b) = e.partner.sentences;
    (e.article < e.other ? s.example_of_a : s.example_of_b) = e.partner.example;
  }
  std::vector<Entry>().swap(entries);
  std::sort(pairs.begin(), pairs.end(), [](const Shared& x, const Shared& y) {
    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  size_t merged = 0;
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (merged > 0 && pairs[merged - 1].a == pairs[i].a && pairs[merged - 1].b == pairs[i].b) {
      Shared& m = pairs[merged - 1];
      m.sentences_of_a = std::max(m.sentences_of_a, pairs[i].sentences_of_a);
      m.sentences_of_b = std::max(m.sentences_of_b, pairs[i].sentences_of_b);
      m.example_of_a = std::max(m.example_of_a, pairs[i].example_of_a);
      m.example_of_b = std::max(m.example_of_b, pairs[i].example_of_b);
    } else {
      pairs[merged++] = pairs[i];
    }
  }
  pairs.resize(merged);

  // 4. Who copies whom in each pair; then an article's sources, those it
  //    shares most with first (wire copy run by hundreds of sites would
  //    otherwise list every pair of them). The messages are made for the
  //    copies kept only.
  struct Candidate {
    uint32_t copier, source;
    int shared;
    int32_t example;
  };
  std::vector<Candidate> candidates;
  candidates.reserve(pairs.size());
  for (const Shared& shared : pairs) {
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
    candidates.push_back({a_copies ? shared.a : shared.b, a_copies ? shared.b : shared.a,
                          std::max(shared.sentences_of_a, shared.sentences_of_b),
                          shared.example_of_a >= 0 ? shared.example_of_a : shared.example_of_b});
  }
  std::vector<Shared>().swap(pairs);
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
  // Where each kept text starts (and the last ends) in texts_value_.
  std::vector<int64_t> text_at(text_lengths_.size() + 1, 0);
  for (size_t i = 0; i < text_lengths_.size(); ++i) text_at[i + 1] = text_at[i] + text_lengths_[i];
  std::vector<Copy> copies;
  copies.reserve(candidates.size());
  for (const Candidate& k : candidates) {
    Copy& c = copies.emplace_back();
    c.set_copier(std::string(id(k.copier)));
    c.set_source(std::string(id(k.source)));
    c.set_shared_sentences(k.shared);
    if (k.example >= 0) {
      const size_t i = static_cast<size_t>(k.example);
      absl::StatusOr<std::string> example =
          texts_->Read(texts_value_, text_at[i], text_at[i + 1] - text_at[i]);
      if (!example.ok()) return example.status();
      c.set_example(std::move(*example));
    }
  }
  texts_->Stream(texts_value_);  // the texts are used up (dropping the reader frees them)
  std::vector<uint32_t>().swap(text_lengths_);
  std::vector<uint32_t>().swap(text_sentences_);
  return copies;
}

}  // namespace crosscheck
