#include "checker/compare/copy_fingerprint.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::testing::ElementsAreArray;
using ::testing::EndsWith;
using ::testing::SizeIs;

// A document of `sentences` (with their sections), one after another.
Document DocOf(const std::vector<std::pair<std::string, Section>>& sentences) {
  Document doc;
  std::string text;
  for (const auto& [sentence, section] : sentences) {
    if (!text.empty()) text += " ";
    Sentence* s = doc.add_sentences();
    s->mutable_span()->set_begin(static_cast<int>(text.size()));
    text += sentence;
    s->mutable_span()->set_end(static_cast<int>(text.size()));
    s->set_section(section);
  }
  doc.mutable_article()->set_text(text);
  return doc;
}

constexpr char kLong[] =
    "Some diplomats remained at the embassy in Caracas on Friday in defiance of an order.";

TEST(FingerprintForCopiesTest, LongSentencesWithTheirShinglesAndText) {
  CopyFingerprint f =
      FingerprintForCopies(DocOf({{kLong, SECTION_BODY},
                                  {"Too short to tell.", SECTION_BODY},
                                  {"Contributed to this report.", SECTION_BOILERPLATE}}));
  // Boilerplate is not a sentence of the article; a short one counts but is
  // not fingerprinted.
  EXPECT_EQ(f.sentences(), 2);
  ASSERT_THAT(f.long_sentences(), SizeIs(1));
  const CopySentence& s = f.long_sentences(0);
  // 15 words: 10 shingles of 6, sorted and distinct.
  EXPECT_THAT(s.shingles(), SizeIs(10));
  EXPECT_TRUE(std::is_sorted(s.shingles().begin(), s.shingles().end()));
  EXPECT_EQ(s.narrative_words(), 15);
  EXPECT_EQ(s.text(), kLong);
  EXPECT_EQ(f.sampling(), 0);  // (1: not stored)
}

TEST(FingerprintForCopiesTest, CaseDiacriticsAndPunctuationDoNotMatter) {
  CopyFingerprint a = FingerprintForCopies(
      DocOf({{"The café in Caracas was closed on Friday, officials said, as protests grew.",
              SECTION_BODY}}));
  CopyFingerprint b = FingerprintForCopies(
      DocOf({{"the cafe in caracas was closed on friday officials said as protests grew",
              SECTION_BODY}}));
  ASSERT_THAT(a.long_sentences(), SizeIs(1));
  ASSERT_THAT(b.long_sentences(), SizeIs(1));
  EXPECT_THAT(a.long_sentences(0).shingles(), ElementsAreArray(b.long_sentences(0).shingles()));
}

TEST(FingerprintForCopiesTest, AQuoteIsNotTheOutletsOwnWords) {
  CopyFingerprint f = FingerprintForCopies(
      DocOf({{"\"We will not leave the embassy in Caracas until we are ordered to,\" he said.",
              SECTION_BODY}}));
  ASSERT_THAT(f.long_sentences(), SizeIs(1));
  EXPECT_EQ(f.long_sentences(0).narrative_words(), 2);  // "he said"
  EXPECT_EQ(f.long_sentences(0).text(), "");            // no example
}

TEST(FingerprintForCopiesTest, AnExampleIsTheBeginningOfALongSentence) {
  std::string sentence;
  for (int i = 0; i < 40; ++i) sentence += "word" + std::to_string(i) + " ";
  sentence += "end.";
  CopyFingerprint f = FingerprintForCopies(DocOf({{sentence, SECTION_BODY}}));
  ASSERT_THAT(f.long_sentences(), SizeIs(1));
  const std::string& text = f.long_sentences(0).text();
  EXPECT_THAT(text, EndsWith("\u2026"));
  EXPECT_LE(text.size(), 140u + 3);
  EXPECT_EQ(sentence.compare(0, text.size() - 3, text, 0, text.size() - 3), 0);
  EXPECT_NE(text[text.size() - 4], ' ');  // cut between words, trimmed
}

TEST(FingerprintForCopiesTest, SamplingKeepsTheSameShinglesEverywhere) {
  CopyOptions options;
  options.sampling = 4;
  CopyFingerprint all = FingerprintForCopies(DocOf({{kLong, SECTION_BODY}}));
  CopyFingerprint some = FingerprintForCopies(DocOf({{kLong, SECTION_BODY}}), options);
  EXPECT_EQ(some.sampling(), 4);
  std::vector<uint32_t> expected;
  for (uint32_t h : all.long_sentences(0).shingles()) {
    if (ShingleKept(h, 4)) expected.push_back(h);
  }
  EXPECT_THAT(some.long_sentences(0).shingles(), ElementsAreArray(expected));
}

TEST(ShingleKeptTest, OneInPByHash) {
  int kept = 0;
  for (uint32_t h = 0; h < 4000; ++h) {
    EXPECT_TRUE(ShingleKept(h, 1));
    EXPECT_EQ(ShingleKept(h, 4), MixHash(h) % 4 == 0);
    if (ShingleKept(h, 4)) ++kept;
  }
  EXPECT_GT(kept, 800);
  EXPECT_LT(kept, 1200);
}

}  // namespace
}  // namespace crosscheck
