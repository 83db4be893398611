#include "checker/extract/json_lines.h"

#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "checker/base/status_macros.h"
#include "google/protobuf/util/json_util.h"

namespace crosscheck {

absl::Status ForEachJsonLine(const std::string& path, absl::string_view expected,
                             google::protobuf::Message* message,
                             absl::FunctionRef<absl::Status(const std::string& where)> each) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open file"));
  google::protobuf::util::JsonParseOptions parse;
  parse.ignore_unknown_fields = true;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    const std::string where = absl::StrCat(path, ":", number);
    message->Clear();
    const auto parsed = google::protobuf::util::JsonStringToMessage(line, message, parse);
    if (!parsed.ok()) {
      std::string problem(parsed.message().data(), parsed.message().size());
      problem = problem.substr(0, problem.find('\n'));
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": not a JSON document (", problem, "); ", expected));
    }
    RETURN_IF_ERROR(each(where));
  }
  if (number == 0) {
    return absl::InvalidArgumentError(absl::StrCat(path, ":1: empty file; ", expected));
  }
  return absl::OkStatus();
}

}  // namespace crosscheck
