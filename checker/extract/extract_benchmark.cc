// Microbenchmarks of the extraction stages on the seed corpus, to see where
// the time of `crosscheck claims` goes:
//   bazel run -c opt //checker:extract_benchmark
// or on any corpus (a file or folder `crosscheck` reads):
//   CROSSCHECK_BENCH_CORPUS=/path/corpus.jsonl bazel-bin/checker/extract_benchmark
// (from the checkout, after `bazel build -c opt //checker:extract_benchmark`).
// Each benchmark repeats the same sentences, so RE2's DFAs and the CPU's
// caches are warm: the figures are lower bounds of a single pass.
#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "checker/extract/extract.h"
#include "checker/ingest/ingest.h"
#include "checker/ingest/segment.h"
#include "checker/rules/rule_set.h"

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
    const char* corpus = std::getenv("CROSSCHECK_BENCH_CORPUS");
    (void)reader.Read({corpus != nullptr ? corpus : "testdata/caracas"}, true, &problems,
                      [&](Article a) {
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
        benchmark::DoNotOptimize(f.rules->TriggeredKinds(
            absl::string_view(d.article().text())
                .substr(s.span().begin(), s.span().end() - s.span().begin())));
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
        absl::string_view text = absl::string_view(d.article().text())
                                     .substr(s.span().begin(), s.span().end() - s.span().begin());
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

// The sentences that trigger kind k, as extraction sees them, with their
// total size in bytes.
std::vector<std::string> TriggeredSentences(const Fixture& f, int k, int64_t* bytes) {
  std::vector<std::string> sentences;
  *bytes = 0;
  for (const Document& d : f.documents) {
    for (const Sentence& s : d.sentences()) {
      absl::string_view text = absl::string_view(d.article().text())
                                   .substr(s.span().begin(), s.span().end() - s.span().begin());
      std::vector<int> kinds = f.rules->TriggeredKinds(text);
      if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) continue;
      sentences.emplace_back(text);
      *bytes += static_cast<int64_t>(text.size());
    }
  }
  return sentences;
}

// A kind's pattern set on the sentences that trigger it (what
// CompiledKind::Candidates costs; second argument 0), against each of its
// patterns run alone (second argument 1): why the set exists.
void BM_KindTriggered(benchmark::State& state) {
  const Fixture& f = Get();
  const CompiledKind& kind = f.rules->kinds()[state.range(0)];
  const bool each = state.range(1) == 1;
  state.SetLabel(absl::StrCat(kind.kind->name(), each ? ", each pattern" : ", pattern set"));
  int64_t bytes = 0;
  const std::vector<std::string> sentences = TriggeredSentences(f, state.range(0), &bytes);
  for (auto _ : state) {
    for (const std::string& t : sentences) {
      if (!each) {
        benchmark::DoNotOptimize(kind.Candidates(t));
        continue;
      }
      for (const CompiledPattern& p : kind.patterns) {
        benchmark::DoNotOptimize(RE2::PartialMatch(t, *p.re));
      }
    }
  }
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_KindTriggered)->ArgsProduct({benchmark::CreateDenseRange(0, 7, 1), {0, 1}});

}  // namespace
}  // namespace crosscheck

BENCHMARK_MAIN();
