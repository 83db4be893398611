#include "checker/cli/quantities_command.h"

#include <fstream>
#include <string>

#include "checker/cli/cli_testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::TempPath;
using ::testing::HasSubstr;

class QuantitiesCommandTest : public testing::CommandTest {};

TEST_F(QuantitiesCommandTest, OneLinePerDocument) {
  const std::string docs = TempPath("docs.jsonl");
  std::ofstream(docs) << R"({"id": "a", "text": "The site is about 40 km away; 3-5 inches fell."})"
                      << "\n"
                      << R"({"id": "b", "dct": "2019-01-24", "text": "Flight 417 left in 2019."})"
                      << "\n";
  int code = -1;
  std::string err = Stderr([&] { code = RunQuantitiesCommand(Context("quantities", {docs})); });
  EXPECT_EQ(code, 0) << err;
  EXPECT_THAT(Output(), HasSubstr(R"({"id":"a","quantities":[{"begin":18,"end":23,"text":"40 km",)"
                                  R"("value":40.0,"unit":"kilometre","dimension":"length",)"
                                  R"("change":"~",)"));
  EXPECT_THAT(Output(), HasSubstr(R"("text":"3-5 inches","value":[3.0,5.0],"unit":"inch",)"));
  EXPECT_THAT(Output(), HasSubstr("\n{\"id\":\"b\",\"quantities\":[]}\n"));
}

TEST_F(QuantitiesCommandTest, NoFileOrABadOne) {
  int code = -1;
  EXPECT_EQ(Stderr([&] { code = RunQuantitiesCommand(Context("quantities", {})); }),
            "crosscheck quantities: give a .jsonl file of {\"id\",\"text\"} lines\n");
  EXPECT_EQ(code, 2);
  const std::string bad = TempPath("bad.jsonl");
  std::ofstream(bad) << R"({"id": "a", "text": "5 km"})"
                     << "\n"
                     << "{\"id\": \"b\", \"text\": 5 km}\n";
  EXPECT_THAT(Stderr([&] { code = RunQuantitiesCommand(Context("quantities", {bad})); }),
              HasSubstr("bad.jsonl:2: not a JSON document"));
  EXPECT_EQ(code, 1);
  EXPECT_EQ(Output(), "");
}

}  // namespace
}  // namespace crosscheck
