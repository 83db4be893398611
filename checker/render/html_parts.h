// Internal to render_html: what every section of the HTML report uses.
// Escaping and anchors, how each verdict looks, counted nouns, and the
// lookups (articles by id, timeline anchors) the sections share while the
// page is written.
//
// Example:
//   Context ctx;
//   ctx.report = &report;
//   ctx.article_index.emplace("003", 2);
//   std::string ref = ArticleRef(ctx, "003");  // <a ... href="#a-3"><code>003</code></a>
//   std::string label = Plural(2, "claim", "claims");  // "2 claims"
//   const VerdictStyle& v = StyleOf(UPDATE);  // v.css == "update"
#ifndef CROSSCHECK_CHECKER_RENDER_HTML_PARTS_H_
#define CROSSCHECK_CHECKER_RENDER_HTML_PARTS_H_

#include <map>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "proto/report.pb.h"

namespace crosscheck::html_internal {

// Escaped text: the only way untrusted strings reach the page.
std::string E(absl::string_view text);

// A fragment for id attributes and #links: ASCII letters, digits, '-' and
// '_' kept, anything else '_'.
std::string Slug(absl::string_view text);

// How each verdict looks and what it means.
struct VerdictStyle {
  Verdict verdict;
  const char* css;
  const char* singular;
  const char* plural;
  const char* meaning;
};

// The known verdicts, most severe first.
inline constexpr VerdictStyle kVerdictStyles[] = {
    {CONTRADICTION, "contradiction", "Contradiction", "Contradictions",
     "The values cannot both be true for the same scope."},
    {DISPUTED, "disputed", "Disputed", "Disputed",
     "One article reports two parties asserting incompatible values."},
    {DISCREPANCY, "discrepancy", "Discrepancy", "Discrepancies",
     "The values differ, but scope, bounds or sources may explain it."},
    {UPDATE, "update", "Update", "Updates",
     "Reported at different times about a situation that changed: a timeline, not a "
     "conflict."},
    {AGREEMENT, "agreement", "Agreement", "Agreements",
     "Independent outlets corroborate the value."},
};

// Any other verdict.
inline constexpr VerdictStyle kUnknownVerdict = {VERDICT_UNSPECIFIED, "unknown", "Unknown verdict",
                                                 "Unknown verdicts",
                                                 "A verdict this version does not know."};

// The style of `v`: one of kVerdictStyles, else kUnknownVerdict.
const VerdictStyle& StyleOf(Verdict v);

// "1 claim", "2 claims".
std::string Plural(int n, absl::string_view one, absl::string_view many);

// `text`, or `unknown` when it is empty.
std::string OrUnknown(absl::string_view text, absl::string_view unknown = "unknown");

// What the renderer looks up while it writes.
struct Context {
  const Report* report;
  // Article id -> position in Report.articles (anchors a-1, a-2, ...).
  absl::flat_hash_map<std::string, int> article_index;
  // (kind, subject) -> timeline anchor, for subjects that have one.
  std::map<std::pair<std::string, std::string>, std::string> timeline_anchor;
};

// "McClatchy" linked to its row in the articles table, or the bare id.
std::string ArticleRef(const Context& ctx, absl::string_view article_id);

// The outlet of the article `article_id`; empty when it is not in the report.
std::string OutletOf(const Context& ctx, absl::string_view article_id);

}  // namespace crosscheck::html_internal

#endif  // CROSSCHECK_CHECKER_RENDER_HTML_PARTS_H_
