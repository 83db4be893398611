#include "checker/cli/timex_command.h"

#include <fstream>
#include <string>

#include "checker/cli/cli_testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::TempPath;
using ::testing::HasSubstr;
using ::testing::StartsWith;

class TimexCommandTest : public testing::CommandTest {};

TEST_F(TimexCommandTest, OneLinePerDocument) {
  const std::string docs = TempPath("docs.jsonl");
  std::ofstream(docs) << R"({"id": "a", "dct": "2019-01-24", "text": "Troops left yesterday."})"
                      << "\n"
                      << R"({"id": "b", "dct": "2019-01-24", "text": "Nothing here."})"
                      << "\n";
  int code = -1;
  std::string err = Stderr([&] { code = RunTimexCommand(Context("timex", {docs})); });
  EXPECT_EQ(code, 0) << err;
  EXPECT_THAT(Output(), StartsWith(R"({"id":"a","timexes":[{"begin":12,"end":21,)"
                                   R"("text":"yesterday","type":"DATE","value":"2019-01-23"}]})"));
  EXPECT_THAT(Output(), HasSubstr("\n{\"id\":\"b\",\"timexes\":[]}\n"));
}

TEST_F(TimexCommandTest, NoFileOrABadOne) {
  int code = -1;
  EXPECT_EQ(Stderr([&] { code = RunTimexCommand(Context("timex", {})); }),
            "crosscheck timex: give a .jsonl file of {\"id\",\"dct\",\"text\"} lines\n");
  EXPECT_EQ(code, 2);
  const std::string bad = TempPath("bad.jsonl");
  std::ofstream(bad) << R"({"id": "a", "dct": "Jan 24", "text": "ok"})"
                     << "\n";
  EXPECT_THAT(Stderr([&] { code = RunTimexCommand(Context("timex", {bad})); }),
              HasSubstr("bad.jsonl:1: \"dct\": expected a date YYYY-MM-DD, got 'Jan 24'"));
  EXPECT_EQ(code, 1);
  EXPECT_EQ(Output(), "");
}

}  // namespace
}  // namespace crosscheck
