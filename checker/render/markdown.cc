#include "checker/render/markdown.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "checker/base/escaping.h"

namespace crosscheck {
namespace {

// Text from articles placed in Markdown: sanitized, pipes escaped.
std::string Md(absl::string_view text) {
  return absl::StrReplaceAll(SanitizeForTerminal(text),
                             {{"|", "\\|"}, {"`", "'"}, {"<", "&lt;"}, {">", "&gt;"}});
}

std::string SectionName(Section s) {
  switch (s) {
    case SECTION_HEADLINE: return "headline";
    case SECTION_CAPTION: return "caption";
    case SECTION_BOILERPLATE: return "page furniture";
    default: return "body";
  }
}

std::string VerdictWord(Verdict v, int n) {
  std::string w = absl::AsciiStrToLower(Verdict_Name(v));
  if (n == 1) return w;
  if (v == DISCREPANCY) return "discrepancies";
  if (v == DISPUTED) return "disputed";
  return w + "s";
}

// The claim's sentence with the matched span in bold.
std::string QuoteWithSpan(const Claim& c) {
  int rel_b = c.span().begin() - c.sentence_span().begin();
  int rel_e = c.span().end() - c.sentence_span().begin();
  const std::string& q = c.quote();
  if (rel_b < 0 || rel_e > static_cast<int>(q.size()) || rel_b > rel_e) return Md(q);
  return absl::StrCat(Md(q.substr(0, rel_b)), "**", Md(q.substr(rel_b, rel_e - rel_b)), "**",
                      Md(q.substr(rel_e)));
}

std::string Attribution(const Claim& c) {
  std::vector<std::string> parts;
  const auto& a = c.attribution();
  if (!a.source().empty()) {
    parts.push_back(absl::StrCat(a.named() ? "named: " : "unnamed: ", Md(a.source())));
  } else {
    parts.push_back("outlet's own voice");
  }
  if (a.hedged()) parts.push_back("hedged");
  if (a.negated()) parts.push_back("negated");
  return absl::StrJoin(parts, ", ");
}

// "**Review:** confirmed by ana, 2026-11-24 (003 is right): note" or
// "**Review:** not reviewed yet".
std::string ReviewLine(const Finding& f) {
  if (!f.has_review()) return "**Review:** not reviewed yet.\n\n";
  const Review& r = f.review();
  std::string line = absl::StrCat(
      "**Review:** ",
      r.decision() == DECISION_CONFIRMED ? "confirmed" : "dismissed as a false positive",
      r.reviewer().empty() ? "" : absl::StrCat(" by ", Md(r.reviewer())),
      r.time().empty() ? "" : absl::StrCat(", ", r.time().substr(0, 10)),
      r.correct_article_id().empty()
          ? ""
          : absl::StrCat(" (", Md(r.correct_article_id()), " is right)"));
  if (!r.note().empty()) absl::StrAppend(&line, ": ", Md(r.note()));
  if (line.back() != '.') line += '.';
  return line + "\n\n";
}

// The counts, and what was left out, not compared or kept apart.
void AppendSummary(const ReportSummary& s, std::string* out) {
  std::vector<std::string> counts;
  for (const Count& c : s.findings_by_verdict()) {
    Verdict v;
    if (!Verdict_Parse(c.name(), &v)) continue;
    counts.push_back(absl::StrCat(c.count(), " ", VerdictWord(v, c.count())));
  }
  absl::StrAppend(out, s.articles(), " articles from ", s.outlets(), " outlets, ", s.claims(),
                  " claims. Findings: ", absl::StrJoin(counts, ", "), ".\n\n");
  if (s.omitted_findings() > 0) {
    absl::StrAppend(out, s.omitted_findings(),
                    " more findings were left out: past 200 of one verdict on one subject, "
                    "a list is no longer read.\n\n");
  }
  if (s.truncated_subjects() > 0) {
    absl::StrAppend(out, s.truncated_subjects(),
                    " subjects had so many pairs of claims that the rest were not examined "
                    "(past 4,000 findings left out or a million pairs looked at).\n\n");
  }
  if (s.uncompared_claims() > 0) {
    absl::StrAppend(out, s.uncompared_claims(),
                    " claims come from articles without a publication date and were not "
                    "compared (--nocompare_undated; by default they are compared within their "
                    "event).\n\n");
  }
  if (s.kept_apart() > 0) {
    std::vector<std::string> examples;
    for (const std::string& e : s.kept_apart_examples()) examples.push_back(Md(e));
    absl::StrAppend(out, s.kept_apart(),
                    " pairs of claims were kept apart as different events, since their places "
                    "exclude each other (e.g. ",
                    absl::StrJoin(examples, "; "), ").\n\n");
  }
  if (s.claims_by_kind_size() > 0) {
    std::vector<std::string> parts;
    for (const Count& c : s.claims_by_kind()) {
      parts.push_back(absl::StrCat(Md(c.name()), " ", c.count()));
    }
    absl::StrAppend(out, "Claims by kind: ", absl::StrJoin(parts, ", "), ".\n\n");
  }
}

// The events the articles were grouped into: claims of different events
// are never compared.
void AppendEvents(const Report& r, std::string* out) {
  if (r.events().empty()) return;
  absl::StrAppend(out, "## Events\n\n", r.events_size(),
                  r.events_size() == 1 ? " event" : " events",
                  "; claims of different events are not compared.\n\n",
                  "| event | about | published | articles |\n|---|---|---|---|\n");
  for (const Event& e : r.events()) {
    std::string when = e.first_published().empty() ? "undated" : Md(e.first_published());
    if (e.last_published() != e.first_published())
      absl::StrAppend(&when, " to ", Md(e.last_published()));
    absl::StrAppend(out, "| ", Md(e.id()), " | ", Md(e.label()), " | ", when, " | ",
                    e.article_ids_size(), " |\n");
  }
  *out += "\n";
}

void AppendArticles(const Report& r, std::string* out) {
  absl::StrAppend(out, "## Articles\n\n| id | outlet | published | event | claims | title |\n",
                  "|---|---|---|---|---|---|\n");
  for (const ArticleSummary& a : r.articles()) {
    absl::StrAppend(out, "| ", Md(a.id()), " | ", a.outlet().empty() ? "?" : Md(a.outlet()), " | ",
                    a.published().empty() ? "?" : Md(a.published()), " | ",
                    a.event().empty() ? "?" : Md(a.event()), " | ", a.claim_count(), " | ",
                    Md(a.title()), " |\n");
  }
  *out += "\n";
}

// Finding number `n`: its verdict and review, the claims' table, then
// their quotes.
void AppendFinding(int n, const Finding& f, std::string* out) {
  absl::StrAppend(out, "### ", n, ". ", Verdict_Name(f.verdict()), ": ", Md(f.kind()), " / ",
                  Md(f.subject()), " (id ", f.id(), ")\n\n", ReviewLine(f), Md(f.explanation()),
                  f.has_lean() ? absl::StrCat("\n\n**Lean:** ", Md(f.lean().explanation())) : "",
                  "\n\n| outlet | article | published | value | where | attribution |\n",
                  "|---|---|---|---|---|---|\n");
  for (const Claim& c : f.claims()) {
    absl::StrAppend(out, "| ", c.outlet().empty() ? "?" : Md(c.outlet()), " | ", Md(c.article_id()),
                    " | ", c.published().empty() ? "?" : Md(c.published()), " | ",
                    Md(c.display_value()), " | ", SectionName(c.section()), " | ", Attribution(c),
                    " |\n");
  }
  *out += "\n";
  for (const Claim& c : f.claims()) {
    absl::StrAppend(out, "> ", QuoteWithSpan(c), "\n>\n> (", Md(c.article_id()), ", bytes ",
                    c.span().begin(), "-", c.span().end(), ")\n\n");
  }
}

void AppendFindings(const Report& r, std::string* out) {
  absl::StrAppend(out, "## Findings\n\n");
  if (r.findings().empty()) *out += "No findings.\n\n";
  int n = 0;
  for (const Finding& f : r.findings()) AppendFinding(++n, f, out);
}

void AppendOutlets(const Report& r, std::string* out) {
  if (r.outlets().empty()) return;
  absl::StrAppend(out, "## Outlets\n\nHow reliable each outlet looks on this corpus's ",
                  "evidence: a prior moved by corroboration and by the conflicts it wins or ",
                  "loses (copies are not independent votes; reviewers' verdicts are truth). ",
                  "Few articles make a weak signal: read the uncertainty.\n\n",
                  "| outlet | score | ± | articles | claims | corroborated | lost | disputed |\n",
                  "|---|---|---|---|---|---|---|---|\n");
  for (const OutletScore& o : r.outlets()) {
    absl::StrAppend(out, "| ", Md(o.outlet()), " | ", absl::StrFormat("%.2f", o.score()), " | ",
                    absl::StrFormat("%.2f", o.uncertainty()), " | ", o.articles(), " | ",
                    o.claims(), " | ", o.corroborated(), " | ", o.contradicted(), " | ",
                    o.disputed(), " |\n");
  }
  *out += "\n";
  for (const OutletScore& o : r.outlets()) {
    absl::StrAppend(out, "**", Md(o.outlet()), "**\n");
    for (const std::string& reason : o.reasons()) absl::StrAppend(out, "- ", Md(reason), "\n");
    *out += "\n";
  }
}

void AppendCopies(const Report& r, std::string* out) {
  if (r.copies().empty()) return;
  absl::StrAppend(out, "## Copies\n\n| copier | source | shared sentences | example |\n",
                  "|---|---|---|---|\n");
  for (const Copy& c : r.copies()) {
    absl::StrAppend(out, "| ", Md(c.copier()), " | ", Md(c.source()), " | ", c.shared_sentences(),
                    " | ", Md(c.example()), " |\n");
  }
  *out += "\n";
}

void AppendStaleReviews(const Report& r, std::string* out) {
  if (r.stale_reviews().empty()) return;
  absl::StrAppend(out, "## Stale reviews\n\nLedger entries whose finding is no longer in ",
                  "this corpus (the articles or the rules changed). They are kept.\n\n");
  for (const Review& rv : r.stale_reviews()) {
    absl::StrAppend(out, "- ", rv.finding_id(), " (", Decision_Name(rv.decision()), ", ",
                    Md(rv.reviewer()), " ", rv.time(), "): ", Md(rv.explanation()), "\n");
  }
  *out += "\n";
}

void AppendSkippedInputs(const Report& r, std::string* out) {
  if (r.problems().empty()) return;
  absl::StrAppend(out, "## Skipped inputs\n\n");
  for (const Problem& p : r.problems()) {
    absl::StrAppend(out, "- ", Md(p.location()), ": ", Md(p.message()), "\n");
  }
  *out += "\n";
}

}  // namespace

std::string RenderMarkdown(const Report& r) {
  std::string out = "# crosscheck report\n\n";
  AppendSummary(r.summary(), &out);
  AppendEvents(r, &out);
  AppendArticles(r, &out);
  AppendFindings(r, &out);
  AppendOutlets(r, &out);
  AppendCopies(r, &out);
  AppendStaleReviews(r, &out);
  AppendSkippedInputs(r, &out);
  return out;
}

}  // namespace crosscheck
