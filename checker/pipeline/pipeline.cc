#include "checker/pipeline/pipeline.h"

#include <fcntl.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "checker/base/status_macros.h"
#include "checker/compare/copies.h"
#include "checker/events/event_terms.h"
#include "checker/extract/extract.h"
#include "checker/ingest/ingest.h"
#include "checker/ingest/segment.h"
#include "checker/pipeline/id_registry.h"
#include "checker/pipeline/parallel_map.h"
#include "checker/pipeline/report_builder.h"
#include "checker/pipeline/run_options.h"
#include "checker/storage/claims_file.h"
#include "google/protobuf/io/zero_copy_stream_impl.h"

namespace crosscheck {
namespace {

// The bytes of the regular files among `paths` and under its directories
// (what cannot be read counts 0: reading reports it), counted up to `enough`.
int64_t InputBytes(const std::vector<std::string>& paths, int64_t enough) {
  namespace fs = std::filesystem;
  int64_t bytes = 0;
  std::error_code error;
  for (const std::string& path : paths) {
    if (fs::is_regular_file(path, error)) {
      const auto size = fs::file_size(path, error);
      if (!error) bytes += static_cast<int64_t>(size);
    } else if (fs::is_directory(path, error)) {
      for (fs::recursive_directory_iterator it(path, error), end;
           !error && it != end && bytes < enough; it.increment(error)) {
        if (!it->is_regular_file(error)) continue;
        const auto size = it->file_size(error);
        if (!error) bytes += static_cast<int64_t>(size);
      }
    }
    if (bytes >= enough) break;
  }
  return bytes;
}

// One article of the input, read, parsed, segmented and extracted, with its
// copy fingerprint and text size; or why it could not be read.
absl::StatusOr<ArticleClaims> ExtractArticle(const ArticleReader& reader,
                                             const Segmenter& segmenter, const Extractor& extractor,
                                             const EventTermFinder& event_terms,
                                             const CopyOptions& copy_options,
                                             const RawArticle& raw) {
  ASSIGN_OR_RETURN(Article article, reader.Parse(raw));
  const int64_t bytes = static_cast<int64_t>(article.text().size());
  Document doc = segmenter.Segment(std::move(article));
  ArticleClaims claims = extractor.Extract(doc);
  *claims.mutable_copy_fingerprint() = FingerprintForCopies(doc, copy_options);
  *claims.mutable_event_terms() = event_terms.Find(doc);
  claims.set_text_bytes(bytes);
  return claims;
}

}  // namespace

absl::Status ExtractClaims(const Rules& rules, const std::vector<std::string>& paths,
                           const RunOptions& options, std::vector<Problem>* problems,
                           absl::FunctionRef<absl::Status(ArticleClaims)> sink, bool check_ids) {
  // A large input is extracted with patterns of its own, whose automaton
  // caches go when extraction ends (RunOptions.own_patterns_from).
  std::unique_ptr<Rules> own;
  if (InputBytes(paths, options.own_patterns_from) >= options.own_patterns_from) {
    ASSIGN_OR_RETURN(own, rules.Recompiled());
  }
  const Rules& extraction_rules = own != nullptr ? *own : rules;
  const ArticleReader reader(extraction_rules);
  const Segmenter segmenter(extraction_rules);
  const Extractor extractor(extraction_rules);
  const EventTermFinder event_terms(extraction_rules);
  const int shards = std::max(1, options.shard_count);
  ParallelMapOptions parallel;
  parallel.threads = ThreadCount(options.jobs);
  // Articles read but not yet handed on: bounds memory however slow the
  // sink or fast the reader.
  parallel.max_in_flight = 64 * parallel.threads;
  // Articles are handed to the threads a few at a time: one wake-up per
  // article for every thread costs more than the work on a short article.
  parallel.batch = 4;
  IdRegistry ids;
  return OrderedParallelMap<RawArticle, absl::StatusOr<ArticleClaims>>(
      parallel,
      [&](absl::FunctionRef<absl::Status(RawArticle)> emit) {
        int64_t position = 0;
        return reader.ReadRaw(paths, [&](RawArticle raw) -> absl::Status {
          // A file that cannot be read is reported by every shard.
          if (raw.error.ok() && position++ % shards != options.shard_index) {
            return absl::OkStatus();
          }
          return emit(std::move(raw));
        });
      },
      [&](RawArticle& raw) {
        return ExtractArticle(reader, segmenter, extractor, event_terms, options.copies, raw);
      },
      // In input order: a duplicate id is bad input, as is an article that
      // could not be read.
      [&](absl::StatusOr<ArticleClaims> result) -> absl::Status {
        if (result.ok() && check_ids) {
          const Article& a = result->article();
          if (absl::Status dup = ids.Register(a.id(), a.path()); !dup.ok()) result = dup;
        }
        if (result.ok()) return sink(std::move(*result));
        if (options.strict) return result.status();
        problems->push_back(ProblemOf(result.status()));
        return absl::OkStatus();
      });
}

absl::StatusOr<Report> BuildReport(const Rules& rules, const std::vector<std::string>& paths,
                                   const RunOptions& options, std::unique_ptr<ReportLists>* lists) {
  ReportBuilder builder(rules, options);
  std::vector<Problem> problems;
  const auto start = std::chrono::steady_clock::now();
  RETURN_IF_ERROR(ExtractClaims(
      rules, paths, options, &problems,
      [&](ArticleClaims ac) { return builder.Add(std::move(ac)); }, /*check_ids=*/false));
  if (options.times != nullptr) {
    options.times->threads = ThreadCount(options.jobs);
    options.times->extract = SecondsSince(start);
  }
  for (Problem& p : problems) builder.AddProblem(std::move(p));
  return builder.Finish(lists);
}

bool IsReportFile(const std::string& path) { return absl::EndsWith(path, ".report"); }

absl::StatusOr<Report> ReadReportFile(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return absl::NotFoundError(absl::StrCat(path, ": cannot open file"));
  google::protobuf::io::FileInputStream input(fd);
  input.SetCloseOnDelete(true);
  Report report;
  if (!report.ParseFromZeroCopyStream(&input) || report.articles_size() == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(path,
                     ": byte 0: not a report; expected a binary crosscheck.Report written by "
                     "`crosscheck report --format=proto`"));
  }
  return report;
}

absl::StatusOr<Report> BuildReportFromClaims(const Rules& rules,
                                             const std::vector<std::string>& claims_files,
                                             const RunOptions& options,
                                             std::unique_ptr<ReportLists>* lists) {
  ReportBuilder builder(rules, options);
  const auto start = std::chrono::steady_clock::now();
  for (const std::string& file : claims_files) {
    RETURN_IF_ERROR(ReadClaimsFile(
        file, [&](ArticleClaims ac) { return builder.Add(std::move(ac)); },
        [&](Problem p) { builder.AddProblem(std::move(p)); }));
  }
  if (options.times != nullptr) options.times->extract = SecondsSince(start);
  return builder.Finish(lists);
}

}  // namespace crosscheck
