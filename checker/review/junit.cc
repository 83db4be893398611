#include "checker/review/junit.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "checker/base/escaping.h"
#include "checker/review/review.h"

namespace crosscheck {

bool FailsTest(const Finding& finding, Verdict fail_on) {
  return AtOrAbove(finding.verdict(), fail_on) && !finding.has_review();
}

std::string XmlEscape(absl::string_view text) {
  // HTML's escaping is XML's too, controls dropped and invalid UTF-8 replaced.
  return EscapeHtml(text);
}

std::string RenderJunitXml(const Report& report, Verdict fail_on, absl::string_view suite) {
  int failures = 0;
  for (const Finding& f : report.findings()) failures += FailsTest(f, fail_on);
  std::string out =
      absl::StrCat("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n  <testsuite name=\"",
                   XmlEscape(suite), "\" tests=\"", report.findings_size(), "\" failures=\"",
                   failures, "\" errors=\"0\">\n");
  for (const Finding& f : report.findings()) {
    absl::StrAppend(&out, "    <testcase classname=\"crosscheck.", XmlEscape(f.kind()),
                    "\" name=\"", Verdict_Name(f.verdict()), " ", XmlEscape(f.subject()), " [",
                    f.id(), "]\">\n");
    std::string evidence;
    for (const Claim& c : f.claims()) {
      absl::StrAppend(&evidence, "  ", c.outlet().empty() ? "unknown outlet" : c.outlet(), " (",
                      c.article_id(), ", ", c.published().empty() ? "undated" : c.published(),
                      "): ", c.display_value(), "\n    \"", c.quote(), "\"\n");
    }
    if (FailsTest(f, fail_on)) {
      absl::StrAppend(&out, "      <failure message=\"unreviewed ", Verdict_Name(f.verdict()), ": ",
                      XmlEscape(f.explanation()), "\" type=\"", Verdict_Name(f.verdict()), "\">",
                      XmlEscape(f.explanation()), "\n", XmlEscape(evidence), "</failure>\n");
    } else {
      std::string status =
          f.has_review()
              ? absl::StrCat("reviewed: ", Decision_Name(f.review().decision()),
                             f.review().reviewer().empty() ? "" : " by " + f.review().reviewer())
              : "below the failing verdict";
      absl::StrAppend(&out, "      <system-out>", XmlEscape(status), "\n",
                      XmlEscape(f.explanation()), "\n", XmlEscape(evidence), "</system-out>\n");
    }
    out += "    </testcase>\n";
  }
  out += "  </testsuite>\n</testsuites>\n";
  return out;
}

}  // namespace crosscheck
