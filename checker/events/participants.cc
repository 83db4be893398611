#include "checker/events/participants.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "checker/base/re2_util.h"
#include "checker/base/text_fold.h"

namespace crosscheck {
namespace {

// A run of capitalized words.
const LazyRE2 kRun = {R"((\p{Lu}[\p{L}\p{M}'’.\-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’.\-]*)*))"};
// A word of a name: a capital, then lower case ("LaCalamita", "O'Neil").
const LazyRE2 kNameWord = {R"(\p{Lu}[\p{Ll}\p{M}][\p{L}\p{M}'’\-]*|\p{Lu}\.)"};

RE2::Options Insensitive() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_case_sensitive(false);
  return o;
}

}  // namespace

ParticipantFinder::ParticipantFinder(const Rules& rules) {
  const RuleSet& r = rules.proto();
  std::vector<std::string> titles;
  for (const std::string& t : r.titles()) {
    std::string folded = FoldForMatching(t);
    if (folded.find(' ') == std::string::npos) titles_.insert(folded);
    titles.push_back(RE2::QuoteMeta(folded));
  }
  for (const std::string& w : r.participants().not_names()) not_names_.insert(FoldForMatching(w));
  for (const PlaceEntry& p : r.places().places()) {
    not_names_.insert(FoldForMatching(p.name()));
    for (const std::string& a : p.aliases()) not_names_.insert(FoldForMatching(a));
  }
  std::vector<std::string> before;
  if (!titles.empty())
    before.push_back(absl::StrCat("\\b(?:", absl::StrJoin(titles, "|"), ")\\s*,?\\s+$"));
  if (!r.participants().before().empty()) before.push_back(r.participants().before());
  if (!before.empty()) {
    // The cues end where the name begins ("$"). Said once more outside the
    // alternation, it makes RE2 match from the end backwards, instead of
    // scanning the whole sentence before each name.
    auto re =
        std::make_unique<RE2>(absl::StrCat("(?:", absl::StrJoin(before, "|"), ")$"), Insensitive());
    if (re->ok()) before_ = std::move(re);
  }
  if (!r.participants().after().empty()) {
    auto re = std::make_unique<RE2>(r.participants().after(), Insensitive());
    if (re->ok()) after_ = std::move(re);
  }
}

std::vector<std::string> ParticipantFinder::FindInSentence(absl::string_view sentence) const {
  std::vector<std::string> found;
  re2::StringPiece rest = Piece(sentence);
  re2::StringPiece run;
  while (RE2::FindAndConsume(&rest, *kRun, &run)) {
    absl::string_view r = View(run);
    std::vector<absl::string_view> words =
        absl::StrSplit(r, absl::ByAnyChar(" \t"), absl::SkipEmpty());
    // The name: up to three name words ending the run, after any title or
    // place ("Qeshm Governor Mehdi Irannejad", "Police Const. Tim Fanning").
    auto name_word = [&](absl::string_view w) {
      std::string folded = FoldForMatching(absl::StripSuffix(w, "."));
      return RE2::FullMatch(Piece(w), *kNameWord) && !not_names_.contains(folded) &&
             !titles_.contains(folded) && !titles_.contains(absl::StrCat(folded, "."));
    };
    size_t first = words.size();
    while (first > 0 && words.size() - first < 3 && name_word(words[first - 1])) --first;
    std::vector<absl::string_view> name(words.begin() + first, words.end());
    if (name.size() < 2) continue;
    bool titled = false;
    if (first > 0) {
      std::string w = FoldForMatching(words[first - 1]);
      titled = titles_.contains(w) || titles_.contains(absl::StrCat(w, "."));
    }
    const char* name_begin = name.front().data();
    const char* name_end = name.back().data() + name.back().size();
    absl::string_view before =
        sentence.substr(0, static_cast<size_t>(name_begin - sentence.data()));
    absl::string_view after = sentence.substr(static_cast<size_t>(name_end - sentence.data()));
    bool person = titled || (before_ != nullptr && RE2::PartialMatch(Piece(before), *before_)) ||
                  (after_ != nullptr && RE2::PartialMatch(Piece(after), *after_));
    if (!person) continue;
    std::string surname = FoldForMatching(name.back());
    for (absl::string_view possessive : {"'s", "’s"}) {
      if (absl::EndsWith(surname, possessive)) surname.resize(surname.size() - possessive.size());
    }
    found.push_back(std::move(surname));
  }
  return found;
}

std::vector<std::string> ParticipantFinder::Find(const Document& doc) const {
  std::vector<std::string> all;
  const std::string& text = doc.article().text();
  int read = 0;
  for (const Sentence& s : doc.sentences()) {
    if (s.section() == SECTION_BOILERPLATE) continue;
    if (read++ >= kLeadSentences) break;
    absl::string_view sentence(text.data() + s.span().begin(),
                               static_cast<size_t>(s.span().end() - s.span().begin()));
    for (std::string& p : FindInSentence(sentence)) all.push_back(std::move(p));
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

bool ParticipantFinder::ShareAny(const Claim& a, const Claim& b) {
  return ShareAny(a.participants(), b.participants());
}

bool ParticipantFinder::ShareAny(const google::protobuf::RepeatedPtrField<std::string>& a,
                                 const google::protobuf::RepeatedPtrField<std::string>& b) {
  // Both lists are sorted.
  auto i = a.begin(), j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i == *j) return true;
    if (*i < *j) {
      ++i;
    } else {
      ++j;
    }
  }
  return false;
}

}  // namespace crosscheck
