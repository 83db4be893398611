// Microbenchmarks of the extraction stages on the seed corpus, to see where
// the time of `crosscheck claims` goes:
//   bazel run -c opt //checker:extract_benchmark
#include <memory>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "checker/extract.h"
#include "checker/ingest.h"
#include "checker/rule_set.h"
#include "checker/segment.h"

namespace crosscheck {
namespace {

struct Fixture {
  std::unique_ptr<Rules> rules;
  std::vector<Article> articles;
  std::vector<Document> documents;
  int64_t bytes = 0;
};

const Fixture& Get() {
  static const Fixture* f = [] {
    auto* fx = new Fixture;
    fx->rules = std::move(*Rules::LoadDirectory("rules"));
    ArticleReader reader(*fx->rules);
    std::vector<Problem> problems;
    (void)reader.Read({"testdata/caracas"}, true, &problems, [&](Article a) {
      fx->bytes += a.text().size();
      fx->articles.push_back(std::move(a));
      return absl::OkStatus();
    });
    Segmenter segmenter(*fx->rules);
    for (const Article& a : fx->articles) fx->documents.push_back(segmenter.Segment(a));
    return fx;
  }();
  return *f;
}

void BM_Segment(benchmark::State& state) {
  const Fixture& f = Get();
  Segmenter segmenter(*f.rules);
  for (auto _ : state) {
    for (const Article& a : f.articles) benchmark::DoNotOptimize(segmenter.Segment(a));
  }
  state.SetBytesProcessed(state.iterations() * f.bytes);
}
BENCHMARK(BM_Segment);

void BM_Triggers(benchmark::State& state) {
  const Fixture& f = Get();
  for (auto _ : state) {
    for (const Document& d : f.documents) {
      for (const Sentence& s : d.sentences()) {
        benchmark::DoNotOptimize(f.rules->TriggeredKinds(absl::string_view(d.article().text()).substr(
            s.span().begin(), s.span().end() - s.span().begin())));
      }
    }
  }
  state.SetBytesProcessed(state.iterations() * f.bytes);
}
BENCHMARK(BM_Triggers);

void BM_Extract(benchmark::State& state) {
  const Fixture& f = Get();
  Extractor extractor(*f.rules);
  for (auto _ : state) {
    for (const Document& d : f.documents) benchmark::DoNotOptimize(extractor.Extract(d));
  }
  state.SetBytesProcessed(state.iterations() * f.bytes);
}
BENCHMARK(BM_Extract);

// One kind's patterns on every sentence, as if every trigger fired.
void BM_KindPatterns(benchmark::State& state) {
  const Fixture& f = Get();
  const CompiledKind& kind = f.rules->kinds()[state.range(0)];
  state.SetLabel(kind.kind->name());
  for (auto _ : state) {
    for (const Document& d : f.documents) {
      for (const Sentence& s : d.sentences()) {
        absl::string_view text = absl::string_view(d.article().text()).substr(
            s.span().begin(), s.span().end() - s.span().begin());
        for (const CompiledPattern& p : kind.patterns) {
          benchmark::DoNotOptimize(
              RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *p.re));
        }
      }
    }
  }
  state.SetBytesProcessed(state.iterations() * f.bytes);
}
BENCHMARK(BM_KindPatterns)->DenseRange(0, 7);

}  // namespace
}  // namespace crosscheck

BENCHMARK_MAIN();
