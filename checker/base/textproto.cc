#include "checker/base/textproto.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/io/tokenizer.h"

namespace crosscheck {
namespace {

class Collector : public google::protobuf::io::ErrorCollector {
 public:
  Collector(absl::string_view file, std::vector<std::string>* errors)
      : file_(file), errors_(errors) {}
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    errors_->push_back(absl::StrCat(file_, ":", line + 1, ":", column + 1, ": ", message));
  }
  void AddWarning(int line, google::protobuf::io::ColumnNumber column,
                  const std::string& message) override {
    AddError(line, column, absl::StrCat("warning: ", message));
  }

 private:
  std::string file_;
  std::vector<std::string>* errors_;
};

}  // namespace

absl::Status ParseTextProto(absl::string_view name, const std::string& content,
                            google::protobuf::Message* message,
                            google::protobuf::TextFormat::ParseInfoTree* locations) {
  std::vector<std::string> errors;
  Collector collector(name, &errors);
  google::protobuf::TextFormat::Parser parser;
  parser.RecordErrorsTo(&collector);
  if (locations != nullptr) parser.WriteLocationsTo(locations);
  if (!parser.ParseFromString(content, message) || !errors.empty()) {
    if (errors.empty()) errors.push_back(absl::StrCat(name, ":1:1: cannot parse"));
    return absl::InvalidArgumentError(absl::StrJoin(errors, "\n"));
  }
  return absl::OkStatus();
}

}  // namespace crosscheck
