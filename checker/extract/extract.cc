#include "checker/extract/extract.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "checker/base/dates.h"
#include "checker/base/re2_util.h"
#include "checker/base/text_fold.h"
#include "checker/extract/time_resolve.h"

namespace crosscheck {

// What a pattern match needs to know about where it is.
struct Extractor::Context {
  const Article* article = nullptr;
  absl::optional<absl::CivilDay> published;
  absl::string_view sentence;  // the sentence, Unicode spaces made ASCII
  absl::string_view original;  // the sentence exactly as in the article
  absl::string_view previous;  // the sentence before it, for pronouns
  absl::string_view earlier;   // the one before that: "He ... He reiterated his demand"
  int sentence_begin = 0;      // byte offset of the sentence in the article
  Section section = SECTION_BODY;
};

namespace {

std::unique_ptr<RE2> CompileOrNull(const Rules& rules, const std::string& regex) {
  if (regex.empty()) return nullptr;
  absl::StatusOr<std::unique_ptr<RE2>> re = rules.Compile(regex);
  return re.ok() ? std::move(*re) : nullptr;
}

// Replaces no-break and thin spaces with as many ASCII spaces as they have
// bytes, so that patterns can use \s and byte offsets stay the same.
absl::string_view AsciiSpaces(absl::string_view text, std::string* buffer) {
  if (text.find('\xC2') == absl::string_view::npos &&
      text.find('\xE2') == absl::string_view::npos) {
    return text;
  }
  buffer->assign(text.data(), text.size());
  for (size_t i = 0; i + 1 < buffer->size(); ++i) {
    char* c = &(*buffer)[i];
    if (c[0] == '\xC2' && c[1] == '\xA0') {  // U+00A0
      c[0] = c[1] = ' ';
    } else if (i + 2 < buffer->size() && c[0] == '\xE2' && c[1] == '\x80' &&
               (c[2] == '\xAF' || c[2] == '\x89' || c[2] == '\x8A' || c[2] == '\x82' ||
                c[2] == '\x83')) {  // U+202F, U+2009, ...
      c[0] = c[1] = c[2] = ' ';
    }
  }
  return *buffer;
}

// Where the clause of the text at `pos` starts, looking back at most
// `max_back` bytes: after the last quotation mark, semicolon, colon, or (with
// `at_comma`) comma. A cue word beyond it governs another clause ("You never
// win unless you fight," said 76-year-old ...).
size_t ClauseStart(absl::string_view sentence, size_t pos, size_t max_back, bool at_comma) {
  size_t begin = pos > max_back ? pos - max_back : 0;
  absl::string_view lead = sentence.substr(begin, pos - begin);
  size_t cut = lead.find_last_of(at_comma ? ";:\"?!(," : ";:\"?!(");
  for (absl::string_view quote : {"\xE2\x80\x9C", "\xE2\x80\x9D"}) {  // “ ”
    size_t q = lead.rfind(quote);
    if (q != absl::string_view::npos &&
        (cut == absl::string_view::npos || q + quote.size() - 1 > cut)) {
      cut = q + quote.size() - 1;
    }
  }
  return cut == absl::string_view::npos ? begin : begin + cut + 1;
}

bool Overlaps(const std::vector<std::pair<int, int>>& taken, int b, int e) {
  for (const auto& [tb, te] : taken) {
    if (b < te && tb < e) return true;
  }
  return false;
}

}  // namespace

Extractor::Extractor(const Rules& rules)
    : rules_(rules),
      numbers_(rules.proto()),
      clocks_(rules.proto()),
      actors_(rules),
      places_(rules),
      participants_(rules) {
  const AttributionCues& cues = rules.proto().attribution();
  for (const std::string& p : cues.source_patterns()) {
    if (auto re = CompileOrNull(rules, p)) source_patterns_.push_back(std::move(re));
  }
  hedge_ = CompileOrNull(rules, cues.hedge());
  negation_ = CompileOrNull(rules, cues.negation());
  anonymous_ = CompileOrNull(rules, cues.anonymous());
  not_negation_ = CompileOrNull(rules, cues.not_negation());
  hypothetical_ = CompileOrNull(rules, cues.hypothetical());
  for (const Occasion& o : rules.proto().events().occasions()) {
    // (One group: FindAndConsume gives the words it matched.)
    occasions_.emplace_back(o.name(), CompileOrNull(rules, absl::StrCat("(", o.regex(), ")")));
  }
  earlier_figure_ = CompileOrNull(rules, rules.proto().events().earlier_figure());
  for (const Occasion& o : rules.proto().events().parts()) {
    parts_.emplace_back(o.name(), CompileOrNull(rules, o.regex()));
  }
  if (!rules.proto().not_a_count().empty()) {
    not_a_count_ = CompileOrNull(rules, absl::StrCat("(?:", rules.proto().not_a_count(), ")\\s*$"));
  }
  if (!rules.proto().continuation().empty()) {
    continuation_ =
        CompileOrNull(rules, absl::StrCat("^\\s*(?:", rules.proto().continuation(), ")"));
  }
  if (!rules.proto().context_time().empty()) {
    context_time_ = CompileOrNull(rules, absl::StrCat("(", rules.proto().context_time(), ")"));
  }
  for (const SubjectTerm& t : rules.proto().subjects()) {
    if (auto re = CompileOrNull(rules, t.regex())) subjects_.emplace_back(&t, std::move(re));
  }
  // (Rules that do not compile here fail their own tests and `crosscheck
  // rules`; extraction goes on without measures.)
  if (absl::StatusOr<std::unique_ptr<MeasureClaims>> measures = MeasureClaims::Create(rules);
      measures.ok()) {
    measures_ = std::move(*measures);
  }
}

void Extractor::ExtractMeasures(const std::vector<const CompiledKind*>& kinds, const Context& ctx,
                                size_t first, std::vector<Claim>* out) const {
  // The numbers the sentence's claims of kinds with patterns took.
  std::vector<std::pair<int, int>> taken;
  for (size_t i = first; i < out->size(); ++i) {
    const Claim& c = (*out)[i];
    if (!c.has_quantity()) continue;
    taken.emplace_back(c.span().begin() - ctx.sentence_begin, c.span().end() - ctx.sentence_begin);
  }
  for (MeasureClaim& m : measures_->Find(ctx.sentence)) {
    if (std::find(kinds.begin(), kinds.end(), m.kind) == kinds.end()) continue;
    if (Overlaps(taken, m.begin, m.end)) continue;
    const absl::string_view match = ctx.sentence.substr(m.begin, m.end - m.begin);
    if (Hypothetical(ctx, match)) continue;
    Claim claim = std::move(m.claim);
    FinishClaim(ctx, match, match, absl::string_view(), absl::string_view(), &claim);
    claim.set_pattern_id(absl::StrCat(claim.kind(), "/open"));
    out->push_back(std::move(claim));
  }
}

std::string Extractor::SubjectFor(const CompiledKind& kind, const CompiledPattern& pattern,
                                  absl::string_view object, const Claim& claim) const {
  const std::string& fallback = pattern.pattern->subject().empty() ? kind.kind->default_subject()
                                                                   : pattern.pattern->subject();
  std::string key = fallback;
  std::string country;
  if (!object.empty()) {
    std::string folded = FoldForMatching(object);
    for (const auto& [term, re] : subjects_) {
      bool applies = term->kinds().empty();
      for (const std::string& k : term->kinds()) applies |= k == kind.kind->name();
      if (applies && RE2::PartialMatch(folded, *re)) {
        key = term->key();
        break;
      }
    }
    // "age of {object}": the key names who it is about, so no country goes
    // before it.
    if (absl::StrContains(key, "{object}")) {
      std::string name = ObjectName(object);
      return name.empty() ? fallback : absl::StrReplaceAll(key, {{"{object}", name}});
    }
    // Whose staff: a possessive points back at the actor ("its embassy",
    // "his country's diplomats"); otherwise a country named in the phrase.
    static const LazyRE2 kPossessive = {
        R"((?:^|\s)(?:its|their|his|her)\s+(?:own\s+|country's\s+)?)"};
    if (RE2::PartialMatch(folded, *kPossessive) && claim.has_actor()) {
      country = actors_.CountryLabel(claim.actor().id());
    } else {
      for (const ActorAlias* a : actors_.Mentions(object)) {
        if (!a->country_label().empty()) {
          country = a->country_label();
          break;
        }
      }
    }
  }
  if (country.empty() && pattern.pattern->object_belongs_to_actor() && claim.has_actor()) {
    country = actors_.CountryLabel(claim.actor().id());
    if (country.empty() && absl::StartsWith(claim.actor().id(), "name:")) {
      country = claim.actor().name();  // an unknown country or government
    }
  }
  return country.empty() ? key : absl::StrCat(country, " ", key);
}

std::string Extractor::ObjectName(absl::string_view object) const {
  std::vector<std::string> words =
      absl::StrSplit(absl::StripAsciiWhitespace(object), ' ', absl::SkipEmpty());
  std::vector<std::string> folded;
  for (const std::string& w : words) folded.push_back(FoldForMatching(w));
  // Drop everything up to the last title ("Venezuelan President", "Sen.").
  size_t start = 0;
  for (const std::string& title : rules_.proto().titles()) {
    std::vector<std::string> t = absl::StrSplit(FoldForMatching(title), ' ', absl::SkipEmpty());
    for (size_t i = 0; !t.empty() && i + t.size() < words.size(); ++i) {
      if (std::equal(t.begin(), t.end(), folded.begin() + i)) {
        start = std::max(start, i + t.size());
      }
    }
  }
  if (start < words.size() && (folded[start] == "the" || folded[start] == "a")) ++start;
  if (start >= words.size()) return "";
  std::string name = absl::StrJoin(words.begin() + start, words.end(), " ");
  for (absl::string_view possessive : {"'s", "\xE2\x80\x99s"}) {  // Reid's, Reid’s
    if (absl::EndsWith(name, possessive) && name.size() > possessive.size()) {
      name.resize(name.size() - possessive.size());
    }
  }
  std::string folded_name = FoldForMatching(name);
  absl::string_view key(folded_name);
  for (const ActorAlias* a : actors_.Mentions(name)) {
    std::string own = FoldForMatching(a->name());
    if (absl::StartsWith(own, "the ")) own.erase(0, 4);
    bool same = own == key;
    for (const std::string& alias : a->aliases()) same |= FoldForMatching(alias) == key;
    if (same) return a->name();
  }
  return name;
}

bool Extractor::FillValue(const CompiledKind& kind, const CompiledPattern& pattern,
                          const absl::string_view* groups, const Context& ctx, Claim* claim) const {
  absl::string_view value = groups[pattern.value_group];
  switch (kind.kind->value_type()) {
    case VALUE_TYPE_QUANTITY: {
      // "no one was killed", "not one": a negated count, not a count.
      static const LazyRE2 kNegatedCount = {R"((?i)\b(?:no|not|nor)\s*$)"};
      absl::string_view before =
          ctx.sentence.substr(0, static_cast<size_t>(value.data() - ctx.sentence.data()));
      if (RE2::PartialMatch(Piece(before), *kNegatedCount)) return false;
      // "father to two boys died": the number counts something else.
      if (not_a_count_ && RE2::PartialMatch(Piece(before), *not_a_count_)) return false;
      // "conquered Everest in 1953 has died": a year, not a count.
      static const LazyRE2 kYearAsCount = {R"((?i)\b(?:in|since|of|from|by|until|during)\s*$)"};
      static const LazyRE2 kYear = {R"((?:1[89]|20)\d\d)"};
      if (RE2::FullMatch(Piece(value), *kYear) && RE2::PartialMatch(Piece(before), *kYearAsCount)) {
        return false;
      }
      absl::StatusOr<Quantity> q = numbers_.Parse(value);
      if (!q.ok()) return false;
      if (pattern.add_group && !groups[pattern.add_group].empty()) {
        absl::StatusOr<double> add = numbers_.ParseCardinal(groups[pattern.add_group]);
        if (!add.ok()) return false;
        q->add_addends(q->value());
        q->add_addends(*add);
        q->set_value(q->value() + *add);
        q->set_lower(q->lower() + *add);
        q->set_upper(q->upper() + *add);
      }
      // The parser sets a unit only for money ("$20 million" -> "USD");
      // a count takes the kind's informational unit.
      if (q->unit().empty()) {
        q->set_unit(kind.kind->unit());
        claim->set_display_value(DisplayQuantity(*q));
      } else {
        claim->set_display_value(DisplayAmount(*q));
      }
      *claim->mutable_quantity() = std::move(*q);
      return true;
    }
    case VALUE_TYPE_TIME: {
      // "6:50 p.m. local time (Monday)": a time of day, with or without a
      // date to put its day on.
      if (absl::optional<ClockReading> clock = clocks_.Read(value)) {
        TimeInterval t =
            ResolveClockTime(*clock, ctx.published, kind.kind->time_direction(), numbers_);
        if (!clock->zone_place.empty() && ctx.published) {
          // "Paris time": a zone the text names, through its place.
          SetLocalZone(places_.TimeZoneOf(clock->zone_place), ctx.published, &t);
          t.set_zone_explicit(t.has_utc_offset());
          t.set_offset_from_place(false);
        }
        claim->set_display_value(DisplayTime(t));
        *claim->mutable_time() = std::move(t);
        return true;
      }
      if (!ctx.published) return false;  // relative times need a date
      absl::StatusOr<TimeInterval> t =
          ResolveTime(value, *ctx.published, kind.kind->time_direction(),
                      kind.kind->duration_anchor_lookback_days(), numbers_);
      if (!t.ok()) return false;
      claim->set_display_value(DisplayTime(*t));
      *claim->mutable_time() = std::move(*t);
      return true;
    }
    case VALUE_TYPE_ACTOR: {
      absl::optional<Actor> actor;
      if (ActorResolver::IsPronoun(value)) {
        absl::string_view before =
            ctx.sentence.substr(0, static_cast<size_t>(value.data() - ctx.sentence.data()));
        actor = actors_.ResolvePronoun(value, before, ctx.previous);
        // A chain of pronouns ("He declared ... He reiterated his demand")
        // continues the person named a sentence further back.
        if (!actor && !ctx.earlier.empty()) {
          actor = actors_.ResolvePronoun(value, absl::string_view(), ctx.earlier);
        }
      } else {
        actor = actors_.Resolve(value);
      }
      if (!actor) return false;
      claim->set_display_value(actor->name());
      *claim->mutable_actor() = std::move(*actor);
      return true;
    }
    default: return false;
  }
}

void Extractor::FillAttribution(const Context& ctx, absl::string_view match,
                                absl::string_view source, Claim* claim) const {
  Attribution* a = claim->mutable_attribution();
  if (source.empty()) {
    for (const auto& re : source_patterns_) {
      re2::StringPiece found;
      if (!RE2::PartialMatch(Piece(ctx.sentence), *re, &found) || found.empty()) continue;
      // "police said Saturday.": a time is not who says it.
      absl::string_view candidate = absl::StripAsciiWhitespace(View(found));
      while (!candidate.empty() && (candidate.back() == '.' || candidate.back() == ',')) {
        candidate.remove_suffix(1);
      }
      if (context_time_ != nullptr && RE2::FullMatch(Piece(candidate), *context_time_)) {
        continue;
      }
      source = candidate;
      break;
    }
  }
  if (!source.empty()) {
    std::string s(absl::StripAsciiWhitespace(source));
    a->set_source(s);
    std::string folded = FoldForMatching(s);
    bool anonymous = anonymous_ && RE2::PartialMatch(folded, *anonymous_);
    absl::optional<Actor> actor = ActorResolver::IsPronoun(s) ? absl::nullopt : actors_.Resolve(s);
    if (actor && !absl::StartsWith(actor->id(), "name:")) {
      a->set_source_actor(actor->id());
    }
    a->set_named(!anonymous && actor.has_value());
  }
  // Hedges and negations that govern the claim sit in it or just before it,
  // in its own clause.
  size_t match_begin = static_cast<size_t>(match.data() - ctx.sentence.data());
  size_t window_begin = ClauseStart(ctx.sentence, match_begin, 40, /*at_comma=*/false);
  absl::string_view window =
      ctx.sentence.substr(window_begin, match_begin - window_begin + match.size());
  a->set_hedged(hedge_ && RE2::PartialMatch(Piece(window), *hedge_));
  if (negation_ != nullptr) {
    // "No one has claimed responsibility for the explosions that took place
    // at 8:45am": a claim that is the object of a preposition belongs to
    // another verb, and what negates that verb does not negate the claim.
    // (The match may itself start with the preposition: "for the
    // explosions that took place ...".)
    static const LazyRE2 kGovernedBy = {
        R"(\b(?i:for|of|about|over|after|before|since|behind|against|from|into)\s+$)"};
    static const LazyRE2 kLeadingPreposition = {
        R"(^(?i:for|of|about|over|after|before|since|behind|against|from|into)\s+)"};
    absl::string_view before = window.substr(0, match_begin - window_begin);
    re2::StringPiece rest = Piece(window.substr(before.size()));
    if (RE2::PartialMatch(Piece(before), *kGovernedBy) ||
        RE2::Consume(&rest, *kLeadingPreposition)) {
      window = View(rest);
    }
    std::string text(window);
    if (not_negation_ != nullptr) RE2::GlobalReplace(&text, *not_negation_, " ");
    a->set_negated(RE2::PartialMatch(text, *negation_));
  }
}

bool Extractor::Hypothetical(const Context& ctx, absl::string_view match) const {
  if (hypothetical_ == nullptr) return false;
  size_t match_begin = static_cast<size_t>(match.data() - ctx.sentence.data());
  size_t begin = ClauseStart(ctx.sentence, match_begin, 60, /*at_comma=*/true);
  return RE2::PartialMatch(Piece(ctx.sentence.substr(begin, match_begin - begin)), *hypothetical_);
}

std::string Extractor::PartNamed(absl::string_view sentence, absl::string_view match) const {
  if (parts_.empty()) return "";
  const size_t begin = static_cast<size_t>(match.data() - sentence.data());
  size_t end = begin + match.size();
  const size_t limit = std::min(sentence.size(), end + 80);
  while (end < limit && sentence[end] != ';') ++end;
  const absl::string_view clause = sentence.substr(begin, end - begin);
  // A fronted phrase before the first comma, when the count comes after it
  // ("In just one church, St Sebastian's, more than 50 had been killed").
  const size_t comma = sentence.find(',');
  const absl::string_view fronted = comma != absl::string_view::npos && comma < begin
                                        ? sentence.substr(0, comma)
                                        : absl::string_view();
  for (const auto& [name, re] : parts_) {
    if (re == nullptr) continue;
    if (RE2::PartialMatch(Piece(clause), *re) ||
        (!fronted.empty() && RE2::PartialMatch(Piece(fronted), *re))) {
      return name;
    }
  }
  return "";
}

std::string Extractor::NearestOccasion(absl::string_view sentence, absl::string_view match) const {
  std::string best;
  size_t best_distance = std::string::npos;
  for (const auto& [name, re] : occasions_) {
    if (re == nullptr) continue;
    re2::StringPiece rest = Piece(sentence);
    re2::StringPiece found;
    while (RE2::FindAndConsume(&rest, *re, &found)) {
      absl::string_view f = View(found);
      if (f.empty()) break;
      const char* gap_begin = std::min(f.data() + f.size(), match.data() + match.size());
      const char* gap_end = std::max(f.data(), match.data());
      size_t distance = gap_begin < gap_end ? static_cast<size_t>(gap_end - gap_begin) : 0;
      // A word in the count's own clause beats a nearer one across a comma.
      if (gap_begin < gap_end &&
          absl::string_view(gap_begin, static_cast<size_t>(gap_end - gap_begin))
                  .find_first_of(",;") != absl::string_view::npos) {
        distance += 1000;
      }
      if (distance < best_distance) {
        best_distance = distance;
        best = name;
      }
    }
  }
  return best;
}

absl::string_view Extractor::NearestContextTime(absl::string_view sentence, absl::string_view match,
                                                absl::string_view value) const {
  if (context_time_ == nullptr) return absl::string_view();
  const char* const value_begin = value.data();
  const char* const value_end = value.data() + value.size();
  absl::string_view best;
  size_t best_distance = 0;
  re2::StringPiece rest = Piece(sentence);
  re2::StringPiece found;
  while (RE2::FindAndConsume(&rest, *context_time_, &found)) {
    absl::string_view f = View(found);
    if (f.empty()) break;
    // The claim's own value ("by Sunday") is not its scope, nor is a
    // deadline elsewhere in the sentence ("out of the country by this weekend").
    if (f.data() < value_end && value_begin < f.data() + f.size()) continue;
    static const LazyRE2 kDeadlineWord = {
        R"((?i)\b(?:by|before|until|within|no\s+later\s+than)\s*$)"};
    absl::string_view before = sentence.substr(0, static_cast<size_t>(f.data() - sentence.data()));
    if (RE2::PartialMatch(Piece(before), *kDeadlineWord)) continue;
    size_t distance = f.data() + f.size() <= match.data()
                          ? static_cast<size_t>(match.data() - (f.data() + f.size()))
                      : f.data() >= match.data() + match.size()
                          ? static_cast<size_t>(f.data() - (match.data() + match.size()))
                          : 0;
    // A time in the claim's own clause beats a nearer one across a comma
    // ("in 2003, and 600 were killed in Zarand in February").
    const char* gap_begin = std::min(f.data() + f.size(), match.data() + match.size());
    const char* gap_end = std::max(f.data(), match.data());
    if (gap_begin < gap_end) {
      absl::string_view gap(gap_begin, static_cast<size_t>(gap_end - gap_begin));
      if (gap.find_first_of(",;") != absl::string_view::npos) distance += 1000;
    }
    if (best.empty() || distance < best_distance) {
      best = f;
      best_distance = distance;
    }
  }
  return best;
}

void Extractor::FinishClaim(const Context& ctx, absl::string_view match, absl::string_view value,
                            absl::string_view scope, absl::string_view source, Claim* claim) const {
  const int size = static_cast<int>(ctx.sentence.size());
  const int b = static_cast<int>(match.data() - ctx.sentence.data());
  const int e = b + static_cast<int>(match.size());
  // A count of another happening told in passing ("15 dead as security
  // forces raid a hideout" in coverage of bombings) is about that one.
  if (const std::string occasion = NearestOccasion(ctx.sentence, match); !occasion.empty()) {
    claim->set_subject(absl::StrCat(claim->subject(), " (", occasion, ")"));
  }
  // "Authorities earlier said 359": a figure given before.
  if (earlier_figure_ != nullptr) {
    // (The whole sentence up to the count: "Authorities earlier said that
    // nine bombers, ..., carried out the blasts that killed 359".)
    const size_t at = static_cast<size_t>(match.data() - ctx.sentence.data());
    const absl::string_view before_and_match = ctx.sentence.substr(0, at + match.size());
    if (RE2::PartialMatch(Piece(before_and_match), *earlier_figure_)) {
      claim->set_earlier_figure(true);
    }
  }
  // A count of one site or group is a part of the whole (a time or an
  // actor is not a count).
  if (const std::string part = claim->has_quantity() ? PartNamed(ctx.sentence, match) : "";
      !part.empty()) {
    claim->set_subject(absl::StrCat(claim->subject(), " (", part, ")"));
  }
  absl::string_view scope_text = scope;
  if (scope_text.empty()) {
    scope_text = NearestContextTime(ctx.sentence, match, value);
  }
  // "It killed 612 people." continues the sentence before it, and so
  // does its time ("In February, a quake hit Zarand.").
  if (scope_text.empty() && !ctx.previous.empty() && continuation_ != nullptr &&
      RE2::PartialMatch(Piece(ctx.sentence), *continuation_)) {
    absl::string_view end_of_previous(ctx.previous.data() + ctx.previous.size(), 0);
    scope_text = NearestContextTime(ctx.previous, end_of_previous, absl::string_view());
  }
  // An undated article can still place a claim in "December 2003".
  static const LazyRE2 kYear = {R"(\b(?:19|20)\d\d\b)"};
  absl::optional<absl::CivilDay> reference = ctx.published;
  if (!reference && RE2::PartialMatch(Piece(scope_text), *kYear)) {
    reference = absl::CivilDay(2100, 1, 1);  // unused: the text names its year
  }
  // "the 2004 tsunami", "the quake of 2003": the year is the time.
  for (absl::string_view article : {"the ", "of "}) {
    absl::string_view t = absl::StripLeadingAsciiWhitespace(scope_text);
    if (absl::StartsWithIgnoreCase(t, article)) {
      t.remove_prefix(article.size());
      if (RE2::FullMatch(Piece(absl::StripAsciiWhitespace(t)), *kYear)) scope_text = t;
    }
  }
  if (!scope_text.empty()) {
    absl::StatusOr<TimeInterval> scope =
        reference ? ResolveTime(scope_text, *reference, TIME_DIRECTION_PAST, 0, numbers_)
                  : absl::StatusOr<TimeInterval>(absl::FailedPreconditionError("undated"));
    // An undated article cannot place "Friday" on a calendar, but the
    // words still tell a reader (and a reviewer) which span is meant.
    if (scope.ok() || !reference) {
      absl::string_view shown = absl::StripAsciiWhitespace(scope_text);
      while (!shown.empty() && (shown.back() == '.' || shown.back() == ',')) {
        shown.remove_suffix(1);  // "in February." ends the sentence too
      }
      claim->set_scope_text(std::string(shown));
    }
    if (scope.ok()) {
      *claim->mutable_scope() = std::move(*scope);
    } else if (!reference) {
      // An undated article's "in September": a month of an unknown year,
      // another time than the article's own (no days: only how coarse).
      absl::StatusOr<TimeInterval> probe =
          ResolveTime(scope_text, absl::CivilDay(2000, 6, 15), TIME_DIRECTION_PAST, 0, numbers_);
      if (probe.ok() &&
          (probe->granularity() == GRANULARITY_MONTH || probe->granularity() == GRANULARITY_YEAR)) {
        claim->mutable_scope()->set_granularity(probe->granularity());
        claim->mutable_scope()->set_resolution("a month of an unknown year");
      }
    }
  }
  FillAttribution(ctx, match, source, claim);
  if (ctx.article != nullptr) {
    claim->set_article_id(ctx.article->id());
    claim->set_outlet(ctx.article->outlet());
    claim->set_published(ctx.article->published());
    claim->set_published_time(ctx.article->published_time());
  }
  claim->set_quote(std::string(ctx.original));
  claim->mutable_sentence_span()->set_begin(ctx.sentence_begin);
  claim->mutable_sentence_span()->set_end(ctx.sentence_begin + size);
  claim->mutable_span()->set_begin(ctx.sentence_begin + b);
  claim->mutable_span()->set_end(ctx.sentence_begin + e);
  claim->set_matched_text(std::string(ctx.original.substr(b, e - b)));
  claim->set_section(ctx.section);
}

void Extractor::ExtractKind(const CompiledKind& kind, const Context& ctx,
                            std::vector<Claim>* out) const {
  std::vector<std::pair<int, int>> taken;
  const int size = static_cast<int>(ctx.sentence.size());
  for (int candidate : kind.Candidates(ctx.sentence)) {
    const CompiledPattern& pattern = kind.patterns[candidate];
    const int ngroups = pattern.re->NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> pieces(ngroups);
    std::vector<absl::string_view> groups(ngroups);
    int pos = 0;
    while (pos <= size && pattern.re->Match(Piece(ctx.sentence), pos, size, RE2::UNANCHORED,
                                            pieces.data(), ngroups)) {
      for (int g = 0; g < ngroups; ++g) groups[g] = View(pieces[g]);
      const int b = static_cast<int>(groups[0].data() - ctx.sentence.data());
      const int e = b + static_cast<int>(groups[0].size());
      pos = e > b ? e : b + 1;
      if (groups[pattern.value_group].empty() || Overlaps(taken, b, e)) continue;
      Claim claim;
      if (!FillValue(kind, pattern, groups.data(), ctx, &claim)) {
        pos = b + 1;  // a rejected match may hide a good one just after
        continue;
      }
      taken.emplace_back(b, e);
      // "When one is killed, all of us lose.": no claim, and no other
      // pattern of the kind may take the same words.
      if (Hypothetical(ctx, groups[0])) continue;
      claim.set_kind(kind.kind->name());
      absl::string_view object =
          pattern.object_group ? groups[pattern.object_group] : absl::string_view();
      claim.set_subject(SubjectFor(kind, pattern, object, claim));
      FinishClaim(ctx, groups[0], groups[pattern.value_group],
                  pattern.scope_group ? groups[pattern.scope_group] : absl::string_view(),
                  pattern.source_group ? groups[pattern.source_group] : absl::string_view(),
                  &claim);
      claim.set_pattern_id(absl::StrCat(kind.kind->name(), "/", pattern.pattern->id()));
      out->push_back(std::move(claim));
    }
  }
}

ArticleClaims Extractor::Extract(const Document& doc) const {
  ArticleClaims result;
  const Article& article = doc.article();
  Context ctx;
  ctx.article = &article;
  ctx.published = ParseIsoDate(article.published());
  absl::string_view text(article.text());
  std::vector<Claim> claims;
  absl::string_view previous;
  absl::string_view earlier;
  std::string buffer;
  for (const Sentence& s : doc.sentences()) {
    absl::string_view original = text.substr(s.span().begin(), s.span().end() - s.span().begin());
    absl::string_view sentence = AsciiSpaces(original, &buffer);
    if (s.section() != SECTION_BOILERPLATE) {
      std::vector<int> kinds = rules_.TriggeredKinds(sentence);
      if (!kinds.empty()) {
        ctx.sentence = sentence;
        ctx.original = original;
        ctx.previous = previous;
        ctx.earlier = earlier;
        ctx.sentence_begin = s.span().begin();
        ctx.section = s.section();
        const size_t first = claims.size();
        std::vector<const CompiledKind*> measure_kinds;
        for (int k : kinds) {
          const CompiledKind& kind = rules_.kinds()[k];
          if (measures_ != nullptr && measures_->IsMeasureKind(kind)) {
            measure_kinds.push_back(&kind);
          } else {
            ExtractKind(kind, ctx, &claims);
          }
        }
        if (!measure_kinds.empty()) ExtractMeasures(measure_kinds, ctx, first, &claims);
      }
    }
    earlier = previous;
    previous = original;
  }
  std::stable_sort(claims.begin(), claims.end(), [](const Claim& a, const Claim& b) {
    return a.span().begin() < b.span().begin();
  });
  // Where each claim's event happened (its sentence's place, else the
  // article's) and who took part in it (the article's people).
  if (!claims.empty()) {
    ArticlePlaces article_places = places_.ForArticle(doc);
    std::vector<std::string> people = participants_.Find(doc);
    for (Claim& c : claims) {
      for (const std::string& p : people) c.add_participants(p);
      absl::string_view sentence = text.substr(c.sentence_span().begin(),
                                               c.sentence_span().end() - c.sentence_span().begin());
      absl::string_view match = text.substr(c.span().begin(), c.span().end() - c.span().begin());
      places_.Locate(article_places, sentence, match, &c);
      // A clock in the event's local time is in its place's zone.
      if (c.has_time() && c.time().has_clock() && c.has_place()) {
        SetLocalZone(places_.TimeZoneOf(c.place()), ParseIsoDate(article.published()),
                     c.mutable_time());
        c.set_display_value(DisplayTime(c.time()));
      }
    }
  }
  for (Claim& c : claims) *result.add_claims() = std::move(c);
  Article* meta = result.mutable_article();
  *meta = article;
  meta->clear_text();
  return result;
}

std::vector<Claim> Extractor::ExtractSentence(absl::string_view kind, absl::string_view sentence,
                                              absl::string_view published) const {
  std::vector<Claim> claims;
  const CompiledKind* k = rules_.FindKind(kind);
  if (k == nullptr) return claims;
  Context ctx;
  ctx.published = ParseIsoDate(published);
  std::string buffer;
  ctx.original = sentence;
  ctx.sentence = AsciiSpaces(sentence, &buffer);
  if (measures_ != nullptr && measures_->IsMeasureKind(*k)) {
    ExtractMeasures({k}, ctx, 0, &claims);
  } else {
    ExtractKind(*k, ctx, &claims);
  }
  std::stable_sort(claims.begin(), claims.end(), [](const Claim& a, const Claim& b) {
    return a.span().begin() < b.span().begin();
  });
  return claims;
}

}  // namespace crosscheck
