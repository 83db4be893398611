#include "checker/ingest/metadata.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "checker/base/dates.h"
#include "checker/base/re2_util.h"

namespace crosscheck {
namespace {

// Host of a URL without "www.", lower-case.
std::string Host(absl::string_view url) {
  static const LazyRE2 kHost = {R"((?i)^[a-z][a-z0-9+.-]*://(?:[^/@]*@)?([^/:?#]+))"};
  std::string host;
  if (!RE2::PartialMatch(Piece(url), *kHost, &host)) return "";
  host = absl::AsciiStrToLower(host);
  absl::string_view h(host);
  absl::ConsumePrefix(&h, "www.");
  return std::string(h);
}

// Byte offset of the start of line `n` (0-based) and its end.
std::pair<int, int> LineSpan(absl::string_view text, int begin) {
  size_t end = text.find('\n', begin);
  return {begin,
          end == absl::string_view::npos ? static_cast<int>(text.size()) : static_cast<int>(end)};
}

void AddSpan(Article* a, int begin, int end) {
  Span* s = a->add_metadata_spans();
  s->set_begin(begin);
  s->set_end(end);
}

// Marks the fields the record gave (whose source it did not say) as the
// sidecar's.
void MarkGivenFields(Article* a) {
  auto mark = [](const std::string& field, MetadataSource source, auto set) {
    if (!field.empty() && source == METADATA_SOURCE_UNSPECIFIED) set(METADATA_SOURCE_SIDECAR);
  };
  mark(a->outlet(), a->outlet_source(), [a](MetadataSource s) { a->set_outlet_source(s); });
  mark(a->published(), a->published_source(),
       [a](MetadataSource s) { a->set_published_source(s); });
  mark(a->title(), a->title_source(), [a](MetadataSource s) { a->set_title_source(s); });
}

// A "date 2019-01-25" marker line, anywhere near the top: a metadata span,
// and the publication date.
void ReadDateMarker(Article* a) {
  const std::string& text = a->text();
  static const LazyRE2 kDateLine = {R"((?m)^[ \t]*(date[ \t]+(\d{4}-\d{2}-\d{2}))\b[ \t]*)"};
  re2::StringPiece head(text.data(), std::min<size_t>(text.size(), 4096));
  re2::StringPiece marker, iso;
  // (A plain search first: the pattern is rare, and RE2 would scan the
  // whole head of every article.)
  if (View(head).find("date") != absl::string_view::npos &&
      RE2::PartialMatch(head, *kDateLine, &marker, &iso)) {
    int b = static_cast<int>(marker.data() - text.data());
    AddSpan(a, b, b + static_cast<int>(marker.size()));
    if (a->published().empty() && ParseIsoDate(View(iso))) {
      a->set_published(std::string(View(iso)));
      a->set_published_source(METADATA_SOURCE_DATE_LINE);
    }
  }
}

// A "Source:" line with a URL on it or on the next non-empty line: a
// metadata span (label and URL), and the URL.
void ReadSourceLine(Article* a) {
  const std::string& text = a->text();
  static const LazyRE2 kSourceLine = {
      R"((?m)^[ \t]*Source:[ \t]*(?:\r?\n[ \t]*)*<?(https?://[^\s<>]+)>?)"};
  re2::StringPiece url;
  if (text.find("Source:") != std::string::npos && RE2::PartialMatch(text, *kSourceLine, &url)) {
    // The whole matched block is metadata.
    re2::StringPiece rest(text);
    re2::StringPiece u2;
    if (RE2::FindAndConsume(&rest, *kSourceLine, &u2)) {
      int end = static_cast<int>(rest.data() - text.data());
      size_t begin = text.rfind("Source:", static_cast<size_t>(u2.data() - text.data()));
      if (begin != std::string::npos) AddSpan(a, static_cast<int>(begin), end);
    }
    if (a->url().empty()) a->set_url(std::string(View(url)));
  }
}

// The outlet of the URL's host: the first of `outlets` with the host or a
// parent of it among its domains, else the host itself.
void OutletFromUrl(const google::protobuf::RepeatedPtrField<Outlet>& outlets, Article* a) {
  std::string host = Host(a->url());
  for (const Outlet& o : outlets) {
    for (const std::string& d : o.domains()) {
      if (host == d || absl::EndsWith(host, absl::StrCat(".", d))) {
        a->set_outlet(o.name());
      }
    }
    if (!a->outlet().empty()) break;
  }
  if (a->outlet().empty() && !host.empty()) a->set_outlet(host);
  if (!a->outlet().empty()) a->set_outlet_source(METADATA_SOURCE_URL);
}

// Whether a first line reads as a headline: 4 to 30 words, not ending as
// a sentence does.
bool IsHeadline(absl::string_view line) {
  int words = static_cast<int>(
      std::vector<absl::string_view>(absl::StrSplit(line, ' ', absl::SkipEmpty())).size());
  static const LazyRE2 kFinal = {R"([.!?]["”’]?$)"};
  return words >= 4 && words <= 30 && !RE2::PartialMatch(Piece(line), *kFinal);
}

// NONE as the source of each field still empty; the spans by start.
void Finish(Article* a) {
  if (a->outlet().empty()) a->set_outlet_source(METADATA_SOURCE_NONE);
  if (a->published().empty()) a->set_published_source(METADATA_SOURCE_NONE);
  if (a->title().empty()) a->set_title_source(METADATA_SOURCE_NONE);
  std::sort(a->mutable_metadata_spans()->begin(), a->mutable_metadata_spans()->end(),
            [](const Span& x, const Span& y) { return x.begin() < y.begin(); });
}

}  // namespace

MetadataInference::MetadataInference(const Rules& rules) : rules_(rules), clocks_(rules.proto()) {
  // Loading validated these patterns.
  for (const Outlet& o : rules.proto().outlets()) {
    if (o.masthead().empty()) continue;
    absl::StatusOr<std::unique_ptr<RE2>> re = rules.Compile(o.masthead());
    if (re.ok()) mastheads_.emplace_back(&o, std::move(*re));
  }
  for (const std::string& pattern : rules.proto().url_date_patterns()) {
    absl::StatusOr<std::unique_ptr<RE2>> re = rules.Compile(pattern);
    if (re.ok()) url_dates_.push_back(std::move(*re));
  }
  absl::StatusOr<std::unique_ptr<RE2>> date = rules.Compile("({DATE})");
  if (date.ok()) written_date_ = std::move(*date);
}

absl::optional<absl::CivilDay> MetadataInference::FindDateline(absl::string_view line) const {
  // Datelines are short: "PUBLISHED: THURSDAY, MAY 2, 2013, 1:32 PM",
  // "Posted on Thu Jun 13, 2013 08:45 AM PDT", "05 / 02 / 2013". A prose
  // sentence that mentions a date is not one.
  int words = static_cast<int>(
      std::vector<absl::string_view>(absl::StrSplit(line, ' ', absl::SkipEmpty())).size());
  if (words > 16) return absl::nullopt;
  // Datelines are capitals, numbers and a few function words; prose has
  // lower-case words ("Page was born on April 22, 1923, in Nashville").
  static const LazyRE2 kLowerWord = {R"(\b([a-z][a-z']+)\b)"};
  re2::StringPiece scan = Piece(line);
  std::string word;
  int prose_words = 0;
  while (RE2::FindAndConsume(&scan, *kLowerWord, &word)) {
    static const char* const kDatelineWords[] = {
        "on",   "at",    "by",         "am", "pm",  "updated", "published", "posted",
        "last", "first", "originally", "of", "the", "edt",     "est"};
    bool allowed = false;
    for (const char* w : kDatelineWords) allowed |= word == w;
    prose_words += allowed ? 0 : 1;
  }
  if (prose_words > 1) return absl::nullopt;
  if (written_date_ != nullptr) {
    re2::StringPiece rest = Piece(line);
    re2::StringPiece found;
    while (RE2::FindAndConsume(&rest, *written_date_, &found)) {
      absl::optional<DateRange> d = ParseWrittenDate(View(found), absl::nullopt);
      if (d && d->granularity == GRANULARITY_DAY) return d->first;
    }
  }
  static const LazyRE2 kNumeric = {R"((?:^|\D)(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?:\D|$))"};
  int m, d, y;
  if (RE2::PartialMatch(Piece(line), *kNumeric, &m, &d, &y)) {
    return MakeDay(y, m, d);  // US order: month / day / year
  }
  return absl::nullopt;
}

void MetadataInference::DateFromUrl(Article* a) const {
  for (const std::unique_ptr<RE2>& re : url_dates_) {
    const auto& groups = re->NamedCapturingGroups();
    int n = re->NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> g(n);
    if (!re->Match(a->url(), 0, a->url().size(), RE2::UNANCHORED, g.data(), n)) {
      continue;
    }
    int y = 0, m = 0, d = 0;
    std::string ms(View(g[groups.at("m")]));
    if (!absl::SimpleAtoi(ms, &m)) m = MonthFromName(ms);
    if (!absl::SimpleAtoi(View(g[groups.at("y")]), &y) ||
        !absl::SimpleAtoi(View(g[groups.at("d")]), &d)) {
      continue;
    }
    if (absl::optional<absl::CivilDay> day = MakeDay(y, m, d)) {
      a->set_published(FormatIsoDate(*day));
      a->set_published_source(METADATA_SOURCE_URL);
      break;
    }
  }
}

void MetadataInference::ReadHeaderLines(Article* a) const {
  absl::string_view view(a->text());
  // A time the record gives stands; the text's is for records without one.
  const bool time_given = !a->published_time().empty();
  int pos = 0;
  for (int n = 0; n < 6 && pos < static_cast<int>(view.size()); ++n) {
    auto [b, e] = LineSpan(view, pos);
    pos = e + 1;
    absl::string_view line = absl::StripAsciiWhitespace(view.substr(b, e - b));
    if (line.empty()) {
      --n;
      if (pos > 4096) break;
      continue;
    }
    bool is_metadata = false;
    for (const auto& [outlet, re] : mastheads_) {
      if (RE2::PartialMatch(Piece(line), *re)) {
        if (a->outlet().empty()) {
          a->set_outlet(outlet->name());
          a->set_outlet_source(METADATA_SOURCE_MASTHEAD);
        }
        AddSpan(a, b, e);
        is_metadata = true;
        break;
      }
    }
    if (is_metadata) continue;
    if (absl::optional<absl::CivilDay> day = FindDateline(line)) {
      if (a->published().empty()) {
        a->set_published(FormatIsoDate(*day));
        a->set_published_source(METADATA_SOURCE_DATE_LINE);
      }
      if (!time_given) TimeFromLine(line, day, a);
      AddSpan(a, b, e);
      continue;
    }
    // "Updated 14:05 GMT", "Last updated at 11:11 GMT": a time line.
    static const LazyRE2 kTimeLine = {
        R"((?i)^\W*(?:last\s+|first\s+)?(?:updated|published|posted|modified)\b)"};
    if (RE2::PartialMatch(Piece(line), *kTimeLine) && line.size() < 120) {
      if (!time_given) TimeFromLine(line, absl::nullopt, a);
      AddSpan(a, b, e);
      continue;
    }
    if (a->title().empty() && IsHeadline(line)) {
      a->set_title(std::string(line));
      a->set_title_source(METADATA_SOURCE_FIRST_LINE);
    }
  }
}

void MetadataInference::TimeFromLine(absl::string_view line,
                                     absl::optional<absl::CivilDay> line_day, Article* a) const {
  absl::optional<absl::CivilDay> published = ParseIsoDate(a->published());
  absl::optional<absl::CivilDay> day = line_day ? line_day : published;
  // A date line of another day than the record's is not this version's.
  if (!day || (line_day && published && *line_day != *published)) return;
  // "PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 22:19 GMT": the last
  // time is the version's.
  for (absl::string_view piece : absl::StrSplit(line, '|')) {
    absl::optional<ClockReading> clock = clocks_.Read(piece);
    if (!clock || clock->from != clock->to || !clock->zone_explicit) continue;
    absl::optional<int> offset = clock->utc_offset;
    if (!offset) offset = UtcOffsetMinutes(clock->iana_zone, *day);
    if (!offset) continue;
    const absl::Time t =
        absl::FromCivil(absl::CivilMinute(*day) + (clock->from - *offset), absl::UTCTimeZone());
    a->set_published_time(absl::FormatTime("%Y-%m-%dT%H:%M:00Z", t, absl::UTCTimeZone()));
  }
}

void MetadataInference::Infer(Article* a) const {
  MarkGivenFields(a);
  ReadDateMarker(a);
  ReadSourceLine(a);
  if (!a->url().empty()) {
    if (a->outlet().empty()) OutletFromUrl(rules_.proto().outlets(), a);
    if (a->published().empty()) DateFromUrl(a);
  }
  ReadHeaderLines(a);
  Finish(a);
}

}  // namespace crosscheck
