#include "checker/cli/command.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "absl/strings/str_cat.h"

namespace crosscheck {

int Fail(const absl::Status& status) {
  std::cerr << "crosscheck: " << status.message() << "\n";
  return 1;
}

int ExitCode(const absl::Status& status) { return status.ok() ? 0 : Fail(status); }

int UsageError(absl::string_view who, absl::string_view message) {
  std::cerr << "crosscheck" << (who.empty() ? "" : " ") << who << ": " << message << "\n";
  return 2;
}

int NoInputs(const CommandContext& ctx) {
  return UsageError(ctx.name, "give at least one article file or directory");
}

void PrintSkippedOne(const Problem& p) {
  std::cerr << "crosscheck: skipped " << p.location() << ": " << p.message() << "\n";
}

std::string UserPath(const std::string& path) {
  namespace fs = std::filesystem;
  const char* wd = std::getenv("BUILD_WORKING_DIRECTORY");
  if (wd == nullptr || path.empty() || fs::path(path).is_absolute()) return path;
  return (fs::path(wd) / path).string();
}

absl::StatusOr<Verdict> ParseVerdictFlag(absl::string_view flag, const std::string& value) {
  Verdict v;
  if (!Verdict_Parse(value, &v) || v == VERDICT_UNSPECIFIED) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--", flag, "=", value,
        ": unknown verdict; valid choices: CONTRADICTION, DISPUTED, DISCREPANCY, UPDATE, "
        "AGREEMENT"));
  }
  return v;
}

double PeakRssMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
  }
  return -1;
}

}  // namespace crosscheck
