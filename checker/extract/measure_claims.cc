#include "checker/extract/measure_claims.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "checker/base/status_macros.h"

namespace crosscheck {
namespace {

// "vehicle" -> "vehicles", "city" -> "cities", "church" -> "churches".
std::string NaivePlural(absl::string_view word) {
  auto ends = [&](absl::string_view s) { return absl::EndsWith(word, s); };
  if (word.size() > 2 && ends("y") && !absl::StrContains("aeiou", word[word.size() - 2])) {
    return absl::StrCat(word.substr(0, word.size() - 1), "ies");
  }
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) {
    return absl::StrCat(word, "es");
  }
  return absl::StrCat(word, "s");
}

// A number for people: whole above 100, else to one decimal ("209",
// "48.3", "2.5").
std::string Rounded(double v) {
  if (std::fabs(v) >= 100 || std::fabs(v - std::round(v)) < 0.05) {
    return absl::StrCat(static_cast<int64_t>(std::llround(v)));
  }
  return absl::StrFormat("%.1f", v);
}

}  // namespace

absl::StatusOr<std::unique_ptr<MeasureClaims>> MeasureClaims::Create(const Rules& rules) {
  bool any = false;
  for (const CompiledKind& k : rules.kinds()) any |= k.kind->open_dimensions_size() > 0;
  if (!any) return std::unique_ptr<MeasureClaims>();
  auto measures = std::unique_ptr<MeasureClaims>(new MeasureClaims());
  measures->rules_ = &rules;
  ASSIGN_OR_RETURN(measures->tagger_, QuantityTagger::Create(rules));
  for (const CompiledKind& k : rules.kinds()) {
    for (const std::string& d : k.kind->open_dimensions()) {
      if (measures->tagger_->FindDimension(d) == nullptr) {
        return absl::InvalidArgumentError(absl::StrCat(
            "kind '", k.kind->name(), "' field open_dimensions: unknown dimension \"", d,
            "\"; the dimensions are those of quantities.dimensions (rules/units.textproto)"));
      }
      if (!measures->kind_of_dimension_.emplace(d, &k).second) {
        return absl::InvalidArgumentError(absl::StrCat("kind '", k.kind->name(),
                                                       "' field open_dimensions: dimension \"", d,
                                                       "\" already belongs to another kind"));
      }
    }
  }
  const QuantityRules& q = rules.proto().quantities();
  for (const WordClass& s : q.states()) {
    if (!s.claimed_by().empty()) measures->claimed_states_[s.name()] = s.claimed_by();
    for (const std::string& w : s.words()) measures->state_words_.insert(w);
    measures->state_words_.insert(s.name());
  }
  for (const std::string& w : q.bare_nouns()) measures->bare_nouns_.insert(w);
  for (const std::string& w : q.partial_words()) measures->partial_words_.insert(w);
  for (const std::string& w : q.ongoing_words()) measures->ongoing_words_.insert(w);
  for (const std::string& w : q.vague_nouns()) measures->vague_nouns_.insert(w);
  for (const Lemma& l : q.lemmas()) {
    measures->plurals_.emplace(l.singular(), l.plural());
    measures->plurals_of_.insert(l.plural());
  }
  for (const QualifierWord& w : rules.proto().qualifiers()) {
    if (w.phrase() == "about" && w.spread() > 0) measures->about_spread_ = w.spread();
  }
  return measures;
}

bool MeasureClaims::IsMeasureKind(const CompiledKind& kind) const {
  return kind.kind->open_dimensions_size() > 0;
}

std::vector<MeasureClaim> MeasureClaims::Find(absl::string_view sentence) const {
  std::vector<MeasureClaim> out;
  const std::vector<QuantityMention> mentions = tagger_->Tag(sentence);
  for (size_t i = 0; i < mentions.size(); ++i) {
    const QuantityMention& m = mentions[i];
    // "58km (36 miles)", "6 million euros ($6.8 million)": a conversion of
    // the quantity before it, not a claim of its own.
    if (i > 0 && mentions[i - 1].dimension() == m.dimension() && m.begin() > 0) {
      const int gap_begin = mentions[i - 1].end();
      absl::string_view gap =
          gap_begin < m.begin() ? sentence.substr(gap_begin, m.begin() - gap_begin) : "";
      gap = absl::StripAsciiWhitespace(gap);
      if (absl::EndsWith(gap, "(") && gap.size() <= 12) continue;
    }
    MeasureClaim claim;
    if (Build(sentence, m, &claim)) out.push_back(std::move(claim));
  }
  return out;
}

std::string MeasureClaims::InDisplayUnit(const Dimension& dimension, double base_value) const {
  const Unit* chosen = nullptr;
  for (const std::string& name : dimension.display_units()) {
    const Unit* u = tagger_->FindUnit(name);
    if (u == nullptr || u->offset() != 0) continue;
    const double factor = u->factor() == 0 ? 1 : u->factor();
    if (chosen == nullptr || std::fabs(base_value) / factor >= 1) chosen = u;
  }
  if (chosen == nullptr) return "";
  const double v = base_value / (chosen->factor() == 0 ? 1 : chosen->factor());
  const std::string number = Rounded(v);
  return absl::StrCat(number, " ", number == "1" ? chosen->name() : NaivePlural(chosen->name()));
}

bool MeasureClaims::Build(absl::string_view sentence, const QuantityMention& m,
                          MeasureClaim* out) const {
  auto kind = kind_of_dimension_.find(m.dimension());
  if (kind == kind_of_dimension_.end()) return false;
  const Dimension* dimension = tagger_->FindDimension(m.dimension());
  if (dimension == nullptr || m.property() == "age") return false;
  // "two of the bombers": a part of a count given elsewhere; "11 others
  // missing", "two more blasts": a part or an increment.
  if (absl::StrContains(m.text(), " of ")) return false;
  if (m.dimension() == "count") {
    const size_t number_end = m.text().find_first_of(" -");
    absl::string_view rest = sentence.substr(
        m.begin() + (number_end == std::string::npos ? m.text().size() : number_end));
    rest = absl::StripLeadingAsciiWhitespace(absl::StripPrefix(rest, "-"));
    const size_t word_end = rest.find_first_of(" ,.;:-");
    const std::string next = absl::AsciiStrToLower(rest.substr(0, word_end));
    if (partial_words_.contains(next)) return false;
    // ... anywhere before the noun: "a dozen other cities".
    std::vector<std::string> written =
        absl::StrSplit(absl::AsciiStrToLower(m.text()), absl::ByAnyChar(" -"), absl::SkipEmpty());
    for (const std::string& w : written) {
      if (partial_words_.contains(w)) return false;
    }
    if (vague_nouns_.contains(m.head())) return false;
    // Two or more of a noun written in the singular is a compound, not a
    // count: "a three-game streak", "a 9-14 start", "the 3400 block",
    // "a 10-fight career" (but "20 crew", "50 police": plurals alike).
    // ("10 members and 3": the noun is written, not carried over.)
    if (written.empty() || !absl::ascii_isalpha(static_cast<unsigned char>(written.back()[0]))) {
      if (!bare_nouns_.contains(m.head())) return false;
    }
    if (!written.empty() && (m.range() ? m.value_high() : m.value()) >= 2) {
      const std::string& noun = written.back();
      const bool plural =
          absl::EndsWith(noun, "s") || plurals_of_.contains(noun) || state_words_.contains(noun);
      if (!plural && absl::ascii_isalpha(static_cast<unsigned char>(noun[0]))) return false;
    }
    // A count is whole and more than one: "one church" names one of
    // several, "6.0 quake" is a magnitude.
    if (m.range() ? m.value_high() < 2 : m.value() < 2) return false;
    if (absl::StrContains(m.text(), ".") || m.value() != std::floor(m.value())) return false;
    // "nine voting": a participle, not a thing counted.
    if (absl::EndsWith(m.head(), "ing")) return false;
    // "60 firefighters are still keeping watch": a later phase.
    if (m.state().empty()) {
      absl::string_view after = sentence.substr(std::min<size_t>(m.end(), sentence.size()));
      int words = 0;
      for (absl::string_view w : absl::StrSplit(after, ' ', absl::SkipEmpty())) {
        if (++words > 3) break;
        if (ongoing_words_.contains(absl::AsciiStrToLower(w))) return false;
      }
    }
  }
  std::string change = m.change();
  if (change == "up" || change == "down") {
    // "rose to 41" gives the level reached; "rose 41" or "fell 2%" only
    // how much it moved.
    absl::string_view before = absl::StripTrailingAsciiWhitespace(sentence.substr(0, m.begin()));
    if (!absl::EndsWithIgnoreCase(before, " to")) return false;
    change = "=";
  }
  // The subject.
  std::string subject;
  std::string unit = dimension->base_unit();
  if (m.dimension() == "count") {
    if (m.head().empty()) return false;
    const bool bare = bare_nouns_.contains(m.head()) || state_words_.contains(m.head());
    if (bare) {
      if (m.state().empty() || claimed_states_.contains(m.state())) return false;
      subject = absl::StrCat(dimension->property(), " of people ", m.state());
      unit = "person";
    } else {
      auto plural = plurals_.find(m.head());
      subject = absl::StrCat(dimension->property(), " of ",
                             plural != plurals_.end() ? plural->second : NaivePlural(m.head()),
                             m.state().empty() ? "" : " ", m.state());
      unit = m.head();
    }
  } else {
    const std::string property = m.property().empty() ? dimension->property() : m.property();
    if (property == "distance") {
      // "a motorist 50 miles north of Detroit" and "the building, 15 miles
      // north of Detroit" are two distances.
      if (m.place().empty()) return false;
      subject = m.head().empty() ? absl::StrCat("distance from ", m.place())
                                 : absl::StrCat("distance of ", m.head(), " from ", m.place());
    } else {
      if (m.head().empty()) return false;
      subject = absl::StrCat(property, " of ", m.head());
    }
    if (unit.empty()) unit = m.unit();  // a currency
  }
  // The value, in the base unit.
  const double low = tagger_->ToBase(m.value(), m.unit());
  const double high = m.range() ? tagger_->ToBase(m.value_high(), m.unit()) : low;
  Quantity q;
  q.set_value(low);
  q.set_unit(unit);
  q.set_dimension(m.dimension());
  q.set_written_unit(m.unit());
  std::string prefix;
  if (m.range()) {
    q.set_qualifier(QUALIFIER_EXACT);
    q.set_lower(std::min(low, high));
    q.set_upper(std::max(low, high));
  } else if (change == "~") {
    q.set_qualifier(QUALIFIER_ABOUT);
    q.set_lower(low - std::fabs(low) * about_spread_);
    q.set_upper(low + std::fabs(low) * about_spread_);
    prefix = "about ";
  } else if (change == ">") {
    q.set_qualifier(QUALIFIER_MORE_THAN);
    q.set_lower(low);
    q.set_unbounded(true);
    prefix = "more than ";
  } else if (change == "<") {
    // ("up to 120 mph" and "less than 120" are one cue: the end is kept.)
    q.set_qualifier(QUALIFIER_AT_MOST);
    q.set_lower(std::min(0.0, low));
    q.set_upper(low);
    prefix = "up to ";
  } else {
    q.set_qualifier(QUALIFIER_EXACT);
    q.set_lower(low);
    q.set_upper(low);
  }
  // Shown as written, and in the dimension's display unit when that is
  // another ("130 miles (209 kilometres)").
  std::string display = absl::StrCat(prefix, m.text());
  if (!dimension->base_unit().empty() && !dimension->display_units().empty()) {
    const std::string shown = m.range() ? absl::StrCat(InDisplayUnit(*dimension, low), " to ",
                                                       InDisplayUnit(*dimension, high))
                                        : InDisplayUnit(*dimension, low);
    // (Not when the words already are that: "240 km" is 240 kilometres.)
    const Unit* written = tagger_->FindUnit(m.unit());
    if (!shown.empty() && written != nullptr && !absl::EndsWith(shown, written->name()) &&
        !absl::EndsWith(shown, NaivePlural(written->name()))) {
      absl::StrAppend(&display, " (", shown, ")");
    }
  }
  out->kind = kind->second;
  out->claim.set_kind(kind->second->kind->name());
  out->claim.set_subject(std::move(subject));
  *out->claim.mutable_quantity() = std::move(q);
  out->claim.set_display_value(std::move(display));
  out->claim.set_matched_text(m.text());
  out->begin = m.begin();
  out->end = m.end();
  return true;
}

}  // namespace crosscheck
