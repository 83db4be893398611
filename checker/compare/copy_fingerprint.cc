#include "checker/compare/copy_fingerprint.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "checker/base/text_fold.h"

namespace crosscheck {
namespace {

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

// The kept shingles of one sentence: sorted, unique.
std::vector<uint32_t> Sample(std::vector<uint32_t> h, int p) {
  std::sort(h.begin(), h.end());
  h.erase(std::unique(h.begin(), h.end()), h.end());
  h.erase(std::remove_if(h.begin(), h.end(), [p](uint32_t x) { return !ShingleKept(x, p); }),
          h.end());
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
      for (int k = 0; k < options.shingle_words; ++k) h = MixHash(h ^ w[i + k]);
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

}  // namespace crosscheck
