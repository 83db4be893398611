#include "checker/extract/measure_claims.h"

#include <memory>
#include <string>
#include <vector>

#include "checker/internal/shipped_rules.h"
#include "checker/internal/testing.h"
#include "checker/rules/rule_set.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

class MeasureClaimsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<std::unique_ptr<MeasureClaims>> measures =
        MeasureClaims::Create(testing::ShippedRules());
    ASSERT_TRUE(measures.ok()) << measures.status();
    ASSERT_NE(*measures, nullptr);
    measures_ = measures->release();
  }
  static void TearDownTestSuite() { delete measures_; }

  // "subject = display" for each claim of `text`.
  static std::vector<std::string> Find(const std::string& text) {
    std::vector<std::string> out;
    for (const MeasureClaim& m : measures_->Find(text)) {
      out.push_back(m.claim.subject() + " = " + m.claim.display_value());
    }
    return out;
  }

  static MeasureClaims* measures_;
};

MeasureClaims* MeasureClaimsTest::measures_ = nullptr;

TEST_F(MeasureClaimsTest, ValuesAreInTheBaseUnitWithTheWrittenUnitKept) {
  std::vector<MeasureClaim> found =
      measures_->Find("Rescuers reached a village 30 miles from Kathmandu.");
  ASSERT_EQ(found.size(), 1u);
  const Quantity& q = found[0].claim.quantity();
  EXPECT_NEAR(q.value(), 48280.32, 0.01);
  EXPECT_EQ(q.unit(), "metre");
  EXPECT_EQ(q.written_unit(), "mile");
  EXPECT_EQ(q.dimension(), "length");
  EXPECT_EQ(found[0].claim.kind(), "measure");
  EXPECT_EQ(found[0].claim.display_value(), "30 miles (48.3 kilometres)");
  EXPECT_EQ(found[0].claim.subject(), "distance of village from Kathmandu");
}

TEST_F(MeasureClaimsTest, OneSubjectForOneThingWrittenInDifferentWays) {
  // Units and tons: the same subject, so the two are compared.
  EXPECT_THAT(Find("The warehouse stored 2,700 tons of ammonium nitrate."),
              ElementsAre("mass of nitrate = 2,700 tons"));
  EXPECT_THAT(Find("It held 2,750 tonnes of ammonium nitrate."),
              ElementsAre("mass of nitrate = 2,750 tonnes"));
  // The property: "deep" after the measure, "-high" in a compound.
  EXPECT_THAT(Find("The crater is 43 metres deep."), ElementsAre("depth of crater = 43 metres"));
  EXPECT_THAT(Find("The 100-metre-high motorway crumbled."),
              ElementsAre("height of motorway = 100-metre"));
  // A portion of a thing is measured, not the thing.
  EXPECT_THAT(Find("A portion of about 100 meters of the bridge fell."),
              ElementsAre("length of portion = about 100 meters"));
}

TEST_F(MeasureClaimsTest, CountsOfPeopleSayWhatHappenedToThem) {
  EXPECT_THAT(Find("Police said 24 people had been arrested."),
              ElementsAre("number of people arrested = 24 people"));
  EXPECT_THAT(Find("Police have detained 60 suspects so far."),
              ElementsAre("number of suspects arrested = 60 suspects"));
  EXPECT_THAT(Find("Nine foreign nationals are reported missing."),
              ElementsAre("number of nationals missing = Nine foreign nationals"));
  EXPECT_THAT(Find("The governor said more than 300,000 people were left homeless."),
              ElementsAre("number of people homeless = more than 300,000 people"));
  // People alone, or dead (the death toll's), make no count claim.
  EXPECT_THAT(Find("About 300 people gathered outside."), IsEmpty());
  EXPECT_THAT(Find("The blast killed 158 people."), IsEmpty());
  // A subset of the dead is a count of its own.
  EXPECT_THAT(Find("At least 37 foreigners were among the dead."),
              ElementsAre("number of foreigners killed = more than 37 foreigners"));
}

TEST_F(MeasureClaimsTest, RatesPartsAgesAndMovesAreNoClaims) {
  EXPECT_THAT(Find("The bridge carried 141,000 vehicles per day."), IsEmpty());
  EXPECT_THAT(Find("Fertiliser costs $65 a tonne to make."), IsEmpty());
  EXPECT_THAT(Find("Two of the bombers were brothers."), IsEmpty());
  EXPECT_THAT(Find("The 51-year-old bridge was inspected."), IsEmpty());
  EXPECT_THAT(Find("The car fell 150 feet."), IsEmpty());
  EXPECT_THAT(Find("Shares rose 2.5% on Monday."), IsEmpty());
  // Parts and increments of a count given elsewhere.
  EXPECT_THAT(Find("Officials said 11 others were missing."), IsEmpty());
  EXPECT_THAT(Find("Two additional blasts were triggered during the raids."), IsEmpty());
  EXPECT_THAT(Find("Two other churches were targeted."), IsEmpty());
  // A compound, not a count; a vague noun; one of several.
  EXPECT_THAT(Find("The Sixers had a three-game losing streak."), IsEmpty());
  EXPECT_THAT(Find("The fire started in the 3400 block of Main Street."), IsEmpty());
  EXPECT_THAT(Find("He had been arrested three times since October."), IsEmpty());
  EXPECT_THAT(Find("Riots spread to more than a dozen other cities."), IsEmpty());
  EXPECT_THAT(Find("Gray had four prior arrests."), IsEmpty());
  EXPECT_THAT(Find("Some 20 crew were rescued."),
              ElementsAre("number of crew rescued = about 20 crew"));
  // One of several, a magnitude, a participle, a later phase.
  EXPECT_THAT(Find("In just one church, 50 people were killed."), IsEmpty());
  EXPECT_THAT(Find("A magnitude - 6.0 quake can cause severe damage."),
              Not(Contains(StartsWith("number of"))));
  EXPECT_THAT(Find("Sixty firefighters are still keeping watch."), IsEmpty());
  // A conversion in parentheses is the claim before it.
  EXPECT_THAT(Find("The epicentre was 58km (36 miles) south-west of Bandar Abbas."),
              ElementsAre("distance of epicentre from Bandar Abbas = 58km"));
  // Two things at a distance from one place are two distances.
  EXPECT_THAT(Find("A motorist 50 miles north of Detroit spotted the car."),
              ElementsAre("distance of motorist from Detroit = 50 miles (80.5 kilometres)"));
  EXPECT_THAT(Find("The office building is about 15 miles north of Detroit."),
              ElementsAre("distance of building from Detroit = about 15 miles (24.1 kilometres)"));
  EXPECT_THAT(Find("It was part of a 6 million-euro ($6.8 million) renovation project."),
              ElementsAre("amount of project = 6 million-euro"));
  // Identifiers are no quantities at all.
  EXPECT_THAT(Find("All aboard Flight 417 were confirmed dead."), IsEmpty());
}

TEST_F(MeasureClaimsTest, ALevelReachedIsAClaim) {
  EXPECT_THAT(Find("The number of people evacuated rose to 600 people evacuated."),
              ElementsAre("number of people evacuated = 600 people"));
}

TEST_F(MeasureClaimsTest, NothingIsClaimedWithoutAThing) {
  // "207 km away" from what?
  EXPECT_THAT(Find("The blasts were seen from Cyprus, some 207 km away."), IsEmpty());
  EXPECT_THAT(Find("It was 80 metres."), IsEmpty());
}

TEST(MeasureClaimsCreateTest, NoMeasureKindsNoMeasures) {
  absl::StatusOr<std::unique_ptr<Rules>> rules = Rules::LoadTexts({{"k.textproto", R"pb(
    kinds {
      name: "toll"
      value_type: VALUE_TYPE_QUANTITY
      trigger: "killed"
      patterns { id: "p" regex: "(?P<value>\\d+) killed" }
    })pb"}});
  ASSERT_TRUE(rules.ok()) << rules.status();
  absl::StatusOr<std::unique_ptr<MeasureClaims>> measures = MeasureClaims::Create(**rules);
  ASSERT_TRUE(measures.ok());
  EXPECT_EQ(*measures, nullptr);
}

TEST(MeasureClaimsCreateTest, AnUnknownDimensionIsNamed) {
  absl::StatusOr<std::unique_ptr<Rules>> rules = Rules::LoadTexts({{"k.textproto", R"pb(
    quantities { dimensions { name: "length" base_unit: "metre" } }
    kinds {
      name: "measure"
      value_type: VALUE_TYPE_QUANTITY
      trigger: "\\d"
      open_dimensions: [ "lenght" ]
    })pb"}});
  ASSERT_FALSE(rules.ok());
  EXPECT_THAT(rules.status().message(), HasSubstr("unknown dimension \"lenght\""));
  EXPECT_THAT(rules.status().message(), HasSubstr("k.textproto"));
}

}  // namespace
}  // namespace crosscheck
