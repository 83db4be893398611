#include "checker/cli/rules_command.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "checker/cli/common_flags.h"

namespace crosscheck {

std::string ListKinds(const Rules& rules) {
  std::string out;
  for (const CompiledKind& k : rules.kinds()) {
    absl::StrAppend(&out, k.kind->name(), "  (", ValueType_Name(k.kind->value_type()), ", ",
                    k.patterns.size(), " patterns, ", k.kind->examples_size(), " examples)\n    ",
                    k.kind->description(), "\n");
  }
  return out;
}

int RunRulesCommand(CommandContext& ctx) { return ExitCode(Emit(ListKinds(*ctx.rules))); }

}  // namespace crosscheck
