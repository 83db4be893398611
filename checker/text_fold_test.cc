#include "checker/text_fold.h"

#include "gtest/gtest.h"

namespace crosscheck {
namespace {

TEST(FoldForMatchingTest, FoldsCaseAndDiacritics) {
  EXPECT_EQ(FoldForMatching("Nicolás Maduro"), "nicolas maduro");
  EXPECT_EQ(FoldForMatching("Juan Guaidó"), FoldForMatching("JUAN GUAIDO"));
  EXPECT_EQ(FoldForMatching("Padrino López"), "padrino lopez");
}

TEST(FoldForMatchingTest, NormalizesPunctuationAndSpace) {
  EXPECT_EQ(FoldForMatching("Maduro’s  “order”"), "maduro's \"order\"");
  EXPECT_EQ(FoldForMatching("  a\n\tb  "), "a b");
}

TEST(FoldForMatchingTest, EmptyStaysEmpty) { EXPECT_EQ(FoldForMatching(""), ""); }

}  // namespace
}  // namespace crosscheck
