#include "checker/ingest/ingest.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "checker/internal/shipped_rules.h"
#include "checker/internal/testing.h"
#include "checker/rules/rule_set.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

namespace fs = std::filesystem;
using ::crosscheck::testing::RunfilePath;
using ::crosscheck::testing::StatusIs;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using ::testing::StartsWith;

constexpr char kSeeds[] = "testdata/caracas";
constexpr char kMcClatchy[] = "000_d6b0371285f5ae76";
constexpr char kPostMasthead[] = "001_3a8bfb903518f3c4";
constexpr char kAlJazeera[] = "004_6b5ee66a7ed28d3a";

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void WriteAll(const std::string& path, const std::string& bytes) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// A fresh scratch directory under TEST_TMPDIR.
std::string ScratchDir(const std::string& name) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  std::string dir = absl::StrCat(tmp ? tmp : "/tmp", "/", name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

bool HasSpan(const Article& a, int begin, int end) {
  for (const Span& s : a.metadata_spans()) {
    if (s.begin() == begin && s.end() == end) return true;
  }
  return false;
}

class IngestTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { rules_ = &testing::ShippedRules(); }

  // Copies a seed article into a scratch directory, without its sidecar.
  std::string CopySeedWithoutSidecar(const std::string& stem) {
    std::string dir = ScratchDir(absl::StrCat("nosidecar_", stem));
    std::string path = absl::StrCat(dir, "/", stem, ".txt");
    std::string text = ReadAll(RunfilePath(absl::StrCat(kSeeds, "/", stem, ".txt")));
    EXPECT_FALSE(text.empty()) << "seed " << stem << " not found";
    WriteAll(path, text);
    return path;
  }

  static const Rules* rules_;
};

const Rules* IngestTest::rules_ = nullptr;

// --- ListArticleFiles -------------------------------------------------------

TEST(ListArticleFilesTest, DirectoriesAreSearchedRecursivelyAndSorted) {
  std::string dir = ScratchDir("list_recursive");
  WriteAll(dir + "/b.txt", "text b");
  WriteAll(dir + "/a.jsonl", "{}");
  WriteAll(dir + "/b.meta.textproto", "outlet: \"X\"");
  WriteAll(dir + "/notes.md", "not an article");
  WriteAll(dir + "/README", "not an article");
  WriteAll(dir + "/sub/c.txt", "text c");
  WriteAll(dir + "/sub/c.meta.textproto", "outlet: \"Y\"");
  WriteAll(dir + "/sub/deeper/0.txt", "text 0");
  WriteAll(dir + "/sub/data.json", "{}");

  absl::StatusOr<std::vector<std::string>> files = ListArticleFiles({dir});
  ASSERT_OK(files);
  EXPECT_THAT(*files, ElementsAre(dir + "/a.jsonl", dir + "/b.txt", dir + "/sub/c.txt",
                                  dir + "/sub/deeper/0.txt"));
}

TEST(ListArticleFilesTest, SeedCorpusListsTheFiveTextArticles) {
  absl::StatusOr<std::vector<std::string>> files = ListArticleFiles({RunfilePath(kSeeds)});
  ASSERT_OK(files);
  ASSERT_THAT(*files, SizeIs(5));
  for (const std::string& f : *files) {
    EXPECT_THAT(f, ::testing::EndsWith(".txt"));
    EXPECT_THAT(f, ::testing::Not(HasSubstr(".meta.")));
  }
  EXPECT_THAT((*files)[0], HasSubstr(kMcClatchy));
  EXPECT_THAT((*files)[4], HasSubstr(kAlJazeera));
}

TEST(ListArticleFilesTest, ExplicitFilesKeepTheirOrder) {
  std::string dir = ScratchDir("list_explicit");
  WriteAll(dir + "/z.txt", "z");
  WriteAll(dir + "/a.jsonl", "{}");
  WriteAll(dir + "/d/m.txt", "m");
  absl::StatusOr<std::vector<std::string>> files =
      ListArticleFiles({dir + "/z.txt", dir + "/d", dir + "/a.jsonl"});
  ASSERT_OK(files);
  EXPECT_THAT(*files, ElementsAre(dir + "/z.txt", dir + "/d/m.txt", dir + "/a.jsonl"));
}

TEST(ListArticleFilesTest, MissingPathIsAnErrorNamingIt) {
  std::string missing = ScratchDir("list_missing") + "/no_such_article.txt";
  EXPECT_THAT(ListArticleFiles({missing}),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr(missing)));
}

TEST(ListArticleFilesTest, UnsupportedExplicitFileIsAnErrorNamingIt) {
  std::string dir = ScratchDir("list_unsupported");
  WriteAll(dir + "/notes.md", "not an article");
  WriteAll(dir + "/x.meta.textproto", "outlet: \"X\"");
  EXPECT_THAT(ListArticleFiles({dir + "/notes.md"}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(dir + "/notes.md")));
}

TEST(ListArticleFilesTest, AnExplicitSidecarIsReadWithItsArticleNotAlone) {
  // `crosscheck report corpus/*` names sidecars too; they are not articles.
  std::string dir = ScratchDir("list_sidecar");
  WriteAll(dir + "/x.txt", "Text.");
  WriteAll(dir + "/x.meta.textproto", "outlet: \"X\"");
  absl::StatusOr<std::vector<std::string>> files =
      ListArticleFiles({dir + "/x.meta.textproto", dir + "/x.txt"});
  ASSERT_OK(files);
  EXPECT_THAT(*files, ElementsAre(dir + "/x.txt"));
}

// --- CheckText --------------------------------------------------------------

TEST(CheckTextTest, ValidMultiByteTextIsOk) {
  EXPECT_OK(CheckText("a.txt", ""));
  EXPECT_OK(CheckText("a.txt", "plain ASCII\nwith lines\n"));
  EXPECT_OK(CheckText("a.txt", "Juan Guaidó — Venezuela’s “leader” 😀\n日本語\n"));
}

TEST(CheckTextTest, NulByteNamesLineColumnAndOffset) {
  // Line 2, column 3, byte offset 5.
  absl::Status s = CheckText("bin.txt", std::string("ab\ncd\0e", 7));
  EXPECT_THAT(s, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("bin.txt:2:3")));
  EXPECT_THAT(s.message(), HasSubstr("byte offset 5"));
}

TEST(CheckTextTest, NulByteOnTheFirstByte) {
  absl::Status s = CheckText("bin.txt", std::string("\0abc", 4));
  EXPECT_THAT(s, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("bin.txt:1:1")));
  EXPECT_THAT(s.message(), HasSubstr("byte offset 0"));
}

TEST(CheckTextTest, InvalidUtf8NamesLineColumnAndOffset) {
  // "h\xc3\xa9llo\n" is 7 bytes; the Latin-1 0xE9 is at offset 8, line 2, col 2.
  absl::Status s = CheckText("latin1.txt", "h\xc3\xa9llo\nw\xe9rld\n");
  EXPECT_THAT(s, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("latin1.txt:2:2")));
  EXPECT_THAT(s.message(), HasSubstr("byte offset 8"));
}

TEST(CheckTextTest, OtherInvalidSequencesAreRejected) {
  // Truncated at the end of the input.
  absl::Status truncated = CheckText("t.txt", "abc\xe2\x80");
  EXPECT_THAT(truncated, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("t.txt:1:4")));
  EXPECT_THAT(truncated.message(), HasSubstr("byte offset 3"));
  // A lone continuation byte, an overlong encoding, an encoded surrogate.
  EXPECT_THAT(CheckText("t.txt", "x\x80y"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("byte offset 1")));
  EXPECT_THAT(CheckText("t.txt", "\xc0\xaf"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("byte offset 0")));
  EXPECT_THAT(CheckText("t.txt", "ok \xed\xa0\x80"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("byte offset 3")));
}

// --- ReadTextFile: metadata inferred from the text alone (more in metadata_test) --

TEST_F(IngestTest, MastheadNamesTheOutletAndTheHeadlineIsTheTitle) {
  ArticleReader reader(*rules_);
  std::string path = CopySeedWithoutSidecar(kPostMasthead);
  absl::StatusOr<Article> a = reader.ReadTextFile(path);
  ASSERT_OK(a);
  EXPECT_EQ(a->id(), kPostMasthead);
  EXPECT_EQ(a->path(), path);
  EXPECT_EQ(a->text(), ReadAll(path));
  EXPECT_EQ(a->outlet(), "The Washington Post");
  EXPECT_EQ(a->outlet_source(), METADATA_SOURCE_MASTHEAD);
  EXPECT_EQ(a->title(),
            "Venezuela’s Maduro says he will withdraw embassy, consulate staff from "
            "Washington and other U.S. cities");
  EXPECT_EQ(a->title_source(), METADATA_SOURCE_FIRST_LINE);
  // Nothing in the text dates it.
  EXPECT_EQ(a->published(), "");
  EXPECT_EQ(a->published_source(), METADATA_SOURCE_NONE);
  // The masthead line is metadata, not prose.
  const std::string masthead = "The Washington PostDemocracy Dies in Darkness";
  ASSERT_EQ(a->text().find(masthead), 0u);
  EXPECT_TRUE(HasSpan(*a, 0, static_cast<int>(masthead.size())));
}

TEST_F(IngestTest, SidecarWins) {
  ArticleReader reader(*rules_);
  absl::StatusOr<Article> a =
      reader.ReadTextFile(RunfilePath(absl::StrCat(kSeeds, "/", kMcClatchy, ".txt")));
  ASSERT_OK(a);
  EXPECT_EQ(a->id(), kMcClatchy);
  EXPECT_EQ(a->outlet(), "McClatchy");
  EXPECT_EQ(a->outlet_source(), METADATA_SOURCE_SIDECAR);
  EXPECT_EQ(a->published(), "2019-01-24");
  EXPECT_EQ(a->published_source(), METADATA_SOURCE_SIDECAR);
  EXPECT_EQ(a->title(), "U.S. diplomats in Caracas may face virtual siege at the embassy");
  EXPECT_EQ(a->title_source(), METADATA_SOURCE_SIDECAR);
  EXPECT_THAT(a->text(), StartsWith("Latin America"));
}

TEST_F(IngestTest, SidecarWinsOverTheTextsOwnClues) {
  ArticleReader reader(*rules_);
  // 001's text has a masthead; 004's a Source: line. Their sidecars agree,
  // but the source of the metadata is the sidecar.
  absl::StatusOr<Article> post =
      reader.ReadTextFile(RunfilePath(absl::StrCat(kSeeds, "/", kPostMasthead, ".txt")));
  ASSERT_OK(post);
  EXPECT_EQ(post->outlet(), "The Washington Post");
  EXPECT_EQ(post->outlet_source(), METADATA_SOURCE_SIDECAR);
  EXPECT_EQ(post->published(), "2019-01-24");
  EXPECT_EQ(post->published_source(), METADATA_SOURCE_SIDECAR);

  // A sidecar naming another outlet and date beats the masthead.
  std::string dir = ScratchDir("sidecar_override");
  WriteAll(dir + "/post.txt",
           ReadAll(RunfilePath(absl::StrCat(kSeeds, "/", kPostMasthead, ".txt"))));
  WriteAll(dir + "/post.meta.textproto",
           "# proto-message: crosscheck.Article\noutlet: \"Reuters\"\n"
           "published: \"2019-01-23\"\n");
  absl::StatusOr<Article> a = reader.ReadTextFile(dir + "/post.txt");
  ASSERT_OK(a);
  EXPECT_EQ(a->outlet(), "Reuters");
  EXPECT_EQ(a->outlet_source(), METADATA_SOURCE_SIDECAR);
  EXPECT_EQ(a->published(), "2019-01-23");
  EXPECT_EQ(a->published_source(), METADATA_SOURCE_SIDECAR);
}

TEST_F(IngestTest, MalformedSidecarNamesFileLineAndColumn) {
  ArticleReader reader(*rules_);
  std::string dir = ScratchDir("bad_sidecar");
  WriteAll(dir + "/x.txt", "Some headline about the embassy today\n\nBody text here.\n");
  WriteAll(dir + "/x.meta.textproto", "outlet: \"X\"\nno_such_field: 1\n");
  absl::StatusOr<Article> a = reader.ReadTextFile(dir + "/x.txt");
  EXPECT_THAT(a, StatusIs(absl::StatusCode::kInvalidArgument,
                          ::testing::ContainsRegex("x\\.meta\\.textproto:2:[0-9]+")));

  WriteAll(dir + "/x.meta.textproto", "outlet: \"X\"\npublished: \"2019-01-25\n");
  EXPECT_THAT(reader.ReadTextFile(dir + "/x.txt"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       ::testing::ContainsRegex("x\\.meta\\.textproto:2:[0-9]+")));
}

TEST_F(IngestTest, SidecarWithTextOrABadDateIsAnError) {
  ArticleReader reader(*rules_);
  std::string dir = ScratchDir("sidecar_content");
  WriteAll(dir + "/x.txt", "Some headline about the embassy today\n\nBody text here.\n");
  WriteAll(dir + "/x.meta.textproto", "outlet: \"X\"\ntext: \"the article\"\n");
  EXPECT_THAT(reader.ReadTextFile(dir + "/x.txt"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(dir + "/x.meta.textproto")));
  WriteAll(dir + "/x.meta.textproto", "published: \"Jan 25\"\n");
  EXPECT_THAT(reader.ReadTextFile(dir + "/x.txt"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr(dir + "/x.meta.textproto"), HasSubstr("Jan 25"))));
}

// Publication date-times (RFC 3339) in a sidecar or a JSON line: the date as
// the publisher wrote it, and the instant in UTC.
TEST_F(IngestTest, PublicationDateTimes) {
  ArticleReader reader(*rules_);
  std::string dir = ScratchDir("sidecar_time");
  WriteAll(dir + "/x.txt", "Some headline about the floods today\n\nBody text here.\n");
  WriteAll(dir + "/x.meta.textproto", "published: \"2021-07-14T23:30:00-05:00\"\n");
  absl::StatusOr<Article> a = reader.ReadTextFile(dir + "/x.txt");
  ASSERT_OK(a);
  EXPECT_EQ(a->published(), "2021-07-14");
  EXPECT_EQ(a->published_time(), "2021-07-15T04:30:00Z");
  a = reader.ParseJsonLine(
      "feed.jsonl", 3,
      R"({"id":"t1","published":"2019-03-10T14:05:00+03:00","text":"Floods kill three."})");
  ASSERT_OK(a);
  EXPECT_EQ(a->published(), "2019-03-10");
  EXPECT_EQ(a->published_time(), "2019-03-10T11:05:00Z");
  EXPECT_THAT(
      reader.ParseJsonLine("feed.jsonl", 4,
                           R"({"id":"t2","published":"2019-03-10T25:05","text":"Floods."})"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               AllOf(HasSubstr("feed.jsonl:4"), HasSubstr("RFC 3339"), HasSubstr("25:05"))));
}

TEST_F(IngestTest, BadTextFilesAreErrorsNamingTheFile) {
  ArticleReader reader(*rules_);
  std::string dir = ScratchDir("bad_text");
  WriteAll(dir + "/empty.txt", " \n\n");
  WriteAll(dir + "/binary.txt", std::string("headline\0\0\0", 11));
  WriteAll(dir + "/latin1.txt", "line one\ncaf\xe9\n");
  EXPECT_THAT(reader.ReadTextFile(dir + "/empty.txt"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(dir + "/empty.txt")));
  EXPECT_THAT(reader.ReadTextFile(dir + "/binary.txt"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(dir + "/binary.txt:1:9")));
  EXPECT_THAT(reader.ReadTextFile(dir + "/latin1.txt"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(dir + "/latin1.txt:2:4")));
  EXPECT_THAT(reader.ReadTextFile(dir + "/missing.txt"),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr(dir + "/missing.txt")));
}

// --- ParseJsonLine ----------------------------------------------------------

TEST_F(IngestTest, JsonEscapedNulInTextIsBinaryInput) {
  ArticleReader reader(*rules_);
  EXPECT_THAT(reader.ParseJsonLine("feed.jsonl", 3, R"({"id":"x","text":"Ten died.\u0000\u0001"})"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("feed.jsonl:3"), HasSubstr("NUL byte"))));
}

TEST_F(IngestTest, ParsesAGoodJsonLine) {
  ArticleReader reader(*rules_);
  absl::StatusOr<Article> a = reader.ParseJsonLine(
      "feed.jsonl", 1,
      R"({"id":"a1","url":"https://www.reuters.com/article/x","outlet":"Reuters",)"
      R"("published":"2019-01-24","title":"US orders diplomats out",)"
      R"("text":"US orders diplomats out\n\nThe State Department said so.",)"
      R"("topic":"caracas","byline":"Someone","extra":{"nested":[1,2]}})");
  ASSERT_OK(a);
  EXPECT_EQ(a->id(), "a1");
  EXPECT_EQ(a->path(), "feed.jsonl:1");
  EXPECT_EQ(a->url(), "https://www.reuters.com/article/x");
  EXPECT_EQ(a->outlet(), "Reuters");
  EXPECT_EQ(a->outlet_source(), METADATA_SOURCE_SIDECAR);
  EXPECT_EQ(a->published(), "2019-01-24");
  EXPECT_EQ(a->published_source(), METADATA_SOURCE_SIDECAR);
  EXPECT_EQ(a->title(), "US orders diplomats out");
  EXPECT_EQ(a->title_source(), METADATA_SOURCE_SIDECAR);
  EXPECT_EQ(a->text(), "US orders diplomats out\n\nThe State Department said so.");
  EXPECT_EQ(a->topic(), "caracas");
}

// Lines of plain string members take RapidJSON, the rest protobuf's JSON
// parser: both must read every line as protobuf's parser alone would.
TEST_F(IngestTest, JsonLinesReadAsProtobufsParserReadsThem) {
  ArticleReader reader(*rules_);
  const std::vector<std::string> lines = {
      R"({"id":"a","text":"Plain."})",
      R"({"id":"b","text":"Caf\u00e9 \ud83d\ude00 \"quoted\" \\ back\/slash\n\ttab"})",
      R"({"id":"c","text":"Nulls.","title":null,"url":null})",
      R"({"id":"d","text":"Unknown scalars.","byline":"X","words":120,"ok":true,"n":null})",
      R"({"id":"e","text":"Unknown nested.","extra":{"a":[1,{"b":2}]}})",
      R"({"id":"f","text":"Enum.","outletSource":"METADATA_SOURCE_URL"})",
      R"({"id":"g","text":"Spans.","metadata_spans":[{"begin":0,"end":2}]})",
      R"({"id":7,"text":"A number for a string."})",
      R"({"id":"h","text":"Twice.","title":"One","title":"Two"})",
      R"({"id":"i","text":"Lone low surrogate \udc00."})",
      R"({"id":"j","text":"Lone high surrogate \ud800."})",
      R"({"id":"k","text":"Trailing."} {"id":"l"})",
      R"(  {"id":"m","text":"Spaces around."}  )",
      R"({"id":"n","text":"Array text.","title":["a"]})",
  };
  for (const std::string& line : lines) {
    Article expected;
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = true;
    const bool protobuf_ok =
        google::protobuf::util::JsonStringToMessage(line, &expected, options).ok();
    absl::StatusOr<Article> a = reader.ParseJsonLine("feed.jsonl", 1, line);
    if (!protobuf_ok) {
      EXPECT_THAT(a, StatusIs(absl::StatusCode::kInvalidArgument,
                              StartsWith("feed.jsonl:1: not a JSON article object")))
          << line;
      continue;
    }
    if (!CheckText("", expected.text()).ok()) {  // decodes to invalid UTF-8
      EXPECT_THAT(a, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("UTF-8"))) << line;
      continue;
    }
    ASSERT_OK(a) << line;
    EXPECT_EQ(a->id(), expected.id()) << line;
    EXPECT_EQ(a->text(), expected.text()) << line;
    EXPECT_EQ(a->url(), expected.url()) << line;
    // (Without one, the title is the text's first line.)
    if (!expected.title().empty()) {
      EXPECT_EQ(a->title(), expected.title()) << line;
    }
  }
}

TEST_F(IngestTest, JsonLineThatIsNotAnObjectIsAnError) {
  ArticleReader reader(*rules_);
  for (const char* bad : {"this is not json", "[1, 2, 3]", "\"a string\"",
                          "{\"id\": \"x\", \"text\": \"unterminated"}) {
    EXPECT_THAT(reader.ParseJsonLine("feed.jsonl", 7, bad),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         StartsWith("feed.jsonl:7: not a JSON article object")))
        << bad;
  }
}

TEST_F(IngestTest, JsonLineWithoutTextIsAnError) {
  ArticleReader reader(*rules_);
  EXPECT_THAT(reader.ParseJsonLine("feed.jsonl", 3, R"({"id":"x","title":"T"})"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("feed.jsonl:3"), HasSubstr("text"))));
  EXPECT_THAT(reader.ParseJsonLine("feed.jsonl", 4, R"({"id":"x","text":"  \n "})"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("feed.jsonl:4")));
}

TEST_F(IngestTest, JsonLineWithBadPublishedDateIsAnError) {
  ArticleReader reader(*rules_);
  EXPECT_THAT(reader.ParseJsonLine("feed.jsonl", 5, R"({"text":"Body.","published":"yesterday"})"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("feed.jsonl:5"), HasSubstr("yesterday"))));
}

TEST_F(IngestTest, JsonLineWithoutIdGetsStemAndLine) {
  ArticleReader reader(*rules_);
  absl::StatusOr<Article> a =
      reader.ParseJsonLine("/some/dir/news.2019.jsonl", 12,
                           R"({"text":"Nothing much happened today, officials said."})");
  ASSERT_OK(a);
  EXPECT_EQ(a->id(), "news.2019_12");
  EXPECT_EQ(a->path(), "/some/dir/news.2019.jsonl:12");

  absl::StatusOr<Article> b =
      reader.ParseJsonLine("news.jsonl", 3, R"({"text":"Nothing much happened."})");
  ASSERT_OK(b);
  EXPECT_EQ(b->id(), "news_3");
}

TEST_F(IngestTest, JsonLineWithInvalidUtf8IsAnError) {
  ArticleReader reader(*rules_);
  EXPECT_THAT(reader.ParseJsonLine("feed.jsonl", 9, "{\"text\":\"caf\xe9\"}"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("feed.jsonl:9")));
}

// --- Read -------------------------------------------------------------------

class ReadTest : public IngestTest {
 protected:
  void SetUp() override {
    dir_ = ScratchDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    WriteAll(dir_ + "/a.txt", "First headline about the embassy\n\nBody of the first.\n");
    WriteAll(dir_ + "/b.txt", "Second headline about the embassy\n\ncaf\xe9 body.\n");
    WriteAll(dir_ + "/c.jsonl",
             "{\"id\":\"c1\",\"text\":\"Good line one.\"}\n"
             "not json at all\n"
             "\n"
             "{\"id\":\"c4\",\"text\":\"Good line four.\"}\n");
    WriteAll(dir_ + "/d.txt", "Third headline about the embassy\n\nBody of the third.\n");
  }
  std::string dir_;
};

TEST_F(ReadTest, StrictStopsAtTheFirstBadFile) {
  ArticleReader reader(*rules_);
  std::vector<std::string> ids;
  std::vector<Problem> problems;
  absl::Status s = reader.Read({dir_}, /*strict=*/true, &problems, [&](Article a) {
    ids.push_back(a.id());
    return absl::OkStatus();
  });
  EXPECT_THAT(s, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(dir_ + "/b.txt:3:4")));
  EXPECT_THAT(ids, ElementsAre("a"));
  EXPECT_THAT(problems, IsEmpty());
}

TEST_F(ReadTest, StrictStopsAtTheFirstBadJsonLine) {
  ArticleReader reader(*rules_);
  std::vector<std::string> ids;
  std::vector<Problem> problems;
  absl::Status s = reader.Read({dir_ + "/c.jsonl"}, /*strict=*/true, &problems, [&](Article a) {
    ids.push_back(a.id());
    return absl::OkStatus();
  });
  EXPECT_THAT(s, StatusIs(absl::StatusCode::kInvalidArgument,
                          StartsWith(dir_ + "/c.jsonl:2: not a JSON article object")));
  EXPECT_THAT(ids, ElementsAre("c1"));
}

TEST_F(ReadTest, LenientRecordsProblemsAndContinues) {
  ArticleReader reader(*rules_);
  std::vector<std::string> ids;
  std::vector<Problem> problems;
  absl::Status s = reader.Read({dir_}, /*strict=*/false, &problems, [&](Article a) {
    ids.push_back(a.id());
    return absl::OkStatus();
  });
  ASSERT_OK(s);
  EXPECT_THAT(ids, ElementsAre("a", "c1", "c4", "d"));
  ASSERT_THAT(problems, SizeIs(2));
  EXPECT_THAT(problems[0].location(), HasSubstr(dir_ + "/b.txt"));
  EXPECT_THAT(problems[0].message(), HasSubstr("UTF-8"));
  EXPECT_THAT(problems[1].location(), HasSubstr(dir_ + "/c.jsonl:2"));
  EXPECT_THAT(problems[1].message(), HasSubstr("not a JSON article object"));
}

TEST_F(ReadTest, MissingPathIsAnErrorEvenWhenLenient) {
  ArticleReader reader(*rules_);
  std::vector<Problem> problems;
  int n = 0;
  absl::Status s = reader.Read({dir_ + "/gone"}, /*strict=*/false, &problems, [&](Article) {
    ++n;
    return absl::OkStatus();
  });
  EXPECT_THAT(s, StatusIs(absl::StatusCode::kNotFound, HasSubstr(dir_ + "/gone")));
  EXPECT_EQ(n, 0);
}

TEST_F(ReadTest, SinkErrorStopsTheRead) {
  ArticleReader reader(*rules_);
  std::vector<Problem> problems;
  int n = 0;
  absl::Status s = reader.Read({dir_}, /*strict=*/false, &problems, [&](Article) {
    ++n;
    return absl::CancelledError("enough");
  });
  EXPECT_THAT(s, StatusIs(absl::StatusCode::kCancelled, HasSubstr("enough")));
  EXPECT_EQ(n, 1);
}

TEST_F(IngestTest, ReadsTheSeedCorpusInFileOrder) {
  ArticleReader reader(*rules_);
  std::vector<Article> articles;
  std::vector<Problem> problems;
  ASSERT_OK(reader.Read({RunfilePath(kSeeds)}, /*strict=*/true, &problems, [&](Article a) {
    articles.push_back(std::move(a));
    return absl::OkStatus();
  }));
  EXPECT_THAT(problems, IsEmpty());
  ASSERT_THAT(articles, SizeIs(5));
  EXPECT_EQ(articles[0].id(), kMcClatchy);
  EXPECT_EQ(articles[4].id(), kAlJazeera);
  for (const Article& a : articles) {
    EXPECT_FALSE(a.outlet().empty()) << a.id();
    EXPECT_FALSE(a.published().empty()) << a.id();
    EXPECT_EQ(a.published_source(), METADATA_SOURCE_SIDECAR) << a.id();
  }
}

}  // namespace
}  // namespace crosscheck
