// Reads articles: plain-text files (with an optional metadata sidecar) and
// JSON Lines files with one article per line, from files and directories.
//
// A text article `NAME.txt` may have a sidecar `NAME.meta.textproto`, a
// `crosscheck.Article` in text format without `text` (outlet, published,
// url, title). What no sidecar says is inferred from the text where it can
// be: a `date YYYY-MM-DD` line, a `Source: <url>` line (outlet and date from
// the URL), a masthead line, a date line under the headline, the headline.
//
// Bad input (a missing path, an empty or binary file, invalid UTF-8, a JSONL
// line that is not a JSON object, a malformed sidecar) is an error naming the
// file and the line or byte offset. In strict mode the first one stops the
// read; otherwise it is recorded as a Problem and the article is skipped.
//
// Example:
//   ArticleReader reader(*rules);
//   absl::Status s = reader.Read({"testdata/caracas"}, /*strict=*/true,
//       &problems, [&](Article a) { ...; return absl::OkStatus(); });
#ifndef CROSSCHECK_CHECKER_INGEST_INGEST_H_
#define CROSSCHECK_CHECKER_INGEST_INGEST_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/optional.h"
#include "checker/ingest/metadata.h"
#include "checker/rules/rule_set.h"
#include "proto/article.pb.h"
#include "proto/report.pb.h"

namespace crosscheck {

// Lists the article files named by `paths`: files as given, directories
// searched recursively for `*.txt` and `*.jsonl` (sorted, sidecars and other
// files ignored). A sidecar named explicitly (`corpus/*` in a shell) is
// skipped too: it is read with its article. Errors name the missing path or
// the unsupported file.
absl::StatusOr<std::vector<std::string>> ListArticleFiles(const std::vector<std::string>& paths);

// Checks that `bytes` are UTF-8 text; the error names `name`, the line and
// column and the byte offset of the first bad byte.
absl::Status CheckText(absl::string_view name, absl::string_view bytes);

// One article's input before parsing: a text file, one line of a JSONL file,
// or a file that cannot be read.
struct RawArticle {
  std::string file;
  // The 1-based line of a JSONL article; 0 for a text file.
  int line = 0;
  // The JSONL line.
  std::string json;
  // Set when `file` cannot be read (missing, empty).
  absl::Status error;
};

// `status` (an error of the form "location: message") as a Problem.
Problem ProblemOf(const absl::Status& status);

// Reads articles. Immutable; thread-safe.
class ArticleReader {
 public:
  // `rules` supplies outlets, mastheads and URL date patterns.
  explicit ArticleReader(const Rules& rules);

  // Streams every article of `paths` to `sink`, one at a time, in file
  // order. With `strict`, the first bad input is returned as the error; else
  // bad inputs are appended to `problems` and skipped. An error from `sink`
  // stops the read and is returned.
  absl::Status Read(const std::vector<std::string>& paths, bool strict,
                    std::vector<Problem>* problems,
                    absl::FunctionRef<absl::Status(Article)> sink) const;

  // Streams the raw articles of `paths` in file order without parsing them
  // (the costly part), so that `Parse` can run on other threads. An error
  // from `sink` stops the read and is returned.
  absl::Status ReadRaw(const std::vector<std::string>& paths,
                       absl::FunctionRef<absl::Status(RawArticle)> sink) const;

  // Parses a raw article: reads a text file (and its sidecar) or parses a
  // JSONL line; returns `raw.error` when set.
  absl::StatusOr<Article> Parse(const RawArticle& raw) const;

  // Reads one text article (and its sidecar, if any).
  absl::StatusOr<Article> ReadTextFile(const std::string& path) const;

  // Parses one JSONL line (1-based `line` for messages) into an article.
  absl::StatusOr<Article> ParseJsonLine(const std::string& file, int line,
                                        const std::string& json) const;

  // Fills what `article` lacks (outlet, published, url, title) from its
  // text and URL, and records metadata spans of the text
  // (MetadataInference::Infer).
  void InferMetadata(Article* article) const;

  // The publication day in a short header line ("Posted on Thu Jun 13, 2013
  // 08:45 AM PDT", "05 / 02 / 2013"), or nullopt
  // (MetadataInference::FindDateline).
  absl::optional<absl::CivilDay> FindDateline(absl::string_view line) const;

 private:
  MetadataInference metadata_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_INGEST_INGEST_H_
