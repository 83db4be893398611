#include "checker/base/clock_time.h"

#include <fstream>
#include <sstream>
#include <string>

#include "checker/internal/testing.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

constexpr int kNone = -9999;

// The shipped clock rules (rules/clock.textproto).
const RuleSet& ClockRules() {
  static const RuleSet* rules = [] {
    auto* r = new RuleSet;
    std::ifstream in(testing::RunfilePath("rules/clock.textproto"));
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text.str(), r));
    return r;
  }();
  return *rules;
}

int Hm(int h, int m) { return h * 60 + m; }

TEST(ClockReaderTest, ReadsTheWaysNewsWritesAClock) {
  const ClockReader reader(ClockRules());
  struct Case {
    const char* text;
    int from;
    int to;
    bool exact;
    int utc_offset;  // kNone: not fixed by the text
    const char* zone;
    const char* rest;
  };
  const Case cases[] = {
      {"6:50 p.m. local time", Hm(18, 50), Hm(18, 50), true, kNone, "local time", ""},
      {"at 0912 GMT", Hm(9, 12), Hm(9, 12), true, 0, "gmt", ""},
      {"around 6 pm (1600 GMT)", Hm(17, 45), Hm(18, 15), false, 120, "local time", ""},
      {"8.30am on Sunday", Hm(8, 30), Hm(8, 30), false, kNone, "", "sunday"},
      {"Tuesday at 6:40 pm Central European Summer Time", Hm(18, 40), Hm(18, 40), true, 120,
       "central european summer time", "tuesday"},
      {"shortly before noon local time", Hm(11, 45), Hm(11, 59), false, kNone, "local time", ""},
      {"few minutes before noon on Tuesday", Hm(11, 50), Hm(11, 59), false, kNone, "", "tuesday"},
      {"just after 6 p.m. local time Tuesday", Hm(18, 1), Hm(18, 15), false, kNone, "local time",
       "tuesday"},
      {"about 11.30am", Hm(11, 20), Hm(11, 40), false, kNone, "", ""},
      {"around 18:50 local time in Paris", Hm(18, 45), Hm(18, 55), false, kNone, "local time",
       "in paris"},
      {"at 18h50", Hm(18, 50), Hm(18, 50), true, kNone, "", ""},
      {"12:05 a.m.", Hm(0, 5), Hm(0, 5), true, kNone, "", ""},
      {"9:12 a.m. New York time", Hm(9, 12), Hm(9, 12), true, kNone, "new york time", ""},
      {"at 2:21 a.m. (1721 GMT Wednesday)", Hm(2, 21), Hm(2, 21), true, 540, "local time", ""},
      {"midnight", 0, 0, false, kNone, "", ""},
      {"updated at 11:11 GMT", Hm(11, 11), Hm(11, 11), true, 0, "gmt", "updated"},
      {"UPDATED 3: 09 AM EST", Hm(3, 9), Hm(3, 9), true, -300, "est", "updated"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    absl::optional<ClockReading> r = reader.Read(c.text);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->from, c.from);
    EXPECT_EQ(r->to, c.to);
    EXPECT_EQ(r->exact, c.exact);
    EXPECT_EQ(r->utc_offset.value_or(kNone), c.utc_offset);
    EXPECT_EQ(r->zone, c.zone);
    EXPECT_EQ(r->rest, c.rest);
  }
}

TEST(ClockReaderTest, NamedZonesWithSeasonsNeedTheDay) {
  const ClockReader reader(ClockRules());
  absl::optional<ClockReading> r = reader.Read("12:40 pm Eastern Time");
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(r->zone_explicit);
  EXPECT_FALSE(r->utc_offset.has_value());
  EXPECT_EQ(r->iana_zone, "America/New_York");
  EXPECT_EQ(UtcOffsetMinutes(r->iana_zone, absl::CivilDay(2019, 4, 15)).value_or(kNone), -240);
  EXPECT_EQ(UtcOffsetMinutes(r->iana_zone, absl::CivilDay(2019, 1, 15)).value_or(kNone), -300);
  EXPECT_FALSE(UtcOffsetMinutes("Nowhere/Atlantis", absl::CivilDay(2019, 1, 15)).has_value());
}

TEST(ClockReaderTest, NumbersThatAreNoClock) {
  const ClockReader reader(ClockRules());
  for (const char* text : {
           "at 6:50",                 // morning or evening?
           "a magnitude 6.40 quake",  // a decimal
           "in 2019",                 // a year
           "1600 people",             // four digits without a zone
           "the score was 2-2",       // a score
           "Route 66",                // a number
       }) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(reader.Read(text).has_value());
  }
}

TEST(ClockReaderTest, FormatsClocksWithinOneDay) {
  EXPECT_EQ(FormatClock(Hm(6, 5)), "06:05");
  EXPECT_EQ(FormatClock(-15), "23:45");
  EXPECT_EQ(FormatClock(Hm(24, 10)), "00:10");
}

}  // namespace
}  // namespace crosscheck
