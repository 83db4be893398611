#include "checker/extract/quantity_tagger.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "checker/base/re2_util.h"
#include "checker/base/status_macros.h"
#include "checker/extract/json_lines.h"
#include "checker/extract/quantity.h"
#include "checker/extract/timex.h"
#include "google/protobuf/util/json_util.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "re2/re2.h"

namespace crosscheck {
namespace {

// How a unit is written, with what it stands for.
struct Alias {
  std::string text;  // lower case unless case-sensitive
  bool case_sensitive = false;
  std::string unit;       // Unit.name or currency code
  std::string dimension;  // "money" for currencies
};

// A number as read from the text, before its unit.
struct Number {
  int begin = 0;  // the number's own words
  int end = 0;
  double value = 0;
  bool words = false;    // written in words
  bool integer = false;  // digits without a decimal point or scale
};

// A word of a sentence.
struct Word {
  int begin = 0;
  int end = 0;
  std::string lower;
  bool capitalized = false;
};

bool IsWordByte(unsigned char c) { return absl::ascii_isalnum(c) || c >= 0x80; }

bool Partial(absl::string_view s, const RE2& re) { return RE2::PartialMatch(Piece(s), re); }
bool Full(absl::string_view s, const RE2& re) { return RE2::FullMatch(Piece(s), re); }
bool Partial(absl::string_view s, const RE2& re, absl::string_view* group) {
  re2::StringPiece g;
  if (!RE2::PartialMatch(Piece(s), re, &g)) return false;
  *group = View(g);
  return true;
}

std::unique_ptr<RE2> Compile(const std::string& pattern, bool case_sensitive = false) {
  RE2::Options options;
  options.set_case_sensitive(case_sensitive);
  options.set_log_errors(false);
  return std::make_unique<RE2>(pattern, options);
}

// Lower-case ASCII comparison of `alias` with the start of `text`.
bool StartsWithAlias(absl::string_view text, const Alias& alias) {
  if (alias.case_sensitive) return absl::StartsWith(text, alias.text);
  return absl::StartsWithIgnoreCase(text, alias.text);
}

// Whether a unit alias that ended at `text[pos]` ends a word there.
bool EndsWord(absl::string_view text, size_t pos, absl::string_view alias) {
  if (pos >= text.size()) return true;
  if (alias.empty() || !IsWordByte(static_cast<unsigned char>(alias.back()))) return true;
  return !IsWordByte(static_cast<unsigned char>(text[pos]));
}

std::string FormatNumber(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15) {
    return absl::StrCat(static_cast<int64_t>(std::llround(v)));
  }
  return absl::StrCat(v);
}

// The code point at text[i] (its length in `len`); U+FFFD for a bad byte.
UChar32 CodePointAt(absl::string_view text, int i, int end, int* len) {
  UChar32 c;
  int j = i;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), j, end, c);
  *len = j - i;
  return c < 0 ? 0xFFFD : c;
}

bool LetterOrDigit(UChar32 c) {
  return c < 0x80 ? absl::ascii_isalnum(static_cast<unsigned char>(c)) : u_isalnum(c);
}

// A word after a measure that makes it a rate: "$65 a tonne", "141,000
// vehicles per day".
bool RateWord(const std::string& word) {
  return word == "a" || word == "an" || word == "per" || word == "each" || word == "every";
}

// The words of text[s_begin, s_end): see TagSentence.
std::vector<Word> Words(absl::string_view text, int s_begin, int s_end) {
  std::vector<Word> words;
  int i = s_begin;
  while (i < s_end) {
    int len = 0;
    const UChar32 c = CodePointAt(text, i, s_end, &len);
    int end = i + len;
    if (LetterOrDigit(c)) {
      int j = end;
      while (j < s_end) {
        int k = 0;
        const UChar32 d = CodePointAt(text, j, s_end, &k);
        if (LetterOrDigit(d)) {
          j += k;
          end = j;
        } else if (d == '\'' || d == 0x2019 || d == '&' || d == '.') {
          j += k;
        } else {
          break;
        }
      }
    } else if (!(c == '%' || c == '$' || c == 0x20AC || c == 0xA3)) {
      i += len;
      continue;
    }
    Word word;
    word.begin = i;
    word.end = end;
    word.lower = absl::AsciiStrToLower(text.substr(i, end - i));
    word.capitalized = absl::ascii_isupper(static_cast<unsigned char>(text[i]));
    words.push_back(std::move(word));
    i = end;
  }
  return words;
}

}  // namespace

struct QuantityTagger::Impl {
  const Rules* rules = nullptr;
  const QuantityRules* q = nullptr;
  std::unique_ptr<QuantityParser> parser;
  std::unique_ptr<TimexTagger> timex;
  std::vector<Alias> after;   // units after the number, longest first
  std::vector<Alias> before;  // currency symbols and unit prefixes before it
  std::vector<std::pair<std::string, std::string>> bounds_before;  // longest first
  std::vector<std::pair<std::string, std::string>> bounds_after;
  absl::flat_hash_map<std::string, std::string> directions_before;
  absl::flat_hash_map<std::string, std::string> directions_after;
  absl::flat_hash_map<std::string, const Unit*> units;
  absl::flat_hash_map<std::string, const Dimension*> dimensions;
  absl::flat_hash_map<std::string, double> scales;  // "million" -> 1e6
  absl::flat_hash_map<std::string, double> fractions;
  absl::flat_hash_set<std::string> noun_stops;
  absl::flat_hash_set<std::string> concept_drop;
  absl::flat_hash_map<std::string, std::string> lemmas;
  absl::flat_hash_map<std::string, std::string> synonyms;
  absl::flat_hash_map<std::string, std::string> properties;  // word -> name
  absl::flat_hash_map<std::string, std::string> states;      // word -> name
  absl::flat_hash_set<std::string> measure_verbs;
  absl::flat_hash_set<std::string> bound_words;  // words of bounds_before, articles
  absl::flat_hash_set<std::string> part_nouns;
  std::unique_ptr<RE2> number;  // digits or words
  std::unique_ptr<RE2> identifier_before, not_after, score_before, name_before, not_counted,
      clause_break, age_before, people_before, people_after, relative_after, age_apposition_before,
      age_apposition_after, change_carries;
  std::unique_ptr<RE2> date_cue;  // null: the TIMEX3 pass always runs

  std::vector<QuantityMention> Tag(absl::string_view text) const;
  void TagSentence(absl::string_view text, int s_begin, int s_end,
                   const std::vector<std::pair<int, int>>& dates,
                   std::vector<QuantityMention>* out) const;
  std::vector<Number> Numbers(absl::string_view text, int s_begin, int s_end) const;
  std::string Lemma(absl::string_view word) const;
  // Sets the concept of `m` and its parts (head, property, state, place).
  void Concept(absl::string_view text, const std::vector<Word>& words, int number_begin,
               bool counted, QuantityMention* m) const;
  // The singular lower-case form of a subject word, through the synonyms.
  std::string HeadWord(absl::string_view word) const;
  // A word of a bound before a number ("about", "more", "than") or an
  // article: what may stand between a thing and its measure.
  bool IsBoundWord(const std::string& word) const { return bound_words.contains(word); }
  std::string Change(absl::string_view text, const std::vector<Word>& words, int s_begin, int begin,
                     int number_end, int end, const std::string& previous_change) const;
};

QuantityTagger::QuantityTagger(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
QuantityTagger::~QuantityTagger() = default;

absl::StatusOr<std::unique_ptr<QuantityTagger>> QuantityTagger::Create(const Rules& rules) {
  auto impl = std::make_unique<Impl>();
  impl->rules = &rules;
  const RuleSet& rs = rules.proto();
  impl->q = &rs.quantities();
  const QuantityRules& q = rs.quantities();
  impl->parser = std::make_unique<QuantityParser>(rs);
  ASSIGN_OR_RETURN(impl->timex, TimexTagger::Create(rules));
  for (const Dimension& d : q.dimensions()) impl->dimensions[d.name()] = &d;
  for (const Unit& u : q.units()) {
    if (!impl->dimensions.contains(u.dimension()) && u.dimension() != "angle or temperature") {
      return absl::InvalidArgumentError(absl::StrCat(
          "quantities.units \"", u.name(), "\": unknown dimension \"", u.dimension(), "\""));
    }
    impl->units[u.name()] = &u;
    for (const std::string& a : u.aliases()) {
      impl->after.push_back({absl::AsciiStrToLower(a), false, u.name(), u.dimension()});
    }
    for (const std::string& a : u.case_sensitive_aliases()) {
      impl->after.push_back({a, true, u.name(), u.dimension()});
    }
    for (const std::string& a : u.prefixes()) {
      impl->before.push_back({absl::AsciiStrToLower(a), false, u.name(), u.dimension()});
    }
  }
  for (const Currency& c : rs.currencies()) {
    for (const std::string& s : c.symbols()) {
      impl->before.push_back({absl::AsciiStrToLower(s), false, c.code(), "money"});
    }
    for (const std::string& w : c.words()) {
      impl->after.push_back({absl::AsciiStrToLower(w), false, c.code(), "money"});
    }
  }
  auto longest = [](const Alias& a, const Alias& b) { return a.text.size() > b.text.size(); };
  std::stable_sort(impl->after.begin(), impl->after.end(), longest);
  std::stable_sort(impl->before.begin(), impl->before.end(), longest);
  for (const ChangeCue& c : q.changes()) {
    const bool direction = c.change() == "up" || c.change() == "down";
    if (!direction && c.change() != "~" && c.change() != ">" && c.change() != "<") {
      return absl::InvalidArgumentError(absl::StrCat("quantities.changes \"", c.phrase(),
                                                     "\": change must be one of ~ > < up down"));
    }
    std::string phrase = absl::AsciiStrToLower(c.phrase());
    if (direction) {
      (c.after() ? impl->directions_after : impl->directions_before)[phrase] = c.change();
    } else {
      (c.after() ? impl->bounds_after : impl->bounds_before).push_back({phrase, c.change()});
    }
  }
  for (const auto& [phrase, change] : impl->bounds_before) {
    for (absl::string_view w : absl::StrSplit(phrase, ' ', absl::SkipEmpty())) {
      impl->bound_words.insert(std::string(w));
    }
  }
  for (const char* w : {"a", "an", "the"}) impl->bound_words.insert(w);
  auto longer = [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); };
  std::stable_sort(impl->bounds_before.begin(), impl->bounds_before.end(), longer);
  std::stable_sort(impl->bounds_after.begin(), impl->bounds_after.end(), longer);
  for (const NumberWord& w : rs.number_words()) {
    if (w.scale()) impl->scales[absl::AsciiStrToLower(w.word())] = w.value();
  }
  for (const Fraction& f : q.fractions()) impl->fractions[f.word()] = f.value();
  for (const std::string& w : q.noun_stops()) impl->noun_stops.insert(w);
  for (const std::string& w : q.concept_drop()) impl->concept_drop.insert(w);
  for (const Lemma& l : q.lemmas()) impl->lemmas[l.plural()] = l.singular();
  for (const Lemma& l : q.synonyms()) impl->synonyms[l.plural()] = l.singular();
  for (const WordClass& c : q.properties()) {
    for (const std::string& w : c.words()) impl->properties[w] = c.name();
  }
  for (const WordClass& c : q.states()) {
    for (const std::string& w : c.words()) impl->states[w] = c.name();
  }
  for (const std::string& w : q.measure_verbs()) impl->measure_verbs.insert(w);
  for (const std::string& w : q.part_nouns()) impl->part_nouns.insert(w);
  std::string fractions =
      absl::StrJoin(q.fractions(), "|",
                    [](std::string* out, const Fraction& f) { absl::StrAppend(out, f.word()); });
  // A number: digits (1,200.5; .5), or words with an optional fraction
  // ("two-thirds", "one and a half"), or a fraction alone ("a quarter of",
  // "half the").
  const std::string fraction_re = fractions.empty() ? std::string("$^") : fractions;
  std::string number =
      absl::StrCat("((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|\\.\\d+)|(", q.number_words(),
                   ")(?:[\\s-]+(?:and[\\s-]+)?(?:(?:a|an)[\\s-]+)?\\b(", fraction_re,
                   ")\\b)?|((?:\\b(?:a|an)[\\s-]+)?\\b(?:", fraction_re, ")\\b)");
  impl->number = Compile(number);
  struct Field {
    const std::string& pattern;
    std::unique_ptr<RE2>* re;
    const char* name;
    bool case_sensitive;
  };
  const Field fields[] = {
      {q.identifier_before(), &impl->identifier_before, "identifier_before", false},
      {q.not_after(), &impl->not_after, "not_after", false},
      {q.score_before(), &impl->score_before, "score_before", false},
      {q.name_before(), &impl->name_before, "name_before", true},
      {q.not_counted(), &impl->not_counted, "not_counted", false},
      {q.clause_break(), &impl->clause_break, "clause_break", false},
      {q.age_before(), &impl->age_before, "age_before", false},
      {q.people_before(), &impl->people_before, "people_before", false},
      {q.people_after(), &impl->people_after, "people_after", false},
      {q.relative_after(), &impl->relative_after, "relative_after", false},
      {q.age_apposition_before(), &impl->age_apposition_before, "age_apposition_before", false},
      {q.age_apposition_after(), &impl->age_apposition_after, "age_apposition_after", false},
      {q.change_carries(), &impl->change_carries, "change_carries", false},
  };
  for (const Field& f : fields) {
    *f.re = Compile(f.pattern.empty() ? std::string("$^") : f.pattern, f.case_sensitive);
    if (!(*f.re)->ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("quantities.", f.name, ": ", (*f.re)->error()));
    }
  }
  if (!q.date_cue().empty()) {
    impl->date_cue = Compile(q.date_cue());
    if (!impl->date_cue->ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("quantities.date_cue: ", impl->date_cue->error()));
    }
  }
  if (!impl->number->ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("quantities.number_words: ", impl->number->error()));
  }
  return std::unique_ptr<QuantityTagger>(new QuantityTagger(std::move(impl)));
}

const Unit* QuantityTagger::FindUnit(absl::string_view name) const {
  auto it = impl_->units.find(name);
  return it == impl_->units.end() ? nullptr : it->second;
}

const Dimension* QuantityTagger::FindDimension(absl::string_view name) const {
  auto it = impl_->dimensions.find(name);
  return it == impl_->dimensions.end() ? nullptr : it->second;
}

double QuantityTagger::ToBase(double value, absl::string_view unit) const {
  const Unit* u = FindUnit(unit);
  if (u == nullptr) return value;
  return value * (u->factor() == 0 ? 1 : u->factor()) + u->offset();
}

std::vector<QuantityMention> QuantityTagger::Tag(absl::string_view text) const {
  return impl_->Tag(text);
}

std::string QuantityTagger::Impl::Lemma(absl::string_view word) const {
  std::string w = absl::AsciiStrToLower(word);
  for (absl::string_view possessive : {"'s", "’s", "'", "’"}) {
    if (absl::EndsWith(w, possessive) && w.size() > possessive.size()) {
      w.resize(w.size() - possessive.size());
      break;
    }
  }
  auto it = lemmas.find(w);
  if (it != lemmas.end()) return it->second;
  auto ends = [&](absl::string_view s) { return absl::EndsWith(w, s); };
  if (w.size() > 3 && ends("ies")) return absl::StrCat(w.substr(0, w.size() - 3), "y");
  if (w.size() > 3 &&
      (ends("sses") || ends("xes") || ends("zes") || ends("ches") || ends("shes"))) {
    return w.substr(0, w.size() - 2);
  }
  if (w.size() > 2 && ends("s") && !ends("ss") && !ends("us") && !ends("is") &&
      !(ends("as") && w.size() <= 5 && !ends("eas"))) {
    return w.substr(0, w.size() - 1);
  }
  return w;
}

std::vector<Number> QuantityTagger::Impl::Numbers(absl::string_view text, int s_begin,
                                                  int s_end) const {
  std::vector<Number> out;
  re2::StringPiece rest = Piece(text.substr(s_begin, s_end - s_begin));
  re2::StringPiece digits_piece, words_piece, fraction_piece, bare_piece;
  while (RE2::FindAndConsume(&rest, *number, &digits_piece, &words_piece, &fraction_piece,
                             &bare_piece)) {
    const absl::string_view digits = View(digits_piece), words = View(words_piece),
                            fraction = View(fraction_piece), bare = View(bare_piece);
    const char* start = nullptr;
    const char* stop = rest.data();
    for (absl::string_view g : {digits, words, bare}) {
      if (g.data() != nullptr && !g.empty()) start = g.data();
    }
    if (start == nullptr) continue;
    const int begin = static_cast<int>(start - text.data());
    const int end = static_cast<int>(stop - text.data());
    // A number glued into a word ("A320", "COVID19").
    if (!digits.empty() && begin > 0 &&
        absl::ascii_isalnum(static_cast<unsigned char>(text[begin - 1]))) {
      continue;
    }
    Number n;
    n.begin = begin;
    n.end = end;
    if (!digits.empty()) {
      std::string d = absl::StrReplaceAll(digits, {{",", ""}});
      if (absl::StartsWith(d, ".")) d = absl::StrCat("0", d);
      if (!absl::SimpleAtod(d, &n.value)) continue;
      n.integer = !absl::StrContains(d, '.');
      out.push_back(n);
      continue;
    }
    n.words = true;
    if (!bare.empty()) {
      // "a third of", "a quarter of", "half the": a fraction alone; a bare
      // "third" or "quarter" is an ordinal or a part of the year.
      std::string lower = absl::AsciiStrToLower(bare);
      std::vector<std::string> parts =
          absl::StrSplit(lower, absl::ByAnyChar(" -"), absl::SkipEmpty());
      auto it = fractions.find(parts.back());
      if (it == fractions.end()) continue;
      static const LazyRE2 kOf = {
          "^\\s+(?:of|the|a|an|its|their|his|her|our|this|that|these|those)\\b"};
      if (parts.size() == 1 && parts.back() != "half") continue;
      if (!Partial(text.substr(end), *kOf) && parts.back() != "half") continue;
      n.value = it->second;
      out.push_back(n);
      continue;
    }
    absl::StatusOr<double> v = parser->ParseCardinal(words);
    if (!v.ok()) continue;
    n.value = *v;
    if (!fraction.empty()) {
      auto it = fractions.find(absl::AsciiStrToLower(fraction));
      if (it == fractions.end()) continue;
      absl::string_view between(words.data() + words.size(),
                                fraction.data() - (words.data() + words.size()));
      const std::string b = absl::AsciiStrToLower(between);
      if (absl::StrContains(b, "and")) {
        n.value = *v + it->second;  // "two and a half"
      } else if (absl::EndsWith(absl::AsciiStrToLower(fraction), "s") || *v == 1) {
        n.value = *v * it->second;  // "two-thirds", "one-half"
      } else {
        // "one third" is 1/3, "two third" no fraction: keep the number.
        n.end = static_cast<int>(words.data() + words.size() - text.data());
      }
    }
    out.push_back(n);
  }
  return out;
}

std::string QuantityTagger::Impl::Change(absl::string_view text, const std::vector<Word>& words,
                                         int s_begin, int begin, int number_end, int end,
                                         const std::string& previous_change) const {
  std::string bound;
  // A bound right before the number ("more than", "about", "up to").
  absl::string_view left = text.substr(s_begin, begin - s_begin);
  std::string left_lower = absl::AsciiStrToLower(absl::StripTrailingAsciiWhitespace(left));
  int bound_begin = begin;
  for (const auto& [phrase, change] : bounds_before) {
    if (absl::EndsWith(left_lower, phrase)) {
      const size_t at = left_lower.size() - phrase.size();
      if (at == 0 || !IsWordByte(static_cast<unsigned char>(left_lower[at - 1]))) {
        bound = change;
        bound_begin = s_begin + static_cast<int>(at);
        break;
      }
    }
  }
  // After the number or after its unit ("20-plus victims", "20 or more").
  for (int from : {number_end, end}) {
    std::string right_lower = absl::AsciiStrToLower(text.substr(from, 24));
    for (const auto& [phrase, change] : bounds_after) {
      absl::string_view r(right_lower);
      if (phrase[0] != '-' && phrase[0] != '+') r = absl::StripLeadingAsciiWhitespace(r);
      if (absl::StartsWith(r, phrase) &&
          (r.size() == phrase.size() || !IsWordByte(static_cast<unsigned char>(r[phrase.size()])) ||
           !IsWordByte(static_cast<unsigned char>(phrase.back())))) {
        if (bound.empty()) bound = change;
        break;
      }
    }
  }
  // A direction: a rise or fall word a few words before ("rose 0.65 per
  // cent", "was down 3", "increased by 5", "fell to 4.1%"), or a noun after
  // ("a 5% rise").
  int index = 0;
  while (index < static_cast<int>(words.size()) && words[index].end <= begin) ++index;
  int seen = 0;
  for (int i = index - 1; i >= 0 && seen < 4; --i, ++seen) {
    const Word& w = words[i];
    if (w.end <= s_begin) break;
    if (w.begin >= bound_begin) continue;  // the bound's own words ("up to")
    auto it = directions_before.find(w.lower);
    // "up"/"down" alone are particles unless right before the number ("set
    // up 36 centres", "went down 3 miles off" vs "up 3%", "was down 2.1%").
    if (it != directions_before.end() && (w.lower == "up" || w.lower == "down") && seen > 0) {
      break;
    }
    if (it != directions_before.end()) return it->second;
    // "up from $100 million" is the earlier level; "has not lost in more
    // than four years" no fall.
    if (w.lower == "from" || w.lower == "in" || w.lower == "for" || w.lower == "over" ||
        w.lower == "during" || w.lower == "since" || w.lower == "at" || w.lower == "on" ||
        w.lower == "of") {
      break;
    }
    if (Full(w.lower, *clause_break)) break;
    if (absl::ascii_isdigit(static_cast<unsigned char>(w.lower[0]))) {
      // "rose 5 cents to $40.25": the level after a change changes too.
      if ((previous_change == "up" || previous_change == "down") && i + 1 < index &&
          words[i + 1].lower != "from") {
        bool to = false;
        for (int j = i + 1; j < index; ++j) to |= words[j].lower == "to";
        if (to) return previous_change;
      }
      break;
    }
    // Stop at punctuation between them.
    absl::string_view gap =
        text.substr(w.end, (i + 1 < index ? words[i + 1].begin : begin) - w.end);
    if (absl::StrContains(gap, ",") || absl::StrContains(gap, ";") || absl::StrContains(gap, "(")) {
      break;
    }
  }
  for (int i = index, n = 0; i < static_cast<int>(words.size()) && n < 2; ++i) {
    if (words[i].begin < end) continue;
    ++n;
    auto it = directions_after.find(words[i].lower);
    if (it != directions_after.end()) return it->second;
  }
  return bound.empty() ? "=" : bound;
}

std::string QuantityTagger::Impl::HeadWord(absl::string_view word) const {
  std::string lemma = Lemma(word);
  auto it = synonyms.find(lemma);
  return it == synonyms.end() ? lemma : it->second;
}

void QuantityTagger::Impl::Concept(absl::string_view text, const std::vector<Word>& words,
                                   int number_begin, bool counted, QuantityMention* m) const {
  const int n = static_cast<int>(words.size());
  // Words of the clause around the quantity.
  int first = 0;
  while (first < n && words[first].end <= number_begin) ++first;
  int after = first;
  while (after < n && words[after].begin < m->end()) ++after;
  auto word_text = [&](int i) {
    return std::string(text.substr(words[i].begin, words[i].end - words[i].begin));
  };
  auto clean = [&](int from, int to) {
    // Words [from, to), determiners dropped at the front.
    while (from < to && concept_drop.contains(words[from].lower)) ++from;
    std::vector<std::string> out;
    for (int i = from; i < to; ++i) out.push_back(word_text(i));
    return absl::StrJoin(out, " ");
  };
  auto is_number_word = [&](const Word& w) {
    return absl::ascii_isdigit(static_cast<unsigned char>(w.lower[0]));
  };
  auto breaks_before = [&](int i) {
    // Punctuation between words i-1 and i ends a clause.
    if (i <= 0) return true;
    absl::string_view gap = text.substr(words[i - 1].end, words[i].begin - words[i - 1].end);
    return absl::StrContains(gap, ",") || absl::StrContains(gap, ";") ||
           absl::StrContains(gap, ":") || absl::StrContains(gap, "(") ||
           absl::StrContains(gap, ")") || absl::StrContains(gap, "\"") ||
           absl::StrContains(gap, "—");
  };
  auto auxiliary = [](const std::string& w) {
    return w == "is" || w == "was" || w == "were" || w == "are" || w == "has" || w == "have" ||
           w == "had" || w == "will" || w == "would" || w == "be" || w == "been";
  };
  auto verbish = [&](const Word& w) {
    return directions_before.contains(w.lower) || Full(w.lower, *clause_break) ||
           auxiliary(w.lower) ||
           (w.lower.size() > 4 && absl::EndsWith(w.lower, "ed") && !w.capitalized);
  };
  // A word that can name the thing measured.
  auto content = [&](int i) {
    const Word& w = words[i];
    return !noun_stops.contains(w.lower) && !concept_drop.contains(w.lower) && !is_number_word(w) &&
           !verbish(w) && !measure_verbs.contains(w.lower) && !properties.contains(w.lower) &&
           !states.contains(w.lower) && w.lower.size() > 1 &&
           !(w.lower.size() > 4 && absl::EndsWith(w.lower, "ly"));
  };
  // An -ing word is a noun ("the office building is") when a verb, a bound
  // or the clause's end follows it, else a participle ("losses resulting
  // from", "a viaduct connecting the").
  auto participle = [&](int i) {
    const Word& w = words[i];
    if (w.lower.size() <= 5 || !absl::EndsWith(w.lower, "ing")) return false;
    if (i + 1 >= n || breaks_before(i + 1)) return false;
    const std::string& next = words[i + 1].lower;
    return !(auxiliary(next) || measure_verbs.contains(next) || is_number_word(words[i + 1]));
  };
  // The head of the noun phrase that starts at word `from` (before `to`):
  // its last content word before a preposition, participle or verb
  // ("the collective losses resulting from the blast" -> "loss").
  auto phrase_head = [&](int from, int to) -> std::string {
    while (from < to && concept_drop.contains(words[from].lower)) ++from;
    std::string head;
    for (int i = from; i < to; ++i) {
      if (i > from && breaks_before(i)) break;
      if (!content(i) || participle(i)) {
        if (noun_stops.contains(words[i].lower) || verbish(words[i]) ||
            measure_verbs.contains(words[i].lower) || !head.empty()) {
          break;
        }
        continue;
      }
      head = HeadWord(words[i].lower);
    }
    return head;
  };
  // The last content word of words [from, to), as a head.
  auto head_of = [&](int from, int to) -> std::string {
    for (int i = to - 1; i >= from; --i) {
      if (content(i) && !participle(i)) return HeadWord(words[i].lower);
    }
    return "";
  };
  // The capitalized words from word i on: a place ("from Colombo",
  // "west of Lebanon").
  auto place_at = [&](int i) -> std::string {
    while (i < n && concept_drop.contains(words[i].lower)) ++i;
    int j = i;
    while (j < n && j < i + 4 && words[j].capitalized && (j == i || !breaks_before(j))) ++j;
    if (j == i) return "";
    return std::string(text.substr(words[i].begin, words[j - 1].end - words[i].begin));
  };
  // 1. A noun right after a measure ("6.1-magnitude quake", "$1.2bn deal",
  //    "2,750 tonnes of ammonium nitrate"), or "in aid" after an amount; a
  //    property word first ("a 96-metre-high spire") is the property.
  std::string after_noun;
  std::string after_head;
  bool after_of = false;  // "2,750 tonnes of ammonium nitrate"
  // "a 200-metre section", "the 1,100-meter (3,600-foot) viaduct": the
  // measure is an adjective of the noun after it.
  const bool compound = m->end() - m->begin() > 1 && m->text().find('-') != std::string::npos &&
                        !absl::ascii_isdigit(static_cast<unsigned char>(m->text().back()));
  // "seven-year-old", "a 50-year-old bridge": an age.
  if (after > first && words[after - 1].lower == "old") m->set_property("age");
  // "58km (36 miles) south-west of Bandar Abbas", "a 6 million-euro ($6.8
  // million) renovation": what follows a conversion in parentheses
  // follows the measure.
  bool past_conversion = false;
  if (after < n) {
    absl::string_view gap = text.substr(m->end(), std::max(0, words[after].begin - m->end()));
    if (absl::StrContains(gap, "(")) {
      for (int j = after + 1; j < n && j <= after + 6; ++j) {
        absl::string_view g = text.substr(words[j - 1].end, words[j].begin - words[j - 1].end);
        if (absl::StrContains(g, ")")) {
          absl::string_view rest = absl::StripAsciiWhitespace(g.substr(g.find(')') + 1));
          if (rest.empty()) {
            after = j;
            past_conversion = true;
          }
          break;
        }
      }
    }
  }
  if (!counted && after < n && (past_conversion || !breaks_before(after))) {
    int i = after;
    if (auto p = properties.find(words[i].lower); p != properties.end() && i + 1 < n &&
                                                  !breaks_before(i + 1) &&
                                                  text[words[i].begin - 1] == '-') {
      m->set_property(p->second);
      ++i;
    }
    if (i < n && (words[i].lower == "in" || words[i].lower == "of")) {
      after_of = true;
      ++i;
      while (i < n && concept_drop.contains(words[i].lower)) ++i;  // "of the vote"
    }
    int j = i;
    while (j < n && j < i + 3 && !noun_stops.contains(words[j].lower) && !verbish(words[j]) &&
           !is_number_word(words[j]) && (j == i || !breaks_before(j))) {
      ++j;
    }
    if (j > i) {
      after_noun = clean(i, j);
      after_head = phrase_head(i, j);
    }
  }
  // 2. A property or place after a measure: "43 metres deep", "40 km from
  //    the capital", "10km away", "325 kilometres east of Colombo".
  std::string where;
  bool rate = false;
  if (!counted && after < n && m->property().empty()) {
    int i = after;
    rate = RateWord(words[i].lower);
    if (auto p = properties.find(words[i].lower); p != properties.end() || rate) {
      if (!rate) m->set_property(p->second);
      int j = i + 1;
      while (j < n && j < i + 5 && !breaks_before(j) && !is_number_word(words[j]) &&
             !Full(words[j].lower, *clause_break)) {
        ++j;
      }
      where = std::string(text.substr(words[i].begin, words[j - 1].end - words[i].begin));
      if (rate) where.clear();
      // The place a distance is from.
      for (int k = i; k < j && k < i + 3 && !rate; ++k) {
        if (words[k].lower == "from" || words[k].lower == "of" || words[k].lower == "off" ||
            words[k].lower == "to") {
          m->set_place(place_at(k + 1));
          break;
        }
      }
    }
  }
  // 3. "a depth of 10 km", "a toll of 30": the noun before "of" (a property
  //    word there is the property).
  std::string of_noun;
  std::string of_head;
  int k = first - 1;
  while (k >= 0 && words[k].end > m->begin()) --k;  // words inside the span
  // ("a portion of about 100 metres": past the bound.)
  int of = k;
  while (of >= 1 && words[of].lower != "of" && IsBoundWord(words[of].lower) &&
         !breaks_before(of + 1)) {
    --of;
  }
  if (of >= 1 && words[of].lower == "of" && !breaks_before(of) && !breaks_before(of + 1)) {
    int j = of - 1;
    while (j >= 0 && j > of - 3 && !noun_stops.contains(words[j].lower) && !verbish(words[j]) &&
           (j == of - 1 || !breaks_before(j + 1))) {
      --j;
    }
    if (j < of - 1) {
      of_noun = clean(j + 1, of);
      if (auto p = properties.find(words[of - 1].lower);
          p != properties.end() && m->property().empty()) {
        m->set_property(p->second);
      } else if (!compound) {
        of_head = head_of(j + 1, of);
      }
    }
  }
  // 4. The counted noun and what happened to it: "people killed",
  //    "arrested ... people", "people made homeless".
  std::string verb;
  if (counted) {
    for (int i = after; i < n && i < after + 4; ++i) {
      if (breaks_before(i) && i != after) break;
      if (words[i].lower == "were" || words[i].lower == "was" || words[i].lower == "have" ||
          words[i].lower == "had" || words[i].lower == "been" || words[i].lower == "are") {
        continue;
      }
      if (words[i].lower.size() > 3 &&
          (absl::EndsWith(words[i].lower, "ed") || words[i].lower == "dead" ||
           words[i].lower == "hurt" || words[i].lower == "missing" ||
           absl::EndsWith(words[i].lower, "en"))) {
        verb = word_text(i);
      }
      break;
    }
    if (verb.empty()) {
      for (int i = k; i >= 0 && i > k - 4; --i) {
        if (i < 0 || breaks_before(i + 1)) break;
        if (verbish(words[i]) && !Full(words[i].lower, *clause_break) &&
            !auxiliary(words[i].lower)) {
          verb = word_text(i);
          break;
        }
      }
    }
    // The state: the counted noun itself ("300,000 homeless"), a word
    // after it in its clause ("people made homeless", "people still
    // missing", "58 people into detention"), or the verb before the number
    // ("arrested 40 people").
    std::string state;
    for (int i = first; i < after && state.empty(); ++i) {
      if (auto s = states.find(words[i].lower); s != states.end()) state = s->second;
    }
    for (int i = after; i < n && i < after + 5 && state.empty(); ++i) {
      if (breaks_before(i)) break;
      // ("nine foreign nationals are reported missing": a reporting verb
      // after an auxiliary does not start a clause.)
      if (Full(words[i].lower, *clause_break) && !(i > after && auxiliary(words[i - 1].lower))) {
        break;
      }
      if (auto s = states.find(words[i].lower); s != states.end()) state = s->second;
    }
    for (int i = k; i >= 0 && i > k - 4 && state.empty(); --i) {
      if (auto s = states.find(words[i].lower); s != states.end()) state = s->second;
      if (breaks_before(i)) break;
    }
    m->set_state(state);
    // "141,000 vehicles per day" is a rate, not a count of vehicles.
    const bool per = after < n && RateWord(words[after].lower) && after + 1 < n &&
                     words[after + 1].lower != "few";
    if (m->dimension() == "count" && !m->unit().empty() && !per) {
      m->set_head(HeadWord(m->unit()));
    }
  }
  // 5. The subject: the words that open the clause, up to its verb.
  std::string subject;
  std::string subject_head;
  if (of_noun.empty() || !counted) {
    int start = k;
    while (start >= 0 && !breaks_before(start + 1) && !Full(words[start].lower, *clause_break)) {
      --start;
    }
    ++start;
    int stop = start;
    while (
        stop <= k && !verbish(words[stop]) && !is_number_word(words[stop]) &&
        (!measure_verbs.contains(words[stop].lower) || concept_drop.contains(words[stop].lower)) &&
        stop < start + 6) {
      ++stop;
    }
    if (stop > start && stop <= k + 1) subject = clean(start, stop);
    // A subject that is only function words says nothing.
    bool has_content = false;
    for (int i = start; i < stop; ++i) {
      has_content |= !noun_stops.contains(words[i].lower) && !concept_drop.contains(words[i].lower);
    }
    if (!has_content) subject.clear();
    // The subject is what the measure is of when only a linking verb and
    // bound words stand between them ("The crater is about 43 metres deep",
    // "the collective losses may reach $15 billion").
    bool linked = stop > start && stop <= k + 1;
    for (int i = stop; i <= k && linked; ++i) {
      linked = measure_verbs.contains(words[i].lower) || auxiliary(words[i].lower);
    }
    // What stands right before the number, past its bound words: a noun
    // is the thing measured ("a crater about 43 metres deep", "a major
    // viaduct 1,182 metres long"); a linking verb makes it the clause's
    // subject; anything else ("won 38.5%", "seen ... 207 km") neither.
    int before = k;
    while (before >= 0 && words[before].lower != "of" && IsBoundWord(words[before].lower)) {
      --before;
    }
    if (before >= 0 && before >= start && !breaks_before(before + 1) && content(before) &&
        !(words[before].lower.size() > 5 && absl::EndsWith(words[before].lower, "ing"))) {
      subject_head = HeadWord(words[before].lower);
    } else if (linked && !subject.empty() && before >= start &&
               (measure_verbs.contains(words[before].lower) || auxiliary(words[before].lower))) {
      subject_head = phrase_head(start, stop);
    }
  }
  std::vector<std::string> concept;
  auto add = [&](const std::string& s) {
    if (!s.empty() && std::find(concept.begin(), concept.end(), s) == concept.end()) {
      concept.push_back(s);
    }
  };
  if (counted) {
    std::string noun;
    // The counted noun as written: the span's words after the number.
    for (int i = first; i < after; ++i) {
      if (words[i].begin >= m->begin() && !is_number_word(words[i]) &&
          !fractions.contains(words[i].lower)) {
        noun = word_text(i);
      }
    }
    if (noun.empty() && !m->unit().empty()) noun = m->unit();
    add(of_noun);
    add(noun);
    add(verb);
    if (of_noun.empty() && noun.empty()) add(subject);
  } else {
    add(subject);
    add(of_noun);
    add(after_noun);
    add(where);
    // What is measured: the noun after the measure, the noun before its
    // "of", the clause's subject when a linking verb joins them. A rate
    // ("$65 a tonne", "141,000 vehicles per day") is of nothing here.
    // "a portion of about 100 metres of the bridge" measures the portion.
    if (!rate) {
      const bool of_part = part_nouns.contains(of_head);
      m->set_head(!after_head.empty() && !after_of ? after_head
                  : of_part                        ? of_head
                  : !after_head.empty()            ? after_head
                  : !of_head.empty()               ? of_head
                                                   : subject_head);
    }
  }
  m->set_concept(absl::StrJoin(concept, " "));
}

std::vector<QuantityMention> QuantityTagger::Impl::Tag(absl::string_view text) const {
  std::vector<QuantityMention> out;
  // Dates and times of day are time expressions, not quantities.
  std::vector<std::pair<int, int>> dates;
  if (date_cue == nullptr || Partial(text, *date_cue)) {
    for (const Timex& t : timex->Tag(text, absl::CivilDay(2000, 1, 1))) {
      if (t.type != "DURATION") dates.push_back({t.begin, t.end});
    }
  }
  // Sentences: a line, or text up to a period, question or exclamation mark
  // followed by a space and an upper-case letter or quote.
  int s_begin = 0;
  const int n = static_cast<int>(text.size());
  for (int i = 0; i <= n; ++i) {
    bool stop = i == n || text[i] == '\n';
    if (!stop && (text[i] == '.' || text[i] == '!' || text[i] == '?') && i + 2 < n &&
        text[i + 1] == ' ' &&
        (absl::ascii_isupper(static_cast<unsigned char>(text[i + 2])) || text[i + 2] == '"')) {
      // Not after a single capital ("U.S. Army", "J. Smith").
      const bool initial =
          i >= 1 && absl::ascii_isupper(static_cast<unsigned char>(text[i - 1])) &&
          (i < 2 || !IsWordByte(static_cast<unsigned char>(text[i - 2])) || text[i - 2] == '.');
      if (!initial) {
        TagSentence(text, s_begin, i + 1, dates, &out);
        s_begin = i + 2;
      }
      continue;
    }
    if (stop) {
      if (i > s_begin) TagSentence(text, s_begin, i, dates, &out);
      s_begin = i + 1;
    }
  }
  return out;
}

void QuantityTagger::Impl::TagSentence(absl::string_view text, int s_begin, int s_end,
                                       const std::vector<std::pair<int, int>>& dates,
                                       std::vector<QuantityMention>* out) const {
  std::vector<Number> numbers = Numbers(text, s_begin, s_end);
  if (numbers.empty()) return;
  // Words of the sentence: a letter or digit, then letters, digits and
  // inner apostrophes, ampersands and periods ("O'Brien", "AT&T", "U.S"),
  // ending on a letter or digit; or one of % $ € £ alone. (Scanned by
  // hand: a regex call per word cost more than the rest of the tagger.)
  std::vector<Word> words = Words(text, s_begin, s_end);
  auto in_date = [&](int b, int e) {
    for (const auto& [db, de] : dates) {
      if (b < de && db < e) return true;
    }
    return false;
  };
  auto before_text = [&](int pos, int span) {
    const int from = std::max(s_begin, pos - span);
    return text.substr(from, pos - from);
  };
  std::string previous_change;
  std::string previous_count_unit;
  int previous_end = -1;
  int skip_until = -1;
  // A rejected number takes the numbers joined to it by dashes along
  // ("Boeing 737-800", "9-1-1", "27/09/2013").
  auto reject_chain = [&](int from) {
    static const LazyRE2 kChain = {"^(?:\\s*[-–/]\\s*\\d+)+"};
    re2::StringPiece rest = Piece(text.substr(from, s_end - from));
    if (RE2::Consume(&rest, *kChain)) skip_until = static_cast<int>(rest.data() - text.data());
  };
  for (size_t ni = 0; ni < numbers.size(); ++ni) {
    const Number& num = numbers[ni];
    if (num.begin < skip_until) continue;
    if (in_date(num.begin, num.end)) continue;
    // A time of day, a date or a ratio written with ':' or '/'.
    {
      static const LazyRE2 kTimeBefore = {"\\d\\s?[:/.]\\s?$"};
      static const LazyRE2 kTimeAfter = {"^\\s?[:/]\\s?\\d"};
      if (Partial(before_text(num.begin, 6), *kTimeBefore) && !num.words &&
          text[num.begin - 1] != '.') {
        continue;
      }
      if (Partial(text.substr(num.end, std::min<int>(8, text.size() - num.end)), *kTimeAfter)) {
        reject_chain(num.end);
        continue;
      }
    }
    absl::string_view left = before_text(num.begin, 48);
    QuantityMention m;
    m.set_begin(num.begin);
    m.set_end(num.end);
    m.set_value(num.value);
    // A unit or currency written before the number ("$20", "magnitude 6.1").
    {
      absl::string_view l = left;
      absl::string_view trimmed = absl::StripTrailingAsciiWhitespace(l);
      if (absl::EndsWith(trimmed, "-")) trimmed.remove_suffix(1);
      trimmed = absl::StripTrailingAsciiWhitespace(trimmed);
      for (const Alias& a : before) {
        if (trimmed.size() < a.text.size()) continue;
        absl::string_view tail = trimmed.substr(trimmed.size() - a.text.size());
        if (!absl::EqualsIgnoreCase(tail, a.text)) continue;
        const size_t at = trimmed.size() - a.text.size();
        if (IsWordByte(static_cast<unsigned char>(a.text[0])) && at > 0 &&
            IsWordByte(static_cast<unsigned char>(trimmed[at - 1]))) {
          continue;
        }
        // A symbol must touch the number or be one space away.
        if (num.begin - static_cast<int>(tail.data() + tail.size() - text.data()) > 2) continue;
        m.set_unit(a.unit);
        m.set_dimension(a.dimension);
        m.set_begin(static_cast<int>(tail.data() - text.data()));
        break;
      }
    }
    const bool money = m.dimension() == "money";
    if (m.unit().empty()) {
      // Identifiers, names with digits, glued letters.
      if (Partial(left, *identifier_before) || Partial(left, *name_before)) {
        reject_chain(num.end);
        continue;
      }
    }
    {
      static const LazyRE2 kDashNumber = {"^\\s*[-–]\\s*\\d"};
      if (!num.words && Partial(text.substr(num.end), *kDashNumber) &&
          Partial(left, *score_before)) {
        if (ni + 1 < numbers.size()) skip_until = numbers[ni + 1].end;
        continue;
      }
    }
    // Scale words: "2.75 million", "$1.2bn", "5m" after a currency.
    int end = num.end;
    {
      static const LazyRE2 kScale = {"^[\\s-]*([A-Za-z]+)\\b"};
      absl::string_view rest = text.substr(end);
      absl::string_view word;
      if (!num.words && Partial(rest, *kScale, &word)) {
        std::string lower = absl::AsciiStrToLower(word);
        auto it = scales.find(lower);
        const bool short_form = lower.size() <= 2;
        if (it != scales.end() && lower != "dozen" && (!short_form || money || lower == "bn")) {
          m.set_value(m.value() * it->second);
          end = static_cast<int>(word.data() + word.size() - text.data());
        }
      }
    }
    // A range: "3-5", "20 to 30", "between 20 and 30", "$5-10 million".
    const Number* high = nullptr;
    int high_end = 0;
    double high_value = 0;
    if (ni + 1 < numbers.size()) {
      const Number& next = numbers[ni + 1];
      absl::string_view gap = text.substr(end, std::max(0, next.begin - end));
      static const LazyRE2 kRangeGap = {"^\\s*(?:-|–|—|to|and)\\s*(?:\\$|€|£)?\\s*$"};
      static const LazyRE2 kFrom = {"\\b(?:from|by|of)\\s*$"};
      const bool between =
          absl::EndsWithIgnoreCase(absl::StripTrailingAsciiWhitespace(left), "between");
      std::string g = absl::AsciiStrToLower(gap);
      const bool is_and = absl::StrContains(g, "and");
      if (next.begin >= end && Full(gap, *kRangeGap) && (!is_and || between) &&
          !Partial(left, *kFrom) && !in_date(next.begin, next.end)) {
        high_value = next.value;
        high_end = next.end;
        static const LazyRE2 kScale = {"^[\\s-]*([A-Za-z]+)\\b"};
        absl::string_view rest = text.substr(next.end);
        absl::string_view word;
        double scale = 1;
        if (!next.words && Partial(rest, *kScale, &word)) {
          std::string lower = absl::AsciiStrToLower(word);
          auto it = scales.find(lower);
          if (it != scales.end() && lower != "dozen" &&
              (lower.size() > 2 || money || lower == "bn")) {
            scale = it->second;
            high_end = static_cast<int>(word.data() + word.size() - text.data());
          }
        }
        high_value *= scale;
        double low = m.value();
        if (scale != 1 && end == num.end) low *= scale;  // "$5-10 million"
        if (high_value > low) {
          high = &next;
          m.set_value(low);
        } else if (!absl::StrContains(g, "to") && !is_and && num.integer && next.integer) {
          // "3-1", "2-2": a score or a record, not a range.
          skip_until = next.end;
          continue;
        }
      }
    }
    if (high != nullptr) {
      m.set_range(true);
      m.set_value_high(high_value);
      end = high_end;
      skip_until = high->end;
    }
    // The unit after the number: "40 km", "6.1-magnitude", "5%", "20 million euros".
    bool counted = false;
    if (m.unit().empty() || money) {
      absl::string_view rest = text.substr(end);
      size_t skip = 0;
      while (skip < rest.size() && (rest[skip] == ' ' || rest[skip] == '-' ||
                                    rest[skip] == '\xc2' /* nbsp lead byte */)) {
        if (rest[skip] == '\xc2') {
          if (skip + 1 < rest.size() && rest[skip + 1] == '\xa0') {
            skip += 2;
            continue;
          }
          break;
        }
        ++skip;
      }
      absl::string_view r = rest.substr(skip);
      for (const Alias& a : after) {
        if (!StartsWithAlias(r, a) || !EndsWord(r, a.text.size(), a.text)) continue;
        if (money && a.dimension != "money") break;
        if (!m.unit().empty() && a.unit != m.unit()) break;
        // A one-letter unit must touch the number ("40C", "5m"), not stand
        // as a word ("5 m" is rare, "5 C" rarer).
        if (a.text.size() == 1 && IsWordByte(static_cast<unsigned char>(a.text[0])) && skip > 0) {
          continue;
        }
        m.set_unit(a.unit);
        m.set_dimension(a.dimension);
        end = static_cast<int>(r.data() + a.text.size() - text.data());
        break;
      }
    }
    // Ages: "35-year-old", "aged 52".
    if (m.unit() == "year") {
      static const LazyRE2 kOld = {"^-?\\s*(?:old|olds)\\b"};
      absl::string_view rest = text.substr(end);
      re2::StringPiece tail = Piece(rest);
      if (RE2::Consume(&tail, *kOld)) end = static_cast<int>(tail.data() - text.data());
    }
    if (m.unit().empty() && Partial(left, *age_before)) {
      m.set_unit("year");
      m.set_dimension("time span");
    }
    if (m.unit().empty() && num.integer && !m.range() && num.value < 130 &&
        Partial(left, *age_apposition_before) &&
        Partial(text.substr(end, std::min<int>(12, s_end - end)), *age_apposition_after)) {
      m.set_unit("year");
      m.set_dimension("time span");
    }
    // What follows the number itself may show it is no quantity: "1st",
    // "9 a.m.", "0912 GMT", "76ers", "9-1-1", "12-gauge" (unless a unit or
    // scale glued to it was read: "5km", "1.2bn", "40C").
    const bool glued = end > num.end && text[num.end] != ' ';
    if (!glued &&
        Partial(text.substr(num.end, std::min<int>(40, text.size() - num.end)), *not_after)) {
      reject_chain(num.end);
      continue;
    }
    // A number written with a leading zero is a code, a time or a date part
    // ("0800", "06").
    if (num.integer && num.end - num.begin >= 2 && text[num.begin] == '0') {
      reject_chain(num.end);
      continue;
    }
    // Counted nouns: "300 children", "eight other defendants", "30 of the passengers".
    const bool fraction = num.words && num.value < 1;
    if (m.unit().empty() && fraction) {
      counted = true;
    } else if (m.unit().empty()) {
      int w = 0;
      while (w < static_cast<int>(words.size()) && words[w].begin < end) ++w;
      int i = w;
      // "30 of the passengers", not "two of them".
      if (i < static_cast<int>(words.size()) && words[i].lower == "of" &&
          text.substr(end, words[i].begin - end).find_first_not_of(" ") == std::string::npos) {
        int j = i + 1;
        if (j < static_cast<int>(words.size()) &&
            (words[j].lower == "the" || words[j].lower == "its" || words[j].lower == "their" ||
             words[j].lower == "his" || words[j].lower == "her" || words[j].lower == "those")) {
          ++j;
        }
        i = j;
      }
      // "20-plus victims", "40-odd people": the bound is no noun.
      while (i < static_cast<int>(words.size()) &&
             std::any_of(bounds_after.begin(), bounds_after.end(), [&](const auto& b) {
               return b.first == words[i].lower || b.first == absl::StrCat("-", words[i].lower);
             })) {
        ++i;
      }
      int noun = -1;
      // "125-seat legislature", "four-book series": the word glued by a
      // hyphen is what is counted.
      if (i < static_cast<int>(words.size()) && end < static_cast<int>(text.size()) && i == w &&
          text[end] == '-' && words[i].begin == end + 1 && !noun_stops.contains(words[i].lower) &&
          !Full(words[i].lower, *not_counted)) {
        noun = i;
      }
      for (int j = i; noun < 0 && j < static_cast<int>(words.size()) && j < i + 4; ++j) {
        const Word& word = words[j];
        absl::string_view gap = text.substr(j == w ? end : words[j - 1].end,
                                            word.begin - (j == w ? end : words[j - 1].end));
        if (gap.find_first_not_of(" -") != absl::string_view::npos) break;
        if (noun_stops.contains(word.lower) || Full(word.lower, *not_counted) ||
            absl::ascii_isdigit(static_cast<unsigned char>(word.lower[0])) ||
            Full(word.lower, *number)) {
          break;
        }
        // A participle is no thing counted ("126 needed", "10,000 reported").
        if (word.lower.size() > 4 && absl::EndsWith(word.lower, "ed")) break;
        if (word.lower.size() > 4 && absl::EndsWith(word.lower, "ing") && noun >= 0) break;
        const bool next_is_content =
            j + 1 < static_cast<int>(words.size()) && j + 1 < i + 4 &&
            text.substr(word.end, words[j + 1].begin - word.end).find_first_not_of(" -") ==
                absl::string_view::npos &&
            !noun_stops.contains(words[j + 1].lower) && !Full(words[j + 1].lower, *not_counted) &&
            !(words[j + 1].lower.size() > 4 && absl::EndsWith(words[j + 1].lower, "ed"));
        // A name or a demonym modifies what follows ("8.5 million Windows
        // devices", "three Texas counties"); alone, a plural one is counted
        // ("three Americans").
        if (word.capitalized && j > 0) {
          if (next_is_content) continue;
          if (Lemma(word.lower) == word.lower || absl::EndsWith(word.lower, "as")) break;
          noun = j;
          break;
        }
        const std::string lemma = Lemma(word.lower);
        const bool plural = lemma != word.lower || lemmas.contains(word.lower);
        if (plural && !(next_is_content && lemmas.contains(word.lower) &&
                        Lemma(words[j + 1].lower) != words[j + 1].lower)) {
          noun = j;
          break;
        }
        if (!next_is_content) {
          noun = j;
          break;
        }
      }
      if (noun >= 0) {
        m.set_unit(Lemma(words[noun].lower));
        m.set_dimension("count");
        end = words[noun].end;
        counted = true;
      } else {
        absl::string_view right = text.substr(end, std::min<int>(40, s_end - end));
        if (Partial(left, *people_before) || Partial(right, *people_after)) {
          m.set_unit("person");
          m.set_dimension("count");
          counted = true;
        } else if (!previous_count_unit.empty() &&
                   absl::StrContains(absl::AsciiStrToLower(left), " and ")) {
          m.set_unit(previous_count_unit);
          m.set_dimension("count");
          counted = true;
        } else {
          m.set_dimension("count");
          counted = true;
        }
      }
    }
    // A length of time that dates something: "three days ago", "two weeks later".
    if (m.dimension() == "time span" &&
        Partial(text.substr(end, std::min<int>(40, text.size() - end)), *relative_after)) {
      continue;
    }
    // A bare pair of whole numbers with nothing counted is a record or a
    // score ("9-14", "2-8"), not a range.
    if (m.range() && m.unit().empty() && num.integer) continue;
    // A year in words ("nineteen ninety-four").
    if (num.words && m.unit().empty() && num.value >= 1100 && num.value <= 2099) continue;
    // "one-sided", "one-time": an adjective, not a count.
    if (num.words && num.value == 1 && num.end < static_cast<int>(text.size()) &&
        text[num.end] == '-' && m.dimension() == "count") {
      continue;
    }
    // A bare number right after a name is part of it ("Oregon 214",
    // "SportsCenter 5").
    if (m.unit().empty() && !num.words && !m.range()) {
      static const LazyRE2 kNameBefore = {"(?:^|[^.!?\"“:]\\s)(?-i:[A-Z][\\pL&]+) $"};
      if (Partial(before_text(num.begin, 40), *kNameBefore) &&
          !Partial(before_text(num.begin, 40), *age_before)) {
        continue;
      }
    }
    // Bare years: four digits from 1000 to 2099 without a unit.
    if (num.integer && m.unit().empty() && num.value >= 1000 && num.value <= 2099 &&
        num.end - num.begin == 4) {
      continue;
    }
    // "one" alone is a pronoun ("no one", "one of them", "one of the
    // guards") unless it counts a noun ("one man").
    if (num.words && num.value == 1 && !m.range()) {
      static const LazyRE2 kOneOf = {"^\\s+of\\b"};
      if (m.unit().empty() || Partial(text.substr(num.end), *kOneOf)) continue;
    }
    // "half" alone counts nothing unless "of"/"a"/"the" follows.
    m.set_end(end);
    m.set_text(std::string(text.substr(m.begin(), m.end() - m.begin())));
    m.set_change(Change(text, words, s_begin, m.begin(), num.end, m.end(), previous_change));
    if (m.change() == "=" && (previous_change == "up" || previous_change == "down") &&
        previous_end >= 0 &&
        Full(text.substr(previous_end, std::max(0, static_cast<int>(m.begin()) - previous_end)),
             *change_carries)) {
      m.set_change(previous_change);
    }
    previous_end = m.end();
    Concept(text, words, num.begin, counted, &m);
    if (counted && !m.unit().empty()) previous_count_unit = m.unit();
    previous_change = m.change();
    out->push_back(std::move(m));
  }
}

std::string QuantityExampleString(const QuantityMention& q) {
  std::string value = FormatNumber(q.value());
  if (q.range()) absl::StrAppend(&value, "-", FormatNumber(q.value_high()));
  return absl::StrCat(value, " ", q.unit().empty() ? "-" : q.unit(), " ", q.change());
}

absl::Status TagQuantityJsonLinesFile(const QuantityTagger& tagger, const std::string& path,
                                      absl::FunctionRef<absl::Status(absl::string_view)> sink) {
  QuantityDocumentIn doc;
  return ForEachJsonLine(
      path, "expected one JSON object {\"id\", \"text\"} per line", &doc,
      [&](const std::string&) -> absl::Status {
        rapidjson::StringBuffer buffer;
        rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
        w.StartObject();
        w.Key("id");
        w.String(doc.id().data(), static_cast<rapidjson::SizeType>(doc.id().size()));
        w.Key("quantities");
        w.StartArray();
        for (const QuantityMention& q : tagger.Tag(doc.text())) {
          w.StartObject();
          w.Key("begin");
          w.Int(q.begin());
          w.Key("end");
          w.Int(q.end());
          w.Key("text");
          w.String(q.text().data(), static_cast<rapidjson::SizeType>(q.text().size()));
          w.Key("value");
          if (q.range()) {
            w.StartArray();
            w.Double(q.value());
            w.Double(q.value_high());
            w.EndArray();
          } else {
            w.Double(q.value());
          }
          for (const auto& [key, value] :
               {std::pair<const char*, const std::string*>{"unit", &q.unit()},
                {"dimension", &q.dimension()},
                {"change", &q.change()},
                {"concept", &q.concept()}}) {
            w.Key(key);
            w.String(value->data(), static_cast<rapidjson::SizeType>(value->size()));
          }
          // The concept's parts, when the sentence gives them.
          for (const auto& [key, value] :
               {std::pair<const char*, const std::string*>{"head", &q.head()},
                {"property", &q.property()},
                {"state", &q.state()},
                {"place", &q.place()}}) {
            if (value->empty()) continue;
            w.Key(key);
            w.String(value->data(), static_cast<rapidjson::SizeType>(value->size()));
          }
          w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        std::string json(buffer.GetString(), buffer.GetSize());
        json.push_back('\n');
        return sink(json);
      });
}

}  // namespace crosscheck
