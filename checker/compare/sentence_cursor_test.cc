#include "checker/compare/sentence_cursor.h"

#include <cstdint>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::testing::ElementsAre;

struct Entry {
  uint32_t hashes;
};

TEST(SentenceCursorTest, GivesEachHashItsSentence) {
  // Sentence 1 has no hashes: it is skipped.
  const std::vector<Entry> sentences = {{2}, {0}, {3}, {1}};
  SentenceCursor cursor(sentences);
  std::vector<uint32_t> of;
  for (int i = 0; i < 6; ++i) of.push_back(cursor.Next());
  EXPECT_THAT(of, ElementsAre(0, 0, 2, 2, 2, 3));
}

TEST(SentenceCursorTest, LeadingSentencesWithoutHashesAreSkipped) {
  const std::vector<Entry> sentences = {{0}, {0}, {1}};
  SentenceCursor cursor(sentences);
  EXPECT_EQ(cursor.Next(), 2u);
}

TEST(SentenceCursorTest, ReadsACountOnlyWhenItReachesItsSentence) {
  // The count of a sentence not yet reached may change meanwhile (as
  // Resample lowers counts of sentences already passed and read).
  std::vector<Entry> sentences = {{1}, {5}, {1}};
  SentenceCursor cursor(sentences);
  EXPECT_EQ(cursor.Next(), 0u);
  sentences[1].hashes = 1;
  sentences[0].hashes = 0;  // passed: no longer read
  EXPECT_EQ(cursor.Next(), 1u);
  EXPECT_EQ(cursor.Next(), 2u);
}

}  // namespace
}  // namespace crosscheck
