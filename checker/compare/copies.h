// Copy detection: which articles repeat sentences of others (wire copy,
// aggregators), so that a copy is not counted as independent corroboration.
//
// Each sentence of at least `min_words` words is cut into word shingles
// (runs of `shingle_words` folded words: case, diacritics and punctuation do
// not matter, so "U.S." and "US" differ but a quote with other quote marks
// does not). A sentence is shared with another article when `min_share` of
// its shingles occur there.
//
// Memory: the detector keeps 4 bytes per shingle (its 32-bit hash; the
// hashes are kept in sentence order, so the sentence is implied), in the
// store it is given (which keeps what passes its budget in a temporary
// file), and 8 bytes per long sentence in memory; finding reads the hashes
// back a slice of hash values at a time. Past `max_shingles` it keeps one
// shingle in 2, then 4, ...,
// chosen by hash (Broder's "0 mod p" sampling: the same shingle is kept in
// every article, so the share of a sentence's kept shingles found elsewhere
// estimates the share of all), and says so in `sampling()`. Small corpora
// are compared on every shingle. Hashes found in very many articles
// (boilerplate) are not evidence.
//
// A shared sentence that is mostly a direct quote is not evidence: outlets
// quote the same statement independently.
//
// Direction: the later article copies the earlier one; on the same day (or
// without dates) the one whose text is more made of the shared sentences.
//
// Fingerprinting is a pure function of one article: it runs in the
// extraction stage (in parallel, or in its own Bazel action) and is stored
// with the claims. The detector keeps the text of a sentence only when a
// sentence like it was added before (a Bloom filter says so), so its memory
// grows with the shingles and the shared sentences, not with the text.
//
// Example:
//   CopyDetector copies;
//   for (const Document& d : documents) copies.Add(d);
//   absl::StatusOr<std::vector<Copy>> found = copies.Find();
#ifndef CROSSCHECK_CHECKER_COMPARE_COPIES_H_
#define CROSSCHECK_CHECKER_COMPARE_COPIES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "checker/compare/copy_fingerprint.h"
#include "checker/storage/spill_store.h"
#include "proto/article.pb.h"
#include "proto/claim.pb.h"
#include "proto/report.pb.h"

namespace crosscheck {

// Finds copy relations among the articles added to it.
class CopyDetector {
 public:
  // `texts`: where the shingles' hashes and the sentences that may become a
  // copy's example wait; null: in memory. It must outlive the detector.
  explicit CopyDetector(const CopyOptions& options = {}, SpillStore* texts = nullptr);

  // Adds an article by its fingerprint.
  void Add(absl::string_view id, absl::string_view published, const CopyFingerprint& fingerprint);
  // Adds an article by its text (fingerprints it first).
  void Add(const Document& doc);

  // The copy relations, each with the number of shared sentences and one of
  // them as an example, sorted by copier then source. Deterministic: the
  // same articles added in the same order give the same result. Uses up the
  // shingles (read back and sorted a slice of hash values at a time): call
  // it once, after the last Add. An error only when `texts` fails (a
  // shingle or an example cannot be stored or read back).
  absl::StatusOr<std::vector<Copy>> Find();

  // Frees what only adding needs (the Bloom filter), before Find.
  void DoneAdding() { std::vector<uint64_t>().swap(bloom_); }

  // One shingle in how many is compared (1 unless the corpus is large).
  int sampling() const { return sampling_; }

 private:
  struct ArticleEntry {  // its id in ids_, its date in dates_
    int64_t id_at = 0;
    uint32_t id_size = 0;
    int32_t published = 0;  // index into dates_
    int32_t sentences = 0;  // all sentences of the article
  };
  struct SentenceEntry {  // 8 bytes: with the postings, the bulk of the memory
    uint32_t article = 0;
    uint32_t hashes : 31;    // kept hashes of the sentence
    uint32_t narrative : 1;  // enough words of its own beyond quotes
  };
  struct Posting {  // a shingle and its sentence, while finding
    uint32_t hash;
    uint32_t sentence;
  };

  // The filter's 512-bit block for `hash` (the filter must not be empty).
  uint64_t* BloomBlock(uint32_t hash);
  bool BloomTestAndSet(uint32_t hash);
  // A filter of `words` words, with every kept hash in it.
  void RebuildBloom(size_t words);

  // Keeps `hash` (after those kept before).
  void AppendHash(uint32_t hash);
  // Moves pending_ to the store.
  void FlushPending();
  // How many hashes are kept.
  int64_t kept() const { return stored_ + static_cast<int64_t>(pending_.size()); }
  // Calls `fn` with the first `count` hashes of value `v` of texts_, a
  // piece at a time.
  absl::Status ReadHashes(int v, int64_t count,
                          absl::FunctionRef<void(const uint32_t*, size_t)> fn) const;
  // Calls `fn` with every kept hash, in order, a piece at a time.
  absl::Status ForEachHash(absl::FunctionRef<void(const uint32_t*, size_t)> fn) const;
  // Keeps one shingle in `p` (a power of two above sampling_).
  void Resample(int p);

  absl::string_view IdOf(const ArticleEntry& a) const {
    return absl::string_view(ids_).substr(static_cast<size_t>(a.id_at), a.id_size);
  }
  // The index into text_lengths_ of sentence `s`'s text, or -1 when not kept.
  int32_t TextOf(uint32_t s) const;

  // The steps of Find (copies.cc says what each holds).
  struct Groups;
  struct Partner;
  struct PartnerEntry;
  struct SharedPair;
  struct Candidate;
  // 1. Into `groups`: the shingles shared by 2 to kMaxPostings articles
  // (numbered in hash order), their articles, and their postings sorted by
  // sentence. Uses up the kept hashes.
  absl::Status GroupShingles(Groups* groups);
  // Into `slice` (`size` postings): the postings of the hashes whose top
  // byte is in [first, last), in sentence order.
  absl::Status ReadSlice(size_t first, size_t last, size_t size, std::vector<Posting>* slice) const;
  // Sorts `slice` (top bytes [first, last), `start` the number of hashes
  // below each top byte) by (hash, sentence).
  static void SortSlice(size_t first, size_t last, const std::array<size_t, 257>& start,
                        std::vector<Posting>* slice);
  // Adds the groups of the sorted `slice` to `groups`.
  void AddGroups(const std::vector<Posting>& slice, Groups* groups) const;
  // 2. Each article's strongest partners: the articles it shares the most
  // narrative sentences with, at most kMaxPartnersPerArticle.
  std::vector<PartnerEntry> StrongestPartners(const Groups& groups) const;
  // 3. The pairs of partners (a < b), each once, with what each side shares.
  static std::vector<SharedPair> MergePairs(std::vector<PartnerEntry> entries);
  // Who copies whom in `shared`: the later article, else the one more made
  // of the shared sentences, else the one with the larger id.
  Candidate Direction(const SharedPair& shared) const;
  // 4. The copy relations: each copier's sources, those it shares most
  // with first, at most kMaxSourcesPerCopier, sorted by copier then source.
  std::vector<Candidate> ChooseSources(std::vector<SharedPair> pairs) const;
  // The Copy messages, with their examples read back. Uses up the texts.
  absl::StatusOr<std::vector<Copy>> MakeCopies(const std::vector<Candidate>& candidates);

  CopyOptions options_;
  int sampling_ = 1;
  std::vector<ArticleEntry> articles_;
  std::string ids_;                 // the articles' ids, one after another
  std::vector<std::string> dates_;  // the publication dates seen ("" too)
  absl::flat_hash_map<std::string, int32_t> date_index_;
  std::vector<SentenceEntry> sentences_;
  // The sentences whose text is kept, in sentence order: the i-th one's
  // text is the i-th text kept.
  std::vector<uint32_t> text_sentences_;
  // The kept hashes of every sentence, sentence after sentence (sentence s
  // holds the next sentences_[s].hashes of them): the first stored_ in
  // value postings_value_ of texts_, the latest in pending_.
  int postings_value_ = 0;
  int64_t stored_ = 0;
  std::vector<uint32_t> pending_;
  // The kept sentences' texts: one after another in value texts_value_ of
  // texts_, text i text_lengths_[i] bytes long (where it starts is the sum
  // of the lengths before it: 4 bytes a text, not 16).
  std::unique_ptr<SpillStore> own_texts_;  // when no store was given
  SpillStore* texts_ = nullptr;
  int texts_value_ = 0;
  std::vector<uint32_t> text_lengths_;
  absl::Status status_;  // the first error storing a text
  // Hashes added so far (approximately): 512-bit blocks, grown lazily.
  std::vector<uint64_t> bloom_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_COMPARE_COPIES_H_
