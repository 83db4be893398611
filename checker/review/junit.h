// JUnit XML for `crosscheck test`: one test case per finding, failing when
// the finding is at or above the chosen verdict and nobody has reviewed it.
// Bazel reads it from $XML_OUTPUT_FILE; CI systems show it per finding.
#ifndef CROSSCHECK_CHECKER_REVIEW_JUNIT_H_
#define CROSSCHECK_CHECKER_REVIEW_JUNIT_H_

#include <string>

#include "absl/strings/string_view.h"
#include "proto/report.pb.h"

namespace crosscheck {

// True when `finding` makes the test fail: at or above `fail_on` and not
// reviewed (a confirmed or dismissed finding has been looked at).
bool FailsTest(const Finding& finding, Verdict fail_on);

// The report as a JUnit XML document with one <testsuite> named `suite`.
// Article text is escaped; characters XML 1.0 cannot carry are dropped.
std::string RenderJunitXml(const Report& report, Verdict fail_on, absl::string_view suite);

// Escapes text for XML character data and attribute values.
std::string XmlEscape(absl::string_view text);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_REVIEW_JUNIT_H_
