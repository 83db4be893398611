#include "checker/extract/actors.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/types/optional.h"
#include "checker/internal/shipped_rules.h"
#include "checker/internal/testing.h"
#include "checker/rules/rule_set.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::RunfilePath;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

class ActorsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    rules_ = &testing::ShippedRules();
    actors_ = new ActorResolver(*rules_);
  }
  static void TearDownTestSuite() { delete actors_; }

  static const ActorResolver& actors() { return *actors_; }

  // Ids of the actors mentioned in `text`, in order.
  static std::vector<std::string> MentionIds(const std::string& text) {
    std::vector<std::string> ids;
    for (const ActorAlias* a : actors().Mentions(text)) ids.push_back(a->id());
    return ids;
  }

  static std::string ResolvedId(const std::string& phrase) {
    absl::optional<Actor> a = actors().Resolve(phrase);
    return a ? a->id() : "<none>";
  }

  static Actor Known(const std::string& id) {
    const ActorAlias* alias = rules_->FindActor(id);
    EXPECT_NE(alias, nullptr) << id;
    return alias ? actors().ToActor(*alias) : Actor();
  }

  static const Rules* rules_;
  static ActorResolver* actors_;
};

const Rules* ActorsTest::rules_ = nullptr;
ActorResolver* ActorsTest::actors_ = nullptr;

TEST_F(ActorsTest, ResolvesAliases) {
  struct Case {
    const char* phrase;
    const char* id;
  } cases[] = {
      // Diacritics, case and typographic apostrophes fold away.
      {"Nicolás Maduro", "maduro"},
      {"Nicolas Maduro", "maduro"},
      {"NICOLAS MADURO", "maduro"},
      {"Maduro's", "maduro"},
      {"Guaidó", "guaido"},
      {"Guaidó’s", "guaido"},
      {"Juan Guaido", "guaido"},
      {"Vladimir Padrino López", "padrino"},
      // Leading articles and function words drop.
      {"the State Department", "us_state_department"},
      {"The Maduro government", "venezuela_government"},
      {"But the Kremlin", "russia_government"},
      {"the U.S. Embassy in Caracas", "us_embassy_caracas"},
      {"the United Nations", "un"},
      // Names used for governments and countries.
      {"Caracas", "venezuela_government"},
      {"Washington", "us_government"},
      {"the Trump administration", "us_government"},
      {"the United States", "us"},
      {"U.S.", "us"},
      {"Venezuela", "venezuela"},
      // The display name is an alias too.
      {"Venezuela's government", "venezuela_government"},
      {"Venezuela’s government", "venezuela_government"},
      {"Maduro’s", "maduro"},
      {"Trump's", "trump"},
      {"President Trump", "trump"},
      {"Mr. Pompeo", "pompeo"},
      {"the Pentagon", "us_military"},
      {"American diplomats", "us"},
      {"U.S. officials", "us"},
      {"the UN refugee agency", "un"},
      {"the OAS", "oas"},
  };
  for (const Case& c : cases) EXPECT_EQ(ResolvedId(c.phrase), c.id) << c.phrase;
}

TEST_F(ActorsTest, LongestAliasInAPhraseWins) {
  struct Case {
    const char* phrase;
    const char* id;
  } cases[] = {
      {"Venezuelan President Nicolás Maduro", "maduro"},
      {"Secretary of State Mike Pompeo", "pompeo"},
      {"U.S. Secretary of State Mike Pompeo", "pompeo"},
      {"Venezuelan Defense Minister Vladimir Padrino López", "padrino"},
      {"Russian President Vladimir Putin", "putin"},
      {"the U.S. State Department", "us_state_department"},
      {"Brazilian President Jair Bolsonaro", "bolsonaro"},
      {"the Chinese Foreign Ministry", "china_government"},
  };
  for (const Case& c : cases) EXPECT_EQ(ResolvedId(c.phrase), c.id) << c.phrase;
}

TEST_F(ActorsTest, FillsAncestorsNearestFirst) {
  absl::optional<Actor> pompeo = actors().Resolve("Mike Pompeo");
  ASSERT_TRUE(pompeo.has_value());
  EXPECT_EQ(pompeo->id(), "pompeo");
  EXPECT_EQ(pompeo->name(), "Mike Pompeo");
  EXPECT_THAT(pompeo->ancestors(), ElementsAre("us_state_department", "us_government", "us"));

  absl::optional<Actor> maduro = actors().Resolve("Nicolás Maduro");
  ASSERT_TRUE(maduro.has_value());
  EXPECT_EQ(maduro->name(), "Nicolás Maduro");
  EXPECT_THAT(maduro->ancestors(), ElementsAre("venezuela_government", "venezuela"));

  EXPECT_THAT(Known("us_embassy_caracas").ancestors(),
              ElementsAre("us_state_department", "us_government", "us"));
  EXPECT_THAT(Known("us").ancestors(), IsEmpty());
  EXPECT_THAT(Known("un").ancestors(), IsEmpty());
}

TEST_F(ActorsTest, Related) {
  Actor pompeo = Known("pompeo");
  Actor state = Known("us_state_department");
  Actor us_government = Known("us_government");
  Actor us = Known("us");
  Actor pentagon = Known("us_military");
  Actor maduro = Known("maduro");
  Actor venezuela_government = Known("venezuela_government");
  Actor guaido = Known("guaido");

  EXPECT_TRUE(ActorResolver::Related(pompeo, pompeo));
  EXPECT_TRUE(ActorResolver::Related(pompeo, state));
  EXPECT_TRUE(ActorResolver::Related(state, pompeo));
  EXPECT_TRUE(ActorResolver::Related(pompeo, us_government));
  EXPECT_TRUE(ActorResolver::Related(us, pompeo));
  EXPECT_TRUE(ActorResolver::Related(maduro, venezuela_government));
  EXPECT_TRUE(ActorResolver::Related(venezuela_government, maduro));

  // Siblings and rivals are not related.
  EXPECT_FALSE(ActorResolver::Related(state, pentagon));
  EXPECT_FALSE(ActorResolver::Related(pompeo, maduro));
  EXPECT_FALSE(ActorResolver::Related(guaido, maduro));
  EXPECT_FALSE(ActorResolver::Related(venezuela_government, us_government));

  // Unknown names relate only to themselves.
  absl::optional<Actor> macron = actors().Resolve("Emmanuel Macron");
  ASSERT_TRUE(macron.has_value());
  EXPECT_TRUE(ActorResolver::Related(*macron, *macron));
  EXPECT_FALSE(ActorResolver::Related(*macron, us));
}

TEST_F(ActorsTest, UnknownNamesKeepTheirNameWithoutTitles) {
  struct Case {
    const char* phrase;
    const char* id;
    const char* name;
  } cases[] = {
      {"Emmanuel Macron", "name:emmanuel macron", "Emmanuel Macron"},
      {"President Emmanuel Macron", "name:emmanuel macron", "President Emmanuel Macron"},
      {"Prime Minister Justin Trudeau", "name:justin trudeau", "Prime Minister Justin Trudeau"},
      {"Foreign Minister Jorge Arreaza", "name:jorge arreaza", "Foreign Minister Jorge Arreaza"},
      {"Sen. Marco Rubio", "name:marco rubio", "Sen. Marco Rubio"},
      {"Gen. Manuel Cristopher Figuera", "name:manuel cristopher figuera",
       "Gen. Manuel Cristopher Figuera"},
      {"the Lima Group", "name:lima group", "Lima Group"},
      {"Delcy Rodríguez", "name:delcy rodriguez", "Delcy Rodríguez"},
      {"Macron's", "name:macron", "Macron's"},
      {"The Associated Press", "name:associated press", "Associated Press"},
  };
  for (const Case& c : cases) {
    absl::optional<Actor> a = actors().Resolve(c.phrase);
    ASSERT_TRUE(a.has_value()) << c.phrase;
    EXPECT_EQ(a->id(), c.id) << c.phrase;
    EXPECT_EQ(a->name(), c.name) << c.phrase;
    EXPECT_THAT(a->ancestors(), IsEmpty()) << c.phrase;
  }
}

TEST_F(ActorsTest, PhrasesNamingNobody) {
  for (const char* phrase : {"", "The", "the", "On Thursday", "Thursday", "But the",
                             "Late Wednesday", "he", "It", "they", "She"}) {
    EXPECT_FALSE(actors().Resolve(phrase).has_value()) << "'" << phrase << "'";
  }
}

TEST_F(ActorsTest, IsPronoun) {
  for (const char* p :
       {"he", "He", "she", "it", "It", "they", "THEY", " they ", "his", "Its", "their"}) {
    EXPECT_TRUE(ActorResolver::IsPronoun(p)) << p;
  }
  for (const char* p : {"", "them", "the", "Maduro", "hey", "history"}) {
    EXPECT_FALSE(ActorResolver::IsPronoun(p)) << p;
  }
}

TEST_F(ActorsTest, PossessivePronounsResolveByType) {
  absl::optional<Actor> his = actors().ResolvePronoun(
      "his", "", "Venezuela and the State Department argued; Maduro spoke.");
  ASSERT_TRUE(his.has_value());
  EXPECT_EQ(his->id(), "maduro");
  absl::optional<Actor> its =
      actors().ResolvePronoun("its", "", "Maduro said the State Department lied.");
  ASSERT_TRUE(its.has_value());
  EXPECT_EQ(its->id(), "us_state_department");
}

TEST_F(ActorsTest, PronounsResolveByTypeToTheFirstMention) {
  struct Case {
    const char* pronoun;
    const char* before;
    const char* previous;
    const char* id;
  } cases[] = {
      // "it" skips persons and prefers the subject over a later name.
      {"it", "The Venezuelan government disputed Pompeo's account, saying ", "",
       "venezuela_government"},
      {"it", "Pompeo said the State Department would comply, and ", "", "us_state_department"},
      // "he" finds the first person, skipping bodies.
      {"he", "The State Department said Pompeo had warned Maduro that ", "", "pompeo"},
      {"He", "Maduro, speaking in Caracas with Padrino at his side, said ", "", "maduro"},
      {"she", "Guaidó's envoy told reporters ", "", "guaido"},
      // Nothing fitting before it in the sentence: the previous sentence.
      {"he", "On Thursday, ", "Juan Guaidó declared himself interim president.", "guaido"},
      {"it", "", "Russia said it opposed the move.", "russia"},
      // The sentence before the pronoun is searched before the previous one.
      {"he", "Bolsonaro said ", "Maduro spoke first.", "bolsonaro"},
      // "they" takes any known actor.
      {"they", "Maduro and the opposition agreed that ", "", "maduro"},
  };
  for (const Case& c : cases) {
    absl::optional<Actor> a = actors().ResolvePronoun(c.pronoun, c.before, c.previous);
    ASSERT_TRUE(a.has_value()) << c.pronoun << " / " << c.before;
    EXPECT_EQ(a->id(), c.id) << c.pronoun << " / " << c.before;
  }
  EXPECT_FALSE(
      actors().ResolvePronoun("he", "The weather was cold and ", "Crowds gathered.").has_value());
  // Only organizations and countries in sight: "he" names nobody.
  EXPECT_FALSE(actors()
                   .ResolvePronoun("he", "The State Department said ", "Venezuela disagreed.")
                   .has_value());
}

TEST_F(ActorsTest, MentionsInTextOrder) {
  EXPECT_THAT(MentionIds("Maduro, Guaidó and the State Department met in Caracas."),
              ElementsAre("maduro", "guaido", "us_state_department", "venezuela_government"));
  EXPECT_THAT(MentionIds("Venezuelan President Nicolás Maduro ordered U.S. "
                         "diplomats out; Pompeo refused."),
              ElementsAre("venezuela", "maduro", "us", "pompeo"));
  EXPECT_THAT(MentionIds("The U.S. Embassy in Caracas said it would stay."),
              ElementsAre("us_embassy_caracas"));
  // Whole words only.
  EXPECT_THAT(MentionIds("The bus driver played the trumpet in Chinatown."), IsEmpty());
  EXPECT_THAT(MentionIds(""), IsEmpty());
}

TEST_F(ActorsTest, CountryLabel) {
  EXPECT_EQ(actors().CountryLabel("pompeo"), "US");
  EXPECT_EQ(actors().CountryLabel("us_embassy_caracas"), "US");
  EXPECT_EQ(actors().CountryLabel("guaido"), "Venezuela");
  EXPECT_EQ(actors().CountryLabel("venezuela"), "Venezuela");
  EXPECT_EQ(actors().CountryLabel("uk"), "UK");
  EXPECT_EQ(actors().CountryLabel("un"), "");
  EXPECT_EQ(actors().CountryLabel("no_such_actor"), "");
  EXPECT_EQ(actors().CountryLabel("name:emmanuel macron"), "");
}

}  // namespace
}  // namespace crosscheck
