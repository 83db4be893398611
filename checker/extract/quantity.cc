#include "checker/extract/quantity.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "checker/base/status_macros.h"
#include "checker/base/text_fold.h"
#include "unicode/fmtable.h"
#include "unicode/locid.h"
#include "unicode/parsepos.h"
#include "unicode/rbnf.h"
#include "unicode/unistr.h"

namespace crosscheck {
namespace {

// ICU formatters are not thread-safe to share: one per thread.
icu::RuleBasedNumberFormat* SpellOut() {
  thread_local std::unique_ptr<icu::RuleBasedNumberFormat> format = [] {
    UErrorCode status = U_ZERO_ERROR;
    auto f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT,
                                                          icu::Locale::getEnglish(), status);
    if (U_FAILURE(status)) return std::unique_ptr<icu::RuleBasedNumberFormat>();
    f->setLenient(true);
    return f;
  }();
  return format.get();
}

absl::StatusOr<double> ParseSpelledOutUncached(absl::string_view words);

// Parses number words with ICU ("twenty-one", "one hundred twenty"). News
// repeats a few number words endlessly, and ICU's lenient parse is slow
// (7% of extraction): answers are remembered per thread, up to a bound.
absl::StatusOr<double> ParseSpelledOut(absl::string_view words) {
  constexpr size_t kMaxRemembered = 1 << 14;
  thread_local absl::flat_hash_map<std::string, absl::StatusOr<double>> remembered;
  auto it = remembered.find(words);
  if (it != remembered.end()) return it->second;
  absl::StatusOr<double> value = ParseSpelledOutUncached(words);
  if (remembered.size() >= kMaxRemembered) remembered.clear();
  remembered.emplace(std::string(words), value);
  return value;
}

absl::StatusOr<double> ParseSpelledOutUncached(absl::string_view words) {
  icu::RuleBasedNumberFormat* format = SpellOut();
  if (format == nullptr) return absl::InternalError("ICU spell-out unavailable");
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(words.data(), static_cast<int32_t>(words.size())));
  icu::Formattable result;
  icu::ParsePosition pos(0);
  format->parse(u, result, pos);
  if (pos.getIndex() != u.length() || pos.getErrorIndex() >= 0) {
    return absl::InvalidArgumentError(absl::StrCat("not a number: '", words, "'"));
  }
  UErrorCode status = U_ZERO_ERROR;
  double value = result.getDouble(status);
  if (U_FAILURE(status)) {
    return absl::InvalidArgumentError(absl::StrCat("not a number: '", words, "'"));
  }
  return value;
}

std::string FormatNumber(double v) {
  if (std::isinf(v)) return "inf";
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    return absl::StrCat(static_cast<long long>(v));
  }
  return absl::StrCat(v);
}

}  // namespace

QuantityParser::QuantityParser(const RuleSet& rules) {
  for (const QualifierWord& q : rules.qualifiers()) {
    qualifiers_.emplace_back(FoldForMatching(q.phrase()), &q);
  }
  std::stable_sort(qualifiers_.begin(), qualifiers_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (const NumberWord& w : rules.number_words()) {
    words_[FoldForMatching(w.word())] = &w;
  }
  for (const Currency& c : rules.currencies()) {
    for (const std::string& s : c.symbols()) {
      currency_symbols_.emplace_back(FoldForMatching(s), c.code());
    }
    for (const std::string& w : c.words()) {
      currency_words_.emplace_back(FoldForMatching(w), c.code());
    }
  }
  auto longest_first = [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); };
  std::stable_sort(currency_symbols_.begin(), currency_symbols_.end(), longest_first);
  std::stable_sort(currency_words_.begin(), currency_words_.end(), longest_first);
}

absl::StatusOr<double> QuantityParser::ParseCardinal(absl::string_view text) const {
  std::string folded = FoldForMatching(text);
  absl::string_view rest(folded);
  if (rest == "a" || rest == "an" || rest == "one") return 1.0;
  // Split off trailing scale words: "3 million", "two dozen".
  std::vector<std::string> tokens =
      absl::StrSplit(folded, absl::ByAnyChar(" -"), absl::SkipEmpty());
  if (tokens.empty()) return absl::InvalidArgumentError("empty number");
  double scale = 1;
  while (tokens.size() > 1) {
    auto it = words_.find(tokens.back());
    if (it == words_.end() || !it->second->scale()) break;
    // Only strip scales ICU would not read ("dozen"), or any scale after digits.
    bool leading_digits = absl::ascii_isdigit(tokens.front()[0]);
    if (!leading_digits && tokens.back() != "dozen") break;
    scale *= it->second->value();
    tokens.pop_back();
  }
  // "a hundred", "a million": "a" before scale words is one.
  if (tokens.size() >= 2 && (tokens.front() == "a" || tokens.front() == "an")) {
    double product = 1;
    bool all_scales = true;
    for (size_t i = 1; i < tokens.size(); ++i) {
      auto it = words_.find(tokens[i]);
      all_scales &= it != words_.end() && it->second->scale();
      if (all_scales) product *= it->second->value();
    }
    if (all_scales) return product * scale;
  }
  if (tokens.size() == 1) {
    std::string t = absl::StrReplaceAll(tokens[0], {{",", ""}});
    double v;
    if (absl::SimpleAtod(t, &v)) return v * scale;
    if (t == "a" || t == "an") return scale;
    auto it = words_.find(t);
    if (it != words_.end() && it->second->vague_upper() == 0) {
      return it->second->value() * scale;
    }
  }
  ASSIGN_OR_RETURN(double spelled, ParseSpelledOut(absl::StrJoin(tokens, " ")));
  return spelled * scale;
}

absl::StatusOr<Quantity> QuantityParser::Parse(absl::string_view text) const {
  std::string folded = FoldForMatching(text);
  absl::string_view rest(folded);
  Quantity q;
  q.set_qualifier(QUALIFIER_EXACT);
  double spread = 0;
  for (const auto& [phrase, word] : qualifiers_) {
    absl::string_view after = rest;
    if (absl::ConsumePrefix(&after, phrase) && (after.empty() || after.front() == ' ')) {
      rest = absl::StripLeadingAsciiWhitespace(after);
      q.set_qualifier(word->qualifier());
      spread = word->spread();
      break;
    }
  }
  // Money: "$20 million", "usd 5m", "20 million dollars".
  std::string amount;
  for (const auto& [symbol, code] : currency_symbols_) {
    absl::string_view after = rest;
    if (!absl::ConsumePrefix(&after, symbol)) continue;
    // "usd" must be a word of its own: "usd 5", "usd5", not "usda".
    if (absl::ascii_isalpha(symbol.back()) && !after.empty() &&
        absl::ascii_isalpha(after.front())) {
      continue;
    }
    q.set_unit(code);
    rest = absl::StripLeadingAsciiWhitespace(after);
    break;
  }
  if (q.unit().empty()) {
    for (const auto& [word, code] : currency_words_) {
      absl::string_view before = rest;
      if (absl::ConsumeSuffix(&before, word) && !before.empty() && before.back() == ' ') {
        q.set_unit(code);
        rest = absl::StripTrailingAsciiWhitespace(before);
        break;
      }
    }
  }
  if (!q.unit().empty()) {
    // A scale glued to the digits: "5m" -> "5 m", "1.2bn" -> "1.2 bn".
    size_t digits = 0;
    while (digits < rest.size() &&
           (absl::ascii_isdigit(rest[digits]) || rest[digits] == '.' || rest[digits] == ',')) {
      ++digits;
    }
    if (digits > 0 && digits < rest.size() && absl::ascii_isalpha(rest[digits])) {
      amount = absl::StrCat(rest.substr(0, digits), " ", rest.substr(digits));
      rest = amount;
    }
  }
  if (rest.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("no number in '", text, "'"));
  }
  auto vague = words_.find(rest);
  if (vague != words_.end() && vague->second->vague_upper() > 0) {
    q.set_value(vague->second->value());
    q.set_lower(vague->second->value());
    q.set_upper(vague->second->vague_upper());
    q.set_qualifier(QUALIFIER_VAGUE);
    q.set_vague_word(std::string(rest));
    return q;
  }
  ASSIGN_OR_RETURN(double v, ParseCardinal(rest));
  q.set_value(v);
  switch (q.qualifier()) {
    case QUALIFIER_AT_LEAST:
    case QUALIFIER_MORE_THAN:
      q.set_lower(v);
      q.set_unbounded(true);
      break;
    case QUALIFIER_AT_MOST:
    case QUALIFIER_LESS_THAN:
      q.set_lower(0);
      q.set_upper(v);
      break;
    case QUALIFIER_ABOUT:
      q.set_lower(v * (1 - spread));
      q.set_upper(v * (1 + spread));
      break;
    case QUALIFIER_ALMOST:
      q.set_lower(v * (1 - spread));
      q.set_upper(v);
      break;
    default: q.set_lower(v); q.set_upper(v);
  }
  return q;
}

namespace {

// "20 million", "1.2 billion", "250000": millions and billions in words
// when that loses no digits.
std::string FormatAmount(double v) {
  for (const auto& [scale, word] :
       {std::make_pair(1e9, "billion"), std::make_pair(1e6, "million")}) {
    double scaled = v / scale;
    if (std::fabs(v) >= scale && std::fabs(scaled * 1000 - std::round(scaled * 1000)) < 1e-6) {
      return absl::StrCat(std::round(scaled * 1000) / 1000, " ", word);
    }
  }
  return FormatNumber(v);
}

std::string Display(const Quantity& q, absl::string_view number) {
  std::string out;
  switch (q.qualifier()) {
    case QUALIFIER_AT_LEAST: out = absl::StrCat("at least ", number); break;
    case QUALIFIER_MORE_THAN: out = absl::StrCat("more than ", number); break;
    case QUALIFIER_AT_MOST: out = absl::StrCat("at most ", number); break;
    case QUALIFIER_LESS_THAN: out = absl::StrCat("fewer than ", number); break;
    case QUALIFIER_ABOUT: out = absl::StrCat("about ", number); break;
    case QUALIFIER_ALMOST: out = absl::StrCat("almost ", number); break;
    case QUALIFIER_VAGUE:
      out = q.vague_word().empty()
                ? absl::StrCat(FormatNumber(q.lower()), "-", FormatNumber(q.upper()))
                : q.vague_word();
      break;
    default: out = std::string(number);
  }
  if (q.addends_size() > 0) {
    std::vector<std::string> parts;
    for (double a : q.addends()) parts.push_back(FormatNumber(a));
    absl::StrAppend(&out, " (", absl::StrJoin(parts, " + "), ")");
  }
  return out;
}

}  // namespace

std::string DisplayAmount(const Quantity& q) {
  return Display(q, absl::StrCat(q.unit(), q.unit().empty() ? "" : " ", FormatAmount(q.value())));
}

std::string DisplayQuantity(const Quantity& q) { return Display(q, FormatNumber(q.value())); }

}  // namespace crosscheck
