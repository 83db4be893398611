#include "checker/fuzz/fuzz_support.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>

namespace crosscheck::fuzz {

const Stages& ShippedStages() {
  static const Stages* stages = [] {
    const char* env = std::getenv("CROSSCHECK_RULES");
    const std::string dir = env != nullptr && *env != '\0' ? env : "rules";
    absl::StatusOr<std::unique_ptr<Rules>> rules = Rules::LoadDirectory(dir);
    if (!rules.ok()) {
      std::cerr << "fuzz target: cannot load the rules in " << dir << " (set CROSSCHECK_RULES):\n"
                << rules.status().message() << "\n";
      std::abort();
    }
    auto* s = new Stages;
    s->rules = *std::move(rules);
    s->reader = std::make_unique<ArticleReader>(*s->rules);
    s->segmenter = std::make_unique<Segmenter>(*s->rules);
    s->extractor = std::make_unique<Extractor>(*s->rules);
    return s;
  }();
  return *stages;
}

void SegmentAndExtract(const Stages& stages, Article article) {
  const Document doc = stages.segmenter->Segment(std::move(article));
  const ArticleClaims claims = stages.extractor->Extract(doc);
  // Every claim's spans point into the text: a broken span is a bug.
  for (const Claim& c : claims.claims()) {
    if (c.span().begin() < 0 || c.span().begin() > c.span().end() ||
        c.span().end() > static_cast<int64_t>(doc.article().text().size())) {
      std::cerr << "fuzz target: a claim's span [" << c.span().begin() << ", " << c.span().end()
                << ") is outside the text of " << doc.article().text().size() << " bytes\n";
      std::abort();
    }
  }
}

const std::string& ScratchDirectory() {
  static const std::string* dir = [] {
    std::error_code ec;
    std::string base = std::filesystem::temp_directory_path(ec).string();
    if (ec) base = "/tmp";
    std::string templ = base + "/crosscheck-fuzz.XXXXXX";
    if (mkdtemp(templ.data()) == nullptr) {
      std::perror("fuzz target: mkdtemp");
      std::abort();
    }
    auto* d = new std::string(templ);
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(*dir, ignored);
    });
    return d;
  }();
  return *dir;
}

void WriteFileOrDie(const std::string& path, absl::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    std::cerr << "fuzz target: cannot write " << path << "\n";
    std::abort();
  }
}

}  // namespace crosscheck::fuzz
