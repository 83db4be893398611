#include "checker/storage/delimited.h"

#include <string>

#include "checker/internal/testing.h"
#include "gmock/gmock.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "gtest/gtest.h"
#include "proto/report.pb.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::EqualsProto;

Problem MakeProblem(int i) {
  Problem p;
  p.set_location(std::string("file.jsonl:") + std::to_string(i));
  p.set_message(std::string(static_cast<size_t>(i * 40), 'x'));  // sizes past one varint byte
  return p;
}

TEST(DelimitedTest, RecordsAreTheSizeThenTheMessage) {
  const Problem p = MakeProblem(1);
  std::string out = "before";
  AppendDelimited(p, &out);
  const std::string bytes = p.SerializeAsString();
  ASSERT_LT(bytes.size(), 128u);
  EXPECT_EQ(out, "before" + std::string(1, static_cast<char>(bytes.size())) + bytes);
}

TEST(DelimitedTest, RecordsParseBackInOrder) {
  std::string out;
  for (int i = 0; i < 10; ++i) AppendDelimited(MakeProblem(i), &out);
  google::protobuf::io::ArrayInputStream input(out.data(), static_cast<int>(out.size()));
  for (int i = 0; i < 10; ++i) {
    Problem p;
    bool clean_eof = false;
    ASSERT_TRUE(google::protobuf::util::ParseDelimitedFromZeroCopyStream(&p, &input, &clean_eof));
    EXPECT_THAT(p, EqualsProto(MakeProblem(i)));
  }
  Problem end;
  bool clean_eof = false;
  EXPECT_FALSE(google::protobuf::util::ParseDelimitedFromZeroCopyStream(&end, &input, &clean_eof));
  EXPECT_TRUE(clean_eof);
}

TEST(DelimitedTest, TheSameMessageGivesTheSameBytes) {
  std::string a, b;
  AppendDelimited(MakeProblem(3), &a);
  AppendDelimited(MakeProblem(3), &b);
  EXPECT_EQ(a, b);
  std::string empty;
  AppendDelimited(Problem(), &empty);
  EXPECT_EQ(empty, std::string(1, '\0'));
}

}  // namespace
}  // namespace crosscheck
