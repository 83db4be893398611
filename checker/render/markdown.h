// The Markdown report (`crosscheck report`'s default, for a terminal),
// private to render.h's RenderReport. Sections, in order: the summary
// (counts, and what was left out or kept apart), the articles, the findings
// with their claims and quotes (the claim's span in bold), the outlets'
// reliability, the copies, stale ledger entries and skipped inputs; the
// last four only when there is something to show.
//
// Every string that came from an article, its metadata, a rule or the
// ledger has terminal control characters and ANSI escape sequences removed
// and Markdown table syntax escaped.
//
// Example:
//   std::string md = RenderMarkdown(report);  // "# crosscheck report\n\n..."
#ifndef CROSSCHECK_CHECKER_RENDER_MARKDOWN_H_
#define CROSSCHECK_CHECKER_RENDER_MARKDOWN_H_

#include <string>

#include "proto/report.pb.h"

namespace crosscheck {

// The whole Markdown report of `r`.
std::string RenderMarkdown(const Report& r);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_RENDER_MARKDOWN_H_
