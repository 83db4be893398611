#include "checker/base/verdict_order.h"

namespace crosscheck {

int VerdictRank(Verdict verdict) {
  int rank = 0;
  for (Verdict v : kVerdictsBySeverity) {
    if (v == verdict) return rank;
    ++rank;
  }
  return rank;
}

}  // namespace crosscheck
