#include "checker/base/value_key.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace crosscheck {

std::string ValueKey(const Claim& c) {
  if (c.has_time()) {  // the days, however they were written
    return absl::StrCat(c.time().start(), "..", c.time().end());
  }
  if (!c.has_actor()) return c.display_value();
  const Actor& a = c.actor();
  if (a.ancestors_size() >= 2) return a.ancestors(a.ancestors_size() - 2);
  return a.id();
}

}  // namespace crosscheck
