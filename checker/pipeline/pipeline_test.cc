#include "checker/pipeline/pipeline.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "checker/internal/testing.h"
#include "checker/render/render.h"
#include "checker/rules/rule_set.h"
#include "checker/storage/report_lists.h"
#include "gmock/gmock.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

namespace fs = std::filesystem;
using ::crosscheck::testing::RunfilePath;
using ::crosscheck::testing::StatusIs;
using ::testing::HasSubstr;

constexpr char kSeeds[] = "testdata/caracas";
constexpr char kGolden[] = "testdata/caracas/report.golden.json";

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto rules = Rules::LoadDirectory(RunfilePath("rules"));
    ASSERT_OK(rules);
    rules_ = std::move(*rules);
  }
  std::unique_ptr<Rules> rules_;
};

std::string ShortId(const std::string& id) { return id.substr(0, 3); }

// The article short ids ("000") a finding's claims come from.
std::set<std::string> Articles(const Finding& f) {
  std::set<std::string> ids;
  for (const Claim& c : f.claims()) ids.insert(ShortId(c.article_id()));
  return ids;
}

bool Has(const Report& r, Verdict v, const std::string& kind,
         const std::set<std::string>& articles) {
  for (const Finding& f : r.findings()) {
    if (f.verdict() == v && f.kind() == kind && Articles(f) == articles) return true;
  }
  return false;
}

TEST_F(PipelineTest, SeedCorpusFindsWhatTheSeedsHold) {
  absl::StatusOr<Report> r = BuildReport(*rules_, {kSeeds}, {});
  ASSERT_OK(r);
  EXPECT_EQ(r->articles_size(), 5);
  EXPECT_TRUE(Has(*r, CONTRADICTION, "deadline", {"000", "003"}));
  EXPECT_TRUE(Has(*r, DISCREPANCY, "death_toll", {"001", "002"}));
  EXPECT_TRUE(Has(*r, DISPUTED, "withdrawal_order", {"004"}));
  for (const Finding& f : r->findings()) {
    std::set<std::string> a = Articles(f);
    bool january = a.count("000") || a.count("001") || a.count("002") || a.count("003");
    if (january && a.count("004")) {
      EXPECT_NE(f.verdict(), CONTRADICTION) << "January vs March: " << f.explanation();
    }
    // Every finding explains itself and cites its evidence.
    EXPECT_FALSE(f.explanation().empty());
    for (const Claim& c : f.claims()) {
      EXPECT_FALSE(c.quote().empty());
      EXPECT_NE(c.quote().find(c.matched_text()), std::string::npos);
    }
  }
}

TEST_F(PipelineTest, GoldenJsonReport) {
  absl::StatusOr<Report> r = BuildReport(*rules_, {kSeeds}, {});
  ASSERT_OK(r);
  std::string actual;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(*r, &actual, options).ok());
  std::ifstream in(RunfilePath(kGolden));
  std::stringstream golden;
  golden << in.rdbuf();
  if (actual == golden.str()) return;
  // Show where they part, not two whole reports.
  std::vector<std::string> want = absl::StrSplit(golden.str(), '\n');
  std::vector<std::string> got = absl::StrSplit(actual, '\n');
  size_t line = 0;
  while (line < want.size() && line < got.size() && want[line] == got[line]) ++line;
  std::string context;
  for (size_t i = line >= 3 ? line - 3 : 0; i < std::min(got.size(), line + 4); ++i) {
    absl::StrAppend(&context, i == line ? "> " : "  ", got[i], "\n");
  }
  ADD_FAILURE() << "The seed report differs from " << kGolden << " at line " << line + 1
                << " (expected: '" << (line < want.size() ? want[line] : "<end>") << "'):\n"
                << context
                << "If the change is right, accept it from the repository root with\n"
                   "  bazel build //:crosscheck && bazel-bin/checker/crosscheck report \\\n"
                   "    --format=json testdata/caracas > testdata/caracas/report.golden.json\n"
                   "and review the diff.";
}

TEST_F(PipelineTest, FindingIdsSurviveAnUnrelatedArticle) {
  absl::StatusOr<Report> before = BuildReport(*rules_, {kSeeds}, {});
  ASSERT_OK(before);
  std::string dir = std::string(std::getenv("TEST_TMPDIR")) + "/corpus";
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(kSeeds)) {
    fs::copy(e.path(), dir + "/" + e.path().filename().string(),
             fs::copy_options::overwrite_existing);
  }
  std::ofstream(dir + "/zzz_unrelated.txt")
      << "Flood kills 40 in Peru\n\nAt least 40 people were killed by floods in Peru on "
         "Monday, officials said.\n";
  absl::StatusOr<Report> after = BuildReport(*rules_, {dir}, {});
  ASSERT_OK(after);
  EXPECT_EQ(after->articles_size(), 6);
  std::set<std::string> ids_after;
  for (const Finding& f : after->findings()) ids_after.insert(f.id());
  for (const Finding& f : before->findings()) {
    EXPECT_TRUE(ids_after.count(f.id())) << "finding id changed: " << f.explanation();
  }
}

// Extraction and the comparison of the (kind, subject) groups run on
// several threads; the report must not depend on how many, or on which
// thread finished first.
TEST_F(PipelineTest, TheReportIsTheSameForAnyNumberOfThreads) {
  const std::vector<std::string> paths = {kSeeds, "testdata/ecbplus/topic_8.jsonl",
                                          "testdata/ecbplus/topic_18.jsonl",
                                          "testdata/ecbplus/topic_20.jsonl"};
  auto bytes = [&](int jobs) {
    RunOptions options;
    options.jobs = jobs;
    options.compare_undated = true;  // more groups to compare
    absl::StatusOr<Report> r = BuildReport(*rules_, paths, options);
    EXPECT_TRUE(r.ok()) << r.status();
    std::string out;
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    if (r.ok()) r->SerializeToCodedStream(&coded);
    coded.Trim();
    return out;
  };
  const std::string one = bytes(1);
  EXPECT_GT(one.size(), 10000u);
  for (int jobs : {2, 3, 4}) {
    for (int run = 0; run < 2; ++run) EXPECT_TRUE(bytes(jobs) == one) << jobs << " threads";
  }
}

// What `crosscheck extract` writes for the seeds: compressed, or not.
std::string SeedRecords(const Rules& rules) {
  std::string records = ClaimsFileHeaderRecord();
  std::vector<Problem> problems;
  absl::Status s = ExtractClaims(rules, {kSeeds}, {}, &problems, [&](ArticleClaims ac) {
    absl::StrAppend(&records, ClaimsFileRecord(ac));
    return absl::OkStatus();
  });
  EXPECT_TRUE(s.ok()) << s;
  return records;
}

std::string Serialized(const Report& report) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    report.SerializeToCodedStream(&coded);
  }
  return out;
}

// A large input is extracted with patterns compiled for it
// (RunOptions.own_patterns_from); the report is the same.
TEST_F(PipelineTest, OwnPatternsGiveTheSameReport) {
  const std::vector<std::string> paths = {kSeeds, "testdata/ecbplus/topic_8.jsonl"};
  absl::StatusOr<Report> shared = BuildReport(*rules_, paths, {});
  ASSERT_OK(shared);
  RunOptions options;
  options.own_patterns_from = 1;  // every input is large
  absl::StatusOr<Report> own = BuildReport(*rules_, paths, options);
  ASSERT_OK(own);
  EXPECT_TRUE(Serialized(*own) == Serialized(*shared));
  EXPECT_GT(own->summary().claims(), 20);
}

// A report whose articles, copies, updates and agreements wait in the run's
// store until written (ReportBuilder::Finish's `lists`) is written as the
// whole report is, reviews of the waiting findings included, and holds the
// rest as the whole report does; also with everything spilled.
TEST_F(PipelineTest, ListsLeftInTheStoreAreWrittenAsTheWholeReport) {
  const std::vector<std::string> paths = {kSeeds, "testdata/ecbplus/topic_8.jsonl"};
  absl::StatusOr<Report> plain = BuildReport(*rules_, paths, {});
  ASSERT_OK(plain);
  // A review of an update (when there is one), one of an agreement, one of
  // a contradiction and one of a finding that is gone.
  Ledger ledger;
  for (Verdict v : {UPDATE, AGREEMENT, CONTRADICTION}) {
    for (const Finding& f : plain->findings()) {
      if (f.verdict() != v) continue;
      Review* r = ledger.add_reviews();
      r->set_finding_id(f.id());
      r->set_decision(DECISION_CONFIRMED);
      r->set_note(absl::StrCat("checked ", Verdict_Name(v)));
      break;
    }
  }
  ASSERT_GE(ledger.reviews_size(), 2);
  ledger.add_reviews()->set_finding_id("000000000000");
  RunOptions reviewed;
  reviewed.ledger = ledger;
  absl::StatusOr<Report> whole = BuildReport(*rules_, paths, reviewed);
  ASSERT_OK(whole);
  ASSERT_GT(whole->copies_size(), 0);
  ASSERT_EQ(whole->stale_reviews_size(), 1);
  std::ostringstream expected;
  ASSERT_OK(WriteReportJson(*whole, expected));
  for (int64_t budget : {int64_t{32} << 20, int64_t{0}}) {
    RunOptions options = reviewed;
    options.claims_memory = budget;
    std::unique_ptr<ReportLists> lists;
    absl::StatusOr<Report> rest = BuildReport(*rules_, paths, options, &lists);
    ASSERT_OK(rest);
    ASSERT_NE(lists, nullptr);
    EXPECT_EQ(rest->articles_size(), 0);
    EXPECT_EQ(rest->copies_size(), 0);
    Report without = *whole;
    without.clear_articles();
    without.clear_copies();
    without.clear_findings();
    for (const Finding& f : whole->findings()) {
      if (f.verdict() != UPDATE && f.verdict() != AGREEMENT) *without.add_findings() = f;
    }
    EXPECT_LT(without.findings_size(), whole->findings_size());
    EXPECT_TRUE(Serialized(*rest) == Serialized(without)) << budget;
    std::ostringstream got;
    ASSERT_OK(WriteReportJson(*std::move(rest), got, lists.get()));
    EXPECT_TRUE(got.str() == expected.str()) << budget;
  }
}

// The comparison from claims files, compressed (what extract writes) or
// not (older files), gives the report of the articles themselves.
TEST_F(PipelineTest, ClaimsFilesGiveTheSameReport) {
  absl::StatusOr<Report> direct = BuildReport(*rules_, {kSeeds}, {});
  ASSERT_OK(direct);
  const std::string records = SeedRecords(*rules_);
  const std::string compressed = ClaimsFileBytes(records);
  EXPECT_LT(compressed.size(), records.size() * 2 / 3);
  EXPECT_EQ(ClaimsFileBytes(records), compressed);  // deterministic
  const std::string dir = std::string(std::getenv("TEST_TMPDIR")) + "/claims";
  fs::create_directories(dir);
  for (const auto& [name, bytes] : {std::pair<std::string, std::string>{"gz", compressed},
                                    std::pair<std::string, std::string>{"plain", records}}) {
    const std::string path = dir + "/" + name + ".claims";
    std::ofstream(path, std::ios::binary) << bytes;
    absl::StatusOr<Report> from_claims = BuildReportFromClaims(*rules_, {path}, {});
    ASSERT_OK(from_claims);
    EXPECT_TRUE(Serialized(*from_claims) == Serialized(*direct)) << name;
  }
}

// Claims past options.claims_memory wait for the comparison in a temporary
// file; the report is the same, wherever they waited.
TEST_F(PipelineTest, ClaimsSpilledToAFileGiveTheSameReport) {
  absl::StatusOr<Report> in_memory = BuildReport(*rules_, {kSeeds}, {});
  ASSERT_OK(in_memory);
  const std::string dir = std::string(std::getenv("TEST_TMPDIR")) + "/spill";
  fs::create_directories(dir);
  for (int64_t budget : {int64_t{0}, int64_t{2000}}) {
    RunOptions options;
    options.claims_memory = budget;
    options.spill_dir = dir;
    absl::StatusOr<Report> spilled = BuildReport(*rules_, {kSeeds}, options);
    ASSERT_OK(spilled);
    EXPECT_TRUE(Serialized(*spilled) == Serialized(*in_memory)) << budget;
  }
  EXPECT_TRUE(fs::is_empty(dir));  // the file was unlinked when made
  RunOptions nowhere;
  nowhere.claims_memory = 0;
  nowhere.spill_dir = dir + "/missing";
  EXPECT_THAT(BuildReport(*rules_, {kSeeds}, nowhere),
              StatusIs(absl::StatusCode::kInternal, HasSubstr(dir + "/missing")));
}

TEST_F(PipelineTest, DuplicateIdsAreBadInput) {
  std::string dir = std::string(std::getenv("TEST_TMPDIR")) + "/dups";
  fs::create_directories(dir + "/a");
  fs::create_directories(dir + "/b");
  std::ofstream(dir + "/a/x.txt") << "Two people were killed on Monday.\n";
  std::ofstream(dir + "/b/x.txt") << "Three people were killed on Monday.\n";
  EXPECT_THAT(BuildReport(*rules_, {dir}, {}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       ::testing::AllOf(::testing::HasSubstr("duplicate article id 'x'"),
                                        ::testing::HasSubstr("/a/x.txt"),
                                        ::testing::HasSubstr("/b/x.txt"))));
  RunOptions lenient;
  lenient.strict = false;
  absl::StatusOr<Report> r = BuildReport(*rules_, {dir}, lenient);
  ASSERT_OK(r);
  EXPECT_EQ(r->articles_size(), 1);
  EXPECT_EQ(r->problems_size(), 1);
}

// Ids are told apart however many there are: 12,000 articles (more than
// the registry keeps in one block), then one that repeats an early id.
TEST_F(PipelineTest, ADuplicateAmongThousandsOfIdsIsFound) {
  const std::string path = std::string(std::getenv("TEST_TMPDIR")) + "/many.jsonl";
  {
    std::ofstream out(path);
    for (int i = 0; i < 12000; ++i) {
      out << "{\"id\": \"article-number-" << i << "\", \"text\": \"Nothing.\"}\n";
    }
    out << "{\"id\": \"article-number-17\", \"text\": \"Again.\"}\n";
  }
  EXPECT_THAT(BuildReport(*rules_, {path}, {}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       ::testing::AllOf(::testing::HasSubstr("many.jsonl:12001: duplicate "
                                                             "article id 'article-number-17'"),
                                        ::testing::HasSubstr("(also " + path + ":18)"))));
  RunOptions lenient;
  lenient.strict = false;
  absl::StatusOr<Report> r = BuildReport(*rules_, {path}, lenient);
  ASSERT_OK(r);
  EXPECT_EQ(r->articles_size(), 12000);
  EXPECT_EQ(r->problems_size(), 1);
  // The summaries (more than the megabyte read at a time) come back in id
  // order, each with its own line; the same when written from the store.
  std::vector<std::string> ids;
  for (const ArticleSummary& a : r->articles()) {
    ids.push_back(a.id());
    const int n = std::stoi(a.id().substr(a.id().rfind('-') + 1));
    EXPECT_EQ(a.path(), absl::StrCat(path, ":", n + 1));
  }
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  std::ostringstream whole, streamed;
  ASSERT_OK(WriteReportJson(*r, whole));
  std::unique_ptr<ReportLists> lists;
  absl::StatusOr<Report> rest = BuildReport(*rules_, {path}, lenient, &lists);
  ASSERT_OK(rest);
  ASSERT_OK(WriteReportJson(*std::move(rest), streamed, lists.get()));
  EXPECT_TRUE(streamed.str() == whole.str());
}

}  // namespace
}  // namespace crosscheck
