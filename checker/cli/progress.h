// The progress line of a long run on stderr: articles and claims read so
// far and the rate, redrawn in place ("\r") at most four times a second.
// --progress=auto shows it on a terminal once the run passes two seconds,
// always shows it at once, never never does.
//
// Example:
//   ASSIGN_OR_RETURN(ProgressMode mode, ParseProgressMode("auto"));
//   ProgressLine progress(mode, ::isatty(2), absl::Now());
//   options.progress = progress.Callback();  // empty when nothing is shown
//   ... BuildReport(rules, paths, options) ...
//   progress.End();  // a newline after a line that was shown
#ifndef CROSSCHECK_CHECKER_CLI_PROGRESS_H_
#define CROSSCHECK_CHECKER_CLI_PROGRESS_H_

#include <cstdint>
#include <cstdio>
#include <functional>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace crosscheck {

enum class ProgressMode { kAuto, kAlways, kNever };

// Parses a --progress value: auto, always or never; the error lists them.
absl::StatusOr<ProgressMode> ParseProgressMode(absl::string_view value);

class ProgressLine {
 public:
  // A line on `out` for a run that started at `start`; `terminal` tells
  // whether `out` is one (for kAuto).
  ProgressLine(ProgressMode mode, bool terminal, absl::Time start, std::FILE* out = stderr);
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // The callback for RunOptions.progress (it redraws the line), or an empty
  // function when no line is to be shown. Valid while this line lives.
  std::function<void(int articles, int claims, int64_t bytes)> Callback();

  // Ends the line with a newline if it was drawn.
  void End();

 private:
  void Draw(int articles, int claims, int64_t bytes);

  const bool shown_;
  const bool always_;
  const absl::Time start_;
  std::FILE* const out_;
  absl::Time last_drawn_ = absl::InfinitePast();
  bool drawn_ = false;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_CLI_PROGRESS_H_
