#include "checker/extract/actors.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "checker/base/re2_util.h"
#include "checker/base/text_fold.h"

namespace crosscheck {
namespace {

// Words that start a capitalized phrase without naming anyone.
bool IsFunctionWord(absl::string_view w) {
  static const char* const kWords[] = {
      "the",      "a",         "an",       "but",    "and",   "or",     "on",      "in",
      "at",       "by",        "this",     "that",   "these", "those",  "late",    "early",
      "today",    "meanwhile", "while",    "after",  "as",    "if",     "when",    "then",
      "so",       "yet",       "also",     "last",   "next",  "monday", "tuesday", "wednesday",
      "thursday", "friday",    "saturday", "sunday", "since", "for",    "with",    "from",
      "of",       "to",        "his",      "her",    "its",   "their",  "our",     "we",
      "i",        "you",       "there",    "here",   "some",  "many",   "all"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

}  // namespace

ActorResolver::ActorResolver(const Rules& rules) : rules_(rules) {
  std::vector<std::string> aliases;
  for (const ActorAlias& a : rules.proto().actors()) {
    for (const std::string& alias : a.aliases()) {
      std::string folded = FoldForMatching(alias);
      if (by_alias_.emplace(folded, &a).second) aliases.push_back(folded);
    }
    std::string folded_name = FoldForMatching(a.name());
    absl::string_view name(folded_name);
    absl::ConsumePrefix(&name, "the ");
    if (by_alias_.emplace(std::string(name), &a).second) {
      aliases.emplace_back(name);
    }
  }
  std::sort(aliases.begin(), aliases.end(), [](const std::string& x, const std::string& y) {
    return x.size() != y.size() ? x.size() > y.size() : x < y;
  });
  std::vector<std::string> quoted;
  for (const std::string& a : aliases) quoted.push_back(RE2::QuoteMeta(a));
  mention_re_ = std::make_unique<RE2>(
      absl::StrCat("(?:^|[^\\pL\\pN@#])(", absl::StrJoin(quoted, "|"), ")(?:[^\\pL\\pN]|$)"),
      RE2::Quiet);
  for (const std::string& t : rules.proto().titles()) {
    titles_.push_back(FoldForMatching(t));
  }
  std::sort(titles_.begin(), titles_.end(),
            [](const std::string& x, const std::string& y) { return x.size() > y.size(); });
}

bool ActorResolver::IsPronoun(absl::string_view phrase) {
  std::string p = absl::AsciiStrToLower(absl::StripAsciiWhitespace(phrase));
  return p == "he" || p == "she" || p == "it" || p == "they" || p == "his" || p == "her" ||
         p == "its" || p == "their";
}

std::vector<const ActorAlias*> ActorResolver::Mentions(absl::string_view text) const {
  std::vector<const ActorAlias*> found;
  if (!mention_re_->ok()) return found;
  std::string folded = FoldForMatching(text);
  re2::StringPiece rest(folded);
  re2::StringPiece alias;
  while (RE2::FindAndConsume(&rest, *mention_re_, &alias)) {
    auto it = by_alias_.find(View(alias));
    if (it != by_alias_.end()) found.push_back(it->second);
    // Step back over the separator the match consumed, so that adjacent
    // mentions ("Maduro, Guaidó") are both seen.
    if (!rest.empty() && rest.data() > folded.data()) {
      rest = re2::StringPiece(rest.data() - 1, rest.size() + 1);
    }
  }
  return found;
}

Actor ActorResolver::ToActor(const ActorAlias& alias) const {
  Actor actor;
  actor.set_id(alias.id());
  actor.set_name(alias.name());
  std::string parent = alias.parent();
  for (int depth = 0; !parent.empty() && depth < 32; ++depth) {
    actor.add_ancestors(parent);
    const ActorAlias* p = rules_.FindActor(parent);
    parent = p ? p->parent() : "";
  }
  return actor;
}

std::string ActorResolver::CountryLabel(absl::string_view actor_id) const {
  const ActorAlias* a = rules_.FindActor(actor_id);
  return a ? a->country_label() : "";
}

absl::optional<Actor> ActorResolver::Resolve(absl::string_view phrase) const {
  std::string folded = FoldForMatching(phrase);
  absl::string_view rest(folded);
  absl::ConsumeSuffix(&rest, "'s");
  absl::ConsumeSuffix(&rest, "'");
  // Drop leading function words ("But the", "On Thursday the").
  for (;;) {
    size_t space = rest.find(' ');
    absl::string_view word = rest.substr(0, space);
    if (!IsFunctionWord(word)) break;
    if (space == absl::string_view::npos) return absl::nullopt;
    rest.remove_prefix(space + 1);
  }
  if (rest.empty() || IsPronoun(rest)) return absl::nullopt;
  auto exact = by_alias_.find(rest);
  if (exact != by_alias_.end()) return ToActor(*exact->second);
  // The known alias that ends last in the phrase (English puts the head of
  // a noun phrase last: "National Assembly leader Juan Guaidó" is Guaidó,
  // "the Maduro government" the government), the longest of those.
  const ActorAlias* best = nullptr;
  size_t best_len = 0;
  size_t best_end = 0;
  std::string padded(rest);
  re2::StringPiece scan(padded);
  re2::StringPiece alias;
  while (RE2::FindAndConsume(&scan, *mention_re_, &alias)) {
    size_t end = static_cast<size_t>(alias.data() - padded.data()) + alias.size();
    if (best == nullptr || end > best_end || (end == best_end && alias.size() > best_len)) {
      auto it = by_alias_.find(View(alias));
      if (it != by_alias_.end()) {
        best = it->second;
        best_len = alias.size();
        best_end = end;
      }
    }
    if (!scan.empty() && scan.data() > padded.data()) {
      scan = re2::StringPiece(scan.data() - 1, scan.size() + 1);
    }
  }
  if (best != nullptr) return ToActor(*best);
  // An unknown name: strip titles and keep it as written.
  std::string name(rest);
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (const std::string& t : titles_) {
      if (absl::StartsWith(name, t + " ")) {
        name.erase(0, t.size() + 1);
        stripped = true;
      }
    }
  }
  if (name.empty()) return absl::nullopt;
  Actor actor;
  actor.set_id(absl::StrCat("name:", name));
  // Display the phrase as written, without a leading article.
  std::string display(absl::StripAsciiWhitespace(phrase));
  for (absl::string_view article : {"the ", "The "}) {
    if (absl::StartsWith(display, article)) display.erase(0, article.size());
  }
  actor.set_name(display);
  return actor;
}

absl::optional<Actor> ActorResolver::ResolvePronoun(absl::string_view pronoun,
                                                    absl::string_view before,
                                                    absl::string_view previous) const {
  std::string p = absl::AsciiStrToLower(pronoun);
  auto fits = [&](const ActorAlias* a) {
    // "his demand" points back at a person, "its order" at a body.
    if (p == "he" || p == "she" || p == "his" || p == "her") {
      return a->type() == ACTOR_TYPE_PERSON;
    }
    if (p == "it" || p == "its") {
      return a->type() == ACTOR_TYPE_ORGANIZATION || a->type() == ACTOR_TYPE_COUNTRY;
    }
    return true;
  };
  for (absl::string_view text : {before, previous}) {
    for (const ActorAlias* a : Mentions(text)) {
      if (fits(a)) return ToActor(*a);
    }
  }
  return absl::nullopt;
}

bool ActorResolver::Related(const Actor& a, const Actor& b) {
  if (a.id() == b.id()) return true;
  for (const std::string& id : a.ancestors()) {
    if (id == b.id()) return true;
  }
  for (const std::string& id : b.ancestors()) {
    if (id == a.id()) return true;
  }
  return false;
}

}  // namespace crosscheck
