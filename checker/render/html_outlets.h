// Internal to render_html: the outlets and copies sections of the HTML
// report. The outlet table shows each outlet's reliability with its band
// of uncertainty, its prior and the counts behind it, and the reasons; the
// copies table, the articles that repeat sentences of an earlier one.
//
// Example:
//   std::string out;
//   AppendOutlets(report, &out);      // <section id="outlets">...</section>
//   AppendCopies(report, ctx, &out);  // <section id="copies">...</section>
#ifndef CROSSCHECK_CHECKER_RENDER_HTML_OUTLETS_H_
#define CROSSCHECK_CHECKER_RENDER_HTML_OUTLETS_H_

#include <string>

#include "checker/render/html_parts.h"
#include "proto/report.pb.h"

namespace crosscheck::html_internal {

// "0.85" for a score; "n/a" when it is not finite.
std::string Number(double x);

// A probability as a percentage in [0, 100] for widths in inline styles:
// "42.0%"; clamped, and 0 when it is not finite.
std::string Percent(double p);

// Appends the outlet reliability section (Report.outlets), or a placeholder
// when reliability was not computed.
void AppendOutlets(const Report& r, std::string* out);

// Appends the copies section (Report.copies), with links to the articles.
void AppendCopies(const Report& r, const Context& ctx, std::string* out);

}  // namespace crosscheck::html_internal

#endif  // CROSSCHECK_CHECKER_RENDER_HTML_OUTLETS_H_
