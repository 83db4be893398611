#include "checker/ingest/ingest.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "checker/base/dates.h"
#include "checker/base/re2_util.h"
#include "checker/base/textproto.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/json_util.h"
#include "rapidjson/document.h"
#include "re2/re2.h"
#include "unicode/utf8.h"

namespace crosscheck {
namespace {

namespace fs = std::filesystem;

constexpr absl::string_view kSidecarSuffix = ".meta.textproto";

bool IsArticleFile(const fs::path& p) {
  std::string name = p.filename().string();
  return (absl::EndsWith(name, ".txt") || absl::EndsWith(name, ".jsonl")) &&
         !absl::EndsWith(name, kSidecarSuffix);
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open file"));
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return absl::DataLossError(absl::StrCat(path, ": read error"));
  return buffer.str();
}

// The file name without directory and extension.
std::string Stem(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  size_t dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(0, dot);
}

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

}  // namespace

absl::Status CheckText(absl::string_view name, absl::string_view bytes) {
  const int32_t size = static_cast<int32_t>(bytes.size());
  const uint8_t* s = reinterpret_cast<const uint8_t*>(bytes.data());
  int line = 1;
  int32_t line_start = 0;
  for (int32_t i = 0; i < size;) {
    const int32_t at = i;
    // ASCII, most of any text, without decoding.
    if (s[i] != 0 && s[i] < 0x80) {
      if (s[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, size, c);
    if (c == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(name, ":", line, ":", at - line_start + 1, " (byte offset ", at,
                       "): NUL byte: this looks like a binary file; expected UTF-8 text"));
    }
    if (c < 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          name, ":", line, ":", at - line_start + 1, " (byte offset ", at,
          "): invalid UTF-8 byte 0x", absl::Hex(s[at], absl::kZeroPad2), "; expected UTF-8 text"));
    }
    if (c == '\n') {
      ++line;
      line_start = i;
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> ListArticleFiles(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      return absl::NotFoundError(absl::StrCat(path, ": no such file or directory"));
    }
    if (fs::is_directory(status)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(path, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file() && IsArticleFile(it->path())) {
          found.push_back(it->path().string());
        }
      }
      if (ec) return absl::PermissionDeniedError(absl::StrCat(path, ": ", ec.message()));
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
      continue;
    }
    if (absl::EndsWith(path, kSidecarSuffix)) continue;  // read with its article
    if (!IsArticleFile(path)) {
      return absl::InvalidArgumentError(
          absl::StrCat(path,
                       ": unsupported file type; expected an article as .txt "
                       "(with optional .meta.textproto sidecar) or .jsonl"));
    }
    files.push_back(path);
  }
  return files;
}

ArticleReader::ArticleReader(const Rules& rules) : rules_(rules) {
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

absl::optional<absl::CivilDay> ArticleReader::FindDateline(absl::string_view line) const {
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

void ArticleReader::InferMetadata(Article* a) const {
  const std::string& text = a->text();
  absl::string_view view(text);
  auto mark = [](MetadataSource* field, MetadataSource source) {
    if (*field == METADATA_SOURCE_UNSPECIFIED) *field = source;
  };
  MetadataSource outlet_src = a->outlet_source(), pub_src = a->published_source(),
                 title_src = a->title_source();
  if (!a->outlet().empty()) mark(&outlet_src, METADATA_SOURCE_SIDECAR);
  if (!a->published().empty()) mark(&pub_src, METADATA_SOURCE_SIDECAR);
  if (!a->title().empty()) mark(&title_src, METADATA_SOURCE_SIDECAR);

  // "date 2019-01-25" marker, anywhere near the top.
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
      pub_src = METADATA_SOURCE_DATE_LINE;
    }
  }
  // "Source:" line with a URL on it or on the next non-empty line.
  static const LazyRE2 kSourceLine = {
      R"((?m)^[ \t]*Source:[ \t]*(?:\r?\n[ \t]*)*<?(https?://[^\s<>]+)>?)"};
  re2::StringPiece url;
  if (view.find("Source:") != absl::string_view::npos &&
      RE2::PartialMatch(text, *kSourceLine, &url)) {
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
  // Outlet and date from the URL.
  if (!a->url().empty()) {
    std::string host = Host(a->url());
    if (a->outlet().empty()) {
      for (const Outlet& o : rules_.proto().outlets()) {
        for (const std::string& d : o.domains()) {
          if (host == d || absl::EndsWith(host, absl::StrCat(".", d))) {
            a->set_outlet(o.name());
          }
        }
        if (!a->outlet().empty()) break;
      }
      if (a->outlet().empty() && !host.empty()) a->set_outlet(host);
      if (!a->outlet().empty()) outlet_src = METADATA_SOURCE_URL;
    }
    if (a->published().empty()) {
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
          pub_src = METADATA_SOURCE_URL;
          break;
        }
      }
    }
  }
  // The first lines: masthead, headline, a date line under the headline.
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
          outlet_src = METADATA_SOURCE_MASTHEAD;
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
        pub_src = METADATA_SOURCE_DATE_LINE;
      }
      AddSpan(a, b, e);
      continue;
    }
    if (a->title().empty()) {
      int words = static_cast<int>(
          std::vector<absl::string_view>(absl::StrSplit(line, ' ', absl::SkipEmpty())).size());
      static const LazyRE2 kFinal = {R"([.!?]["”’]?$)"};
      if (words >= 4 && words <= 30 && !RE2::PartialMatch(Piece(line), *kFinal)) {
        a->set_title(std::string(line));
        title_src = METADATA_SOURCE_FIRST_LINE;
      }
    }
  }
  a->set_outlet_source(a->outlet().empty() ? METADATA_SOURCE_NONE : outlet_src);
  a->set_published_source(a->published().empty() ? METADATA_SOURCE_NONE : pub_src);
  a->set_title_source(a->title().empty() ? METADATA_SOURCE_NONE : title_src);
  std::sort(a->mutable_metadata_spans()->begin(), a->mutable_metadata_spans()->end(),
            [](const Span& x, const Span& y) { return x.begin() < y.begin(); });
}

absl::StatusOr<Article> ArticleReader::ReadTextFile(const std::string& path) const {
  absl::StatusOr<std::string> bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  if (absl::StripAsciiWhitespace(*bytes).empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ":1:1: empty file; expected the text of a news article"));
  }
  if (absl::Status s = CheckText(path, *bytes); !s.ok()) return s;
  Article article;
  std::string sidecar = path.substr(0, path.size() - 4) + std::string(kSidecarSuffix);
  std::error_code ec;
  if (fs::exists(sidecar, ec)) {
    absl::StatusOr<std::string> meta = ReadFile(sidecar);
    if (!meta.ok()) return meta.status();
    if (absl::Status s = ParseTextProto(sidecar, *meta, &article); !s.ok()) return s;
    if (!article.text().empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(sidecar, ": a sidecar holds metadata only; the text is in ", path));
    }
    if (!article.published().empty() && !ParseIsoDate(article.published())) {
      return absl::InvalidArgumentError(absl::StrCat(
          sidecar, ": published: expected YYYY-MM-DD, got '", article.published(), "'"));
    }
  }
  if (article.id().empty()) article.set_id(Stem(path));
  article.set_path(path);
  article.set_text(std::move(*bytes));
  InferMetadata(&article);
  return article;
}

namespace {

// The Article of a JSON line, parsed by RapidJSON, which is several times
// faster than protobuf's JSON parser on article-sized strings: when the line
// is one object whose members are strings (or null) for Article's string
// fields, or scalars under names Article does not have (ignored, as the
// protobuf parser is told to). Nullopt for anything else (a syntax error,
// another value type, a name given twice, text that decodes to invalid
// UTF-8), which the protobuf parser then parses or explains as it always has.
// `escapes`: whether the line has "\u" escapes (only then can a decoded
// value be invalid UTF-8).
absl::optional<Article> ParseSimpleJsonArticle(const std::string& json, bool escapes) {
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  if (d.HasParseError() || !d.IsObject()) return absl::nullopt;
  Article article;
  const google::protobuf::Descriptor* descriptor = Article::descriptor();
  const google::protobuf::Reflection* reflection = Article::GetReflection();
  std::vector<const google::protobuf::FieldDescriptor*> seen;
  for (const auto& member : d.GetObject()) {
    const std::string name(member.name.GetString(), member.name.GetStringLength());
    const google::protobuf::FieldDescriptor* field = descriptor->FindFieldByName(name);
    if (field == nullptr) field = descriptor->FindFieldByCamelcaseName(name);
    if (field == nullptr) {
      if (member.value.IsObject() || member.value.IsArray()) return absl::nullopt;
      continue;
    }
    if (std::find(seen.begin(), seen.end(), field) != seen.end()) return absl::nullopt;
    seen.push_back(field);
    if (member.value.IsNull()) continue;
    if (field->type() != google::protobuf::FieldDescriptor::TYPE_STRING || field->is_repeated() ||
        !member.value.IsString()) {
      return absl::nullopt;
    }
    absl::string_view value(member.value.GetString(), member.value.GetStringLength());
    // "\uDC00" alone decodes to bytes that are not UTF-8.
    if (escapes && !CheckText("", value).ok()) return absl::nullopt;
    reflection->SetString(&article, field, std::string(value));
  }
  return article;
}

}  // namespace

absl::StatusOr<Article> ArticleReader::ParseJsonLine(const std::string& file, int line,
                                                     const std::string& json) const {
  std::string where = absl::StrCat(file, ":", line);
  if (absl::Status s = CheckText(where, json); !s.ok()) return s;
  const bool escapes = json.find("\\u") != std::string::npos;
  absl::optional<Article> simple = ParseSimpleJsonArticle(json, escapes);
  Article article;
  if (simple) {
    article = std::move(*simple);
  } else {
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = true;
    const auto parsed = google::protobuf::util::JsonStringToMessage(json, &article, options);
    if (!parsed.ok()) {
      std::string message(parsed.message().data(), parsed.message().size());
      message = message.substr(0, message.find('\n'));
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": not a JSON article object (", message,
                       "); expected {\"id\",\"url\",\"outlet\",\"published\",\"title\",\"text\"}"));
    }
  }
  if (absl::StripAsciiWhitespace(article.text()).empty()) {
    return absl::InvalidArgumentError(absl::StrCat(where, ": article has no \"text\""));
  }
  // JSON escapes can smuggle in what the raw line check could not see:
  // "\u0000", or half of a surrogate pair. (The others decode to ASCII. The
  // simple parse took only values that pass this check.)
  if (escapes && !simple) {
    if (absl::Status s = CheckText(absl::StrCat(where, " \"text\""), article.text()); !s.ok()) {
      return s;
    }
  }
  if (article.published().empty() && !article.dct().empty()) {
    article.set_published(article.dct());  // TimeML/TempEval records
  }
  article.clear_dct();
  if (!article.published().empty() && !ParseIsoDate(article.published())) {
    absl::optional<DateRange> d = ParseWrittenDate(article.published(), absl::nullopt);
    if (!d) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ": \"published\": expected YYYY-MM-DD, got '", article.published(), "'"));
    }
    article.set_published(FormatIsoDate(d->first));
  }
  if (article.id().empty()) article.set_id(absl::StrCat(Stem(file), "_", line));
  article.set_path(where);
  // Whatever the record carried is publisher metadata.
  article.set_outlet_source(METADATA_SOURCE_UNSPECIFIED);
  article.set_published_source(METADATA_SOURCE_UNSPECIFIED);
  article.set_title_source(METADATA_SOURCE_UNSPECIFIED);
  article.clear_metadata_spans();
  InferMetadata(&article);
  return article;
}

absl::Status ArticleReader::ReadRaw(const std::vector<std::string>& paths,
                                    absl::FunctionRef<absl::Status(RawArticle)> sink) const {
  absl::StatusOr<std::vector<std::string>> files = ListArticleFiles(paths);
  if (!files.ok()) return files.status();
  for (const std::string& file : *files) {
    RawArticle raw;
    raw.file = file;
    if (absl::EndsWith(file, ".txt")) {
      if (absl::Status s = sink(std::move(raw)); !s.ok()) return s;
      continue;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      raw.error = absl::NotFoundError(absl::StrCat(file, ": cannot open file"));
      if (absl::Status s = sink(std::move(raw)); !s.ok()) return s;
      continue;
    }
    std::string line;
    int number = 0;
    int articles = 0;
    while (std::getline(in, line)) {
      ++number;
      if (absl::StripAsciiWhitespace(line).empty()) continue;
      ++articles;
      RawArticle item;
      item.file = file;
      item.line = number;
      item.json = std::move(line);
      line.clear();
      if (absl::Status s = sink(std::move(item)); !s.ok()) return s;
    }
    if (articles == 0) {
      raw.error = absl::InvalidArgumentError(
          absl::StrCat(file, ":1: ", number == 0 ? "empty file" : "no articles",
                       "; expected one JSON article object per line"));
      if (absl::Status s = sink(std::move(raw)); !s.ok()) return s;
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<Article> ArticleReader::Parse(const RawArticle& raw) const {
  if (!raw.error.ok()) return raw.error;
  if (raw.line == 0) return ReadTextFile(raw.file);
  return ParseJsonLine(raw.file, raw.line, raw.json);
}

Problem ProblemOf(const absl::Status& status) {
  Problem p;
  std::string message(status.message());
  size_t colon = message.find(": ");
  p.set_location(message.substr(0, colon));
  p.set_message(colon == std::string::npos ? message : message.substr(colon + 2));
  return p;
}

absl::Status ArticleReader::Read(const std::vector<std::string>& paths, bool strict,
                                 std::vector<Problem>* problems,
                                 absl::FunctionRef<absl::Status(Article)> sink) const {
  return ReadRaw(paths, [&](RawArticle raw) -> absl::Status {
    absl::StatusOr<Article> article = Parse(raw);
    if (!article.ok()) {
      if (strict) return article.status();
      problems->push_back(ProblemOf(article.status()));
      return absl::OkStatus();
    }
    return sink(std::move(*article));
  });
}

}  // namespace crosscheck
