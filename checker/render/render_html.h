// Renders a Report as one self-contained HTML page for people: a fact-checker
// deciding what to check first, and the editor they show it to.
//
// The page is a pure function of the Report (the same protobuf the JSON
// report comes from) and is byte-identical run to run. It needs nothing but
// itself: inline CSS, no scripts, fonts, images or other requests, and a
// Content-Security-Policy that forbids them, so it opens offline and can be
// mailed or attached to a ticket. It shows, top to bottom:
//   - a summary: articles, outlets, claims, findings by verdict, unreviewed;
//   - the findings, most severe first: verdict, explanation, the evidence
//     lean, review status, and the claims side by side (normalized value,
//     outlet, date, attribution, and the quoted sentence with the claim's
//     byte span in a <mark>);
//   - a timeline per (kind, subject) with claims published on several days,
//     so that an UPDATE reads as a story moving on;
//   - the outlet table (reliability with its uncertainty and reasons), the
//     copy relations, the articles, stale ledger entries and skipped inputs.
//
// Everything that comes from an article, its metadata, a rule or a ledger is
// untrusted and escaped, in text and in attributes; invalid UTF-8 becomes
// U+FFFD and control characters are dropped. Only http:// and https:// URLs
// become links. A claim span that does not fit its quote (or cuts a UTF-8
// character) is not trusted: the matched text is looked up in the quote
// instead, and failing that the quote is shown without a highlight.
//
// Stable hooks for tests and for people who link to a finding:
//   <article class="finding" id="f-ID" data-finding-id="ID" data-verdict="V">
//   <mark class="claim-span" data-finding-id="ID" data-claim="N"> (N: index
//   of the claim in Finding.claims).
//
// Example:
//   std::string page = RenderHtml(report);
#ifndef CROSSCHECK_CHECKER_RENDER_RENDER_HTML_H_
#define CROSSCHECK_CHECKER_RENDER_RENDER_HTML_H_

#include <string>

#include "absl/strings/string_view.h"
#include "proto/report.pb.h"

namespace crosscheck {

// The whole page, <!DOCTYPE html> to </html>.
std::string RenderHtml(const Report& report);

// True when `url` may become a link: an absolute http:// or https:// URL
// (scheme in any case) with a host and no whitespace or control characters.
// `javascript:`, `data:` and relative URLs never are.
bool IsSafeLinkUrl(absl::string_view url);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_RENDER_RENDER_HTML_H_
