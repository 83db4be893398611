// JSON Lines input of the per-document commands (`crosscheck timex`,
// `crosscheck quantities`): one protobuf message per line, read with
// protobuf's JSON parser (unknown fields ignored), blank lines skipped.
//
// Example:
//   QuantityDocumentIn doc;
//   RETURN_IF_ERROR(ForEachJsonLine(path, "expected {\"id\", \"text\"}", &doc,
//                                   [&](const std::string& where) { ... doc ... }));
#ifndef CROSSCHECK_CHECKER_EXTRACT_JSON_LINES_H_
#define CROSSCHECK_CHECKER_EXTRACT_JSON_LINES_H_

#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace crosscheck {

// Parses each non-blank line of `path` into `*message` (cleared first) and
// calls `each` with "path:line"; stops at the first error `each` returns.
// Fails (NotFound) when the file cannot be opened, and (InvalidArgument)
// on a line that is not such a JSON object or an empty file, naming the
// file and line and ending with `expected`.
absl::Status ForEachJsonLine(const std::string& path, absl::string_view expected,
                             google::protobuf::Message* message,
                             absl::FunctionRef<absl::Status(const std::string& where)> each);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_EXTRACT_JSON_LINES_H_
