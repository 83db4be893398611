#include "checker/storage/claims_file.h"

#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "checker/internal/testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::EqualsProto;
using ::crosscheck::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;

std::string TempPath(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return absl::StrCat(dir != nullptr ? dir : "/tmp", "/", name);
}

std::string WriteFile(const std::string& name, const std::string& bytes) {
  const std::string path = TempPath(name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

// Article `i`, with a few claims (enough bytes for a cut to fall inside the
// compressed data).
ArticleClaims MakeArticle(int i) {
  ArticleClaims ac;
  ac.mutable_article()->set_id(absl::StrCat("article-", i));
  ac.mutable_article()->set_path(absl::StrCat("corpus.jsonl:", i + 1));
  for (int c = 0; c < 5; ++c) {
    Claim* claim = ac.add_claims();
    claim->set_kind("death_toll");
    claim->set_quote(absl::StrCat("At least ", i * 7 + c, " people were killed in storm ", i, "."));
  }
  ac.set_text_bytes(1000 + i);
  return ac;
}

Problem MakeProblem() {
  Problem p;
  p.set_location("bad.txt");
  p.set_message("not UTF-8");
  return p;
}

// The records of 40 articles with a problem between them.
std::string SomeRecords() {
  std::string records = ClaimsFileHeaderRecord();
  for (int i = 0; i < 40; ++i) {
    absl::StrAppend(&records, ClaimsFileRecord(MakeArticle(i)));
    if (i == 20) absl::StrAppend(&records, ClaimsFileProblemRecord(MakeProblem()));
  }
  return records;
}

// What reading `path` gives: its status, and what it handed on.
struct Read {
  absl::Status status;
  std::vector<ArticleClaims> articles;
  std::vector<Problem> problems;
};

Read ReadAll(const std::string& path) {
  Read read;
  read.status = ReadClaimsFile(
      path,
      [&](ArticleClaims ac) {
        read.articles.push_back(std::move(ac));
        return absl::OkStatus();
      },
      [&](Problem p) { read.problems.push_back(std::move(p)); });
  return read;
}

TEST(ClaimsFileTest, WhatIsWrittenIsReadBackCompressedOrNot) {
  const std::string records = SomeRecords();
  const std::string compressed = ClaimsFileBytes(records);
  EXPECT_LT(compressed.size(), records.size() / 2);
  EXPECT_EQ(ClaimsFileBytes(records), compressed);  // deterministic
  for (const auto& [name, bytes] : {std::pair<std::string, std::string>{"gz", compressed},
                                    std::pair<std::string, std::string>{"plain", records}}) {
    const Read read = ReadAll(WriteFile(name + ".claims", bytes));
    ASSERT_OK(read.status) << name;
    ASSERT_EQ(read.articles.size(), 40u) << name;
    for (int i = 0; i < 40; ++i) EXPECT_THAT(read.articles[i], EqualsProto(MakeArticle(i)));
    ASSERT_EQ(read.problems.size(), 1u) << name;
    EXPECT_THAT(read.problems[0], EqualsProto(MakeProblem()));
  }
}

TEST(ClaimsFileTest, ClaimsFilesAreNamedByTheirExtension) {
  EXPECT_TRUE(IsClaimsFile("out/shard-3.claims"));
  EXPECT_FALSE(IsClaimsFile("out/shard-3.claims.json"));
  EXPECT_FALSE(IsClaimsFile("testdata/caracas"));
}

TEST(ClaimsFileTest, AnArticleHandlersErrorStopsTheReading) {
  const std::string path = WriteFile("stop.claims", ClaimsFileBytes(SomeRecords()));
  int articles = 0;
  EXPECT_THAT(ReadClaimsFile(
                  path,
                  [&](ArticleClaims) {
                    return ++articles == 3 ? absl::AbortedError("full") : absl::OkStatus();
                  },
                  [](Problem) {}),
              StatusIs(absl::StatusCode::kAborted, "full"));
  EXPECT_EQ(articles, 3);
}

TEST(ClaimsFileTest, WhatIsNotAClaimsFileIsAnErrorNamingIt) {
  EXPECT_THAT(ReadAll(TempPath("missing.claims")).status,
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("missing.claims: cannot open")));
  const std::string empty = WriteFile("empty.claims", "");
  EXPECT_THAT(ReadAll(empty).status,
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr(empty + ": byte 0: empty file"),
                             HasSubstr("expected a claims file written by `crosscheck extract` "
                                       "(crosscheck.claims/1)"))));
  const std::string headless =
      WriteFile("headless.claims", ClaimsFileBytes(ClaimsFileRecord(MakeArticle(0))));
  EXPECT_THAT(ReadAll(headless).status,
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr(headless + ": byte 0: no claims file header")));
  const std::string text = WriteFile("text.claims", "{\"id\": \"a\", \"text\": \"Hello.\"}\n");
  EXPECT_THAT(ReadAll(text).status,
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("not a claims record")));
}

// A compressed claims file cut short is an error naming it, also when the
// cut falls where a record ends (only gzip's size trailer tells).
TEST(ClaimsFileTest, ACutOrCorruptFileIsAnError) {
  const std::string compressed = ClaimsFileBytes(SomeRecords());
  for (size_t keep : {compressed.size() / 2, compressed.size() - 8, size_t{1}}) {
    const std::string path =
        WriteFile(absl::StrCat("cut", keep, ".claims"), compressed.substr(0, keep));
    EXPECT_THAT(ReadAll(path).status, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(path)))
        << keep;
  }
  const std::string trailerless =
      WriteFile("no_trailer.claims", compressed.substr(0, compressed.size() - 8));
  EXPECT_THAT(ReadAll(trailerless).status,
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("the compressed data ends early (the file is truncated)")));
  std::string damaged = compressed;
  for (size_t i = 20; i < 60; ++i) damaged[i] = static_cast<char>(damaged[i] ^ 0x5a);
  EXPECT_THAT(ReadAll(WriteFile("corrupt.claims", damaged)).status,
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("(uncompressed)")));
}

}  // namespace
}  // namespace crosscheck
