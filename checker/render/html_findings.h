// Internal to render_html: the findings section of the HTML report, most
// severe verdict first (agreements folded). Each finding shows its
// verdict, explanation, evidence lean and review status, then its claims
// side by side: value, outlet, date, attribution, and the quoted sentence
// with the claim's span in a <mark>.
//
// Example:
//   Context ctx;  // html_parts.h
//   ctx.report = &report;
//   std::string out;
//   AppendFindings(report, ctx, &out);  // <section id="findings">...</section>
#ifndef CROSSCHECK_CHECKER_RENDER_HTML_FINDINGS_H_
#define CROSSCHECK_CHECKER_RENDER_HTML_FINDINGS_H_

#include <string>

#include "absl/strings/string_view.h"
#include "checker/render/html_parts.h"
#include "proto/report.pb.h"

namespace crosscheck::html_internal {

// A quote cut around the claim's matched text.
struct QuoteParts {
  absl::string_view before, match, after;
  bool marked = false;  // false: the whole quote is `before`, unmarked
};

// Claim.span and Claim.sentence_span are absolute in the article; the match
// is quote[span.begin - sentence.begin, span.end - sentence.begin). Spans
// from a report are untrusted: out of range, reversed or cutting a UTF-8
// character, they give way to the matched text found in the quote.
QuoteParts SplitQuote(const Claim& c);

// Appends the findings section, grouped by verdict.
void AppendFindings(const Report& r, const Context& ctx, std::string* out);

}  // namespace crosscheck::html_internal

#endif  // CROSSCHECK_CHECKER_RENDER_HTML_FINDINGS_H_
