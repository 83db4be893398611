#include "checker/copies.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "checker/text_fold.h"

namespace crosscheck {
namespace {

// An article holding a shingle that appears in more articles than this is
// boilerplate ("contributed to this report"), not evidence of copying.
constexpr int kMaxPostings = 50;

// A shared sentence is evidence of copying only with this many words of the
// outlet's own narrative around any quote.
constexpr int kMinNarrativeWords = 8;

// At most this many sources are listed for one copier, those it shares most
// sentences with.
constexpr int kMaxSourcesPerCopier = 5;

uint64_t Fnv1a(absl::string_view s, uint64_t h = 1469598103934665603ULL) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

// Folded words of a sentence, punctuation dropped.
std::vector<std::string> Words(absl::string_view sentence) {
  std::string folded = FoldForMatching(sentence);
  for (char& c : folded) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x80 && !absl::ascii_isalnum(u)) c = ' ';
  }
  return absl::StrSplit(folded, ' ', absl::SkipEmpty());
}

// Words of `sentence` outside double quotation marks ("...", “...”).
int NarrativeWords(absl::string_view sentence) {
  std::string outside;
  bool quoted = false;
  for (size_t i = 0; i < sentence.size(); ++i) {
    if (sentence[i] == '"') {
      quoted = !quoted;
      continue;
    }
    if (sentence.substr(i, 3) == "\xE2\x80\x9C") {  // “
      quoted = true;
      i += 2;
      continue;
    }
    if (sentence.substr(i, 3) == "\xE2\x80\x9D") {  // ”
      quoted = false;
      i += 2;
      continue;
    }
    if (!quoted) outside.push_back(sentence[i]);
  }
  return static_cast<int>(Words(outside).size());
}

}  // namespace

CopyDetector::CopyDetector(int min_words, int shingle_words, double min_share)
    : min_words_(min_words), shingle_words_(shingle_words), min_share_(min_share) {}

void CopyDetector::Add(const Document& doc) {
  const int index = static_cast<int>(articles_.size());
  ArticleEntry entry;
  entry.id = doc.article().id();
  entry.published = doc.article().published();
  const std::string& text = doc.article().text();
  for (const Sentence& s : doc.sentences()) {
    if (s.section() == SECTION_BOILERPLATE) continue;
    ++entry.sentences;
    absl::string_view sentence =
        absl::string_view(text).substr(s.span().begin(), s.span().end() - s.span().begin());
    std::vector<std::string> words = Words(sentence);
    if (static_cast<int>(words.size()) < min_words_) continue;
    SentenceShingles sh;
    sh.text = std::string(sentence);
    sh.narrative_words = NarrativeWords(sentence);
    for (size_t i = 0; i + shingle_words_ <= words.size(); ++i) {
      uint64_t h = 1469598103934665603ULL;
      for (int k = 0; k < shingle_words_; ++k) {
        h = Fnv1a(words[i + k], h);
        h = Fnv1a(" ", h);
      }
      sh.shingles.push_back(h);
      std::vector<int>& postings = index_[h];
      if ((postings.empty() || postings.back() != index) &&
          static_cast<int>(postings.size()) <= kMaxPostings) {
        postings.push_back(index);
      }
    }
    std::sort(sh.shingles.begin(), sh.shingles.end());
    sh.shingles.erase(std::unique(sh.shingles.begin(), sh.shingles.end()), sh.shingles.end());
    entry.long_sentences.push_back(std::move(sh));
  }
  articles_.push_back(std::move(entry));
}

std::vector<Copy> CopyDetector::Find() const {
  // (a, b) with a < b -> shared sentences counted from each side.
  struct Shared {
    int sentences_of_a = 0;  // sentences of a found in b
    int sentences_of_b = 0;
    const std::string* example = nullptr;
  };
  std::map<std::pair<int, int>, Shared> pairs;
  for (int a = 0; a < static_cast<int>(articles_.size()); ++a) {
    for (const SentenceShingles& s : articles_[a].long_sentences) {
      std::map<int, int> hits;  // other article -> shingles of s it holds
      for (uint64_t h : s.shingles) {
        auto it = index_.find(h);
        if (it == index_.end() || static_cast<int>(it->second.size()) > kMaxPostings) continue;
        for (int b : it->second) {
          if (b != a) ++hits[b];
        }
      }
      if (s.narrative_words < kMinNarrativeWords) continue;  // a shared quote
      for (const auto& [b, count] : hits) {
        if (count < min_share_ * static_cast<double>(s.shingles.size())) continue;
        Shared& shared = pairs[{std::min(a, b), std::max(a, b)}];
        (a < b ? shared.sentences_of_a : shared.sentences_of_b)++;
        if (shared.example == nullptr) shared.example = &s.text;
      }
    }
  }
  std::vector<Copy> copies;
  for (const auto& [key, shared] : pairs) {
    const ArticleEntry& a = articles_[key.first];
    const ArticleEntry& b = articles_[key.second];
    bool a_copies;
    if (!a.published.empty() && !b.published.empty() && a.published != b.published) {
      a_copies = a.published > b.published;
    } else {
      // Same day or undated: the article more made of shared sentences.
      double share_a = a.sentences ? double(shared.sentences_of_a) / a.sentences : 0;
      double share_b = b.sentences ? double(shared.sentences_of_b) / b.sentences : 0;
      a_copies = share_a != share_b ? share_a > share_b : a.id > b.id;
    }
    Copy c;
    c.set_copier(a_copies ? a.id : b.id);
    c.set_source(a_copies ? b.id : a.id);
    c.set_shared_sentences(std::max(shared.sentences_of_a, shared.sentences_of_b));
    c.set_example(*shared.example);
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
