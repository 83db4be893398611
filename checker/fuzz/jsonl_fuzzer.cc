// Fuzzes JSONL ingest: the input is a .jsonl file's content; each line is
// parsed as an article record, and each article that parses goes through
// segmentation and extraction as in a report. Bad records are errors, never
// crashes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "checker/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const crosscheck::fuzz::Stages& stages = crosscheck::fuzz::ShippedStages();
  const absl::string_view input(reinterpret_cast<const char*>(data), size);
  int line = 0;
  for (absl::string_view json : absl::StrSplit(input, '\n')) {
    ++line;
    if (json.empty()) continue;
    absl::StatusOr<crosscheck::Article> article =
        stages.reader->ParseJsonLine("fuzz.jsonl", line, std::string(json));
    if (article.ok()) crosscheck::fuzz::SegmentAndExtract(stages, *std::move(article));
  }
  return 0;
}
