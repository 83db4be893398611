// Fuzzes text ingest: the input is an article .txt file (no sidecar). It is
// read as `crosscheck report` reads one (UTF-8 check, metadata inferred from
// the text), then segmented and extracted.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "checker/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const crosscheck::fuzz::Stages& stages = crosscheck::fuzz::ShippedStages();
  const std::string path = crosscheck::fuzz::ScratchDirectory() + "/article.txt";
  crosscheck::fuzz::WriteFileOrDie(path,
                                   absl::string_view(reinterpret_cast<const char*>(data), size));
  absl::StatusOr<crosscheck::Article> article = stages.reader->ReadTextFile(path);
  if (article.ok()) crosscheck::fuzz::SegmentAndExtract(stages, *std::move(article));
  return 0;
}
