#include "checker/compare/explanation.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "checker/compare/claim_days.h"
#include "checker/compare/relate.h"

namespace crosscheck {

std::string Who(const GroupClaim& c) {
  std::string outlet = c.outlet().empty() ? "an unknown outlet" : c.outlet();
  std::string date = c.published().empty() ? "undated" : c.published();
  return absl::StrCat(outlet, " (", c.article_id(), ", ", date, ")");
}

std::string Statement(const ClaimKind& kind, const GroupClaim& c) {
  std::string tpl = kind.statement().empty() ? "{subject} is {value}{scope}" : kind.statement();
  std::string scope = c.scope_text().empty() ? "" : absl::StrCat(" (", c.scope_text(), ")");
  std::string source =
      c.attribution().source().empty() ? "" : absl::StrCat(", citing ", c.attribution().source());
  return absl::StrCat(
      absl::StrReplaceAll(
          tpl, {{"{value}", c.display_value()}, {"{subject}", c.subject()}, {"{scope}", scope}}),
      source);
}

std::string ExplainPair(const ClaimKind& k, PairReason reason, const GroupClaim& a,
                        const GroupClaim& b) {
  // The pair's own wording of how the values relate (scopes in its order).
  auto relation = [&] {
    std::string words;
    Relate(a, b, k.comparison(), &words);
    return words;
  };
  switch (reason) {
    case PairReason::kTwoAccounts:
      return absl::StrCat(Who(a), " reports two accounts: ",
                          a.attribution().source().empty() ? "in its own voice, " : "",
                          Statement(k, a), "; but ", Statement(k, b), ": ", relation(), ".");
    case PairReason::kHeadline:
      return absl::StrCat("In ", Who(a), " the headline and the body differ: ", Statement(k, a),
                          "; vs ", Statement(k, b), ": ", relation(), ".");
    case PairReason::kGrew: {
      const GroupClaim& earlier = a.published() < b.published() ? a : b;
      const GroupClaim& later = a.published() < b.published() ? b : a;
      return absl::StrCat(Who(earlier), " says ", Statement(k, earlier), "; later, ", Who(later),
                          " says ", Statement(k, later),
                          ": the count grew as the story went on; a timeline, not a conflict.");
    }
    case PairReason::kApart:
      return absl::StrCat(
          Who(a), " says ", Statement(k, a), "; ", Who(b), " says ", Statement(k, b), ": reported ",
          DaysApart(a, b),
          " days apart, so the situation may have changed; a timeline, not a conflict.");
    case PairReason::kConflict:
      return absl::StrCat(Who(a), " says ", Statement(k, a), "; ", Who(b), " says ",
                          Statement(k, b), ": ", relation(), ".");
    case PairReason::kUndatedConflict:
      return absl::StrCat(Who(a), " says ", Statement(k, a), "; ", Who(b), " says ",
                          Statement(k, b), ": ", relation(),
                          ", but at least one article has no publication date, so they may not "
                          "be about the same day or event.");
  }
  return "";
}

std::string ExplainAgreement(const ClaimKind& kind, const Agreement& agreement) {
  // A value a whole wire service's clients repeat: the first claims stand
  // for the rest, and the outlets are counted.
  std::vector<std::string> named(agreement.outlets.begin(), agreement.outlets.end());
  std::string more;
  if (named.size() > kMaxAgreementClaims) {
    more = absl::StrCat(" and ", named.size() - kMaxAgreementClaims, " more");
    named.resize(kMaxAgreementClaims);
  }
  return absl::StrCat(agreement.outlets.size(), " outlets (", absl::StrJoin(named, ", "), more,
                      ") agree that ", Statement(kind, *agreement.evidence.front()), ".");
}

}  // namespace crosscheck
