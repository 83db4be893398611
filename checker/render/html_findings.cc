#include "checker/render/html_findings.h"

#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace crosscheck::html_internal {
namespace {

bool IsCharBoundary(absl::string_view s, int64_t i) {
  return i <= 0 || i >= static_cast<int64_t>(s.size()) ||
         (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

}  // namespace

QuoteParts SplitQuote(const Claim& c) {
  absl::string_view q = c.quote();
  QuoteParts parts;
  parts.before = q;
  int64_t b = int64_t{c.span().begin()} - c.sentence_span().begin();
  int64_t e = int64_t{c.span().end()} - c.sentence_span().begin();
  if (!(0 <= b && b < e && e <= static_cast<int64_t>(q.size()) && IsCharBoundary(q, b) &&
        IsCharBoundary(q, e))) {
    size_t pos = c.matched_text().empty() ? absl::string_view::npos : q.find(c.matched_text());
    if (pos == absl::string_view::npos) return parts;
    b = static_cast<int64_t>(pos);
    e = b + static_cast<int64_t>(c.matched_text().size());
  }
  parts.before = q.substr(0, b);
  parts.match = q.substr(b, e - b);
  parts.after = q.substr(e);
  parts.marked = true;
  return parts;
}

namespace {

// Review status of a finding, from the ledger (Finding.review).
void AppendReview(const Finding& f, const Context& ctx, std::string* out) {
  if (!f.has_review()) {
    absl::StrAppend(out,
                    "<p class=\"review none\"><b>Review:</b> not reviewed yet "
                    "(<code>crosscheck review --ledger=FILE --finding=",
                    E(f.id()), " PATH...</code>)</p>\n");
    return;
  }
  const Review& r = f.review();
  const bool confirmed = r.decision() == DECISION_CONFIRMED;
  absl::StrAppend(out, "<p class=\"review ", confirmed ? "confirmed" : "dismissed",
                  "\"><b>Review:</b> ",
                  confirmed                            ? "confirmed"
                  : r.decision() == DECISION_DISMISSED ? "dismissed as a false positive"
                                                       : "recorded without a decision");
  if (!r.reviewer().empty()) absl::StrAppend(out, " by ", E(r.reviewer()));
  if (!r.time().empty()) absl::StrAppend(out, " on ", E(r.time().substr(0, 10)));
  if (!r.correct_article_id().empty()) {
    std::string outlet = OutletOf(ctx, r.correct_article_id());
    absl::StrAppend(out, "; right: ", outlet.empty() ? "" : E(outlet) + " ",
                    ArticleRef(ctx, r.correct_article_id()));
  }
  if (!r.note().empty()) absl::StrAppend(out, ". Note: ", E(r.note()));
  absl::StrAppend(out, "</p>\n");
}

void AppendAttribution(const Claim& c, std::string* out) {
  const Attribution& a = c.attribution();
  absl::StrAppend(out, "<ul class=\"attribution\" aria-label=\"Attribution\">");
  if (a.source().empty()) {
    absl::StrAppend(out, "<li class=\"own\">outlet&rsquo;s own voice</li>");
  } else if (a.named()) {
    absl::StrAppend(out, "<li class=\"named\">named source: ", E(a.source()), "</li>");
  } else {
    absl::StrAppend(out, "<li class=\"anonymous\">anonymous source: ", E(a.source()), "</li>");
  }
  if (a.hedged()) absl::StrAppend(out, "<li class=\"hedged\">hedged</li>");
  if (a.negated()) absl::StrAppend(out, "<li class=\"negated\">negated</li>");
  switch (c.section()) {
    case SECTION_HEADLINE: absl::StrAppend(out, "<li>headline</li>"); break;
    case SECTION_CAPTION: absl::StrAppend(out, "<li>caption</li>"); break;
    case SECTION_BOILERPLATE: absl::StrAppend(out, "<li>page furniture</li>"); break;
    default: break;
  }
  absl::StrAppend(out, "</ul>\n");
}

void AppendClaim(const Finding& f, int index, const Claim& c, const Context& ctx,
                 std::string* out) {
  absl::StrAppend(out, "<section class=\"claim\" data-claim=\"", index, "\">\n",
                  "<div class=\"claim-head\"><span class=\"outlet\">",
                  E(OrUnknown(c.outlet(), "unknown outlet")), "</span>");
  if (c.published().empty()) {
    absl::StrAppend(out, "<span class=\"muted\">date unknown</span>");
  } else {
    absl::StrAppend(out, "<time datetime=\"", E(c.published()), "\">", E(c.published()), "</time>");
  }
  absl::StrAppend(out, "</div>\n<div class=\"value\">", E(OrUnknown(c.display_value(), "?")));
  // The reviewer's side, on the claims it concerns.
  if (f.has_review() && f.review().decision() == DECISION_CONFIRMED &&
      !f.review().correct_article_id().empty()) {
    absl::StrAppend(out, f.review().correct_article_id() == c.article_id()
                             ? " <span class=\"side right\">reviewer: right</span>"
                             : " <span class=\"side wrong\">reviewer: wrong</span>");
  }
  absl::StrAppend(out, "</div>\n");
  std::vector<std::string> notes;
  if (!c.scope_text().empty()) notes.push_back(absl::StrCat("scope: ", E(c.scope_text())));
  if (c.has_time() && !c.time().resolution().empty()) {
    notes.push_back(absl::StrCat("read as ", E(c.time().resolution())));
  }
  if (!notes.empty()) {
    absl::StrAppend(out, "<div class=\"value-note\">", absl::StrJoin(notes, " &middot; "),
                    "</div>\n");
  }
  AppendAttribution(c, out);
  QuoteParts q = SplitQuote(c);
  absl::StrAppend(out, "<blockquote>", E(q.before));
  if (q.marked) {
    absl::StrAppend(out, "<mark class=\"claim-span\" data-finding-id=\"", E(f.id()),
                    "\" data-claim=\"", index, "\">", E(q.match), "</mark>", E(q.after));
  }
  absl::StrAppend(out, "</blockquote>\n<p class=\"provenance\">", ArticleRef(ctx, c.article_id()),
                  " &middot; bytes ", c.span().begin(), "&ndash;", c.span().end());
  if (!c.pattern_id().empty()) {
    absl::StrAppend(out, " &middot; rule <code>", E(c.pattern_id()), "</code>");
  }
  absl::StrAppend(out, "</p>\n");
  std::vector<std::string> sources;
  for (const Copy& copy : ctx.report->copies()) {
    if (copy.copier() != c.article_id()) continue;
    std::string outlet = OutletOf(ctx, copy.source());
    sources.push_back(
        absl::StrCat(outlet.empty() ? "" : E(outlet) + " ", ArticleRef(ctx, copy.source())));
  }
  if (!sources.empty()) {
    absl::StrAppend(out, "<p class=\"copy-note\">Its article repeats sentences of ",
                    absl::StrJoin(sources, " and "), ": not independent of ",
                    sources.size() == 1 ? "it" : "them", ".</p>\n");
  }
  absl::StrAppend(out, "</section>\n");
}

void AppendFinding(const Finding& f, const Context& ctx, std::string* out) {
  const VerdictStyle& v = StyleOf(f.verdict());
  absl::StrAppend(out, "<article class=\"finding v-", v.css, "\" id=\"f-", Slug(f.id()),
                  "\" data-finding-id=\"", E(f.id()), "\" data-verdict=\"",
                  E(Verdict_Name(f.verdict())), "\">\n<header class=\"finding-head\">",
                  "<span class=\"badge\">", v.singular, "</span><h4><span class=\"kind\">",
                  E(f.kind()), "</span> &middot; ", E(f.subject()), "</h4>",
                  "<span class=\"fid\">");
  auto tl = ctx.timeline_anchor.find({f.kind(), f.subject()});
  if (tl != ctx.timeline_anchor.end()) {
    absl::StrAppend(out, "<a href=\"#", tl->second, "\">timeline</a> &middot; ");
  }
  absl::StrAppend(out, "<a href=\"#f-", Slug(f.id()), "\" title=\"Finding id\"><code>", E(f.id()),
                  "</code></a></span></header>\n<p class=\"explanation\">", E(f.explanation()),
                  "</p>\n");
  if (f.has_lean() && !f.lean().explanation().empty()) {
    absl::StrAppend(out, "<p class=\"lean\"><b>Evidence leans:</b> ", E(f.lean().explanation()),
                    "</p>\n");
  }
  // Review status: from the ledger (Finding.review).
  AppendReview(f, ctx, out);
  absl::StrAppend(out, "<div class=\"claims\">\n");
  for (int i = 0; i < f.claims_size(); ++i) AppendClaim(f, i, f.claims(i), ctx, out);
  absl::StrAppend(out, "</div>\n</article>\n");
}

}  // namespace

void AppendFindings(const Report& r, const Context& ctx, std::string* out) {
  absl::StrAppend(out, "<section id=\"findings\">\n<h2>Findings</h2>\n");
  if (r.findings().empty()) absl::StrAppend(out, "<p class=\"muted\">No findings.</p>\n");
  std::vector<VerdictStyle> groups(std::begin(kVerdictStyles), std::end(kVerdictStyles));
  groups.push_back(kUnknownVerdict);
  for (const VerdictStyle& v : groups) {
    std::vector<const Finding*> in_group;
    for (const Finding& f : r.findings()) {
      if (StyleOf(f.verdict()).verdict == v.verdict) in_group.push_back(&f);
    }
    if (in_group.empty()) continue;
    absl::StrAppend(out, "<section class=\"group v-", v.css, "\" id=\"v-", v.css, "\">\n<h3>",
                    in_group.size() == 1 ? v.singular : v.plural, " (", in_group.size(),
                    ")</h3>\n<p class=\"group-meaning\">", v.meaning, "</p>\n");
    // Agreements matter less than conflicts: folded, one click away.
    const bool fold = v.verdict == AGREEMENT;
    if (fold) {
      absl::StrAppend(out, "<details class=\"fold\"><summary>Show ",
                      in_group.size() == 1 ? "the agreement"
                                           : absl::StrCat("the ", in_group.size(), " agreements"),
                      "</summary>\n");
    }
    for (const Finding* f : in_group) AppendFinding(*f, ctx, out);
    absl::StrAppend(out, fold ? "</details>\n" : "", "</section>\n");
  }
  absl::StrAppend(out, "</section>\n");
}

}  // namespace crosscheck::html_internal
