// Fuzzes the metadata sidecar reader: the input is a NAME.meta.textproto
// beside a fixed, valid article; the pair is read as `crosscheck report`
// reads it (textproto parsing and the sidecar's validation), and an article
// that reads goes through segmentation and extraction.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "checker/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const crosscheck::fuzz::Stages& stages = crosscheck::fuzz::ShippedStages();
  const std::string& dir = crosscheck::fuzz::ScratchDirectory();
  static const bool written = [&dir] {
    crosscheck::fuzz::WriteFileOrDie(
        dir + "/article.txt",
        "Officials said on Saturday that at least 12 people were killed.\n"
        "The government ordered the diplomats to leave within 72 hours.\n");
    return true;
  }();
  (void)written;
  crosscheck::fuzz::WriteFileOrDie(dir + "/article.meta.textproto",
                                   absl::string_view(reinterpret_cast<const char*>(data), size));
  absl::StatusOr<crosscheck::Article> article = stages.reader->ReadTextFile(dir + "/article.txt");
  if (article.ok()) crosscheck::fuzz::SegmentAndExtract(stages, *std::move(article));
  return 0;
}
