#include "checker/compare/copies.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "checker/ingest/segment.h"
#include "checker/internal/shipped_rules.h"
#include "checker/internal/testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::ShippedRules;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

Document Doc(const std::string& id, const std::string& published, const std::string& text) {
  Article a;
  a.set_id(id);
  a.set_published(published);
  a.set_text(text);
  return Segmenter(ShippedRules()).Segment(a);
}

const char kWire[] =
    "The U.S. military has not been asked to take any actions to evacuate Americans from "
    "Venezuela, officials said, as a standoff intensifies.\n\n"
    "Some diplomats remained at the U.S. Embassy in Caracas on Friday in defiance of an "
    "expulsion order from the Maduro government.\n";

TEST(CopyDetectorTest, TheLaterArticleCopiesTheEarlierOne) {
  CopyDetector detector;
  detector.Add(Doc("wire", "2019-01-24", kWire));
  detector.Add(Doc("aggregator", "2019-01-25",
                   "Adjust Comment Print\n\nThe US military has not been asked to take any "
                   "actions to evacuate Americans from Venezuela, officials said, as a standoff "
                   "intensifies. Something else entirely was reported by nobody at all today.\n"));
  detector.Add(Doc("other", "2019-01-25",
                   "An earthquake struck southern Iran on Sunday, killing ten people and "
                   "destroying seven villages on the island of Qeshm.\n"));
  std::vector<Copy> copies = *detector.Find();
  ASSERT_THAT(copies, SizeIs(1));
  EXPECT_EQ(copies[0].copier(), "aggregator");
  EXPECT_EQ(copies[0].source(), "wire");
  EXPECT_EQ(copies[0].shared_sentences(), 1);
  EXPECT_THAT(copies[0].example(), ::testing::HasSubstr("evacuate Americans"));
}

// The sentences that may become examples wait in a store: when it keeps
// them in a file, the examples are read back from there, the same.
TEST(CopyDetectorTest, ExamplesWaitingInAFileComeBackTheSame) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  SpillStore store(/*memory_budget=*/0, tmp != nullptr ? tmp : "/tmp");
  const int other_value = store.NewValue();  // the store's other users
  CopyDetector in_memory;
  CopyDetector spilled({}, &store);
  for (CopyDetector* detector : {&in_memory, &spilled}) {
    for (int i = 0; i < 6; ++i) {
      const std::string day = absl::StrCat("2019-01-2", i);
      detector->Add(Doc(absl::StrCat("wire", i), day,
                        absl::StrCat(kWire, "Story number ", i,
                                     " added a sentence of its own "
                                     "that nobody else had printed before today.\n")));
      ASSERT_OK(store.Append(other_value, "interleaved bytes"));
    }
  }
  EXPECT_GT(store.spilled_bytes(), 0);
  absl::StatusOr<std::vector<Copy>> expected = in_memory.Find();
  absl::StatusOr<std::vector<Copy>> got = spilled.Find();
  ASSERT_OK(expected);
  ASSERT_OK(got);
  ASSERT_THAT(*got, SizeIs(expected->size()));
  EXPECT_THAT(*got, Not(IsEmpty()));
  for (size_t i = 0; i < got->size(); ++i) {
    EXPECT_EQ((*got)[i].SerializeAsString(), (*expected)[i].SerializeAsString()) << i;
    EXPECT_THAT((*got)[i].example(), ::testing::HasSubstr("evacuate Americans"));
  }
}

TEST(CopyDetectorTest, SameDayTheArticleMadeOfSharedSentencesIsTheCopier) {
  CopyDetector detector;
  detector.Add(Doc("long", "2019-01-25",
                   std::string(kWire) +
                       "The Pentagon has deployed few ships and military units to the region "
                       "in recent decades, officials said on Friday.\n"));
  detector.Add(Doc("short", "2019-01-25",
                   "The U.S. military has not been asked to take any actions to evacuate "
                   "Americans from Venezuela, officials said, as a standoff intensifies.\n"));
  std::vector<Copy> copies = *detector.Find();
  ASSERT_THAT(copies, SizeIs(1));
  EXPECT_EQ(copies[0].copier(), "short");
}

TEST(CopyDetectorTest, ShortOrCommonSentencesAreNotEvidence) {
  CopyDetector detector;
  for (int i = 0; i < 60; ++i) {
    detector.Add(Doc("a" + std::to_string(i), "2019-01-24",
                     "Julie Tate and several other reporters in Washington contributed to this "
                     "report from the capital.\nOfficials said so.\n"));
  }
  EXPECT_THAT(*detector.Find(), IsEmpty());
}

TEST(CopyDetectorTest, TheSameQuoteIsNotACopy) {
  // Two outlets quoting one statement did not copy each other.
  CopyDetector detector;
  detector.Add(Doc("a", "2008-12-18",
                   "\"We appreciate your respect to her and her family's privacy at this "
                   "time,\" the actress's rep told the magazine.\n"));
  detector.Add(Doc("b", "2008-12-19",
                   "\"We appreciate your respect to her and her family's privacy at this "
                   "time,\" he said in a statement.\n"));
  EXPECT_THAT(*detector.Find(), IsEmpty());
}

TEST(CopyDetectorTest, SeedAggregatorCopiesMcClatchyAndThePost) {
  CopyDetector detector;
  for (const char* id : {"000_d6b0371285f5ae76", "001_3a8bfb903518f3c4", "002_29819ce6b5f17083",
                         "003_3fa2cf763a0d4db3"}) {
    std::ifstream in(testing::RunfilePath(std::string("testdata/caracas/") + id + ".txt"));
    std::stringstream text;
    text << in.rdbuf();
    Article a;
    a.set_id(id);
    a.set_published(id[2] == '2' || id[2] == '3' ? "2019-01-25" : "2019-01-24");
    a.set_text(text.str());
    // Ingest marks the "date 2019-01-25" marker of 003 as metadata.
    if (id[2] == '3') {
      Span* s = a.add_metadata_spans();
      s->set_begin(0);
      s->set_end(16);
    }
    detector.Add(Segmenter(ShippedRules()).Segment(a));
  }
  std::vector<std::pair<std::string, std::string>> found;
  const std::vector<Copy> copies = *detector.Find();
  for (const Copy& c : copies) found.emplace_back(c.copier(), c.source());
  EXPECT_THAT(found,
              ::testing::UnorderedElementsAre(std::make_pair(std::string("002_29819ce6b5f17083"),
                                                             std::string("000_d6b0371285f5ae76")),
                                              std::make_pair(std::string("002_29819ce6b5f17083"),
                                                             std::string("003_3fa2cf763a0d4db3"))));
}

}  // namespace
}  // namespace crosscheck

namespace crosscheck {
namespace {

TEST(CopyDetectorTest, ACopierListsItsTopSourcesOnly) {
  CopyDetector detector;
  const std::string wire =
      "The agency reported that the storm flooded the coastal towns overnight and cut the "
      "power to thousands of homes.\n";
  for (int i = 0; i < 7; ++i) {
    detector.Add(Doc("source" + std::to_string(i), "2019-01-0" + std::to_string(i + 1), wire));
  }
  detector.Add(Doc("late", "2019-01-20", wire));
  int from_late = 0;
  const std::vector<Copy> copies = *detector.Find();
  for (const Copy& c : copies) from_late += c.copier() == "late";
  EXPECT_EQ(from_late, 5);
}

}  // namespace
}  // namespace crosscheck

namespace crosscheck {
namespace {

// Articles made of distinct sentences, with one sentence of `source` copied
// into `copier`.
std::string Sentences(int article, int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    for (int w = 0; w < 12; ++w) absl::StrAppend(&text, w ? " " : "", "w", article, "x", i, "y", w);
    absl::StrAppend(&text, ".\n\n");
  }
  return text;
}

TEST(CopyDetectorTest, PastTheBudgetItSamplesShinglesAndStillFindsCopies) {
  CopyOptions options;
  options.max_shingles = 200;
  CopyDetector detector(options);
  const std::string copied =
      "The regional governor said on Monday that the river burst its banks after three days "
      "of rain and that rescue teams had reached the stranded villages by boat.\n\n";
  detector.Add(Doc("a", "2020-03-01", Sentences(1, 20) + copied));
  for (int i = 2; i < 6; ++i)
    detector.Add(Doc(absl::StrCat("x", i), "2020-03-02", Sentences(i, 20)));
  detector.Add(Doc("b", "2020-03-03", copied + Sentences(9, 20)));
  EXPECT_GT(detector.sampling(), 1);
  std::vector<Copy> copies = *detector.Find();
  ASSERT_THAT(copies, SizeIs(1));
  EXPECT_EQ(copies[0].copier(), "b");
  EXPECT_EQ(copies[0].source(), "a");
  EXPECT_THAT(copies[0].example(), ::testing::HasSubstr("river burst its banks"));
}

// An article with more shingles than the budget is resampled as it is
// added, and copies are still found.
TEST(CopyDetectorTest, AnArticleLargerThanTheRoomLeftIsResampledAsItIsAdded) {
  CopyOptions options;
  options.max_shingles = 1000;
  CopyDetector detector(options);
  // Six long sentences of the source, repeated by the copier.
  std::string copied;
  for (int i = 0; i < 6; ++i) {
    absl::StrAppend(&copied, "Rescue team number ", i,
                    " said on Monday that the river burst its banks after three days of rain, "
                    "that the water reached the roofs of the lowest houses in the valley, and "
                    "that boats had taken the stranded families of the villages to the school "
                    "on the hill before the night fell.\n\n");
  }
  detector.Add(Doc("a", "2020-03-01", Sentences(1, 800) + copied));  // 5,600 shingles and more
  EXPECT_GE(detector.sampling(), 8);
  detector.Add(Doc("b", "2020-03-03", copied + Sentences(9, 20)));
  std::vector<Copy> copies = *detector.Find();
  ASSERT_THAT(copies, SizeIs(1));
  EXPECT_EQ(copies[0].copier(), "b");
  EXPECT_EQ(copies[0].source(), "a");
  EXPECT_GE(copies[0].shared_sentences(), 1);
}

// The shingles' hashes wait in the store given (here every byte goes to its
// file): over a megabyte of them, resampled past the budget, they give the
// copies the detector finds when it keeps them in memory.
TEST(CopyDetectorTest, HashesWaitingInAFileGiveTheSameCopies) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  SpillStore store(/*memory_budget=*/0, tmp != nullptr ? tmp : "/tmp");
  CopyOptions options;
  options.max_shingles = int64_t{1} << 18;
  CopyDetector in_memory(options);
  CopyDetector spilled(options, &store);
  for (CopyDetector* detector : {&in_memory, &spilled}) {
    for (int i = 0; i < 2000; ++i) {
      // Every tenth article repeats part of the one before it.
      std::string text = Sentences(i, 24);
      if (i % 10 == 1) text += Sentences(i - 1, 6);
      detector->Add(Doc(absl::StrCat("n", 1000 + i), absl::StrCat("2020-03-", 10 + i % 9), text));
    }
  }
  EXPECT_GT(store.spilled_bytes(), int64_t{1} << 20);
  EXPECT_GT(spilled.sampling(), 1);
  EXPECT_EQ(spilled.sampling(), in_memory.sampling());
  absl::StatusOr<std::vector<Copy>> expected = in_memory.Find();
  absl::StatusOr<std::vector<Copy>> got = spilled.Find();
  ASSERT_OK(expected);
  ASSERT_OK(got);
  EXPECT_GE(expected->size(), 100u);
  ASSERT_THAT(*got, SizeIs(expected->size()));
  for (size_t i = 0; i < got->size(); ++i) {
    EXPECT_EQ((*got)[i].SerializeAsString(), (*expected)[i].SerializeAsString()) << i;
  }
}

TEST(CopyDetectorTest, SampledFingerprintsAreASubsetAndSetTheDetectorsSampling) {
  Document doc = Doc("a", "2020-03-01", Sentences(1, 5));
  CopyFingerprint all = FingerprintForCopies(doc);
  CopyOptions options;
  options.sampling = 4;
  CopyFingerprint some = FingerprintForCopies(doc, options);
  ASSERT_EQ(all.long_sentences_size(), some.long_sentences_size());
  int kept = 0, total = 0;
  for (int i = 0; i < all.long_sentences_size(); ++i) {
    const auto& a = all.long_sentences(i).shingles();
    for (uint64_t h : some.long_sentences(i).shingles()) {
      EXPECT_NE(std::find(a.begin(), a.end(), h), a.end());
    }
    kept += some.long_sentences(i).shingles_size();
    total += all.long_sentences(i).shingles_size();
  }
  EXPECT_LT(kept, total);
  CopyDetector detector;
  detector.Add("a", "2020-03-01", some);
  EXPECT_EQ(detector.sampling(), 4);
}

}  // namespace
}  // namespace crosscheck
