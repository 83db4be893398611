// A cursor over hashes kept sentence after sentence: the sentence of each
// hash in turn, sentence s holding the next `entries[s].hashes` of them.
// The copy detector keeps its hashes so (the sentence is implied, not
// stored) and walks them with it when it resamples and when it finds copies.
//
// Example:
//   SentenceCursor cursor(sentences);  // each with a `hashes` count
//   for (uint32_t h : hashes) {
//     uint32_t sentence = cursor.Next();  // the sentence of h
//   }
#ifndef CROSSCHECK_CHECKER_COMPARE_SENTENCE_CURSOR_H_
#define CROSSCHECK_CHECKER_COMPARE_SENTENCE_CURSOR_H_

#include <cstdint>

namespace crosscheck {

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

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_COMPARE_SENTENCE_CURSOR_H_
