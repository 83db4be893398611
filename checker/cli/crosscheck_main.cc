// crosscheck: compares what news outlets report about the same event.
//
//   crosscheck report [--format=markdown|html|json|textproto|claimreview]
//                     [--ledger=FILE] PATH...
//   crosscheck review --ledger=FILE PATH...
//   crosscheck test --ledger=FILE [--fail_on=CONTRADICTION] PATH...
//   crosscheck claims [--output=FILE] PATH...
//   crosscheck extract --output=FILE.claims [--shard=K/N] PATH...
//   crosscheck rules
//   crosscheck timex FILE.jsonl
//
// PATH is an article (.txt, with an optional NAME.meta.textproto sidecar),
// a JSON Lines file (.jsonl, one article per line) or a directory of them;
// report, review and test also take claims files (.claims, written by
// extract) instead, and report and test one report file (.report, written
// by report --format=proto).
#include <unistd.h>

#include <algorithm>
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
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "checker/base/escaping.h"
#include "checker/extract/timex.h"
#include "checker/pipeline/pipeline.h"
#include "checker/render/render.h"
#include "checker/review/junit.h"
#include "checker/review/ledger.h"
#include "checker/review/review.h"
#include "checker/rules/rule_set.h"
#include "checker/score/reliability.h"
#include "checker/storage/atomic_file.h"
#include "checker/storage/report_lists.h"
#include "google/protobuf/util/json_util.h"

ABSL_FLAG(std::string, format, "markdown",
          "report: output format: markdown (for a terminal), html (one "
          "self-contained page), json (the protobuf JSON mapping of "
          "crosscheck.Report), textproto, or claimreview (schema.org "
          "ClaimReview JSON-LD of the reviewed findings)");
ABSL_FLAG(std::string, rules, "",
          "directory of rules (*.textproto); default: the rules shipped with "
          "crosscheck");
ABSL_FLAG(std::string, output, "",
          "write the output to this file (atomically: a temporary file, then "
          "rename) instead of standard output");
ABSL_FLAG(bool, skip_bad_input, false,
          "skip unreadable, empty, binary or non-UTF-8 articles and malformed "
          "JSONL lines, listing them in the report, instead of failing");
ABSL_FLAG(std::string, ledger, "",
          "review ledger (a crosscheck.Ledger textproto kept beside the corpus): "
          "report shows each finding's review status; review records verdicts "
          "in it; test passes findings reviewed in it");
ABSL_FLAG(std::string, reviewer, "",
          "review: the name recorded with each verdict (default: $USER)");
ABSL_FLAG(std::string, min_verdict, "DISCREPANCY",
          "review: offer unreviewed findings at or above this verdict "
          "(CONTRADICTION, DISPUTED, DISCREPANCY, UPDATE, AGREEMENT)");
ABSL_FLAG(std::string, fail_on, "CONTRADICTION",
          "test: fail when a finding at or above this verdict is unreviewed");
ABSL_FLAG(std::string, finding, "",
          "review, scripted: the finding id to record a verdict for (with "
          "--decision; see the ids in the report)");
ABSL_FLAG(std::string, decision, "", "review, scripted: confirm or dismiss (a false positive)");
ABSL_FLAG(std::string, side, "",
          "review, scripted: the article id whose claim is right (confirms)");
ABSL_FLAG(std::string, note, "", "review, scripted: a note to keep with the verdict");
ABSL_FLAG(std::string, progress, "auto",
          "report, review, test: a progress line on stderr (articles, claims, "
          "rate): auto (when stderr is a terminal and the run takes over two "
          "seconds), always, or never");
ABSL_FLAG(bool, compare_undated, false,
          "compare claims of articles without a publication date too; off by "
          "default, since without a date two events of one kind cannot be told "
          "apart: turn it on for a corpus about a single event");
ABSL_FLAG(std::string, priors, "",
          "report: outlet priors (a crosscheck.OutletPriors textproto, e.g. a "
          "newsroom's own ratings); shown as priors in the outlet table");
ABSL_FLAG(std::string, input_list, "",
          "a file naming more input paths, one per line (for corpora whose paths "
          "do not fit on a command line)");
ABSL_FLAG(int, copy_sampling, 1,
          "extract, claims, report: keep one word shingle in N (a power of two) in "
          "the copy fingerprints: claims files N times smaller, copies judged on a "
          "sample (1: every shingle)");
ABSL_FLAG(int, jobs, 0, "extraction threads (0: one per core)");
ABSL_FLAG(std::string, shard, "",
          "extract, claims: K/N takes only the articles whose position in the "
          "input (from 0, over all files) is K modulo N");
ABSL_FLAG(bool, timings, false,
          "report, test, extract: print where the time went (per stage), the "
          "throughput and the peak memory on stderr");
ABSL_FLAG(std::string, review_paths, "",
          "test: the article paths to name in the hint for reviewing (default: "
          "the inputs)");
ABSL_FLAG(bool, list, false, "review: list the ledger's verdicts and stale entries, and stop");

namespace crosscheck {
namespace {

namespace fs = std::filesystem;

constexpr char kUsage[] =
    "compares what news outlets report about the same event.\n\n"
    "usage:\n"
    "  crosscheck report [--format=markdown|html|json|textproto|claimreview]\n"
    "                    [--ledger=FILE] [--output=FILE] PATH...\n"
    "      Contradictions, discrepancies, disputes, updates and agreement\n"
    "      between the articles, with evidence.\n"
    "  crosscheck review --ledger=FILE [--reviewer=NAME] PATH...\n"
    "      Walks through the unreviewed findings (c confirm, d dismiss, 1-9 the\n"
    "      side that is right, n note, s skip, q quit) and records each verdict\n"
    "      in the ledger. Scripted: --finding=ID --decision=confirm|dismiss\n"
    "      [--side=ARTICLE] [--note=TEXT]; --list shows the ledger.\n"
    "  crosscheck test --ledger=FILE [--fail_on=CONTRADICTION] PATH...\n"
    "      Exits 1 when a finding at or above --fail_on is unreviewed; writes\n"
    "      JUnit XML to $XML_OUTPUT_FILE and the report to\n"
    "      $TEST_UNDECLARED_OUTPUTS_DIR (what a Bazel test wants).\n"
    "  crosscheck claims [--output=FILE] PATH...\n"
    "      Every extracted claim, one JSON object (crosscheck.ArticleClaims)\n"
    "      per article and line.\n"
    "  crosscheck extract --output=FILE.claims [--shard=K/N] PATH...\n"
    "      Extraction alone: the claims and copy fingerprints of the articles as\n"
    "      a claims file, the input of `report` without the articles (one Bazel\n"
    "      action per article or shard: see tools/crosscheck.bzl).\n"
    "  crosscheck rules\n"
    "      The loaded claim kinds with their descriptions.\n"
    "  crosscheck timex FILE.jsonl\n"
    "      TIMEX3 time expressions of {\"id\",\"dct\",\"text\"} documents, one\n"
    "      {\"id\",\"timexes\"} JSON line per document (TempEval-3 style).\n\n"
    "PATH: an article .txt (metadata in an optional NAME.meta.textproto beside it),\n"
    "a .jsonl file with one {\"id\",\"url\",\"outlet\",\"published\",\"title\",\"text\"}\n"
    "object per line, or a directory searched for both. report, review and test\n"
    "also take .claims files instead; report and test one .report file\n"
    "(report --format=proto).";

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

// Has `write` write to --output atomically, or to stdout.
absl::Status EmitStream(absl::FunctionRef<absl::Status(std::ostream&)> write) {
  std::string output = UserPath(absl::GetFlag(FLAGS_output));
  if (output.empty()) {
    absl::Status s = write(std::cout);
    std::cout.flush();
    if (!s.ok()) return s;
    return std::cout ? absl::OkStatus() : absl::DataLossError("cannot write to standard output");
  }
  return WriteFileAtomicallyFrom(output, write);
}

// Writes `content` to --output atomically, or to stdout.
absl::Status Emit(const std::string& content) {
  return EmitStream([&](std::ostream& out) {
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    return absl::OkStatus();
  });
}

int Fail(const absl::Status& status) {
  std::cerr << "crosscheck: " << status.message() << "\n";
  return 1;
}

absl::StatusOr<Verdict> ParseVerdictFlag(const std::string& flag, const std::string& value) {
  Verdict v;
  if (!Verdict_Parse(value, &v) || v == VERDICT_UNSPECIFIED) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--", flag, "=", value,
        ": unknown verdict; valid choices: CONTRADICTION, DISPUTED, DISCREPANCY, UPDATE, "
        "AGREEMENT"));
  }
  return v;
}

std::string Reviewer() {
  if (!absl::GetFlag(FLAGS_reviewer).empty()) return absl::GetFlag(FLAGS_reviewer);
  for (const char* var : {"USER", "LOGNAME"}) {
    if (const char* user = std::getenv(var)) return user;
  }
  return "";
}

int RunClaims(const Rules& rules, const std::vector<std::string>& paths,
              const RunOptions& options) {
  std::string out;
  std::vector<Problem> problems;
  google::protobuf::util::JsonPrintOptions json_options;
  absl::Status s = ExtractClaims(rules, paths, options, &problems, [&](ArticleClaims ac) {
    ac.clear_copy_fingerprint();
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

int RunExtract(const Rules& rules, const std::vector<std::string>& paths,
               const RunOptions& options) {
  if (absl::GetFlag(FLAGS_output).empty()) {
    std::cerr << "crosscheck extract: --output=FILE.claims is required\n";
    return 2;
  }
  std::string out = ClaimsFileHeaderRecord();
  std::vector<Problem> problems;
  absl::Status s = ExtractClaims(rules, paths, options, &problems, [&](ArticleClaims ac) {
    absl::StrAppend(&out, ClaimsFileRecord(ac));
    return absl::OkStatus();
  });
  if (!s.ok()) return Fail(s);
  for (const Problem& p : problems) {
    std::cerr << "crosscheck: skipped " << p.location() << ": " << p.message() << "\n";
    absl::StrAppend(&out, ClaimsFileProblemRecord(p));
  }
  s = Emit(ClaimsFileBytes(out));
  return s.ok() ? 0 : Fail(s);
}

// Peak resident memory of this process in MB (Linux), or -1.
double PeakRssMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
  }
  return -1;
}

void PrintTimings(const StageTimes& times, const Report& report, double total_seconds) {
  const double mb = static_cast<double>(times.text_bytes) / 1e6;
  std::fprintf(stderr,
               "crosscheck: timings: %d articles (%.1f MB of text), %d claims in %.2f s wall, "
               "%.1f MB/s; %d extraction threads\n  read+extract %.2f s, copies %.2f s, "
               "compare %.2f s, reliability %.2f s; peak RSS %.0f MB\n",
               report.summary().articles(), mb, report.summary().claims(), total_seconds,
               total_seconds > 0 ? mb / total_seconds : 0.0, times.threads, times.extract,
               times.copies, times.compare, times.reliability, PeakRssMb());
}

// `crosscheck timex FILE.jsonl...`: one JSON line per document.
int RunTimex(const Rules& rules, const std::vector<std::string>& paths) {
  if (paths.empty()) {
    std::cerr << "crosscheck timex: give a .jsonl file of {\"id\",\"dct\",\"text\"} lines\n";
    return 2;
  }
  absl::StatusOr<std::unique_ptr<TimexTagger>> tagger = TimexTagger::Create(rules);
  if (!tagger.ok()) return Fail(tagger.status());
  std::string out;
  for (const std::string& path : paths) {
    absl::Status s = TagJsonLinesFile(**tagger, path, [&](absl::string_view line) {
      out.append(line.data(), line.size());
      return absl::OkStatus();
    });
    if (!s.ok()) return Fail(s);
  }
  absl::Status s = Emit(out);
  return s.ok() ? 0 : Fail(s);
}

int RunListLedger() {
  std::string path = UserPath(absl::GetFlag(FLAGS_ledger));
  if (path.empty()) {
    std::cerr << "crosscheck review --list: --ledger=FILE is required\n";
    return 2;
  }
  absl::StatusOr<Ledger> ledger = ReadLedger(path);
  if (!ledger.ok()) return Fail(ledger.status());
  std::string out;
  for (const Review& r : ledger->reviews()) {
    absl::StrAppend(
        &out, r.finding_id(), "  ", Decision_Name(r.decision()),
        r.correct_article_id().empty() ? "" : " (" + r.correct_article_id() + " is right)", "  ",
        r.reviewer(), " ", r.time(), "\n    ", SanitizeForTerminal(r.explanation()), "\n");
    if (!r.note().empty()) absl::StrAppend(&out, "    note: ", SanitizeForTerminal(r.note()), "\n");
  }
  if (out.empty()) out = "The ledger has no verdicts yet.\n";
  absl::Status s = Emit(out);
  return s.ok() ? 0 : Fail(s);
}

int RunReview(const Report& report, Ledger ledger) {
  std::string path = UserPath(absl::GetFlag(FLAGS_ledger));
  for (const Review& r : report.stale_reviews()) {
    std::cerr << "crosscheck: ledger entry " << r.finding_id()
              << " matches no finding of this corpus (kept): "
              << SanitizeForTerminal(r.explanation()) << "\n";
  }
  if (!absl::GetFlag(FLAGS_finding).empty()) {  // scripted
    const Finding* found = nullptr;
    for (const Finding& f : report.findings()) {
      if (f.id() == absl::GetFlag(FLAGS_finding)) found = &f;
    }
    if (found == nullptr) {
      return Fail(absl::NotFoundError(
          absl::StrCat("--finding=", absl::GetFlag(FLAGS_finding),
                       ": no such finding in this corpus (see the ids in `crosscheck report`)")));
    }
    std::string decision_text = absl::GetFlag(FLAGS_decision);
    if (decision_text.empty() && !absl::GetFlag(FLAGS_side).empty()) decision_text = "confirm";
    absl::StatusOr<Decision> decision = ParseDecision(decision_text);
    if (!decision.ok()) return Fail(decision.status());
    std::string side = absl::GetFlag(FLAGS_side);
    if (!side.empty()) {
      bool in_finding = false;
      for (const Claim& c : found->claims()) in_finding |= c.article_id() == side;
      if (!in_finding) {
        return Fail(absl::InvalidArgumentError(
            absl::StrCat("--side=", side, ": not an article of finding ", found->id())));
      }
    }
    RecordReview(
        MakeReview(*found, *decision, side, absl::GetFlag(FLAGS_note), Reviewer(), absl::Now()),
        &ledger);
    absl::Status s = WriteLedger(path, ledger);
    if (!s.ok()) return Fail(s);
    std::cout << "recorded " << Decision_Name(*decision) << " for " << found->id() << " in " << path
              << "\n";
    return 0;
  }
  ReviewOptions options;
  options.ledger_path = path;
  options.reviewer = Reviewer();
  absl::StatusOr<Verdict> min = ParseVerdictFlag("min_verdict", absl::GetFlag(FLAGS_min_verdict));
  if (!min.ok()) return Fail(min.status());
  options.min_verdict = *min;
  absl::StatusOr<ReviewSummary> summary =
      RunReviewSession(report, std::move(ledger), options, std::cin, std::cout);
  if (!summary.ok()) return Fail(summary.status());
  return 0;
}

int RunTest(const Report& report, const std::vector<std::string>& paths) {
  absl::StatusOr<Verdict> fail_on = ParseVerdictFlag("fail_on", absl::GetFlag(FLAGS_fail_on));
  if (!fail_on.ok()) return Fail(fail_on.status());
  if (const char* outputs = std::getenv("TEST_UNDECLARED_OUTPUTS_DIR")) {
    for (ReportFormat format : {ReportFormat::kMarkdown, ReportFormat::kJson}) {
      absl::StatusOr<std::string> rendered = RenderReport(report, format);
      if (!rendered.ok()) return Fail(rendered.status());
      std::string name = format == ReportFormat::kJson ? "report.json" : "report.md";
      absl::Status s = WriteFileAtomically(absl::StrCat(outputs, "/", name), *rendered);
      if (!s.ok()) return Fail(s);
    }
  }
  std::string suite = absl::GetFlag(FLAGS_ledger);
  if (const char* target = std::getenv("TEST_TARGET")) suite = target;
  if (const char* xml = std::getenv("XML_OUTPUT_FILE")) {
    absl::Status s = WriteFileAtomically(xml, RenderJunitXml(report, *fail_on, suite));
    if (!s.ok()) return Fail(s);
  }
  int failing = 0;
  for (const Finding& f : report.findings()) failing += FailsTest(f, *fail_on);
  for (const Review& r : report.stale_reviews()) {
    std::cout << "note: ledger entry " << r.finding_id()
              << " matches no finding any more (kept): " << SanitizeForTerminal(r.explanation())
              << "\n";
  }
  if (failing == 0) {
    std::cout << "crosscheck: every finding at or above " << Verdict_Name(*fail_on)
              << " is reviewed (" << report.findings_size() << " findings, "
              << report.articles_size() << " articles).\n";
    return 0;
  }
  std::cout << "crosscheck: " << failing << " unreviewed finding(s) at or above "
            << Verdict_Name(*fail_on) << ":\n\n";
  for (const Finding& f : report.findings()) {
    if (FailsTest(f, *fail_on)) std::cout << FormatFindingForTerminal(f) << "\n";
  }
  std::cout << "Review them from the workspace root with\n  bazel run "
            << "@crosscheck//:crosscheck -- review --ledger=" << absl::GetFlag(FLAGS_ledger) << " "
            << (absl::GetFlag(FLAGS_review_paths).empty() ? absl::StrJoin(paths, " ")
                                                          : absl::GetFlag(FLAGS_review_paths))
            << "\n(//:crosscheck inside crosscheck itself), then commit the ledger.\n";
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
  if (const std::string list = absl::GetFlag(FLAGS_input_list); !list.empty()) {
    std::ifstream in(UserPath(list));
    if (!in) return Fail(absl::NotFoundError(absl::StrCat(list, ": cannot open --input_list")));
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty()) paths.push_back(UserPath(line));
    }
  }

  std::string rules_dir = absl::GetFlag(FLAGS_rules).empty() ? DefaultRulesDir(argv[0])
                                                             : UserPath(absl::GetFlag(FLAGS_rules));
  absl::StatusOr<std::unique_ptr<Rules>> rules = Rules::LoadDirectory(rules_dir);
  if (!rules.ok()) return Fail(rules.status());

  RunOptions options;
  options.strict = !absl::GetFlag(FLAGS_skip_bad_input);
  options.compare_undated = absl::GetFlag(FLAGS_compare_undated);
  options.jobs = absl::GetFlag(FLAGS_jobs);
  options.copies.sampling = absl::GetFlag(FLAGS_copy_sampling);
  if (options.copies.sampling < 1 || (options.copies.sampling & (options.copies.sampling - 1))) {
    return Fail(absl::InvalidArgumentError(absl::StrCat(
        "--copy_sampling=", options.copies.sampling, ": expected a power of two (1, 2, 4, ...)")));
  }
  if (options.jobs < 0) {
    return Fail(absl::InvalidArgumentError("--jobs: expected 0 (one per core) or more"));
  }
  if (const std::string shard = absl::GetFlag(FLAGS_shard); !shard.empty()) {
    int k = -1, n = 0;
    char rest = 0;
    if (std::sscanf(shard.c_str(), "%d/%d%c", &k, &n, &rest) != 2 || n < 1 || k < 0 || k >= n) {
      return Fail(absl::InvalidArgumentError(
          absl::StrCat("--shard=", shard, ": expected K/N with 0 <= K < N, e.g. 0/4")));
    }
    options.shard_index = k;
    options.shard_count = n;
  }
  StageTimes times;
  if (absl::GetFlag(FLAGS_timings)) options.times = &times;
  const std::string progress = absl::GetFlag(FLAGS_progress);
  if (progress != "auto" && progress != "always" && progress != "never") {
    return Fail(absl::InvalidArgumentError(
        absl::StrCat("--progress=", progress, ": valid choices: auto, always, never")));
  }
  bool show_progress = progress == "always" || (progress == "auto" && ::isatty(2));
  absl::Time start = absl::Now();
  absl::Time last_shown = absl::InfinitePast();
  bool progress_shown = false;
  if (show_progress && progress != "never") {
    options.progress = [&, always = progress == "always"](int articles, int claims, int64_t bytes) {
      absl::Time now = absl::Now();
      if (!always && now - start < absl::Seconds(2)) return;
      if (now - last_shown < absl::Milliseconds(250)) return;
      last_shown = now;
      double seconds = std::max(1e-3, absl::ToDoubleSeconds(now - start));
      std::fprintf(stderr, "\rcrosscheck: %d articles, %d claims, %.1f MB/s ", articles, claims,
                   bytes / 1e6 / seconds);
      std::fflush(stderr);
      progress_shown = true;
    };
  }

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
  if (command == "timex") return RunTimex(**rules, paths);
  if (command != "report" && command != "claims" && command != "review" && command != "test" &&
      command != "extract") {
    std::cerr << "crosscheck: unknown command '" << command
              << "'; valid commands: report, review, test, claims, extract, rules, timex\n";
    return 2;
  }
  if (command == "review" && absl::GetFlag(FLAGS_list)) return RunListLedger();
  if (paths.empty()) {
    std::cerr << "crosscheck " << command << ": give at least one article file or directory\n";
    return 2;
  }
  if (command == "claims") return RunClaims(**rules, paths, options);
  if (command == "extract") {
    int rc = RunExtract(**rules, paths, options);
    if (absl::GetFlag(FLAGS_timings)) {
      std::fprintf(stderr, "crosscheck: extract: %.2f s wall, peak RSS %.0f MB\n",
                   absl::ToDoubleSeconds(absl::Now() - start), PeakRssMb());
    }
    return rc;
  }
  // The inputs: articles, claims files, or one report file.
  int claims_files = 0, report_files = 0;
  for (const std::string& p : paths) {
    claims_files += IsClaimsFile(p);
    report_files += IsReportFile(p);
  }
  if ((claims_files > 0 && claims_files != static_cast<int>(paths.size())) ||
      (report_files > 0 && paths.size() != 1)) {
    std::cerr << "crosscheck " << command
              << ": give articles, or .claims files, or one .report file, not a mix\n";
    return 2;
  }
  if (report_files > 0 && command == "review") {
    std::cerr << "crosscheck review: give the articles or their .claims files, not a .report\n";
    return 2;
  }
  if ((command == "review" || command == "test") && absl::GetFlag(FLAGS_ledger).empty()) {
    std::cerr << "crosscheck " << command
              << ": --ledger=FILE is required (it need not exist yet)\n";
    return 2;
  }
  if (!absl::GetFlag(FLAGS_ledger).empty()) {
    absl::StatusOr<Ledger> read = ReadLedger(UserPath(absl::GetFlag(FLAGS_ledger)));
    if (!read.ok()) return Fail(read.status());
    options.ledger = std::move(*read);
  }
  if (!absl::GetFlag(FLAGS_priors).empty()) {
    absl::StatusOr<OutletPriors> priors = ReadOutletPriors(UserPath(absl::GetFlag(FLAGS_priors)));
    if (!priors.ok()) return Fail(priors.status());
    options.priors = std::move(*priors);
  }
  // (`review` and `test` ignore --format.)
  absl::StatusOr<ReportFormat> format = ReportFormat::kMarkdown;
  if (command == "report") format = ParseReportFormat(absl::GetFlag(FLAGS_format));
  if (!format.ok()) return Fail(format.status());
  // JSON is written as a stream, with the articles and copies read from the
  // run's temporary store as they are written (never all parsed at once).
  std::unique_ptr<ReportLists> lists;
  std::unique_ptr<ReportLists>* defer =
      command == "report" && *format == ReportFormat::kJson ? &lists : nullptr;
  absl::StatusOr<Report> report = report_files > 0 ? ReadReportFile(paths[0])
                                  : claims_files > 0
                                      ? BuildReportFromClaims(**rules, paths, options, defer)
                                      : BuildReport(**rules, paths, options, defer);
  if (progress_shown) std::fprintf(stderr, "\n");
  if (!report.ok()) return Fail(report.status());
  if (options.times != nullptr) {
    PrintTimings(times, *report, absl::ToDoubleSeconds(absl::Now() - start));
  }
  for (const Problem& p : report->problems()) {
    std::cerr << "crosscheck: skipped " << p.location() << ": " << p.message() << "\n";
  }
  if (command == "review") return RunReview(*report, options.ledger);
  if (command == "test") return RunTest(*report, paths);
  if (*format == ReportFormat::kJson) {
    // Streamed: the JSON of a large corpus is twice the report's size.
    absl::Status s = EmitStream(
        [&](std::ostream& out) { return WriteReportJson(std::move(*report), out, lists.get()); });
    return s.ok() ? 0 : Fail(s);
  }
  absl::StatusOr<std::string> rendered = RenderReport(*report, *format);
  if (!rendered.ok()) return Fail(rendered.status());
  absl::Status s = Emit(*rendered);
  return s.ok() ? 0 : Fail(s);
}

}  // namespace
}  // namespace crosscheck

// jemalloc's options, read when it starts (MALLOC_CONF overrides them):
// freed pages go back to the system within a second, not ten (its
// default), so that what one stage frees is not still resident while the
// next grows. At 1 GB this took the peak from 959 to 899 MB, in the same
// time; returning them at once (0) made the run three times slower.
extern "C" const char* malloc_conf;
const char* malloc_conf = "dirty_decay_ms:1000,muzzy_decay_ms:0";

int main(int argc, char** argv) { return crosscheck::Run(argc, argv); }
