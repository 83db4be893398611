// The rules shipped in rules/, loaded once per test binary.
#ifndef CROSSCHECK_CHECKER_INTERNAL_SHIPPED_RULES_H_
#define CROSSCHECK_CHECKER_INTERNAL_SHIPPED_RULES_H_

#include <cstdlib>
#include <iostream>

#include "checker/internal/testing.h"
#include "checker/rules/rule_set.h"

namespace crosscheck::testing {

// The shipped rules; a test binary that cannot load them stops at once,
// naming every error, since no test of it could mean anything.
inline const Rules& ShippedRules() {
  static const Rules* rules = [] {
    absl::StatusOr<std::unique_ptr<Rules>> loaded = Rules::LoadDirectory(RunfilePath("rules"));
    if (!loaded.ok()) {
      std::cerr << "cannot load the shipped rules:\n" << loaded.status().message() << "\n";
      std::abort();
    }
    return loaded->release();
  }();
  return *rules;
}

}  // namespace crosscheck::testing

#endif  // CROSSCHECK_CHECKER_INTERNAL_SHIPPED_RULES_H_
