// What the fuzz targets share: the shipped rules (loaded once; a fuzz binary
// that cannot load them stops at once, since no input could mean anything),
// and a scratch directory for the readers that take file paths.
//
// Each target defines `LLVMFuzzerTestOneInput`. Built with
// `--config=fuzz` it links libFuzzer (clang, -fsanitize=fuzzer,address) and
// fuzzes for real:
//   bazel run --config=fuzz //checker/fuzz:jsonl_fuzzer -- -max_total_time=600 CORPUS_DIR
// Otherwise it links standalone_driver.cc, which runs the seed inputs and a
// bounded number of deterministic mutations of them (what the fuzz smoke
// tests run in every `bazel test //...`).
//
// Example (in a target):
//   extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
//     const crosscheck::fuzz::Stages& s = crosscheck::fuzz::ShippedStages();
//     ...
//   }
#ifndef CROSSCHECK_CHECKER_FUZZ_FUZZ_SUPPORT_H_
#define CROSSCHECK_CHECKER_FUZZ_FUZZ_SUPPORT_H_

#include <memory>
#include <string>

#include "absl/strings/string_view.h"
#include "checker/extract/extract.h"
#include "checker/ingest/ingest.h"
#include "checker/ingest/segment.h"
#include "checker/rules/rule_set.h"
#include "proto/article.pb.h"

namespace crosscheck::fuzz {

// The rules and the stages an article goes through, built once.
struct Stages {
  std::unique_ptr<Rules> rules;
  std::unique_ptr<ArticleReader> reader;
  std::unique_ptr<Segmenter> segmenter;
  std::unique_ptr<Extractor> extractor;
};

// The shipped rules ($CROSSCHECK_RULES, else `rules/` under the working
// directory, which is the runfiles root under `bazel test` and `bazel run`)
// and the stages over them. Aborts, naming the errors, when they do not load.
const Stages& ShippedStages();

// Segments and extracts `article` (it must have passed ingest), as a report
// would: the part of the pipeline every article goes through.
void SegmentAndExtract(const Stages& stages, Article article);

// A directory of this process's own for files a target writes (removed at
// exit); aborts when none can be made.
const std::string& ScratchDirectory();

// Writes `bytes` to `path`, replacing it; aborts when it cannot (a fuzz
// target's own failure, not the input's).
void WriteFileOrDie(const std::string& path, absl::string_view bytes);

}  // namespace crosscheck::fuzz

#endif  // CROSSCHECK_CHECKER_FUZZ_FUZZ_SUPPORT_H_
