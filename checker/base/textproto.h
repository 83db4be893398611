// Parses protobuf text format with errors that say where: every problem is
// reported as `file:line:col: message` (1-based), all of them, not only the
// first.
//
// Example:
//   RuleSet rules;
//   absl::Status s = ParseTextProto("rules/x.textproto", content, &rules);
#ifndef CROSSCHECK_CHECKER_BASE_TEXTPROTO_H_
#define CROSSCHECK_CHECKER_BASE_TEXTPROTO_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "google/protobuf/text_format.h"

namespace crosscheck {

// Parses `content` into `message`. `name` is used in error messages. When
// `locations` is not null it records where each field was written, for
// validation errors after parsing. Returns InvalidArgument with one line per
// problem.
absl::Status ParseTextProto(absl::string_view name, const std::string& content,
                            google::protobuf::Message* message,
                            google::protobuf::TextFormat::ParseInfoTree* locations = nullptr);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_BASE_TEXTPROTO_H_
