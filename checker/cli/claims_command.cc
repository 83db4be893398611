#include "checker/cli/claims_command.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "checker/base/status_macros.h"
#include "checker/cli/common_flags.h"
#include "checker/pipeline/pipeline.h"
#include "google/protobuf/util/json_util.h"

namespace crosscheck {
namespace {

absl::Status WriteClaims(const CommandContext& ctx) {
  std::string out;
  std::vector<Problem> problems;
  google::protobuf::util::JsonPrintOptions json_options;
  RETURN_IF_ERROR(
      ExtractClaims(*ctx.rules, ctx.paths, ctx.options, &problems, [&](ArticleClaims ac) {
        ac.clear_copy_fingerprint();
        std::string line;
        const auto st = google::protobuf::util::MessageToJsonString(ac, &line, json_options);
        if (!st.ok()) return absl::InternalError(std::string(st.message()));
        absl::StrAppend(&out, line, "\n");
        return absl::OkStatus();
      }));
  PrintSkipped(problems);
  return Emit(out);
}

}  // namespace

int RunClaimsCommand(CommandContext& ctx) {
  if (ctx.paths.empty()) return NoInputs(ctx);
  return ExitCode(WriteClaims(ctx));
}

}  // namespace crosscheck
