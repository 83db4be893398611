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
#include "absl/strings/str_cat.h"
#include "checker/base/dates.h"
#include "checker/base/status_macros.h"
#include "checker/base/textproto.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/json_util.h"
#include "rapidjson/document.h"
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

ArticleReader::ArticleReader(const Rules& rules) : metadata_(rules) {}

absl::optional<absl::CivilDay> ArticleReader::FindDateline(absl::string_view line) const {
  return metadata_.FindDateline(line);
}

void ArticleReader::InferMetadata(Article* article) const { metadata_.Infer(article); }

absl::StatusOr<Article> ArticleReader::ReadTextFile(const std::string& path) const {
  ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
  if (absl::StripAsciiWhitespace(bytes).empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ":1:1: empty file; expected the text of a news article"));
  }
  RETURN_IF_ERROR(CheckText(path, bytes));
  Article article;
  std::string sidecar = path.substr(0, path.size() - 4) + std::string(kSidecarSuffix);
  std::error_code ec;
  if (fs::exists(sidecar, ec)) {
    ASSIGN_OR_RETURN(std::string meta, ReadFile(sidecar));
    RETURN_IF_ERROR(ParseTextProto(sidecar, meta, &article));
    if (!article.text().empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(sidecar, ": a sidecar holds metadata only; the text is in ", path));
    }
    if (!article.published().empty() && !ParseIsoDate(article.published())) {
      absl::optional<DateTime> t = ParseDateTime(article.published());
      if (!t) {
        return absl::InvalidArgumentError(absl::StrCat(
            sidecar, ": published: expected YYYY-MM-DD or an RFC 3339 date-time, got '",
            article.published(), "'"));
      }
      article.set_published(FormatIsoDate(t->local_day));
      article.set_published_time(t->utc);
    }
  }
  if (article.id().empty()) article.set_id(Stem(path));
  article.set_path(path);
  article.set_text(std::move(bytes));
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
  RETURN_IF_ERROR(CheckText(where, json));
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
    RETURN_IF_ERROR(CheckText(absl::StrCat(where, " \"text\""), article.text()));
  }
  if (article.published().empty() && !article.dct().empty()) {
    article.set_published(article.dct());  // TimeML/TempEval records
  }
  article.clear_dct();
  if (!article.published().empty() && !ParseIsoDate(article.published())) {
    if (absl::optional<DateTime> t = ParseDateTime(article.published())) {
      article.set_published(FormatIsoDate(t->local_day));
      article.set_published_time(t->utc);
    } else {
      absl::optional<DateRange> d = ParseWrittenDate(article.published(), absl::nullopt);
      if (!d) {
        return absl::InvalidArgumentError(absl::StrCat(
            where, ": \"published\": expected YYYY-MM-DD or an RFC 3339 date-time, got '",
            article.published(), "'"));
      }
      article.set_published(FormatIsoDate(d->first));
    }
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
  ASSIGN_OR_RETURN(std::vector<std::string> files, ListArticleFiles(paths));
  for (const std::string& file : files) {
    RawArticle raw;
    raw.file = file;
    if (absl::EndsWith(file, ".txt")) {
      RETURN_IF_ERROR(sink(std::move(raw)));
      continue;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      raw.error = absl::NotFoundError(absl::StrCat(file, ": cannot open file"));
      RETURN_IF_ERROR(sink(std::move(raw)));
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
      RETURN_IF_ERROR(sink(std::move(item)));
    }
    if (articles == 0) {
      raw.error = absl::InvalidArgumentError(
          absl::StrCat(file, ":1: ", number == 0 ? "empty file" : "no articles",
                       "; expected one JSON article object per line"));
      RETURN_IF_ERROR(sink(std::move(raw)));
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
