// Copy detection: which articles repeat sentences of others (wire copy,
// aggregators), so that a copy is not counted as independent corroboration.
//
// Each sentence of at least `min_words` words is cut into word shingles
// (runs of `shingle_words` folded words: case, diacritics and punctuation do
// not matter, so "U.S." and "US" differ but a quote with other quote marks
// does not). A sentence is shared with another article when most of its
// shingles occur there. Shingles found in very many articles (boilerplate)
// are not evidence. The index is a hash map: near-linear in corpus size.
//
// A shared sentence that is mostly a direct quote is not evidence: outlets
// quote the same statement independently.
//
// Direction: the later article copies the earlier one; on the same day (or
// without dates) the one whose text is more made of the shared sentences.
//
// Example:
//   CopyDetector copies;
//   for (const Document& d : documents) copies.Add(d);
//   std::vector<Copy> found = copies.Find();
#ifndef CROSSCHECK_CHECKER_COPIES_H_
#define CROSSCHECK_CHECKER_COPIES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "proto/article.pb.h"
#include "proto/report.pb.h"

namespace crosscheck {

// Finds copy relations among the articles added to it.
class CopyDetector {
 public:
  // Sentences shorter than `min_words` are ignored (too common to tell);
  // a sentence is shared when `min_share` of its shingles occur in the other
  // article.
  explicit CopyDetector(int min_words = 10, int shingle_words = 6, double min_share = 0.6);

  // Adds the sentences of `doc` (body, headline and caption; not furniture).
  void Add(const Document& doc);

  // The copy relations, each with the number of shared sentences and one of
  // them as an example, sorted by copier then source.
  std::vector<Copy> Find() const;

 private:
  struct SentenceShingles {
    std::vector<uint64_t> shingles;
    std::string text;  // the sentence as written, for the example
    // Words outside quotation marks: a shared quote of a third party
    // ("We appreciate your respect...," the rep said) shows that two outlets
    // quoted the same person, not that one copied the other.
    int narrative_words = 0;
  };
  struct ArticleEntry {
    std::string id;
    std::string published;
    int sentences = 0;  // all sentences of the article
    std::vector<SentenceShingles> long_sentences;
  };

  int min_words_;
  int shingle_words_;
  double min_share_;
  std::vector<ArticleEntry> articles_;
  // Shingle -> articles holding it (each once, in insertion order).
  absl::flat_hash_map<uint64_t, std::vector<int>> index_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_COPIES_H_
