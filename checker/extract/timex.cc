#include "checker/extract/timex.h"

#include <algorithm>
#include <fstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "checker/base/dates.h"
#include "checker/base/re2_util.h"
#include "checker/base/status_macros.h"
#include "checker/extract/json_lines.h"
#include "checker/extract/quantity.h"
#include "checker/extract/timex_resolve.h"
#include "checker/extract/timex_value.h"
#include "google/protobuf/util/json_util.h"
#include "re2/re2.h"
#include "re2/set.h"

namespace crosscheck {

using timex_internal::Match;
using timex_internal::Point;

namespace {

// Captures read per match (group 0, the whole match, included).
constexpr int kMaxCaptures = 32;

RE2::Options PatternOptions(bool longest) {
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  o.set_longest_match(longest);
  o.set_max_mem(64 << 20);
  return o;
}

struct CompiledTimex {
  const TimexPattern* pattern = nullptr;
  std::unique_ptr<RE2> re;
  // (group, capture index) of the named groups the pattern has.
  std::vector<std::pair<timex_internal::Group, int>> groups;
  // One more than the largest capture index the groups use.
  int captures = 1;
};

// The sentence around [begin, end): from the last sentence end before it to
// the next one after it (a cheap stand-in for ICU that is enough for tense).
absl::string_view SentenceAround(absl::string_view text, size_t begin, size_t end) {
  size_t start = begin;
  while (start > 0) {
    char c = text[start - 1];
    if (c == '\n' ||
        ((c == '.' || c == '?' || c == '!') && start < text.size() && text[start] == ' ' &&
         start + 1 < text.size() && absl::ascii_isupper(text[start + 1]))) {
      break;
    }
    --start;
  }
  size_t stop = end;
  while (stop < text.size()) {
    char c = text[stop];
    if (c == '\n' || ((c == '.' || c == '?' || c == '!') &&
                      (stop + 1 >= text.size() || text[stop + 1] == ' '))) {
      break;
    }
    ++stop;
  }
  return text.substr(start, stop - start);
}

}  // namespace

struct TimexTagger::Impl {
  const Rules* rules = nullptr;
  QuantityParser quantities;
  timex_internal::Cardinals numbers{quantities};
  timex_internal::Vocabulary vocabulary;
  std::vector<CompiledTimex> patterns;
  std::unique_ptr<RE2> any;       // all patterns, groups dropped, leftmost-longest
  std::unique_ptr<RE2::Set> set;  // which patterns match a span exactly
  // Tense cues (either kind): the text up to the end of its last one...
  std::unique_ptr<RE2> up_to_last_cue;
  // ... its first one...
  std::unique_ptr<RE2> cue;
  // ... a future cue, and a future cue at the end of a text. A word that is
  // both ("expected") reads as future.
  std::unique_ptr<RE2> future;
  std::unique_ptr<RE2> future_at_end;
  // The rules' abbreviations, lower case: a period after them is theirs.
  absl::flat_hash_set<std::string> abbreviations;

  // The tense near [begin, end): the nearest cue before it in its
  // sentence, else the first one after it in its clause.
  int Tense(absl::string_view text, size_t begin, size_t end) const;

  explicit Impl(const Rules& r) : rules(&r), quantities(r.proto()) {}
};

int TimexTagger::Impl::Tense(absl::string_view text, size_t begin, size_t end) const {
  if (cue == nullptr) return 0;
  absl::string_view sentence = SentenceAround(text, begin, end);
  size_t offset = sentence.data() - text.data();
  absl::string_view before = sentence.substr(0, begin - offset);
  absl::string_view after = sentence.substr(end - offset);
  after = after.substr(0, after.find_first_of(",;:("));
  // DFA searches only: where the cue that ends last before it ends, else
  // where the first one after it is; then which kind it is.
  re2::StringPiece m;
  if (up_to_last_cue->Match(Piece(before), 0, before.size(), RE2::ANCHOR_START, &m, 1)) {
    re2::StringPiece last = Piece(before.substr(0, m.size()));
    return future_at_end->Match(last, 0, last.size(), RE2::UNANCHORED, nullptr, 0) ? 1 : -1;
  }
  if (cue->Match(Piece(after), 0, after.size(), RE2::UNANCHORED, &m, 1)) {
    size_t start = m.data() - after.data();
    return future->Match(Piece(after), start, start + m.size(), RE2::ANCHOR_BOTH, nullptr, 0) ? 1
                                                                                              : -1;
  }
  return 0;
}

TimexTagger::TimexTagger(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TimexTagger::~TimexTagger() = default;

const TimexRules& TimexTagger::rules() const { return impl_->rules->proto().timex(); }

absl::StatusOr<std::unique_ptr<TimexTagger>> TimexTagger::Create(const Rules& rules) {
  auto impl = std::make_unique<Impl>(rules);
  const TimexRules& timex = rules.proto().timex();
  impl->vocabulary = timex_internal::MakeVocabulary(timex);
  for (const std::string& a : rules.proto().abbreviations()) {
    impl->abbreviations.insert(absl::AsciiStrToLower(a));
  }
  std::vector<std::string> errors;
  std::vector<std::string> alternatives;
  impl->set = std::make_unique<RE2::Set>(PatternOptions(false), RE2::ANCHOR_BOTH);
  static const LazyRE2 kNamedGroup = {R"(\(\?P<\w+>)"};
  for (const TimexPattern& p : timex.patterns()) {
    std::string where = absl::StrCat("timex pattern '", p.id(), "'");
    if (p.type() != "DATE" && p.type() != "TIME" && p.type() != "DURATION" && p.type() != "SET") {
      errors.push_back(
          absl::StrCat(where, " type: '", p.type(), "'; valid choices: DATE, TIME, DURATION, SET"));
    }
    if (p.resolver() == TIMEX_RESOLVER_UNSPECIFIED) {
      errors.push_back(absl::StrCat(where, " resolver: missing"));
    }
    absl::StatusOr<std::string> expanded = rules.ExpandMacros(p.regex());
    if (!expanded.ok()) {
      errors.push_back(absl::StrCat(where, " regex: ", expanded.status().message()));
      continue;
    }
    CompiledTimex c;
    c.pattern = &p;
    c.re = std::make_unique<RE2>(*expanded, PatternOptions(false));
    if (!c.re->ok()) {
      errors.push_back(absl::StrCat(where, " regex: ", c.re->error()));
      continue;
    }
    for (const auto& [name, index] : c.re->NamedCapturingGroups()) {
      const char* const* known = std::find(std::begin(timex_internal::kGroupNames),
                                           std::end(timex_internal::kGroupNames), name);
      if (known == std::end(timex_internal::kGroupNames)) {
        errors.push_back(absl::StrCat(where, " regex: unknown group '", name, "'; valid choices: ",
                                      absl::StrJoin(timex_internal::kGroupNames, ", ")));
        continue;
      }
      c.groups.emplace_back(
          static_cast<timex_internal::Group>(known - std::begin(timex_internal::kGroupNames)),
          index);
      c.captures = std::max(c.captures, index + 1);
    }
    if (c.captures > kMaxCaptures) {
      errors.push_back(absl::StrCat(where, " regex: more than ", kMaxCaptures - 1,
                                    " groups before its last named one"));
    }
    std::string plain = *expanded;
    RE2::GlobalReplace(&plain, *kNamedGroup, "(?:");
    alternatives.push_back(absl::StrCat("(?:", plain, ")"));
    std::string error;
    if (impl->set->Add(plain, &error) < 0) errors.push_back(absl::StrCat(where, ": ", error));
    impl->patterns.push_back(std::move(c));
  }
  std::string cues[2];  // future, past
  for (auto [field, regex, target] : {std::make_tuple("future_cue", &timex.future_cue(), &cues[0]),
                                      std::make_tuple("past_cue", &timex.past_cue(), &cues[1])}) {
    absl::StatusOr<std::unique_ptr<RE2>> f =
        rules.Compile(regex->empty() ? "[^\\x00-\\x{10FFFF}]" : *regex);  // empty: never
    if (!f.ok()) {
      errors.push_back(absl::StrCat("timex ", field, ": ", f.status().message()));
    } else if ((*f)->NumberOfCapturingGroups() != 0) {
      errors.push_back(absl::StrCat("timex ", field, ": has a capturing group; use (?:...)"));
    } else {
      *target = (*f)->pattern();
    }
  }
  if (errors.empty() && !(timex.future_cue().empty() && timex.past_cue().empty())) {
    std::string either = absl::StrCat("(?:", cues[0], ")|(?:", cues[1], ")");
    impl->up_to_last_cue =
        std::make_unique<RE2>(absl::StrCat("(?s:.*)(?:", either, ")"), PatternOptions(false));
    impl->cue = std::make_unique<RE2>(either, PatternOptions(false));
    impl->future = std::make_unique<RE2>(cues[0], PatternOptions(false));
    impl->future_at_end =
        std::make_unique<RE2>(absl::StrCat("(?:", cues[0], ")\\z"), PatternOptions(false));
    for (const RE2* re : {impl->up_to_last_cue.get(), impl->cue.get(), impl->future.get(),
                          impl->future_at_end.get()}) {
      if (!re->ok()) errors.push_back(absl::StrCat("timex cues: ", re->error()));
    }
  }
  if (errors.empty()) {
    impl->any = std::make_unique<RE2>(absl::StrJoin(alternatives, "|"), PatternOptions(true));
    if (!impl->any->ok()) errors.push_back(absl::StrCat("timex patterns: ", impl->any->error()));
    if (!impl->set->Compile()) errors.push_back("timex patterns: the set does not compile");
  }
  if (!errors.empty()) return absl::InvalidArgumentError(absl::StrJoin(errors, "\n"));
  return std::unique_ptr<TimexTagger>(new TimexTagger(std::move(impl)));
}

std::vector<Timex> TimexTagger::Tag(absl::string_view text, absl::CivilDay dct) const {
  using timex_internal::Group;
  std::vector<Timex> out;
  if (impl_->patterns.empty()) return out;
  out.reserve(8);
  const re2::StringPiece input = Piece(text);
  Point reference{dct, timex_internal::Gran::kDay};
  size_t pos = 0;
  std::vector<int> candidates;
  re2::StringPiece groups[kMaxCaptures];
  while (pos < text.size()) {
    // The DFA alone finds where the next expression is; which pattern it
    // is and its groups are read on that span only.
    re2::StringPiece m;
    if (!impl_->any->Match(input, pos, input.size(), RE2::UNANCHORED, &m, 1)) break;
    size_t begin = m.data() - input.data();
    size_t end = begin + m.size();
    pos = end > begin ? end : begin + 1;
    if (m.empty()) continue;
    // The span and a byte either side, for word boundaries: RE2 picks its
    // engine by the size of the whole text it is given, and on a short one
    // it reads the groups without a DFA pass first.
    const size_t window_begin = begin > 0 ? begin - 1 : 0;
    const re2::StringPiece window =
        input.substr(window_begin, std::min(end + 1, text.size()) - window_begin);
    candidates.clear();
    impl_->set->Match(m, &candidates);
    std::sort(candidates.begin(), candidates.end());
    for (int index : candidates) {
      const CompiledTimex& c = impl_->patterns[index];
      // The set matched the span alone; the pattern must also match it in
      // its context (word boundaries at its ends). A pattern without named
      // groups needs no captures, so the DFA answers that.
      const int captures = c.groups.empty() ? 0 : c.captures;
      if (!c.re->Match(window, begin - window_begin, end - window_begin, RE2::ANCHOR_BOTH, groups,
                       captures)) {
        continue;
      }
      if (c.pattern->resolver() == TIMEX_RESOLVER_REJECT) break;
      Match match;
      size_t span_begin = begin, span_end = end;
      for (const auto& [group, i] : c.groups) {
        if (groups[i].data() == nullptr) continue;
        if (group == Group::kT) {
          span_begin = groups[i].data() - input.data();
          span_end = span_begin + groups[i].size();
        }
        match.groups[group] = View(groups[i]);
      }
      // A sentence's final period is not part of a month's name: keep it
      // only after an abbreviation ("Jan.", "Sept.", "a.m.").
      if (span_end - span_begin > 1 && text[span_end - 1] == '.') {
        size_t word = span_end - 1;
        while (word > span_begin &&
               (absl::ascii_isalpha(text[word - 1]) || text[word - 1] == '.')) {
          --word;
        }
        std::string last = absl::AsciiStrToLower(text.substr(word, span_end - word));
        if (!impl_->abbreviations.contains(last)) --span_end;
      }
      match.text = text.substr(span_begin, span_end - span_begin);
      // Tense only matters for what repeats every week or year.
      bool cyclic =
          !match.has(Group::kYear) &&
          (match.has(Group::kWeekday) || match.has(Group::kMonth) || match.has(Group::kQuarter) ||
           match.has(Group::kHalfYear) || match.has(Group::kSeason));
      auto tense = [&] { return impl_->Tense(text, span_begin, span_end); };
      if (cyclic && c.pattern->resolver() == TIMEX_RESOLVER_POINT) match.tell_tense.emplace(tense);
      absl::optional<std::string> value = timex_internal::Resolve(
          *c.pattern, match, dct, impl_->vocabulary, impl_->numbers, &reference);
      if (!value) continue;
      Timex t;
      t.begin = static_cast<int>(span_begin);
      t.end = static_cast<int>(span_end);
      t.type = c.pattern->type();
      if (t.type == "DATE" && c.pattern->resolver() == TIMEX_RESOLVER_POINT &&
          value->find('T') != std::string::npos) {
        t.type = "TIME";  // a part of a day or a clock time
      }
      t.value = std::move(*value);
      t.pattern = c.pattern;
      out.push_back(std::move(t));
      break;
    }
  }
  return out;
}

absl::Status TagJsonLinesFile(const TimexTagger& tagger, const std::string& path,
                              absl::FunctionRef<absl::Status(absl::string_view)> sink) {
  google::protobuf::util::JsonPrintOptions print;
  print.always_print_primitive_fields = true;
  print.preserve_proto_field_names = true;
  std::string json;
  TimexDocumentIn doc;
  return ForEachJsonLine(
      path, "expected one JSON object {\"id\", \"dct\" (YYYY-MM-DD), \"text\"} per line", &doc,
      [&](const std::string& where) -> absl::Status {
        if (doc.dct().empty()) doc.set_dct(doc.published());
        absl::optional<absl::CivilDay> dct = ParseIsoDate(doc.dct());
        if (!dct) {
          return absl::InvalidArgumentError(
              absl::StrCat(where, ": \"dct\": expected a date YYYY-MM-DD, got '", doc.dct(), "'"));
        }
        TimexDocumentOut result;
        result.set_id(doc.id());
        for (const Timex& t : tagger.Tag(doc.text(), *dct)) {
          TimexSpan* span = result.add_timexes();
          span->set_begin(t.begin);
          span->set_end(t.end);
          span->set_text(doc.text().substr(t.begin, t.end - t.begin));
          span->set_type(t.type);
          span->set_value(t.value);
        }
        json.clear();
        const auto printed = google::protobuf::util::MessageToJsonString(result, &json, print);
        if (!printed.ok()) {
          return absl::InternalError(absl::StrCat(where, ": ", printed.message().data()));
        }
        json.push_back('\n');
        return sink(json);
      });
}

}  // namespace crosscheck
