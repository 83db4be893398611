#include "checker/events/participants.h"

#include <string>
#include <vector>

#include "checker/internal/shipped_rules.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class ParticipantsTest : public ::testing::Test {
 protected:
  ParticipantsTest() : people_(testing::ShippedRules()) {}
  ParticipantFinder people_;
};

TEST_F(ParticipantsTest, FindsPeopleByTitlesAgesAndVerbsOfSaying) {
  EXPECT_THAT(people_.FindInSentence(
                  "\"So far only walls collapsed,\" Qeshm Governor Mehdi Irannejad told ISNA."),
              ElementsAre("irannejad"));
  EXPECT_THAT(people_.FindInSentence("Qeshm's governor, Heidar Alishvandi, told the television."),
              ElementsAre("alishvandi"));
  EXPECT_THAT(people_.FindInSentence("Heydar Alishvandi, the governor of Qeshm, said so."),
              ElementsAre("alishvandi"));
  EXPECT_THAT(people_.FindInSentence("Police located Anthony LaCalamita, 38, on Interstate 75."),
              ElementsAre("lacalamita"));
  EXPECT_THAT(people_.FindInSentence("Police Const. Tim Fanning said the gunman entered."),
              ElementsAre("fanning"));
}

TEST_F(ParticipantsTest, OrganizationsAndPlacesAreNotPeople) {
  EXPECT_THAT(people_.FindInSentence("The U.S. Geological Survey said it was 6.1."), IsEmpty());
  EXPECT_THAT(people_.FindInSentence("The State Department said on Monday it left."), IsEmpty());
  EXPECT_THAT(people_.FindInSentence("Bandar Abbas, the port city, was shaken."), IsEmpty());
  EXPECT_THAT(people_.FindInSentence("Dozens Riot Over Fatal Shooting In Brooklyn"), IsEmpty());
}

TEST_F(ParticipantsTest, ClaimsShareAParticipantBySurname) {
  Claim a, b, c;
  a.add_participants("alishvandi");
  a.add_participants("gray");
  b.add_participants("alishvandi");
  c.add_participants("irannejad");
  EXPECT_TRUE(ParticipantFinder::ShareAny(a, b));
  EXPECT_FALSE(ParticipantFinder::ShareAny(a, c));
  EXPECT_FALSE(ParticipantFinder::ShareAny(a, Claim()));
}

}  // namespace
}  // namespace crosscheck
