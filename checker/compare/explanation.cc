#include "checker/compare/explanation.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "checker/base/value_key.h"
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
    case PairReason::kSameDay:
    case PairReason::kRevised:
    case PairReason::kLagging:
    case PairReason::kUndatedReports:
      // A developing count's reasons: the words of its timeline's step.
      return ExplainTimelineStep(k, reason, {&a, &b}, "");
    case PairReason::kUndatedConflict:
      return absl::StrCat(Who(a), " says ", Statement(k, a), "; ", Who(b), " says ",
                          Statement(k, b), ": ", relation(),
                          ", but at least one article has no publication date, so they may not "
                          "be about the same day or event.");
  }
  return "";
}

std::string ExplainTimelineStep(const ClaimKind& k, PairReason reason,
                                const std::vector<const GroupClaim*>& claims,
                                const std::string& timeline) {
  // The reports by day, each day's values with their outlets.
  // Each day's reports in order of publication time where it is known
  // ("09:05 UTC"), then those of unknown time.
  std::vector<const GroupClaim*> ordered = claims;
  std::stable_sort(ordered.begin(), ordered.end(), [](const GroupClaim* x, const GroupClaim* y) {
    if (x->published() != y->published()) return x->published() < y->published();
    if (x->published_time().empty() != y->published_time().empty()) {
      return !x->published_time().empty();
    }
    return x->published_time() < y->published_time();
  });
  std::map<std::string, std::vector<std::string>> by_day;
  for (const GroupClaim* c : ordered) {
    const std::string& t = c->published_time();
    const std::string at = t.size() >= 16 ? absl::StrCat(t.substr(11, 5), " UTC ") : "";
    std::string report = absl::StrCat(at, c->display_value(), " (",
                                      c->outlet().empty() ? c->article_id() : c->outlet(), ")");
    std::vector<std::string>& day = by_day[c->published()];
    // (An article's headline and body giving one count are one report.)
    if (std::find(day.begin(), day.end(), report) == day.end()) day.push_back(std::move(report));
  }
  std::vector<std::string> days;
  for (const auto& [day, values] : by_day) {
    days.push_back(absl::StrCat(day.empty() ? "undated" : day, ": ", absl::StrJoin(values, ", ")));
  }
  const std::string reports = absl::StrJoin(days, "; then ");
  const std::string subject = claims.empty() ? std::string("the count") : claims.front()->subject();
  std::string why;
  switch (reason) {
    case PairReason::kSameDay:
      why = absl::StrCat("reports of the same day give different ", subject,
                         " counts while the count was developing; written at different hours, "
                         "they differ by timing, not as contradictions");
      break;
    case PairReason::kGrew:
      why = absl::StrCat("the ", subject,
                         " count grew from one day's reports to the next's; a "
                         "timeline, not a conflict");
      break;
    case PairReason::kRevised:
      why = absl::StrCat("the ", subject,
                         " count was revised down, and the later reports keep "
                         "the lower figure; a revision, not a conflict between outlets");
      break;
    case PairReason::kLagging:
      why = absl::StrCat("a later report gives a lower ", subject,
                         " count, and no later report from another outlet keeps it: the later "
                         "report lags behind, counts something narrower, or is wrong");
      break;
    case PairReason::kUndatedReports:
      why = absl::StrCat("reports without a publication date give different ", subject,
                         " counts; a developing count's undated reports cannot be ordered, so "
                         "they may differ only by when they were written");
      break;
    default: why = "the values differ"; break;
  }
  return absl::StrCat(
      reports, ": ", why, ".",
      timeline.empty() ? "" : absl::StrCat(" The count by day of publication: ", timeline, "."));
}

std::string ExplainSpread(const std::vector<const GroupClaim*>& claims, const std::string& worst,
                          const Comparison* comparison) {
  // Values in order of first appearance, each with its outlets once; with
  // a comparison, values that agree with a group's first ("200-metre" and
  // "650 ft (198 metres)") are one group.
  struct Value {
    const GroupClaim* first;
    std::string words;
    std::vector<std::string> outlets;
  };
  std::vector<std::vector<Value>> groups;
  for (const GroupClaim* c : claims) {
    const std::string key = ValueKey(c->shape());
    Value* value = nullptr;
    for (std::vector<Value>& g : groups) {
      for (Value& v : g) {
        if (ValueKey(v.first->shape()) == key) value = &v;
      }
    }
    if (value == nullptr) {
      std::vector<Value>* group = nullptr;
      for (std::vector<Value>& g : groups) {
        if (comparison == nullptr || group != nullptr) break;
        const Relation r = Relate(*g.front().first, *c, *comparison, nullptr);
        if (r == Relation::kEqual || r == Relation::kCompatible) group = &g;
      }
      if (group == nullptr) group = &groups.emplace_back();
      group->push_back({c, c->display_value(), {}});
      value = &group->back();
    }
    const std::string who = c->outlet().empty() ? c->article_id() : c->outlet();
    if (std::find(value->outlets.begin(), value->outlets.end(), who) == value->outlets.end()) {
      value->outlets.push_back(who);
    }
  }
  std::vector<std::string> listed;
  for (const std::vector<Value>& g : groups) {
    std::vector<std::string> values;
    for (const Value& v : g) {
      values.push_back(absl::StrCat(v.words, " (", absl::StrJoin(v.outlets, ", "), ")"));
    }
    listed.push_back(absl::StrJoin(values, " = "));
  }
  const std::string subject = claims.empty() ? std::string("value") : claims.front()->subject();
  return absl::StrCat("Outlets give ", groups.size(), " different values for the ", subject, ": ",
                      absl::StrJoin(listed, "; "), ". For example: ", worst);
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
