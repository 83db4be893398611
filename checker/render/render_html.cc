#include "checker/render/render_html.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "checker/base/escaping.h"
#include "checker/render/render_html_style.h"
#include "unicode/utf8.h"

namespace crosscheck {
namespace {

// Escaped text: the only way untrusted strings reach the page.
std::string E(absl::string_view text) { return EscapeHtml(text); }

// A fragment for id attributes and #links: ASCII letters, digits, '-' and
// '_' kept, anything else '_'.
std::string Slug(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    out += absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_';
  }
  return out;
}

// How each verdict looks and what it means, most severe first.
struct VerdictStyle {
  Verdict verdict;
  const char* css;
  const char* singular;
  const char* plural;
  const char* meaning;
};

constexpr VerdictStyle kVerdictStyles[] = {
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

constexpr VerdictStyle kUnknownVerdict = {VERDICT_UNSPECIFIED, "unknown", "Unknown verdict",
                                          "Unknown verdicts",
                                          "A verdict this version does not know."};

const VerdictStyle& StyleOf(Verdict v) {
  for (const VerdictStyle& s : kVerdictStyles) {
    if (s.verdict == v) return s;
  }
  return kUnknownVerdict;
}

std::string Plural(int n, absl::string_view one, absl::string_view many) {
  return absl::StrCat(n, " ", n == 1 ? one : many);
}

// `text`, or `unknown` when it is empty.
std::string OrUnknown(absl::string_view text, absl::string_view unknown = "unknown") {
  return text.empty() ? std::string(unknown) : std::string(text);
}

std::string Number(double x) {
  if (!std::isfinite(x)) return "n/a";
  return absl::StrFormat("%.2f", x);
}

// Percent in [0, 100] for a probability, for widths in inline styles.
std::string Percent(double p) {
  if (!std::isfinite(p)) p = 0;
  p = std::min(1.0, std::max(0.0, p));
  return absl::StrFormat("%.1f%%", p * 100);
}

std::string MetadataSourceWord(MetadataSource s) {
  switch (s) {
    case METADATA_SOURCE_SIDECAR: return "metadata";
    case METADATA_SOURCE_DATE_LINE: return "date line";
    case METADATA_SOURCE_URL: return "URL";
    case METADATA_SOURCE_MASTHEAD: return "masthead";
    case METADATA_SOURCE_FIRST_LINE: return "first line";
    default: return "";
  }
}

// Days from `a` to `b` (both YYYY-MM-DD), or -1 when either is not a date.
int64_t DaysBetween(absl::string_view a, absl::string_view b) {
  absl::CivilDay da, db;
  if (!absl::ParseCivilTime(a, &da) || !absl::ParseCivilTime(b, &db)) return -1;
  return db - da;
}

bool IsCharBoundary(absl::string_view s, int64_t i) {
  return i <= 0 || i >= static_cast<int64_t>(s.size()) ||
         (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

// A quote cut around the claim's matched text.
struct QuoteParts {
  absl::string_view before, match, after;
  bool marked = false;
};

// Claim.span and Claim.sentence_span are absolute in the article; the match
// is quote[span.begin - sentence.begin, span.end - sentence.begin). Spans
// from a report are untrusted: out of range, reversed or cutting a UTF-8
// character, they give way to the matched text found in the quote.
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

// What the renderer looks up while it writes.
struct Context {
  const Report* report;
  // Article id -> position in Report.articles (anchors a-1, a-2, ...).
  absl::flat_hash_map<std::string, int> article_index;
  // (kind, subject) -> timeline anchor, for subjects that have one.
  std::map<std::pair<std::string, std::string>, std::string> timeline_anchor;
};

// "McClatchy" linked to its row in the articles table, or the bare id.
std::string ArticleRef(const Context& ctx, absl::string_view article_id) {
  auto it = ctx.article_index.find(article_id);
  if (it == ctx.article_index.end()) return absl::StrCat("<code>", E(article_id), "</code>");
  return absl::StrCat("<a class=\"aid\" href=\"#a-", it->second + 1, "\"><code>", E(article_id),
                      "</code></a>");
}

std::string OutletOf(const Context& ctx, absl::string_view article_id) {
  auto it = ctx.article_index.find(article_id);
  if (it == ctx.article_index.end()) return "";
  return ctx.report->articles(it->second).outlet();
}

void AppendSummary(const Report& r, std::string* out) {
  const ReportSummary& s = r.summary();
  std::map<std::string, int> per_outlet;
  std::string first, last;
  for (const ArticleSummary& a : r.articles()) {
    per_outlet[a.outlet()]++;
    if (a.published().empty()) continue;
    if (first.empty() || a.published() < first) first = a.published();
    if (last.empty() || a.published() > last) last = a.published();
  }
  int articles = std::max(s.articles(), r.articles_size());
  int outlets = s.outlets() > 0 ? s.outlets() : static_cast<int>(per_outlet.size());
  int unreviewed = 0;
  for (const Finding& f : r.findings()) unreviewed += f.has_review() ? 0 : 1;

  absl::StrAppend(out, "<header class=\"top\">\n<h1>crosscheck report</h1>\n<p class=\"lede\">",
                  Plural(articles, "article", "articles"), " from ",
                  Plural(outlets, "outlet", "outlets"));
  if (!first.empty()) {
    absl::StrAppend(out, ", published ", E(first), first == last ? "" : " to ",
                    first == last ? "" : E(last));
  }
  absl::StrAppend(out, " &middot; ", Plural(s.claims(), "claim", "claims"), " &middot; ",
                  Plural(r.findings_size(), "finding", "findings"), ", ", unreviewed,
                  " not reviewed</p>\n");

  // Findings by verdict: counted from the findings, so the tiles always
  // match what the page shows below.
  std::map<Verdict, int> by_verdict;
  for (const Finding& f : r.findings()) by_verdict[StyleOf(f.verdict()).verdict]++;
  absl::StrAppend(out, "<ul class=\"tiles\" aria-label=\"Findings by verdict\">\n");
  auto tile = [&](const VerdictStyle& v, int n) {
    if (n == 0) {
      absl::StrAppend(out, "<li><span class=\"tile zero v-", v.css, "\" title=\"", v.meaning,
                      "\"><b>0</b>", v.plural, "</span></li>\n");
    } else {
      absl::StrAppend(out, "<li><a class=\"tile v-", v.css, "\" href=\"#v-", v.css, "\" title=\"",
                      v.meaning, "\"><b>", n, "</b>", n == 1 ? v.singular : v.plural,
                      "</a></li>\n");
    }
  };
  for (const VerdictStyle& v : kVerdictStyles) tile(v, by_verdict[v.verdict]);
  if (by_verdict[VERDICT_UNSPECIFIED] > 0) tile(kUnknownVerdict, by_verdict[VERDICT_UNSPECIFIED]);
  absl::StrAppend(out,
                  "<li><span class=\"tile unreviewed\" title=\"Findings with no verdict in "
                  "the review ledger\"><b>",
                  unreviewed, "</b>not reviewed</span></li>\n</ul>\n");

  std::vector<std::string> outlet_parts;
  for (const auto& [outlet, n] : per_outlet) {
    outlet_parts.push_back(absl::StrCat(outlet.empty() ? "<i>unknown outlet</i>" : E(outlet), " (",
                                        Plural(n, "article", "articles"), ")"));
  }
  if (!outlet_parts.empty()) {
    absl::StrAppend(out, "<p><b>Outlets:</b> ", absl::StrJoin(outlet_parts, ", "), "</p>\n");
  }
  if (s.claims_by_kind_size() > 0) {
    std::vector<std::string> parts;
    for (const Count& c : s.claims_by_kind()) {
      parts.push_back(absl::StrCat("<span class=\"kind\">", E(c.name()), "</span> ", c.count()));
    }
    absl::StrAppend(out, "<p><b>Claims by kind:</b> ", absl::StrJoin(parts, ", "), "</p>\n");
  }
  absl::StrAppend(out,
                  "<nav class=\"toc\"><a href=\"#findings\">Findings</a>"
                  "<a href=\"#timelines\">Timelines</a><a href=\"#outlets\">Outlets</a>"
                  "<a href=\"#copies\">Copies</a><a href=\"#articles\">Articles</a>",
                  r.stale_reviews().empty() ? "" : "<a href=\"#stale\">Stale reviews</a>",
                  r.problems().empty() ? "" : "<a href=\"#problems\">Skipped inputs</a>",
                  "</nav>\n</header>\n");
}

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

// The claims of one (kind, subject) across all findings, by publication day.
struct Timeline {
  std::string kind, subject;
  std::vector<const Claim*> claims;  // distinct claims
  std::vector<const Finding*> findings;
  bool has_update = false;
  int64_t span_days = 0;  // first to last publication day
};

// A timeline worth showing open: an update, or claims a week or more apart.
bool Prominent(const Timeline& t) { return t.has_update || t.span_days >= 7; }

std::vector<Timeline> BuildTimelines(const Report& r) {
  std::map<std::pair<std::string, std::string>, Timeline> by_subject;
  std::map<std::pair<std::string, std::string>, std::set<std::string>> seen;
  for (const Finding& f : r.findings()) {
    std::pair<std::string, std::string> key(f.kind(), f.subject());
    Timeline& t = by_subject[key];
    t.kind = f.kind();
    t.subject = f.subject();
    t.findings.push_back(&f);
    t.has_update |= f.verdict() == UPDATE;
    for (const Claim& c : f.claims()) {
      std::string id = absl::StrCat(c.article_id(), "\x1f", c.span().begin(), "\x1f",
                                    c.span().end(), "\x1f", c.display_value());
      if (seen[key].insert(id).second) t.claims.push_back(&c);
    }
  }
  std::vector<Timeline> out;
  for (auto& [key, t] : by_subject) {
    std::set<std::string> days;
    for (const Claim* c : t.claims) {
      if (!c->published().empty()) days.insert(c->published());
    }
    if (days.size() < 2) continue;
    t.span_days = std::max<int64_t>(0, DaysBetween(*days.begin(), *days.rbegin()));
    out.push_back(std::move(t));
  }
  std::stable_sort(out.begin(), out.end(), [](const Timeline& a, const Timeline& b) {
    if (Prominent(a) != Prominent(b)) return Prominent(a);
    return a.span_days > b.span_days;
  });
  return out;
}

void AppendTimeline(const Timeline& t, absl::string_view anchor, std::string* out) {
  constexpr int kMaxPerDay = 8;
  std::map<std::string, std::vector<const Claim*>> by_day;
  int undated = 0;
  for (const Claim* c : t.claims) {
    if (c->published().empty()) {
      ++undated;
    } else {
      by_day[c->published()].push_back(c);
    }
  }
  // Same value, same color: a change of value is a change of color.
  std::map<std::string, int> color;
  for (const auto& [day, claims] : by_day) {
    for (const Claim* c : claims) color.emplace(c->display_value(), static_cast<int>(color.size()));
  }
  const std::string& first = by_day.begin()->first;
  const std::string& last = by_day.rbegin()->first;
  int64_t span_days = DaysBetween(first, last);
  absl::StrAppend(out, "<section class=\"timeline\" id=\"", anchor,
                  "\">\n<h3><span class=\"kind\">", E(t.kind), "</span> &middot; ", E(t.subject),
                  "</h3>\n<div class=\"tl-wrap\">", "<p class=\"tl-meta\">",
                  Plural(static_cast<int>(t.claims.size()), "claim", "claims"), " published from ",
                  E(first), " to ", E(last));
  if (span_days > 0) absl::StrAppend(out, " (", Plural(span_days, "day", "days"), ")");
  if (undated > 0) absl::StrAppend(out, "; ", undated, " undated not placed");
  // The findings about this subject, one badge per verdict (linked to the
  // first of them), with a count when there are several.
  absl::StrAppend(out, ". Findings:");
  std::vector<std::pair<const VerdictStyle*, std::vector<const Finding*>>> by_verdict;
  for (const Finding* f : t.findings) {
    const VerdictStyle* v = &StyleOf(f->verdict());
    auto it = std::find_if(by_verdict.begin(), by_verdict.end(),
                           [&](const auto& group) { return group.first == v; });
    if (it == by_verdict.end()) it = by_verdict.insert(by_verdict.end(), {v, {}});
    it->second.push_back(f);
  }
  for (const auto& [v, findings] : by_verdict) {
    absl::StrAppend(
        out, " <a class=\"badge v-", v->css, "\" href=\"#f-", Slug(findings.front()->id()), "\">",
        findings.size() == 1 ? v->singular : absl::StrCat(findings.size(), " ", v->plural), "</a>");
  }
  absl::StrAppend(out, "</p>\n<ol class=\"tl\">\n");
  const std::string* previous = nullptr;
  for (const auto& [day, claims] : by_day) {
    // Space grows with the time between two days, slowly: a week apart and
    // two months apart both fit on a screen, and still look different.
    int64_t gap = previous == nullptr ? -1 : DaysBetween(*previous, day);
    int margin = gap <= 0 ? 0 : static_cast<int>(std::lround(36 * std::log2(1.0 + gap)));
    absl::StrAppend(out, "<li class=\"tl-day\"",
                    margin > 0 ? absl::StrCat(" style=\"margin-left:", margin, "px\"") : "", ">");
    if (gap > 0) {
      absl::StrAppend(out, "<span class=\"tl-gap\">", Plural(gap, "day", "days"), " later</span>");
    }
    absl::StrAppend(out, "<time datetime=\"", E(day), "\">", E(day), "</time>\n<ul>\n");
    int shown = 0;
    for (const Claim* c : claims) {
      if (++shown > kMaxPerDay) break;
      absl::StrAppend(out, "<li><span class=\"chip c", color[c->display_value()] % 6, "\">",
                      E(OrUnknown(c->display_value(), "?")), "</span> ",
                      E(OrUnknown(c->outlet(), "unknown outlet")),
                      c->section() == SECTION_HEADLINE ? " (headline)" : "",
                      c->attribution().source().empty()
                          ? ""
                          : absl::StrCat(", citing ", E(c->attribution().source())),
                      c->attribution().hedged() ? ", hedged" : "", "</li>\n");
    }
    if (shown > kMaxPerDay) {
      absl::StrAppend(out, "<li class=\"muted\">and ", claims.size() - kMaxPerDay, " more</li>\n");
    }
    absl::StrAppend(out, "</ul></li>\n");
    previous = &day;
  }
  absl::StrAppend(out, "</ol></div>\n</section>\n");
}

void AppendTimelines(const std::vector<Timeline>& timelines, std::string* out) {
  absl::StrAppend(out, "<section id=\"timelines\">\n<h2>Timelines</h2>\n");
  if (timelines.empty()) {
    absl::StrAppend(out,
                    "<p class=\"muted\">No subject has claims published on different "
                    "days.</p>\n");
  } else {
    absl::StrAppend(out,
                    "<p class=\"muted\">Each subject whose claims were published on "
                    "different days, by publication day. A value that changes over weeks is "
                    "often the story moving on (an update), not outlets disagreeing.</p>\n");
  }
  size_t i = 0;
  for (; i < timelines.size() && Prominent(timelines[i]); ++i) {
    AppendTimeline(timelines[i], absl::StrCat("t-", i + 1), out);
  }
  if (i < timelines.size()) {
    absl::StrAppend(out, "<details class=\"fold\"><summary>", i == 0 ? "Show " : "Show the other ",
                    Plural(static_cast<int>(timelines.size() - i), "subject", "subjects"),
                    " reported a few days apart</summary>\n");
    for (; i < timelines.size(); ++i) AppendTimeline(timelines[i], absl::StrCat("t-", i + 1), out);
    absl::StrAppend(out, "</details>\n");
  }
  absl::StrAppend(out, "</section>\n");
}

// Outlet reliability (Report.outlets, from the reliability stage).
void AppendOutlets(const Report& r, std::string* out) {
  absl::StrAppend(out, "<section id=\"outlets\">\n<h2>Outlets</h2>\n");
  if (r.outlets().empty()) {
    absl::StrAppend(out,
                    "<p class=\"placeholder\">Outlet reliability was not computed for this "
                    "report.</p>\n</section>\n");
    return;
  }
  absl::StrAppend(
      out,
      "<p class=\"muted\">How reliable each outlet looks on this corpus&rsquo;s evidence: "
      "a prior moved by corroboration and by the conflicts it wins or loses (copies are "
      "not independent votes; reviewers&rsquo; verdicts count as truth). The band is one "
      "standard deviation: few articles make a weak signal.</p>\n<table>\n<thead><tr>"
      "<th>Outlet</th><th>Reliability</th><th class=\"num\">Prior</th>"
      "<th class=\"num\">Articles</th><th class=\"num\">Claims</th>"
      "<th class=\"num\">Corroborated</th><th class=\"num\">Lost</th>"
      "<th class=\"num\">Disputed</th><th class=\"num\">Named / anonymous sources</th>"
      "</tr></thead>\n<tbody>\n");
  for (const OutletScore& o : r.outlets()) {
    double lo = o.score() - o.uncertainty(), hi = o.score() + o.uncertainty();
    absl::StrAppend(out, "<tr><td><span class=\"outlet\">", E(OrUnknown(o.outlet())), "</span>");
    if (!o.reasons().empty()) {
      absl::StrAppend(out, "<ul class=\"reasons\">");
      for (const std::string& reason : o.reasons())
        absl::StrAppend(out, "<li>", E(reason), "</li>");
      absl::StrAppend(out, "</ul>");
    }
    absl::StrAppend(
        out, "</td><td>", Number(o.score()), " &plusmn; ", Number(o.uncertainty()),
        "<span class=\"bar\" aria-hidden=\"true\"><span class=\"band\" style=\"left:", Percent(lo),
        ";right:", Percent(1 - hi),
        "\"></span><span class=\"pt\" style=\"left:", Percent(o.score()),
        "\"></span></span></td><td class=\"num\">", Number(o.prior()),
        o.prior_supplied() ? "" : "<br><span class=\"muted\">default</span>",
        "</td><td class=\"num\">", o.articles(), "</td><td class=\"num\">", o.claims(),
        "</td><td class=\"num\">", o.corroborated(), "</td><td class=\"num\">", o.contradicted(),
        "</td><td class=\"num\">", o.disputed(), "</td><td class=\"num\">", o.named_sources(),
        " / ", o.anonymous_sources(), "</td></tr>\n");
  }
  absl::StrAppend(out, "</tbody></table>\n</section>\n");
}

void AppendCopies(const Report& r, const Context& ctx, std::string* out) {
  absl::StrAppend(out, "<section id=\"copies\">\n<h2>Copies</h2>\n");
  if (r.copies().empty()) {
    absl::StrAppend(out,
                    "<p class=\"muted\">No article repeats sentences of another.</p>\n"
                    "</section>\n");
    return;
  }
  absl::StrAppend(out,
                  "<p class=\"muted\">Articles that repeat sentences of an earlier one: "
                  "their agreement is one voice, not independent corroboration.</p>\n<table>\n"
                  "<thead><tr><th>Article</th><th>Repeats</th><th class=\"num\">Shared "
                  "sentences</th><th>For example</th></tr></thead>\n<tbody>\n");
  for (const Copy& c : r.copies()) {
    absl::StrAppend(out, "<tr><td>", E(OutletOf(ctx, c.copier())), " ", ArticleRef(ctx, c.copier()),
                    "</td><td>", E(OutletOf(ctx, c.source())), " ", ArticleRef(ctx, c.source()),
                    "</td><td class=\"num\">", c.shared_sentences(), "</td><td><blockquote>",
                    E(c.example()), "</blockquote></td></tr>\n");
  }
  absl::StrAppend(out, "</tbody></table>\n</section>\n");
}

void AppendArticles(const Report& r, std::string* out) {
  absl::StrAppend(out,
                  "<section id=\"articles\">\n<h2>Articles</h2>\n<table>\n<thead><tr>"
                  "<th>Id</th><th>Outlet</th><th>Published</th><th class=\"num\">Claims</th>"
                  "<th>Title</th></tr></thead>\n<tbody>\n");
  for (int i = 0; i < r.articles_size(); ++i) {
    const ArticleSummary& a = r.articles(i);
    std::string title = a.title().empty() ? "<i class=\"muted\">no headline</i>" : E(a.title());
    if (IsSafeLinkUrl(a.url())) {
      title =
          absl::StrCat("<a href=\"", E(a.url()), "\" rel=\"noopener noreferrer\">", title, "</a>");
    } else if (!a.url().empty()) {
      absl::StrAppend(&title, "<br><span class=\"muted\">URL not linked: </span><code>", E(a.url()),
                      "</code>");
    }
    std::string source = MetadataSourceWord(a.published_source());
    absl::StrAppend(
        out, "<tr id=\"a-", i + 1, "\"><td><code>", E(a.id()), "</code>",
        a.path().empty() ? "" : absl::StrCat("<br><span class=\"muted\">", E(a.path()), "</span>"),
        "</td><td>", E(OrUnknown(a.outlet())), "</td><td class=\"nowrap\">",
        E(OrUnknown(a.published())),
        source.empty() ? "" : absl::StrCat("<br><span class=\"muted\">from ", source, "</span>"),
        "</td><td class=\"num\">", a.claim_count(), "</td><td>", title, "</td></tr>\n");
  }
  absl::StrAppend(out, "</tbody></table>\n</section>\n");
}

void AppendStaleAndProblems(const Report& r, std::string* out) {
  if (!r.stale_reviews().empty()) {
    absl::StrAppend(out,
                    "<section id=\"stale\">\n<h2>Stale reviews</h2>\n<p class=\"muted\">"
                    "Ledger entries whose finding is no longer in this corpus (the articles or "
                    "the rules changed). They are kept.</p>\n<ul>\n");
    for (const Review& rv : r.stale_reviews()) {
      absl::StrAppend(out, "<li><code>", E(rv.finding_id()), "</code> ",
                      E(Decision_Name(rv.decision())), " by ", E(OrUnknown(rv.reviewer())), " ",
                      E(rv.time()), ": ", E(rv.explanation()), "</li>\n");
    }
    absl::StrAppend(out, "</ul>\n</section>\n");
  }
  if (!r.problems().empty()) {
    absl::StrAppend(out, "<section id=\"problems\">\n<h2>Skipped inputs</h2>\n<ul>\n");
    for (const Problem& p : r.problems()) {
      absl::StrAppend(out, "<li><code>", E(p.location()), "</code>: ", E(p.message()), "</li>\n");
    }
    absl::StrAppend(out, "</ul>\n</section>\n");
  }
}

}  // namespace

bool IsSafeLinkUrl(absl::string_view url) {
  absl::string_view rest;
  if (absl::StartsWithIgnoreCase(url, "https://")) {
    rest = url.substr(8);
  } else if (absl::StartsWithIgnoreCase(url, "http://")) {
    rest = url.substr(7);
  } else {
    return false;
  }
  if (rest.empty() || rest[0] == '/' || rest[0] == '\\') return false;
  for (char ch : url) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F) return false;
  }
  return true;
}

std::string RenderHtml(const Report& report) {
  Context ctx;
  ctx.report = &report;
  for (int i = 0; i < report.articles_size(); ++i) {
    ctx.article_index.emplace(report.articles(i).id(), i);
  }
  std::vector<Timeline> timelines = BuildTimelines(report);
  for (size_t i = 0; i < timelines.size(); ++i) {
    ctx.timeline_anchor[{timelines[i].kind, timelines[i].subject}] = absl::StrCat("t-", i + 1);
  }

  std::map<Verdict, int> by_verdict;
  for (const Finding& f : report.findings()) by_verdict[StyleOf(f.verdict()).verdict]++;
  std::vector<std::string> title_counts;
  for (const VerdictStyle& v : kVerdictStyles) {
    int n = by_verdict[v.verdict];
    if (n > 0 && v.verdict != AGREEMENT) {
      title_counts.push_back(
          absl::StrCat(n, " ", absl::AsciiStrToLower(n == 1 ? v.singular : v.plural)));
    }
  }
  std::string title = absl::StrCat(
      "crosscheck: ", title_counts.empty() ? "no conflicts" : absl::StrJoin(title_counts, ", "),
      " in ",
      Plural(std::max(report.summary().articles(), report.articles_size()), "article", "articles"));

  std::string out;
  out.reserve(64 * 1024);
  absl::StrAppend(
      &out,
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      // Nothing is loaded and nothing runs: the page is all here, and text
      // that escaped escaping still could not fetch or execute anything.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n"
      "<meta name=\"generator\" content=\"crosscheck\">\n<title>",
      E(title), "</title>\n<style>", html_internal::kStyle, "</style>\n</head>\n<body>\n");
  AppendSummary(report, &out);
  absl::StrAppend(&out, "<main>\n");
  AppendFindings(report, ctx, &out);
  AppendTimelines(timelines, &out);
  AppendOutlets(report, &out);
  AppendCopies(report, ctx, &out);
  AppendArticles(report, &out);
  AppendStaleAndProblems(report, &out);
  absl::StrAppend(&out,
                  "</main>\n<footer>Made by crosscheck from the same report as "
                  "<code>--format=json</code>. This page is self-contained: no scripts, fonts "
                  "or images, and nothing is fetched when it opens.</footer>\n</body>\n</html>\n");
  return out;
}

}  // namespace crosscheck
