#include "checker/extract/json_lines.h"

#include <fstream>
#include <string>
#include <vector>

#include "checker/internal/testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/quantities.pb.h"

namespace crosscheck {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string Write(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST(ForEachJsonLineTest, EachLineWithWhereItIs) {
  const std::string path =
      Write("ok.jsonl", "{\"id\": \"a\", \"text\": \"x\", \"extra\": 1}\n\n{\"id\": \"b\"}\n");
  QuantityDocumentIn doc;
  std::vector<std::string> seen;
  ASSERT_TRUE(ForEachJsonLine(path, "expected", &doc, [&](const std::string& where) {
                seen.push_back(where.substr(where.rfind(':')) + " " + doc.id() + doc.text());
                return absl::OkStatus();
              }).ok());
  // (The second document's text is not the first's: the message is cleared.)
  EXPECT_THAT(seen, ElementsAre(":1 ax", ":3 b"));
}

TEST(ForEachJsonLineTest, BadLinesAndEmptyFilesAreNamed) {
  QuantityDocumentIn doc;
  auto none = [](const std::string&) { return absl::OkStatus(); };
  absl::Status bad = ForEachJsonLine(Write("bad.jsonl", "{\"id\": \"a\"}\nnot json\n"),
                                     "expected one object", &doc, none);
  EXPECT_EQ(bad.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.message(), HasSubstr("bad.jsonl:2: not a JSON document"));
  EXPECT_THAT(bad.message(), HasSubstr("expected one object"));
  absl::Status empty = ForEachJsonLine(Write("empty.jsonl", ""), "expected", &doc, none);
  EXPECT_THAT(empty.message(), HasSubstr("empty.jsonl:1: empty file"));
  EXPECT_EQ(ForEachJsonLine("/nonexistent/x.jsonl", "e", &doc, none).code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace crosscheck
