// Writes files whole or not at all: a temporary file in the same directory,
// then rename(2), which replaces the target atomically. A reader (or a crash)
// sees the old file or the new one, never half of one.
#ifndef CROSSCHECK_CHECKER_STORAGE_ATOMIC_FILE_H_
#define CROSSCHECK_CHECKER_STORAGE_ATOMIC_FILE_H_

#include <ostream>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace crosscheck {

// Writes `content` to `path` atomically. On failure the target is untouched
// and no temporary file is left behind. A path that is not a regular file
// (/dev/null, a FIFO) is written through, never replaced.
absl::Status WriteFileAtomically(const std::string& path, absl::string_view content);

// The same, with the content written by `write` into a stream: for output
// too large to hold in memory as well as what it is made from. An error from
// `write` leaves the target untouched too.
absl::Status WriteFileAtomicallyFrom(const std::string& path,
                                     absl::FunctionRef<absl::Status(std::ostream&)> write);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_STORAGE_ATOMIC_FILE_H_
