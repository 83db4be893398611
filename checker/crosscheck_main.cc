// crosscheck: compares what news outlets report about the same event.
//
//   crosscheck report [--format=markdown|json|textproto] PATH...
//   crosscheck claims [--output=FILE] PATH...
//   crosscheck rules
//
// PATH is an article (.txt, with an optional NAME.meta.textproto sidecar),
// a JSON Lines file (.jsonl, one article per line) or a directory of them.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "checker/pipeline.h"
#include "checker/render.h"
#include "checker/rule_set.h"
#include "google/protobuf/util/json_util.h"

ABSL_FLAG(std::string, format, "markdown",
          "report: output format: markdown (for people), json (the protobuf JSON "
          "mapping of crosscheck.Report), or textproto");
ABSL_FLAG(std::string, rules, "",
          "directory of rules (*.textproto); default: the rules shipped with "
          "crosscheck");
ABSL_FLAG(std::string, output, "",
          "write the output to this file (atomically: a temporary file, then "
          "rename) instead of standard output");
ABSL_FLAG(bool, skip_bad_input, false,
          "skip unreadable, empty, binary or non-UTF-8 articles and malformed "
          "JSONL lines, listing them in the report, instead of failing");

namespace crosscheck {
namespace {

namespace fs = std::filesystem;

constexpr char kUsage[] =
    "compares what news outlets report about the same event.\n\n"
    "usage:\n"
    "  crosscheck report [--format=markdown|json|textproto] [--output=FILE] PATH...\n"
    "      Contradictions, discrepancies, disputes, updates and agreement\n"
    "      between the articles, with evidence.\n"
    "  crosscheck claims [--output=FILE] PATH...\n"
    "      Every extracted claim, one JSON object (crosscheck.ArticleClaims)\n"
    "      per article and line.\n"
    "  crosscheck rules\n"
    "      The loaded claim kinds with their descriptions.\n\n"
    "PATH: an article .txt (metadata in an optional NAME.meta.textproto beside it),\n"
    "a .jsonl file with one {\"id\",\"url\",\"outlet\",\"published\",\"title\",\"text\"}\n"
    "object per line, or a directory searched for both.";

// Under `bazel run`, relative paths are the user's, not the runfiles tree's.
std::string UserPath(const std::string& path) {
  const char* wd = std::getenv("BUILD_WORKING_DIRECTORY");
  if (wd == nullptr || path.empty() || fs::path(path).is_absolute()) return path;
  return (fs::path(wd) / path).string();
}

std::string DefaultRulesDir(const char* argv0) {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("CROSSCHECK_RULES")) candidates.push_back(env);
  if (const char* runfiles = std::getenv("RUNFILES_DIR")) {
    candidates.push_back(absl::StrCat(runfiles, "/crosscheck/rules"));
  }
  candidates.push_back(absl::StrCat(argv0, ".runfiles/crosscheck/rules"));
  candidates.push_back("rules");  // `bazel run` starts in the runfiles tree
  for (const std::string& c : candidates) {
    std::error_code ec;
    if (fs::is_directory(c, ec)) return c;
  }
  return candidates.back();
}

// Writes `content` to --output atomically, or to stdout.
absl::Status Emit(const std::string& content) {
  std::string output = UserPath(absl::GetFlag(FLAGS_output));
  if (output.empty()) {
    std::fwrite(content.data(), 1, content.size(), stdout);
    return std::fflush(stdout) == 0 ? absl::OkStatus()
                                    : absl::DataLossError("cannot write to standard output");
  }
  std::string tmp = absl::StrCat(output, ".tmp.", ::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) {
      std::error_code ec;
      fs::remove(tmp, ec);
      return absl::PermissionDeniedError(absl::StrCat(output, ": cannot write"));
    }
  }
  std::error_code ec;
  fs::rename(tmp, output, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return absl::PermissionDeniedError(absl::StrCat(output, ": cannot write: ", ec.message()));
  }
  return absl::OkStatus();
}

int Fail(const absl::Status& status) {
  std::cerr << "crosscheck: " << status.message() << "\n";
  return 1;
}

int Run(int argc, char** argv) {
  absl::SetProgramUsageMessage(kUsage);
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  if (args.size() < 2) {
    std::cerr << "crosscheck " << kUsage << "\n\nSee --help for every flag.\n";
    return 2;
  }
  std::string command = args[1];
  std::vector<std::string> paths;
  for (size_t i = 2; i < args.size(); ++i) paths.push_back(UserPath(args[i]));

  std::string rules_dir = absl::GetFlag(FLAGS_rules).empty()
                              ? DefaultRulesDir(argv[0])
                              : UserPath(absl::GetFlag(FLAGS_rules));
  absl::StatusOr<std::unique_ptr<Rules>> rules = Rules::LoadDirectory(rules_dir);
  if (!rules.ok()) return Fail(rules.status());

  RunOptions options;
  options.strict = !absl::GetFlag(FLAGS_skip_bad_input);

  if (command == "rules") {
    std::string out;
    for (const CompiledKind& k : (*rules)->kinds()) {
      absl::StrAppend(&out, k.kind->name(), "  (", ValueType_Name(k.kind->value_type()), ", ",
                      k.patterns.size(), " patterns, ", k.kind->examples_size(), " examples)\n    ",
                      k.kind->description(), "\n");
    }
    absl::Status s = Emit(out);
    return s.ok() ? 0 : Fail(s);
  }
  if (command != "report" && command != "claims") {
    std::cerr << "crosscheck: unknown command '" << command
              << "'; valid commands: report, claims, rules\n";
    return 2;
  }
  if (paths.empty()) {
    std::cerr << "crosscheck " << command << ": give at least one article file or directory\n";
    return 2;
  }
  if (command == "claims") {
    std::string out;
    std::vector<Problem> problems;
    google::protobuf::util::JsonPrintOptions json_options;
    absl::Status s = ExtractClaims(**rules, paths, options, &problems, [&](ArticleClaims ac) {
      std::string line;
      const auto st = google::protobuf::util::MessageToJsonString(ac, &line, json_options);
      if (!st.ok()) return absl::InternalError(std::string(st.message()));
      absl::StrAppend(&out, line, "\n");
      return absl::OkStatus();
    });
    if (!s.ok()) return Fail(s);
    for (const Problem& p : problems) {
      std::cerr << "crosscheck: skipped " << p.location() << ": " << p.message() << "\n";
    }
    s = Emit(out);
    return s.ok() ? 0 : Fail(s);
  }
  absl::StatusOr<ReportFormat> format = ParseReportFormat(absl::GetFlag(FLAGS_format));
  if (!format.ok()) return Fail(format.status());
  absl::StatusOr<Report> report = BuildReport(**rules, paths, options);
  if (!report.ok()) return Fail(report.status());
  for (const Problem& p : report->problems()) {
    std::cerr << "crosscheck: skipped " << p.location() << ": " << p.message() << "\n";
  }
  absl::StatusOr<std::string> rendered = RenderReport(*report, *format);
  if (!rendered.ok()) return Fail(rendered.status());
  absl::Status s = Emit(*rendered);
  return s.ok() ? 0 : Fail(s);
}

}  // namespace
}  // namespace crosscheck

int main(int argc, char** argv) { return crosscheck::Run(argc, argv); }
