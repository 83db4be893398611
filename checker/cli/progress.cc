#include "checker/cli/progress.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace crosscheck {

absl::StatusOr<ProgressMode> ParseProgressMode(absl::string_view value) {
  if (value == "auto") return ProgressMode::kAuto;
  if (value == "always") return ProgressMode::kAlways;
  if (value == "never") return ProgressMode::kNever;
  return absl::InvalidArgumentError(
      absl::StrCat("--progress=", value, ": valid choices: auto, always, never"));
}

ProgressLine::ProgressLine(ProgressMode mode, bool terminal, absl::Time start, std::FILE* out)
    : shown_(mode == ProgressMode::kAlways || (mode == ProgressMode::kAuto && terminal)),
      always_(mode == ProgressMode::kAlways),
      start_(start),
      out_(out) {}

std::function<void(int, int, int64_t)> ProgressLine::Callback() {
  if (!shown_) return nullptr;
  return [this](int articles, int claims, int64_t bytes) { Draw(articles, claims, bytes); };
}

void ProgressLine::Draw(int articles, int claims, int64_t bytes) {
  absl::Time now = absl::Now();
  if (!always_ && now - start_ < absl::Seconds(2)) return;
  if (now - last_drawn_ < absl::Milliseconds(250)) return;
  last_drawn_ = now;
  double seconds = std::max(1e-3, absl::ToDoubleSeconds(now - start_));
  std::fprintf(out_, "\rcrosscheck: %d articles, %d claims, %.1f MB/s ", articles, claims,
               bytes / 1e6 / seconds);
  std::fflush(out_);
  drawn_ = true;
}

void ProgressLine::End() {
  if (drawn_) std::fprintf(out_, "\n");
}

}  // namespace crosscheck
