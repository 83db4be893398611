#include "checker/base/text_fold.h"

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

// Typographic punctuation alone takes a path without ICU; with a diacritic
// the transliterator runs. Both must fold alike.
TEST(FoldForMatchingTest, TypographicTextFoldsAsWithDiacritics) {
  EXPECT_EQ(FoldForMatching("Guaido\u2019s \u201CDeadline\u201D \u2013 NOW\u00A0here"),
            "guaido's \"deadline\" - now here");
  EXPECT_EQ(FoldForMatching("Guaid\u00F3\u2019s \u201CDeadline\u201D \u2013 NOW\u00A0here"),
            "guaido's \"deadline\" - now here");
  EXPECT_EQ(FoldForMatching("\u2018A\u2019\u2014B"), "'a'-b");
  // Typographic first, a diacritic later: nothing of the first attempt stays.
  EXPECT_EQ(FoldForMatching("Qeshm\u2019s Guaid\u00F3"), "qeshm's guaido");
}

TEST(FoldForMatchingTest, EmptyStaysEmpty) { EXPECT_EQ(FoldForMatching(""), ""); }

}  // namespace
}  // namespace crosscheck
