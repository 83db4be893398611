// Microbenchmarks of the TIMEX3 tagger on made-up news text, to see where
// the time of `crosscheck timex` goes:
//   bazel run -c opt //checker:timex_benchmark
// The texts are written for this benchmark (no corpus text): one dense in
// time expressions, one with none, so that scanning and resolving can be
// told apart.
//
// With --corpus=FILE.jsonl ({"id","dct","text"} lines, read from outside the
// repository) it also times tagging those documents, held in memory, with
// nothing else in the loop (BM_TagCorpus, items = documents): the figure
// tools/timex_benchmark.sh sets beside chrono-node's, timed the same way.
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "benchmark/benchmark.h"
#include "checker/base/dates.h"
#include "checker/extract/timex.h"
#include "checker/rules/rule_set.h"
#include "google/protobuf/util/json_util.h"
#include "proto/timex.pb.h"

namespace crosscheck {
namespace {

constexpr char kDense[] =
    "The port authority said on Tuesday that cargo volumes rose 4 percent in the third "
    "quarter of 2018, up from a year earlier, after three years of decline. Shipments "
    "fell in the first half, but recovered in September and October, officials told "
    "reporters late Wednesday night. The board will meet again next March and expects "
    "to approve a two-year plan by June 30, 2019.\n"
    "Dock workers struck for 72 hours last week, and a second stoppage is planned for "
    "Friday at 10:30 a.m. local time. Union leaders said talks had gone on for months. "
    "Inspectors visit every week, and the ministry publishes figures monthly. Prices "
    "have fallen recently; the company now employs 2,400 people, twice as many as in "
    "the 1990s. Two days later, the mayor said the strike, the first since the summer "
    "of 2016, cost $12 million, or about 3 million a day.\n"
    "In the fiscal 2018 results, released yesterday, revenue in the period rose 6 "
    "percent. The agency expects growth in the coming months and the next two quarters; "
    "a similar plan failed several years ago. The new terminal, first proposed in "
    "early 2015, should open in the spring of 2021, some five months behind schedule.\n";

constexpr char kPlain[] =
    "The council approved a budget that keeps most services as they are, with small "
    "increases for libraries and parks. Several members objected to the cost of a new "
    "bridge, which engineers say is needed because the old one is too narrow for buses. "
    "A spokeswoman for the transport department declined to comment on the proposal. "
    "Residents who spoke at the hearing were divided: some wanted more bus lanes, others "
    "worried about parking and about the noise of construction near the school.\n";

struct Fixture {
  std::unique_ptr<Rules> rules;
  std::unique_ptr<TimexTagger> tagger;
};

const Fixture& Get() {
  static const Fixture* f = [] {
    auto* fx = new Fixture;
    fx->rules = std::move(*Rules::LoadDirectory("rules"));
    fx->tagger = std::move(*TimexTagger::Create(*fx->rules));
    return fx;
  }();
  return *f;
}

void TagText(benchmark::State& state, const std::string& text) {
  const Fixture& f = Get();
  size_t found = 0;
  for (auto _ : state) {
    std::vector<Timex> t = f.tagger->Tag(text, absl::CivilDay(2018, 11, 14));
    found += t.size();
    benchmark::DoNotOptimize(t);
  }
  state.SetBytesProcessed(state.iterations() * text.size());
  state.counters["timexes"] =
      benchmark::Counter(static_cast<double>(found), benchmark::Counter::kAvgIterations);
}

void BM_TagDense(benchmark::State& state) { TagText(state, kDense); }
BENCHMARK(BM_TagDense);

void BM_TagPlain(benchmark::State& state) { TagText(state, kPlain); }
BENCHMARK(BM_TagPlain);

// A long article: scanning should stay linear in its length.
void BM_TagLong(benchmark::State& state) {
  std::string text;
  for (int i = 0; i < 8; ++i) absl::StrAppend(&text, kPlain, kDense, kPlain);
  TagText(state, text);
}
BENCHMARK(BM_TagLong);

struct CorpusDocument {
  std::string text;
  absl::CivilDay dct;
};

// Every document of the JSON Lines file at `path`; exits on a bad line (a
// benchmark tool, not a library).
std::vector<CorpusDocument> ReadCorpus(const std::string& path) {
  std::vector<CorpusDocument> out;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << path << ": cannot open file\n";
    std::exit(1);
  }
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    TimexDocumentIn doc;
    absl::optional<absl::CivilDay> dct;
    if (google::protobuf::util::JsonStringToMessage(line, &doc, options).ok()) {
      dct = ParseIsoDate(doc.dct().empty() ? doc.published() : doc.dct());
    }
    if (!dct) {
      std::cerr << path << ":" << number
                << ": expected a JSON object {\"id\", \"dct\" (YYYY-MM-DD), \"text\"}\n";
      std::exit(1);
    }
    out.push_back({doc.text(), *dct});
  }
  return out;
}

void BM_TagCorpus(benchmark::State& state, const std::vector<CorpusDocument>* docs) {
  const Fixture& f = Get();
  int64_t bytes = 0;
  for (const CorpusDocument& d : *docs) bytes += d.text.size();
  for (auto _ : state) {
    for (const CorpusDocument& d : *docs) benchmark::DoNotOptimize(f.tagger->Tag(d.text, d.dct));
  }
  state.SetItemsProcessed(state.iterations() * docs->size());
  state.SetBytesProcessed(state.iterations() * bytes);
}

}  // namespace
}  // namespace crosscheck

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  std::vector<crosscheck::CorpusDocument> corpus;
  for (int i = 1; i < argc; ++i) {
    absl::string_view arg = argv[i];
    if (absl::ConsumePrefix(&arg, "--corpus=")) {
      corpus = crosscheck::ReadCorpus(std::string(arg));
      // Wall time, as chrono-node's figure is.
      benchmark::RegisterBenchmark("BM_TagCorpus", crosscheck::BM_TagCorpus, &corpus)
          ->UseRealTime();
    } else {
      std::cerr << "unknown flag " << argv[i]
                << "; expected --corpus=FILE.jsonl or --benchmark_*\n";
      return 1;
    }
  }
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
