// A main() for the fuzz targets where libFuzzer is not linked (the default
// gcc build): it takes libFuzzer's command line (`-runs=N`, `-seed=S`,
// `-max_len=N`; other `-flags` are ignored; the other arguments are seed
// files or directories of them), runs every seed input through
// LLVMFuzzerTestOneInput, then N inputs made from them by deterministic
// mutations (byte flips, inserts, deletions, repeats, splices and tokens
// that matter to the formats: quotes, braces, colons, newlines, digits,
// invalid UTF-8). It finds what a smoke test can; --config=fuzz (libFuzzer,
// coverage-guided, with AddressSanitizer) finds the rest.
//
// A crash aborts the process like libFuzzer's; the input is written to
// ./crash-<run> first (or $CROSSCHECK_FUZZ_ARTIFACTS/crash-<run>), so it can
// become a regression seed.
#include <algorithm>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

struct Options {
  long runs = 1000;
  unsigned seed = 1;
  size_t max_len = 0;  // 0: the longest seed's length, at least 4096
  std::vector<std::string> inputs;
};

bool ParseFlag(const char* arg, const char* name, long* value) {
  const size_t n = std::strlen(name);
  if (std::strncmp(arg, name, n) != 0 || arg[n] != '=') return false;
  *value = std::strtol(arg + n + 1, nullptr, 10);
  return true;
}

Options ParseOptions(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    long v = 0;
    if (ParseFlag(argv[i], "-runs", &v)) {
      o.runs = v;
    } else if (ParseFlag(argv[i], "-seed", &v)) {
      o.seed = static_cast<unsigned>(v);
    } else if (ParseFlag(argv[i], "-max_len", &v)) {
      o.max_len = static_cast<size_t>(std::max(0L, v));
    } else if (argv[i][0] != '-') {
      o.inputs.push_back(argv[i]);
    }
  }
  return o;
}

std::vector<std::string> ReadSeeds(const std::vector<std::string>& inputs) {
  std::vector<std::string> paths;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (std::filesystem::is_directory(in, ec)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(in, ec)) {
        if (e.is_regular_file()) paths.push_back(e.path().string());
      }
    } else {
      paths.push_back(in);
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> seeds;
  for (const std::string& p : paths) {
    std::ifstream f(p, std::ios::binary);
    if (!f) {
      std::cerr << "fuzz driver: cannot read seed " << p << "\n";
      std::exit(2);
    }
    std::ostringstream bytes;
    bytes << f.rdbuf();
    seeds.push_back(bytes.str());
  }
  return seeds;
}

// Where the current input is saved if it crashes the target.
std::string current_input;
long current_run = -1;

void SaveCrash(int sig) {
  const char* dir = std::getenv("CROSSCHECK_FUZZ_ARTIFACTS");
  std::string path = std::string(dir != nullptr ? dir : ".") + "/crash-" +
                     std::to_string(std::max(0L, current_run));
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(current_input.data(), 1, current_input.size(), f);
    std::fclose(f);
    std::fprintf(stderr, "fuzz driver: run %ld crashed; input saved to %s\n", current_run,
                 path.c_str());
  }
  std::signal(sig, SIG_DFL);  // then die of it, as libFuzzer's targets do
  std::raise(sig);
}

void Run(const std::string& input) {
  current_input = input;
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
}

// Tokens that matter to JSON, textproto and article text.
const char* const kTokens[] = {
    "\"", "\\",    "{",    "}",    ":",   "\n",           ",",  "[",   "]",    "0",
    "-1", "1e309", "\xff", "\xc3", "\\u", "\\ud800",      "#",  " ",   "null", "2019-02-30",
    "%",  "(",     ")",    "*",    "+",   "\xe2\x80\x99", "\t", "\r\n"};

std::string Mutate(std::string s, const std::vector<std::string>& seeds, size_t max_len,
                   std::mt19937* rng) {
  auto pick = [rng](size_t n) {
    return n == 0 ? size_t{0} : std::uniform_int_distribution<size_t>(0, n - 1)(*rng);
  };
  const int ops = 1 + static_cast<int>(pick(4));
  for (int k = 0; k < ops; ++k) {
    const size_t at = pick(s.size() + 1);
    switch (pick(7)) {
      case 0:  // flip a bit
        if (!s.empty()) s[pick(s.size())] ^= static_cast<char>(1 << pick(8));
        break;
      case 1:  // a random byte
        if (!s.empty()) s[pick(s.size())] = static_cast<char>(pick(256));
        break;
      case 2:  // insert random bytes
        s.insert(at, std::string(1 + pick(8), static_cast<char>(pick(256))));
        break;
      case 3:  // delete a range
        if (!s.empty()) s.erase(at == s.size() ? at - 1 : at, 1 + pick(16));
        break;
      case 4: {  // repeat a range
        const size_t len = std::min(s.size() - std::min(at, s.size()), 1 + pick(64));
        s.insert(at, s.substr(at, len));
        break;
      }
      case 5:  // a token
        s.insert(at, kTokens[pick(sizeof(kTokens) / sizeof(kTokens[0]))]);
        break;
      default: {  // splice with another seed
        const std::string& other = seeds[pick(seeds.size())];
        const size_t from = pick(other.size() + 1);
        s = s.substr(0, at) + other.substr(from, pick(other.size() - from + 1));
        break;
      }
    }
  }
  if (s.size() > max_len) s.resize(max_len);
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = ParseOptions(argc, argv);
  std::vector<std::string> seeds = ReadSeeds(options.inputs);
  if (seeds.empty()) seeds.push_back("");
  size_t max_len = options.max_len;
  if (max_len == 0) {
    for (const std::string& s : seeds) max_len = std::max(max_len, s.size());
    max_len = std::max<size_t>(max_len, 4096);
  }
  std::signal(SIGABRT, SaveCrash);
  std::signal(SIGSEGV, SaveCrash);
  for (const std::string& s : seeds) Run(s);
  std::mt19937 rng(options.seed);
  std::vector<std::string> pool = seeds;
  for (current_run = 0; current_run < options.runs; ++current_run) {
    const std::string& base = pool[std::uniform_int_distribution<size_t>(0, pool.size() - 1)(rng)];
    std::string input = Mutate(base, seeds, max_len, &rng);
    Run(input);
    // Mutants of mutants reach further from the seeds; the pool stays small.
    if (pool.size() < 4 * seeds.size() + 64) pool.push_back(std::move(input));
  }
  std::fprintf(stderr, "fuzz driver: %zu seeds and %ld mutated inputs ran without a crash\n",
               seeds.size(), options.runs);
  return 0;
}
