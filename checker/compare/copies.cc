#include "checker/compare/copies.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "checker/base/status_macros.h"
#include "checker/compare/copy_fingerprint.h"
#include "checker/compare/sentence_cursor.h"

namespace crosscheck {
namespace {

// An article keeps the text of at most this many sentences seen before, as
// examples for its copy relations.
constexpr int kMaxExamplesPerArticle = 3;

}  // namespace

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
  return &bloom_[(MixHash(hash) % (bloom_.size() / 8)) * 8];
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
  const uint64_t m = MixHash(hash);
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
    ASSIGN_OR_RETURN(std::string bytes,
                     texts_->Read(v, done * static_cast<int64_t>(sizeof(uint32_t)),
                                  n * static_cast<int64_t>(sizeof(uint32_t))));
    piece.resize(static_cast<size_t>(n));
    std::memcpy(piece.data(), bytes.data(), bytes.size());
    fn(piece.data(), piece.size());
    done += n;
  }
  return absl::OkStatus();
}

absl::Status CopyDetector::ForEachHash(absl::FunctionRef<void(const uint32_t*, size_t)> fn) const {
  RETURN_IF_ERROR(ReadHashes(postings_value_, stored_, fn));
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
        if (ShingleKept(h, sampling_)) __builtin_prefetch(BloomBlock(h), 1);
      }
    }
    for (uint32_t h : s.shingles()) {
      if (!ShingleKept(h, sampling_)) continue;
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
      if (ShingleKept(h[i], p)) {
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

}  // namespace crosscheck
