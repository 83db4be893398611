#include "checker/ingest/metadata.h"

#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "checker/internal/shipped_rules.h"
#include "checker/internal/testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::RunfilePath;
using ::crosscheck::testing::ShippedRules;

constexpr char kSeeds[] = "testdata/caracas";
constexpr char kMcClatchy[] = "000_d6b0371285f5ae76";
constexpr char kPostMasthead[] = "001_3a8bfb903518f3c4";
constexpr char kPostDateLine[] = "003_3fa2cf763a0d4db3";
constexpr char kAlJazeera[] = "004_6b5ee66a7ed28d3a";

bool HasSpan(const Article& a, int begin, int end) {
  for (const Span& s : a.metadata_spans()) {
    if (s.begin() == begin && s.end() == end) return true;
  }
  return false;
}

// An article of `text` (and `url`) with what MetadataInference infers.
Article Inferred(const std::string& text, const std::string& url = "") {
  static const MetadataInference* metadata = new MetadataInference(ShippedRules());
  Article a;
  a.set_text(text);
  a.set_url(url);
  metadata->Infer(&a);
  return a;
}

// A seed article's text alone (without its sidecar), with what is inferred.
Article Seed(const std::string& stem) {
  std::ifstream in(RunfilePath(absl::StrCat(kSeeds, "/", stem, ".txt")), std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  EXPECT_FALSE(buffer.str().empty()) << "seed " << stem << " not found";
  return Inferred(buffer.str());
}

TEST(MetadataInferenceTest, MastheadNamesTheOutletAndTheHeadlineIsTheTitle) {
  Article a = Seed(kPostMasthead);
  EXPECT_EQ(a.outlet(), "The Washington Post");
  EXPECT_EQ(a.outlet_source(), METADATA_SOURCE_MASTHEAD);
  EXPECT_EQ(a.title_source(), METADATA_SOURCE_FIRST_LINE);
  EXPECT_EQ(a.published_source(), METADATA_SOURCE_NONE);
  const std::string masthead = "The Washington PostDemocracy Dies in Darkness";
  ASSERT_EQ(a.text().find(masthead), 0u);
  EXPECT_TRUE(HasSpan(a, 0, static_cast<int>(masthead.size())));
}

TEST(MetadataInferenceTest, DateMarkerLineGivesThePublicationDate) {
  Article a = Seed(kPostDateLine);
  EXPECT_EQ(a.published(), "2019-01-25");
  EXPECT_EQ(a.published_source(), METADATA_SOURCE_DATE_LINE);
  // The text starts " date 2019-01-25 The U.S. military ...".
  bool covered = false;
  for (const Span& s : a.metadata_spans()) {
    ASSERT_LE(s.begin(), s.end());
    ASSERT_LE(s.end(), static_cast<int>(a.text().size()));
    std::string spanned = a.text().substr(s.begin(), s.end() - s.begin());
    if (spanned.find("date 2019-01-25") != std::string::npos) {
      covered = true;
      // Only the marker, not the sentence that follows it on the same line.
      EXPECT_EQ(spanned.find("military"), std::string::npos) << spanned;
    }
  }
  EXPECT_TRUE(covered);
  EXPECT_TRUE(HasSpan(a, 1, 16));
  // No masthead, URL or sidecar names an outlet.
  EXPECT_EQ(a.outlet(), "");
  EXPECT_EQ(a.outlet_source(), METADATA_SOURCE_NONE);
}

TEST(MetadataInferenceTest, SourceLineGivesUrlOutletAndDate) {
  Article a = Seed(kAlJazeera);
  const std::string url =
      "https://www.aljazeera.com/news/2019/03/"
      "diplomats-left-venezuela-pompeo-190314175747259.html";
  EXPECT_EQ(a.url(), url);
  EXPECT_EQ(a.outlet(), "Al Jazeera");
  EXPECT_EQ(a.outlet_source(), METADATA_SOURCE_URL);
  EXPECT_EQ(a.published(), "2019-03-14");
  EXPECT_EQ(a.published_source(), METADATA_SOURCE_URL);
  EXPECT_EQ(a.title(), "All US diplomats have left Venezuela: Mike Pompeo");
  EXPECT_EQ(a.title_source(), METADATA_SOURCE_FIRST_LINE);
  // The "Source:" block (label and URL) is a metadata span.
  bool covered = false;
  for (const Span& s : a.metadata_spans()) {
    std::string spanned = a.text().substr(s.begin(), s.end() - s.begin());
    if (spanned.find("Source:") == 0 && spanned.find(url) != std::string::npos) {
      covered = true;
    }
  }
  EXPECT_TRUE(covered);
}

TEST(MetadataInferenceTest, HeadlineAfterASectionLabelIsTheTitle) {
  // 000 starts "Latin America" (a section label, too short for a headline).
  Article a = Seed(kMcClatchy);
  EXPECT_EQ(a.title(), "U.S. diplomats in Caracas may face virtual siege at the embassy");
  EXPECT_EQ(a.title_source(), METADATA_SOURCE_FIRST_LINE);
  EXPECT_EQ(a.outlet_source(), METADATA_SOURCE_NONE);
  EXPECT_EQ(a.published_source(), METADATA_SOURCE_NONE);
}

TEST(MetadataInferenceTest, AProseLineNamingAnOutletIsNotAMasthead) {
  // Regression test (fixed): rules/outlets.textproto's Washington Post masthead pattern
  // "^\s*the\s+washington\s+post(?:democracy dies in darkness)?" is not
  // anchored at the end of the line (the other mastheads end in "\s*$"), so
  // any opening line that starts with "The Washington Post" is taken for a
  // masthead: the outlet is set to The Washington Post and the sentence is
  // marked as metadata, which the segmenter then skips.
  const std::string first =
      "The Washington Post reported on Thursday that Maduro ordered U.S. diplomats "
      "to leave within 72 hours.";
  Article a = Inferred(first + "\n\nOfficials in Caracas did not comment.\n");
  EXPECT_EQ(a.outlet(), "");
  EXPECT_EQ(a.outlet_source(), METADATA_SOURCE_NONE);
  EXPECT_FALSE(HasSpan(a, 0, static_cast<int>(first.size())));
}

TEST(MetadataInferenceTest, MetadataSpansAreSortedAndInsideTheText) {
  for (const char* stem : {kPostMasthead, kPostDateLine, kAlJazeera}) {
    Article a = Seed(stem);
    int last = -1;
    for (const Span& s : a.metadata_spans()) {
      EXPECT_GE(s.begin(), last) << stem;
      EXPECT_LE(s.begin(), s.end()) << stem;
      EXPECT_LE(s.end(), static_cast<int>(a.text().size())) << stem;
      last = s.begin();
    }
  }
}

TEST(MetadataInferenceTest, DateAndOutletFromTheUrl) {
  Article a = Inferred("Lindsay Lohan checked into rehab.",
                       "http://articles.latimes.com/2013/may/03/local/"
                       "la-me-0504-lohan-rehab-20130504");
  EXPECT_EQ(a.published(), "2013-05-03");
  EXPECT_EQ(a.published_source(), METADATA_SOURCE_URL);
  EXPECT_EQ(a.outlet(), "Los Angeles Times");
  EXPECT_EQ(a.outlet_source(), METADATA_SOURCE_URL);
}

TEST(MetadataInferenceTest, AnUnknownHostIsItsOwnOutlet) {
  Article a = Inferred("Nothing much happened today, officials said.",
                       "https://WWW.Example.org:8080/news/story");
  EXPECT_EQ(a.outlet(), "example.org");
  EXPECT_EQ(a.outlet_source(), METADATA_SOURCE_URL);
  EXPECT_EQ(a.published_source(), METADATA_SOURCE_NONE);
}

TEST(MetadataInferenceTest, DateFromADateLineUnderTheHeadline) {
  Article a = Inferred(
      "Lindsay Lohan checks into rehab in Malibu\nMay 03, 2013\n"
      "Lindsay Lohan checked into a rehab facility on Friday, her lawyer said.");
  EXPECT_EQ(a.published(), "2013-05-03");
  EXPECT_EQ(a.published_source(), METADATA_SOURCE_DATE_LINE);
  EXPECT_EQ(a.title(), "Lindsay Lohan checks into rehab in Malibu");
  EXPECT_EQ(a.title_source(), METADATA_SOURCE_FIRST_LINE);
  const std::string date_line = "May 03, 2013";
  const int at = static_cast<int>(a.text().find(date_line));
  EXPECT_TRUE(HasSpan(a, at, at + static_cast<int>(date_line.size())));
}

TEST(MetadataInferenceTest, PublicationTimeFromATimeLine) {
  struct Case {
    const char* text;
    const char* published;  // the record's date, or empty
    const char* want_time;  // UTC, or empty
  };
  const Case cases[] = {
      {"Dam breaks in the north\nUpdated 14:05 GMT\nThe dam broke on Sunday.", "2019-03-10",
       "2019-03-10T14:05:00Z"},
      {"21 July 2013 Last updated at 11: 11 GMT\nFloods hit the town.", "", "2013-07-21T11:11:00Z"},
      {"Storm hits the coast\nUPDATED 3: 09 AM EST\nThe storm hit on Friday.", "2013-03-01",
       "2013-03-01T08:09:00Z"},
      {"Storm hits\nPUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 22:19 GMT\nText.", "",
       "2013-03-12T22:19:00Z"},
      // Eastern Time needs the day: summer time in July.
      {"Fire in the hills\nPosted 9:12 a.m. ET\nA fire broke out.", "2019-07-04",
       "2019-07-04T13:12:00Z"},
      // A clock with no zone, or no day to put it on, gives no time.
      {"Fire in the hills\nUpdated 9:12 a.m.\nA fire broke out.", "2019-07-04", ""},
      {"Fire in the hills\nUpdated 14:05 GMT\nA fire broke out.", "", ""},
      // A date line of another day than the record's is not this version's.
      {"Fire\nMay 2, 2013 at 11:00 AM EDT\nA fire broke out.", "2013-05-03", ""},
  };
  static const MetadataInference* metadata = new MetadataInference(ShippedRules());
  for (const Case& c : cases) {
    Article a;
    a.set_text(c.text);
    a.set_published(c.published);
    metadata->Infer(&a);
    EXPECT_EQ(a.published_time(), c.want_time) << c.text;
  }
  // The record's own time stands.
  Article given;
  given.set_text("Dam breaks\nUpdated 14:05 GMT\nThe dam broke.");
  given.set_published("2019-03-10");
  given.set_published_time("2019-03-10T09:00:00Z");
  metadata->Infer(&given);
  EXPECT_EQ(given.published_time(), "2019-03-10T09:00:00Z");
}

// What the record gives is kept, as the sidecar's unless it says otherwise;
// the text's own clues still mark their spans.
TEST(MetadataInferenceTest, TheRecordsFieldsWin) {
  static const MetadataInference* metadata = new MetadataInference(ShippedRules());
  Article a;
  a.set_text("The Washington Post\nMaduro orders U.S. diplomats to leave the country\n");
  a.set_outlet("Reuters");
  a.set_title("A title of its own");
  a.set_title_source(METADATA_SOURCE_FIRST_LINE);
  metadata->Infer(&a);
  EXPECT_EQ(a.outlet(), "Reuters");
  EXPECT_EQ(a.outlet_source(), METADATA_SOURCE_SIDECAR);
  EXPECT_EQ(a.title(), "A title of its own");
  EXPECT_EQ(a.title_source(), METADATA_SOURCE_FIRST_LINE);
  EXPECT_EQ(a.published_source(), METADATA_SOURCE_NONE);
  EXPECT_TRUE(HasSpan(a, 0, 19));  // the masthead
}

TEST(FindDatelineTest, ShortHeaderLinesWithADay) {
  MetadataInference metadata(ShippedRules());
  EXPECT_EQ(metadata.FindDateline("PUBLISHED: THURSDAY, MAY 2, 2013, 1:32 PM"),
            absl::CivilDay(2013, 5, 2));
  EXPECT_EQ(metadata.FindDateline("Posted on Thu Jun 13, 2013 08:45 AM PDT"),
            absl::CivilDay(2013, 6, 13));
  EXPECT_EQ(metadata.FindDateline("05 / 02 / 2013"), absl::CivilDay(2013, 5, 2));
}

TEST(FindDatelineTest, ProseAndLinesWithoutADayAreNone) {
  MetadataInference metadata(ShippedRules());
  EXPECT_EQ(metadata.FindDateline("Page was born on April 22, 1923, in Nashville"), absl::nullopt);
  EXPECT_EQ(metadata.FindDateline("Updated May 2013"), absl::nullopt);
  EXPECT_EQ(metadata.FindDateline("Venezuela orders U.S. diplomats out"), absl::nullopt);
  EXPECT_EQ(metadata.FindDateline("May 2 2013 one two three four five six seven eight nine ten "
                                  "eleven twelve thirteen fourteen fifteen"),
            absl::nullopt);
}

}  // namespace
}  // namespace crosscheck
