#include "checker/render/render.h"

#include <sstream>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "checker/internal/testing.h"
#include "checker/storage/report_lists.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::EqualsProto;
using ::crosscheck::testing::StatusIs;
using ::testing::AllOf;
using ::testing::ContainsRegex;
using ::testing::HasSubstr;
using ::testing::Not;

// --- ParseReportFormat --------------------------------------------------------

TEST(ParseReportFormatTest, AcceptsTheFormats) {
  auto md = ParseReportFormat("markdown");
  ASSERT_OK(md);
  EXPECT_EQ(*md, ReportFormat::kMarkdown);
  auto md2 = ParseReportFormat("md");
  ASSERT_OK(md2);
  EXPECT_EQ(*md2, ReportFormat::kMarkdown);
  auto json = ParseReportFormat("json");
  ASSERT_OK(json);
  EXPECT_EQ(*json, ReportFormat::kJson);
  auto text = ParseReportFormat("textproto");
  ASSERT_OK(text);
  EXPECT_EQ(*text, ReportFormat::kTextproto);
}

TEST(ParseReportFormatTest, ErrorListsTheChoices) {
  for (const char* bad : {"yaml", "", "jsonl"}) {
    EXPECT_THAT(ParseReportFormat(bad),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         AllOf(HasSubstr("markdown"), HasSubstr("json"), HasSubstr("textproto"))))
        << bad;
  }
  EXPECT_THAT(ParseReportFormat("yaml"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("yaml")));
}

// --- RenderReport -------------------------------------------------------------

Claim MakeClaim(const std::string& article_id, const std::string& outlet,
                const std::string& published, const std::string& display, const std::string& quote,
                const std::string& matched, int sentence_begin) {
  Claim c;
  c.set_kind("deadline");
  c.set_subject("departure deadline");
  c.set_article_id(article_id);
  c.set_outlet(outlet);
  c.set_published(published);
  c.set_display_value(display);
  c.set_quote(quote);
  c.set_matched_text(matched);
  c.set_section(SECTION_BODY);
  c.mutable_sentence_span()->set_begin(sentence_begin);
  c.mutable_sentence_span()->set_end(sentence_begin + static_cast<int>(quote.size()));
  int at = static_cast<int>(quote.find(matched));
  c.mutable_span()->set_begin(sentence_begin + at);
  c.mutable_span()->set_end(sentence_begin + at + static_cast<int>(matched.size()));
  c.set_pattern_id("deadline/leave_by_day");
  TimeInterval* t = c.mutable_time();
  t->set_granularity(GRANULARITY_DAY);
  return c;
}

Report SmallReport() {
  Report r;
  ArticleSummary* a = r.add_articles();
  a->set_id("000_aaaa");
  a->set_outlet("McClatchy");
  a->set_published("2019-01-24");
  a->set_title("Diplomats | told to leave \x1b[31mnow\x1b[0m");
  a->set_path("testdata/x/000_aaaa.txt");
  a->set_claim_count(1);
  a->set_published_source(METADATA_SOURCE_SIDECAR);
  ArticleSummary* b = r.add_articles();
  b->set_id("003_bbbb");
  b->set_outlet("The Washington Post");
  b->set_published("2019-01-25");
  b->set_title("Maduro sets a Saturday deadline");
  b->set_path("testdata/x/003_bbbb.txt");
  b->set_claim_count(2);
  b->set_published_source(METADATA_SOURCE_DATE_LINE);

  Finding* f = r.add_findings();
  f->set_id("0123456789ab");
  f->set_kind("deadline");
  f->set_subject("departure deadline");
  f->set_verdict(CONTRADICTION);
  Claim sunday = MakeClaim("000_aaaa", "McClatchy", "2019-01-24", "Sunday 2019-01-27",
                           "They were ordered to depart by Sunday.", "depart by Sunday", 120);
  sunday.mutable_time()->set_start("2019-01-27");
  sunday.mutable_time()->set_end("2019-01-27");
  Claim saturday = MakeClaim("003_bbbb", "The Washington Post", "2019-01-25", "Saturday 2019-01-26",
                             "Maduro set a Saturday deadline for embassy personnel to leave.",
                             "Saturday deadline for embassy personnel to leave", 300);
  saturday.mutable_time()->set_start("2019-01-26");
  saturday.mutable_time()->set_end("2019-01-26");
  saturday.mutable_attribution()->set_source("the Maduro government");
  saturday.mutable_attribution()->set_named(true);
  *f->add_claims() = sunday;
  *f->add_claims() = saturday;
  f->set_explanation(
      "McClatchy (000_aaaa, 2019-01-24) says the departure deadline is Sunday 2019-01-27; "
      "The Washington Post (003_bbbb, 2019-01-25) says the departure deadline is "
      "Saturday 2019-01-26: the days do not overlap.");

  Finding* g = r.add_findings();
  g->set_id("ba9876543210");
  g->set_kind("deadline");
  g->set_subject("departure deadline");
  g->set_verdict(AGREEMENT);
  *g->add_claims() = saturday;
  g->set_explanation("2 outlets agree that the departure deadline is Saturday 2019-01-26.");

  Copy* copy = r.add_copies();
  copy->set_copier("003_bbbb");
  copy->set_source("000_aaaa");
  copy->set_shared_sentences(2);
  copy->set_example("They were ordered to depart by Sunday.");

  Problem* p = r.add_problems();
  p->set_location("testdata/x/bad.txt:2:4 (byte offset 12)");
  p->set_message("invalid UTF-8 byte 0xe9; expected UTF-8 text");

  ReportSummary* s = r.mutable_summary();
  s->set_articles(2);
  s->set_outlets(2);
  s->set_claims(3);
  Count* c1 = s->add_findings_by_verdict();
  c1->set_name("CONTRADICTION");
  c1->set_count(1);
  Count* c2 = s->add_findings_by_verdict();
  c2->set_name("AGREEMENT");
  c2->set_count(1);
  Count* k = s->add_claims_by_kind();
  k->set_name("deadline");
  k->set_count(3);
  return r;
}

TEST(RenderReportTest, MarkdownHasSummaryFindingsAndQuotes) {
  absl::StatusOr<std::string> md = RenderReport(SmallReport(), ReportFormat::kMarkdown);
  ASSERT_OK(md);
  const std::string& out = *md;
  std::string lower = absl::AsciiStrToLower(out);
  // Summary counts.
  EXPECT_THAT(lower, HasSubstr("2 articles"));
  EXPECT_THAT(lower, HasSubstr("2 outlets"));
  EXPECT_THAT(lower, HasSubstr("3 claims"));
  EXPECT_THAT(lower, HasSubstr("1 contradiction"));
  EXPECT_THAT(lower, HasSubstr("1 agreement"));
  // Each finding's verdict, id and explanation.
  EXPECT_THAT(out, HasSubstr("CONTRADICTION"));
  EXPECT_THAT(out, HasSubstr("AGREEMENT"));
  EXPECT_THAT(out, HasSubstr("0123456789ab"));
  EXPECT_THAT(out, HasSubstr("the days do not overlap."));
  EXPECT_THAT(out, HasSubstr("2 outlets agree that the departure deadline is Saturday"));
  // Values and outlets of the evidence.
  EXPECT_THAT(out, HasSubstr("Sunday 2019-01-27"));
  EXPECT_THAT(out, HasSubstr("Saturday 2019-01-26"));
  EXPECT_THAT(out, HasSubstr("the Maduro government"));
  // Quotes with the matched span in bold.
  EXPECT_THAT(out, HasSubstr("They were ordered to **depart by Sunday**."));
  EXPECT_THAT(out, HasSubstr("Maduro set a **Saturday deadline for embassy personnel to leave**."));
  // The contradiction comes before the agreement, as in the report.
  EXPECT_LT(out.find("CONTRADICTION"), out.find("AGREEMENT"));
  // Copies and problems.
  EXPECT_THAT(out, HasSubstr("testdata/x/bad.txt"));
  EXPECT_THAT(out, HasSubstr("invalid UTF-8 byte 0xe9"));
}

TEST(RenderReportTest, MarkdownEscapesAndSanitizesArticleText) {
  absl::StatusOr<std::string> md = RenderReport(SmallReport(), ReportFormat::kMarkdown);
  ASSERT_OK(md);
  const std::string& out = *md;
  EXPECT_THAT(out, Not(HasSubstr("\x1b")));
  EXPECT_THAT(out, HasSubstr("Diplomats \\| told to leave now"));
  EXPECT_THAT(out, Not(HasSubstr("Diplomats | told")));
  EXPECT_THAT(out, Not(HasSubstr("[31m")));
}

TEST(RenderReportTest, MarkdownSanitizesEveryUntrustedField) {
  Report r = SmallReport();
  const std::string evil = "x\x1b]0;pwned\x07|y\x1b[2J\nz";
  r.mutable_articles(0)->set_outlet(evil);
  r.mutable_articles(0)->set_id(evil);
  Finding* f = r.mutable_findings(0);
  f->set_explanation(evil);
  f->set_subject(evil);
  f->mutable_claims(0)->set_outlet(evil);
  f->mutable_claims(0)->set_display_value(evil);
  f->mutable_claims(1)->mutable_attribution()->set_source(evil);
  f->mutable_claims(1)->set_quote(evil);
  r.mutable_copies(0)->set_example(evil);
  r.mutable_problems(0)->set_message(evil);
  absl::StatusOr<std::string> md = RenderReport(r, ReportFormat::kMarkdown);
  ASSERT_OK(md);
  EXPECT_THAT(*md, Not(HasSubstr("\x1b")));
  EXPECT_THAT(*md, Not(HasSubstr("\x07")));
  EXPECT_THAT(*md, Not(HasSubstr("pwned")));
  EXPECT_THAT(*md, Not(HasSubstr("x|y")));
  EXPECT_THAT(*md, HasSubstr("x\\|y z"));
}

TEST(RenderReportTest, MarkdownOfAnEmptyReport) {
  absl::StatusOr<std::string> md = RenderReport(Report(), ReportFormat::kMarkdown);
  ASSERT_OK(md);
  EXPECT_THAT(absl::AsciiStrToLower(*md), HasSubstr("0 articles"));
}

TEST(RenderReportTest, JsonUsesCamelCaseNamesAndVerdictNames) {
  absl::StatusOr<std::string> json = RenderReport(SmallReport(), ReportFormat::kJson);
  ASSERT_OK(json);
  EXPECT_THAT(*json, HasSubstr("\"articleId\""));
  EXPECT_THAT(*json, HasSubstr("\"claimCount\""));
  EXPECT_THAT(*json, HasSubstr("\"findingsByVerdict\""));
  EXPECT_THAT(*json, ContainsRegex("\"verdict\": *\"CONTRADICTION\""));
  EXPECT_THAT(*json, ContainsRegex("\"verdict\": *\"AGREEMENT\""));
  EXPECT_THAT(*json, ContainsRegex("\"publishedSource\": *\"METADATA_SOURCE_SIDECAR\""));
  EXPECT_THAT(*json, Not(HasSubstr("article_id")));
}

TEST(RenderReportTest, JsonRoundTrips) {
  const Report original = SmallReport();
  absl::StatusOr<std::string> json = RenderReport(original, ReportFormat::kJson);
  ASSERT_OK(json);
  Report parsed;
  const auto status = google::protobuf::util::JsonStringToMessage(*json, &parsed);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_THAT(parsed, EqualsProto(original));
}

// The streamed JSON (the CLI's --format=json) is RenderReport's, byte for byte.
TEST(RenderReportTest, StreamedJsonIsTheRenderedJson) {
  Report report = SmallReport();
  // Every field of the report, so that its field-by-field serialization
  // covers them all.
  report.mutable_summary()->set_articles(2);
  report.add_stale_reviews()->set_finding_id("gone");
  report.add_outlets()->set_outlet("Example Times");
  Event* event = report.add_events();
  event->set_id("e1");
  event->set_label("Caracas, Maduro");
  event->add_article_ids("a1");
  for (int i = 0; i < Report::descriptor()->field_count(); ++i) {
    const google::protobuf::FieldDescriptor* f = Report::descriptor()->field(i);
    EXPECT_TRUE(f->is_repeated() ? report.GetReflection()->FieldSize(report, f) > 0
                                 : report.GetReflection()->HasField(report, f))
        << f->name();
  }
  absl::StatusOr<std::string> json = RenderReport(report, ReportFormat::kJson);
  ASSERT_TRUE(json.ok()) << json.status();
  std::ostringstream streamed;
  ASSERT_TRUE(WriteReportJson(report, streamed).ok());
  EXPECT_EQ(streamed.str(), *json);
}

// Articles and copies kept serialized, outside the report.
class ListsOf : public ReportLists {
 public:
  explicit ListsOf(const Report& report) {
    for (const ArticleSummary& a : report.articles()) articles_.push_back(a.SerializeAsString());
    for (const Copy& c : report.copies()) copies_.push_back(c.SerializeAsString());
  }
  absl::Status Articles(absl::FunctionRef<absl::Status(absl::string_view)> emit) override {
    return Emit(articles_, emit);
  }
  absl::Status Copies(absl::FunctionRef<absl::Status(absl::string_view)> emit) override {
    if (!fail_.ok()) return fail_;
    return Emit(copies_, emit);
  }
  absl::Status fail_;

 private:
  static absl::Status Emit(const std::vector<std::string>& items,
                           absl::FunctionRef<absl::Status(absl::string_view)> emit) {
    for (const std::string& item : items) {
      if (absl::Status s = emit(item); !s.ok()) return s;
    }
    return absl::OkStatus();
  }
  std::vector<std::string> articles_, copies_;
};

// With its articles and copies given apart, a report is written as if it
// held them; an error reading them is the writer's error.
TEST(RenderReportTest, StreamedJsonTakesArticlesAndCopiesFromLists) {
  Report report = SmallReport();
  report.add_copies()->set_copier("b");
  report.mutable_copies(0)->set_source("a");
  report.add_outlets()->set_outlet("Example Times");
  ASSERT_GT(report.articles_size(), 0);
  absl::StatusOr<std::string> json = RenderReport(report, ReportFormat::kJson);
  ASSERT_OK(json);
  ListsOf lists(report);
  Report rest = report;
  rest.clear_articles();
  rest.clear_copies();
  std::ostringstream streamed;
  ASSERT_OK(WriteReportJson(rest, streamed, &lists));
  EXPECT_EQ(streamed.str(), *json);

  lists.fail_ = absl::DataLossError("the temporary file went away");
  std::ostringstream failed;
  EXPECT_THAT(WriteReportJson(rest, failed, &lists),
              StatusIs(absl::StatusCode::kDataLoss, HasSubstr("went away")));
}

TEST(RenderReportTest, TextprotoRoundTrips) {
  const Report original = SmallReport();
  absl::StatusOr<std::string> text = RenderReport(original, ReportFormat::kTextproto);
  ASSERT_OK(text);
  EXPECT_THAT(*text, HasSubstr("verdict: CONTRADICTION"));
  Report parsed;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(*text, &parsed)) << *text;
  EXPECT_THAT(parsed, EqualsProto(original));
}

TEST(RenderReportTest, RenderingIsDeterministic) {
  for (ReportFormat format :
       {ReportFormat::kMarkdown, ReportFormat::kJson, ReportFormat::kTextproto}) {
    absl::StatusOr<std::string> a = RenderReport(SmallReport(), format);
    absl::StatusOr<std::string> b = RenderReport(SmallReport(), format);
    ASSERT_OK(a);
    ASSERT_OK(b);
    EXPECT_EQ(*a, *b);
  }
}

}  // namespace
}  // namespace crosscheck
