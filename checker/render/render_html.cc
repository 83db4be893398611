#include "checker/render/render_html.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "checker/render/html_findings.h"
#include "checker/render/html_outlets.h"
#include "checker/render/html_parts.h"
#include "checker/render/html_timelines.h"
#include "checker/render/render_html_style.h"

namespace crosscheck {
namespace {

using html_internal::AppendCopies;
using html_internal::AppendFindings;
using html_internal::AppendOutlets;
using html_internal::AppendTimelines;
using html_internal::BuildTimelines;
using html_internal::Context;
using html_internal::E;
using html_internal::kUnknownVerdict;
using html_internal::kVerdictStyles;
using html_internal::OrUnknown;
using html_internal::Plural;
using html_internal::StyleOf;
using html_internal::Timeline;
using html_internal::VerdictStyle;

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

// Findings by verdict, unknown verdicts together under VERDICT_UNSPECIFIED:
// counted from the findings, so the counts always match what the page shows.
std::map<Verdict, int> CountByVerdict(const Report& r) {
  std::map<Verdict, int> by_verdict;
  for (const Finding& f : r.findings()) by_verdict[StyleOf(f.verdict()).verdict]++;
  return by_verdict;
}

// The tiles of the summary: the findings of each verdict, and the
// unreviewed ones.
void AppendVerdictTiles(const Report& r, int unreviewed, std::string* out) {
  std::map<Verdict, int> by_verdict = CountByVerdict(r);
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

  AppendVerdictTiles(r, unreviewed, out);

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
                  "<a href=\"#copies\">Copies</a>",
                  r.events().empty() ? "" : "<a href=\"#events\">Events</a>",
                  "<a href=\"#articles\">Articles</a>",
                  r.stale_reviews().empty() ? "" : "<a href=\"#stale\">Stale reviews</a>",
                  r.problems().empty() ? "" : "<a href=\"#problems\">Skipped inputs</a>",
                  "</nav>\n</header>\n");
}

// The events the articles were grouped into.
void AppendEvents(const Report& r, std::string* out) {
  if (r.events().empty()) return;
  absl::StrAppend(out,
                  "<section id=\"events\">\n<h2>Events</h2>\n<p class=\"muted\">The articles "
                  "grouped by the event they cover; claims of different events are not "
                  "compared.</p>\n<table>\n<thead><tr><th>Event</th><th>About</th>"
                  "<th>Published</th><th class=\"num\">Articles</th></tr></thead>\n<tbody>\n");
  for (const Event& e : r.events()) {
    std::string when = e.first_published().empty() ? "undated" : E(e.first_published());
    if (e.last_published() != e.first_published())
      absl::StrAppend(&when, " to ", E(e.last_published()));
    absl::StrAppend(out, "<tr id=\"", E(e.id()), "\"><td><code>", E(e.id()), "</code></td><td>",
                    E(e.label()), "</td><td class=\"nowrap\">", when, "</td><td class=\"num\">",
                    e.article_ids_size(), "</td></tr>\n");
  }
  absl::StrAppend(out, "</tbody></table>\n</section>\n");
}

void AppendArticles(const Report& r, std::string* out) {
  absl::StrAppend(out,
                  "<section id=\"articles\">\n<h2>Articles</h2>\n<table>\n<thead><tr>"
                  "<th>Id</th><th>Outlet</th><th>Published</th><th>Event</th>"
                  "<th class=\"num\">Claims</th><th>Title</th></tr></thead>\n<tbody>\n");
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
        "</td><td>",
        a.event().empty() ? "?"
                          : absl::StrCat("<a href=\"#", E(a.event()), "\">", E(a.event()), "</a>"),
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

// "crosscheck: 2 contradictions, 1 update in 12 articles": the conflicts
// (agreements left out) by verdict, most severe first.
std::string PageTitle(const Report& report) {
  std::map<Verdict, int> by_verdict = CountByVerdict(report);
  std::vector<std::string> title_counts;
  for (const VerdictStyle& v : kVerdictStyles) {
    int n = by_verdict[v.verdict];
    if (n > 0 && v.verdict != AGREEMENT) {
      title_counts.push_back(
          absl::StrCat(n, " ", absl::AsciiStrToLower(n == 1 ? v.singular : v.plural)));
    }
  }
  return absl::StrCat(
      "crosscheck: ", title_counts.empty() ? "no conflicts" : absl::StrJoin(title_counts, ", "),
      " in ",
      Plural(std::max(report.summary().articles(), report.articles_size()), "article", "articles"));
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
      E(PageTitle(report)), "</title>\n<style>", html_internal::kStyle,
      "</style>\n</head>\n<body>\n");
  AppendSummary(report, &out);
  absl::StrAppend(&out, "<main>\n");
  AppendFindings(report, ctx, &out);
  AppendTimelines(timelines, &out);
  AppendOutlets(report, &out);
  AppendCopies(report, ctx, &out);
  AppendEvents(report, &out);
  AppendArticles(report, &out);
  AppendStaleAndProblems(report, &out);
  absl::StrAppend(&out,
                  "</main>\n<footer>Made by crosscheck from the same report as "
                  "<code>--format=json</code>. This page is self-contained: no scripts, fonts "
                  "or images, and nothing is fetched when it opens.</footer>\n</body>\n</html>\n");
  return out;
}

}  // namespace crosscheck
