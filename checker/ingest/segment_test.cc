#include "checker/ingest/segment.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "checker/internal/shipped_rules.h"
#include "checker/internal/testing.h"
#include "checker/rules/rule_set.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::RunfilePath;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

class SegmentTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    rules_ = &testing::ShippedRules();
    segmenter_ = new Segmenter(*rules_);
  }
  static void TearDownTestSuite() { delete segmenter_; }

  static Document Segment(const std::string& text, const std::string& title = "",
                          const std::vector<std::pair<int, int>>& metadata = {}) {
    Article article;
    article.set_id("test");
    article.set_title(title);
    article.set_text(text);
    for (const auto& [b, e] : metadata) {
      Span* span = article.add_metadata_spans();
      span->set_begin(b);
      span->set_end(e);
    }
    return segmenter_->Segment(std::move(article));
  }

  // The text of each sentence, cut from the article by its byte span.
  static std::vector<std::string> Texts(const Document& doc) {
    std::vector<std::string> out;
    const std::string& text = doc.article().text();
    for (const Sentence& s : doc.sentences()) {
      EXPECT_LE(0, s.span().begin());
      EXPECT_LT(s.span().begin(), s.span().end());
      EXPECT_LE(s.span().end(), static_cast<int>(text.size()));
      out.push_back(text.substr(s.span().begin(), s.span().end() - s.span().begin()));
    }
    return out;
  }

  static std::vector<std::pair<std::string, Section>> Labeled(const Document& doc) {
    std::vector<std::string> texts = Texts(doc);
    std::vector<std::pair<std::string, Section>> out;
    for (int i = 0; i < doc.sentences_size(); ++i) {
      out.emplace_back(texts[i], doc.sentences(i).section());
    }
    return out;
  }

  static const Rules* rules_;
  static Segmenter* segmenter_;
};

const Rules* SegmentTest::rules_ = nullptr;
Segmenter* SegmentTest::segmenter_ = nullptr;

TEST_F(SegmentTest, SpansAreBytesOfTheOriginalText) {
  const std::string text =
      "Guaidó’s supporters marched in Caracas on Wednesday. "
      "Tear gas filled the streets — again.  The toll rose to 26, "
      "the Observatorio Venezolano de Conflictividad Social said.\n";
  Document doc = Segment(text);
  EXPECT_EQ(doc.article().text(), text);
  EXPECT_THAT(Texts(doc), ElementsAre("Guaidó’s supporters marched in Caracas on Wednesday.",
                                      "Tear gas filled the streets — again.",
                                      "The toll rose to 26, the Observatorio Venezolano de "
                                      "Conflictividad Social said."));
  // Byte offsets, not characters: "Guaidó’s" is 8 characters and 11 bytes.
  ASSERT_EQ(doc.sentences_size(), 3);
  EXPECT_EQ(doc.sentences(0).span().begin(), 0);
  EXPECT_EQ(doc.sentences(1).span().begin(), static_cast<int>(text.find("Tear gas")));
  EXPECT_EQ(doc.sentences(2).span().begin(), static_cast<int>(text.find("The toll")));
}

TEST_F(SegmentTest, NoBreakAfterAbbreviations) {
  EXPECT_THAT(Texts(Segment("The U.S. Embassy said it would stay. Others left.")),
              ElementsAre("The U.S. Embassy said it would stay.", "Others left."));
  EXPECT_THAT(Texts(Segment("Officials at the U.N. Security Council met. "
                            "Gen. Padrino spoke on Jan. 10 in Caracas.")),
              ElementsAre("Officials at the U.N. Security Council met.",
                          "Gen. Padrino spoke on Jan. 10 in Caracas."));
  EXPECT_THAT(Texts(Segment("Mr. Maduro and Dr. Smith met in Washington, D.C. "
                            "on Friday.")),
              ElementsAre("Mr. Maduro and Dr. Smith met in Washington, D.C. on Friday."));
}

TEST_F(SegmentTest, ClockAbbreviationsEndASentenceUnlessItGoesOn) {
  struct Case {
    const char* text;
    int sentences;
  };
  const Case cases[] = {
      {"The fire began around 6:30 p.m. Though the cause is unknown, it spread.", 2},
      {"The blast came at 6:08 p.m. Tuesday at the port.", 1},
      {"It broke out at 6:50 p.m. local time, police said.", 1},
      {"It broke out at 6 p.m. (1600 GMT) on Monday.", 1},
      {"The quake hit at 9:12 a.m. GMT in the valley.", 1},
      {"Shares of Acme Inc. fell. Its rival rose.", 2},
      {"Doors opened at 9 a.m. Sunday and closed at 5 p.m. The crowd left.", 2},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Texts(Segment(c.text)).size(), static_cast<size_t>(c.sentences)) << c.text;
  }
}

TEST_F(SegmentTest, LinesAreHardBreaks) {
  EXPECT_THAT(Texts(Segment("A line without a period\nThe next line.\n")),
              ElementsAre("A line without a period", "The next line."));
  // An abbreviation at the end of a line does not join the lines.
  EXPECT_THAT(Texts(Segment("Diplomats were told to leave the U.S.\n"
                            "Embassy staff began packing.")),
              ElementsAre("Diplomats were told to leave the U.S.", "Embassy staff began packing."));
  // Blank lines, CRLF and surrounding spaces leave no empty sentences.
  EXPECT_THAT(Texts(Segment("\n\n  First.  \r\n\r\nSecond. \n\n")),
              ElementsAre("First.", "Second."));
  EXPECT_THAT(Texts(Segment("")), IsEmpty());
  EXPECT_THAT(Texts(Segment(" \n\t\n")), IsEmpty());
}

TEST_F(SegmentTest, SkipsMetadataSpans) {
  const std::string date_line = "date 2019-01-24\n";
  const std::string source_line = "Source: https://example.com/2019/01/24/story\n";
  const std::string body = "Twelve people died. Officials said so.\n";
  const std::string text = date_line + source_line + body;
  const int d = static_cast<int>(date_line.size());
  const int s = static_cast<int>(source_line.size());
  Document doc = Segment(text, "", {{0, d}, {d, d + s}});
  EXPECT_THAT(Texts(doc), ElementsAre("Twelve people died.", "Officials said so."));
  for (const Sentence& sentence : doc.sentences()) {
    EXPECT_GE(sentence.span().begin(), d + s);
  }

  // A metadata span that covers only the start of a line.
  const std::string dateline = "CARACAS (Reuters) - Troops fired on crowds.";
  const int prefix = static_cast<int>(dateline.find("Troops"));
  EXPECT_THAT(Texts(Segment(dateline, "", {{0, prefix}})), ElementsAre("Troops fired on crowds."));
}

TEST_F(SegmentTest, LabelsSections) {
  const std::string title = "Venezuela orders U.S. diplomats out";
  const std::string text =
      "Venezuela orders U.S. diplomats out\n"
      "Protesters march in Caracas. (Federico Parra/AFP/Getty Images)\n"
      "Adjust Comment Print\n"
      "The U.S. Embassy said it would stay. Guaidó’s supporters cheered.\n"
      "What happens next for the opposition\n"
      "Maduro has until Sunday.\n";
  EXPECT_THAT(Labeled(Segment(text, title)),
              ElementsAre(Pair("Venezuela orders U.S. diplomats out", SECTION_HEADLINE),
                          Pair("Protesters march in Caracas.", SECTION_CAPTION),
                          Pair("(Federico Parra/AFP/Getty Images)", SECTION_CAPTION),
                          Pair("Adjust Comment Print", SECTION_BOILERPLATE),
                          Pair("The U.S. Embassy said it would stay.", SECTION_BODY),
                          Pair("Guaidó’s supporters cheered.", SECTION_BODY),
                          Pair("What happens next for the opposition", SECTION_HEADLINE),
                          Pair("Maduro has until Sunday.", SECTION_BODY)));
}

TEST(ClassifyLineTest, Sections) {
  const std::string title = "Venezuela orders U.S. diplomats out";
  struct Case {
    const char* line;
    Section section;
  } cases[] = {
      {"Venezuela orders U.S. diplomats out", SECTION_HEADLINE},
      {"  Venezuela orders U.S. diplomats out  ", SECTION_HEADLINE},
      {"(Federico Parra/AFP/Getty Images)", SECTION_CAPTION},
      {"Protesters in Caracas on Wednesday. (Federico Parra/AFP/Getty Images)", SECTION_CAPTION},
      {"Opposition supporters rally. [Carlos Garcia Rawlins/Reuters]", SECTION_CAPTION},
      {"Troops fire tear gas (Video: Reuters)", SECTION_CAPTION},
      {"Adjust Comment Print", SECTION_BOILERPLATE},
      {"Share this article", SECTION_BOILERPLATE},
      {"Advertisement", SECTION_BOILERPLATE},
      {"", SECTION_BOILERPLATE},
      {"What happens next for the opposition", SECTION_HEADLINE},
      {"Maduro says he will not step down", SECTION_HEADLINE},
      {"The U.S. Embassy said it would stay.", SECTION_BODY},
      {"Will the diplomats leave?", SECTION_BODY},
      {"He said: \xE2\x80\x9CWe will not leave.\xE2\x80\x9D", SECTION_BODY},
      {"At least 20 people were killed (according to the group).", SECTION_BODY},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ClassifyLine(c.line, title), c.section) << "'" << c.line << "'";
  }
  // Without a title, a headline-like line is still a headline.
  EXPECT_EQ(ClassifyLine("Venezuela orders U.S. diplomats out", ""), SECTION_HEADLINE);
}

// Only short lines without final punctuation are headings or furniture; a
// paragraph that lost its final period (scraped text often does) is body,
// and its claims must not be dropped as page furniture.
// Regression test (fixed): ClassifyLine returns SECTION_BOILERPLATE for any line of more than 30
// words without final punctuation.
TEST(ClassifyLineTest, LongLineWithoutFinalPunctuationIsBody) {
  const std::string line =
      "Venezuela's opposition leader said on Thursday that he would not "
      "negotiate with the government until the military stopped firing on "
      "protesters in the capital and released the dozens of people it had "
      "detained during the past week of demonstrations";
  EXPECT_EQ(ClassifyLine(line, ""), SECTION_BODY);
}

}  // namespace
}  // namespace crosscheck

namespace crosscheck {
namespace {

TEST_F(SegmentTest, AMarkerInsideALineKeepsTheProseAfterIt) {
  // Seed 003 starts " date 2019-01-25 The U.S. military has not been asked".
  Article a;
  a.set_text(" date 2019-01-25 The U.S. military has not been asked to act.\n\nNext one.\n");
  Span* marker = a.add_metadata_spans();
  marker->set_begin(1);
  marker->set_end(16);
  Document d = segmenter_->Segment(a);
  ASSERT_GE(d.sentences_size(), 1);
  const Span& first = d.sentences(0).span();
  EXPECT_EQ(a.text().substr(first.begin(), first.end() - first.begin()),
            "The U.S. military has not been asked to act.");
}

}  // namespace
}  // namespace crosscheck
