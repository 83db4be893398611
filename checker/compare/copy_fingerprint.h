// The fingerprint of an article for copy detection: its long sentences'
// word shingles, hashed and (past a budget) sampled, with how many words of
// each stand outside quotes and, for a sentence mostly of the outlet's own
// words, its beginning as a possible example. A pure function of one
// article: it runs in the extraction stage and is stored with the claims;
// the CopyDetector (copies.h) compares fingerprints.
//
// Example:
//   CopyOptions options;
//   CopyFingerprint fingerprint = FingerprintForCopies(doc, options);
//   detector.Add(doc.article().id(), doc.article().published(), fingerprint);
#ifndef CROSSCHECK_CHECKER_COMPARE_COPY_FINGERPRINT_H_
#define CROSSCHECK_CHECKER_COMPARE_COPY_FINGERPRINT_H_

#include <cstdint>

#include "proto/article.pb.h"
#include "proto/claim.pb.h"

namespace crosscheck {

// How sentences are cut and compared.
struct CopyOptions {
  // Sentences shorter than this are ignored (too common to tell).
  int min_words = 10;
  int shingle_words = 6;
  // Fingerprints keep one shingle in this many (1: all; a power of two).
  int sampling = 1;
  // The detector samples further past this many shingles (at least 1).
  int64_t max_shingles = int64_t{1} << 25;
  // A sentence is shared when this share of its kept hashes occur in the
  // other article.
  double min_share = 0.6;
};

// The fingerprint of one article (its long sentences' winnowed shingles,
// one in `options.sampling` kept). Pure and thread-safe.
CopyFingerprint FingerprintForCopies(const Document& doc, const CopyOptions& options = {});

// A shared sentence is evidence of copying only with this many words of the
// outlet's own narrative around any quote.
inline constexpr int kMinNarrativeWords = 8;

// Mixes a hash so that its bits are usable for the Bloom filter's block and
// bit positions, and combines word hashes into a shingle's.
inline uint64_t MixHash(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// Whether a shingle is kept when one in `p` is (the same in every article:
// Broder's "0 mod p" sampling).
inline bool ShingleKept(uint32_t hash, int p) {
  return p <= 1 || MixHash(hash) % static_cast<uint64_t>(p) == 0;
}

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_COMPARE_COPY_FINGERPRINT_H_
