// Splits an article into sentences with ICU's sentence break iterator,
// keeping byte spans into the original text, and labels each sentence with
// the part of the page it is in (headline, caption, body, page furniture).
//
// Example:
//   Segmenter segmenter(*rules);
//   Document doc = segmenter.Segment(std::move(article));
//   for (const Sentence& s : doc.sentences()) { ... }
#ifndef CROSSCHECK_CHECKER_INGEST_SEGMENT_H_
#define CROSSCHECK_CHECKER_INGEST_SEGMENT_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "checker/rules/rule_set.h"
#include "proto/article.pb.h"
#include "re2/re2.h"

namespace crosscheck {

// Sentence segmentation. Immutable; thread-safe (ICU iterators are per
// thread).
class Segmenter {
 public:
  explicit Segmenter(const Rules& rules);

  // Segments `article` (which must be valid UTF-8, as ingest guarantees).
  // Sentences never span a line break, skip the article's metadata spans,
  // and do not end after an abbreviation listed in the rules ("U.S.").
  Document Segment(Article article) const;

 private:
  absl::flat_hash_set<std::string> abbreviations_;
  absl::flat_hash_set<std::string> sentence_final_;  // lower case
  std::unique_ptr<RE2> continues_;                   // null: always continues
};

// Classifies one line of an article: the title, a caption (ends in a photo
// credit), a secondary headline (a short line without final punctuation),
// page furniture (a very short line without final punctuation), or body.
Section ClassifyLine(absl::string_view line, absl::string_view title);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_INGEST_SEGMENT_H_
