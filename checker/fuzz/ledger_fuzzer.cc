// Fuzzes the review ledger reader: the input is a ledger textproto file, read
// as `crosscheck report --ledger` and `crosscheck review` read one. A ledger
// that reads is applied to an empty report and written back (the round trip
// `crosscheck review` makes).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>

#include "absl/strings/string_view.h"
#include "checker/fuzz/fuzz_support.h"
#include "checker/review/ledger.h"
#include "proto/report.pb.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& dir = crosscheck::fuzz::ScratchDirectory();
  const std::string path = dir + "/reviews.textproto";
  crosscheck::fuzz::WriteFileOrDie(path,
                                   absl::string_view(reinterpret_cast<const char*>(data), size));
  absl::StatusOr<crosscheck::Ledger> ledger = crosscheck::ReadLedger(path);
  if (!ledger.ok()) return 0;
  crosscheck::Report report;
  crosscheck::ApplyLedger(*ledger, &report);
  const std::string copy = dir + "/copy.textproto";
  if (absl::Status s = crosscheck::WriteLedger(copy, *ledger); !s.ok()) {
    std::cerr << "ledger_fuzzer: a ledger that reads cannot be written: " << s << "\n";
    std::abort();
  }
  if (!crosscheck::ReadLedger(copy).ok()) {
    std::cerr << "ledger_fuzzer: a written ledger does not read back\n";
    std::abort();
  }
  return 0;
}
