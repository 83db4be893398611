// What a rule pattern's named groups can match. A pattern's `value` group
// must be able to hold what its kind's value type needs (a count for a
// quantity kind, a day for a time kind, an actor for an actor kind), its
// `scope` group a time and its `add` group a number: each need is a list
// of example texts (probes), and a group that fully matches none of them
// cannot give the extractor what it needs.
//
// Example:
//   std::string problem = CheckGroup(expanded_regex, "value",
//                                    ValueNeed(VALUE_TYPE_TIME), PatternOptions());
//   if (!problem.empty()) ...  // "group (?P<value>) cannot match a day, span ..."
#ifndef CROSSCHECK_CHECKER_RULES_PATTERN_GROUPS_H_
#define CROSSCHECK_CHECKER_RULES_PATTERN_GROUPS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "proto/rules.pb.h"
#include "re2/re2.h"

namespace crosscheck {

// What a group must be able to match: `what` describes it for errors;
// `probes` are examples of the text it stands for.
struct GroupNeed {
  const char* what;
  std::vector<const char*> probes;
};

// The need of a `value` group for kinds of `type` (a quantity's for
// VALUE_TYPE_QUANTITY and VALUE_TYPE_UNSPECIFIED).
const GroupNeed& ValueNeed(ValueType type);

// The need of a `scope` group: a time.
const GroupNeed& ScopeNeed();

// The need of an `add` group: a number.
const GroupNeed& AddNeed();

// The regex inside the named group `name` of `regex`, without its
// parentheses; nullopt when there is no such group. Escaped parentheses
// and parentheses inside character classes do not open or close groups.
absl::optional<std::string> GroupRegex(absl::string_view regex, absl::string_view name);

// Empty when the group `name` of `expanded` (a pattern with its macros
// expanded) can match one of `need`'s probes, compiled with `options` (or
// the pattern has no such group, or the group alone does not compile);
// else the error: "group (?P<name>) cannot match <need.what>".
std::string CheckGroup(absl::string_view expanded, absl::string_view name, const GroupNeed& need,
                       const RE2::Options& options);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_RULES_PATTERN_GROUPS_H_
