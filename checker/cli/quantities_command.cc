#include "checker/cli/quantities_command.h"

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "checker/base/status_macros.h"
#include "checker/cli/common_flags.h"
#include "checker/extract/quantity_tagger.h"

namespace crosscheck {
namespace {

absl::Status TagFiles(const CommandContext& ctx) {
  ASSIGN_OR_RETURN(std::unique_ptr<QuantityTagger> tagger, QuantityTagger::Create(*ctx.rules));
  std::string out;
  for (const std::string& path : ctx.paths) {
    RETURN_IF_ERROR(TagQuantityJsonLinesFile(*tagger, path, [&](absl::string_view line) {
      out.append(line.data(), line.size());
      return absl::OkStatus();
    }));
  }
  return Emit(out);
}

}  // namespace

int RunQuantitiesCommand(CommandContext& ctx) {
  if (ctx.paths.empty()) {
    return UsageError(ctx.name, "give a .jsonl file of {\"id\",\"text\"} lines");
  }
  return ExitCode(TagFiles(ctx));
}

}  // namespace crosscheck
