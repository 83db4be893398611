#include "checker/score/reasons.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace crosscheck {

std::string Percent(double x) { return absl::StrFormat("%.0f%%", 100 * x); }

std::string DescribeSide(absl::string_view value, const std::vector<std::string>& stated_by,
                         const std::vector<std::string>& compatible) {
  std::string who = stated_by.empty() ? "no outlet states it" : absl::StrJoin(stated_by, ", ");
  if (!compatible.empty()) absl::StrAppend(&who, "; compatible: ", absl::StrJoin(compatible, ", "));
  return absl::StrCat(value, " (", who, ")");
}

std::string LeanExplanation(absl::string_view value, double support, bool reviewed,
                            const std::vector<std::string>& sides) {
  if (reviewed) {
    return absl::StrCat("A reviewer judged ", value, " right: ", absl::StrJoin(sides, " vs "), ".");
  }
  if (support < 0.55) {
    return absl::StrCat("The evidence is even: ", absl::StrJoin(sides, " vs "), ".");
  }
  return absl::StrCat("The evidence leans to ", value, " (", Percent(support),
                      " of the trust-weighted support): ", absl::StrJoin(sides, " vs "), ".");
}

std::string LostClaim(const Finding& finding, const Claim& lost, const Claim& winner) {
  // For actors, say it as what it is: giving an act or a role to someone
  // other outlets give it to (a garbled attribution).
  if (lost.has_actor()) {
    return absl::StrCat(finding.kind(), ": names ", lost.display_value(),
                        " where other outlets name ", winner.display_value(), " (",
                        finding.subject(), "; a garbled attribution?)");
  }
  return absl::StrCat(finding.kind(), ": ", lost.display_value(), " against ",
                      winner.display_value());
}

std::string EvidenceStrength(double effective_evidence) {
  const double n = effective_evidence;
  return n == 0   ? "no evidence here: the score is the prior"
         : n < 4  ? "a weak signal"
         : n < 15 ? "a moderate signal"
                  : "a well-supported estimate";
}

std::vector<std::string> OutletReasons(const OutletScore& s, double evidence,
                                       double effective_evidence,
                                       const std::vector<std::string>& losing) {
  std::vector<std::string> reasons;
  reasons.push_back(absl::StrCat(
      "Started from a prior of ", absl::StrFormat("%.2f", s.prior()),
      s.prior_supplied() ? " (from the priors file)" : " (the default: no rating supplied)", "; ",
      s.articles(), s.articles() == 1 ? " article" : " articles", " and ",
      static_cast<int>(evidence),
      " pieces of evidence (conflicts and agreements it takes part in): ",
      EvidenceStrength(effective_evidence), "."));
  reasons.push_back(absl::StrCat("Independent outlets corroborate it in ", s.corroborated(),
                                 " agreement(s); it makes ", s.claims(), " claims in all."));
  if (s.contradicted() > 0) {
    reasons.push_back(absl::StrCat(s.contradicted(), " claim(s) on the losing side of a conflict: ",
                                   absl::StrJoin(losing, "; "), "."));
  }
  if (s.disputed() > 0) {
    reasons.push_back(absl::StrCat(s.disputed(), " claim(s) in disputed accounts it reports."));
  }
  if (!s.copies_from().empty()) {
    reasons.push_back(absl::StrCat("Repeats sentences of ", absl::StrJoin(s.copies_from(), ", "),
                                   ": those claims are not counted as independent corroboration."));
  }
  const int own_voice = s.claims() - s.named_sources() - s.anonymous_sources();
  reasons.push_back(absl::StrCat("Sources: ", s.named_sources(), " named, ", s.anonymous_sources(),
                                 " anonymous, ", own_voice, " in its own voice."));
  return reasons;
}

}  // namespace crosscheck
