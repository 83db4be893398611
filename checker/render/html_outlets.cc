#include "checker/render/html_outlets.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace crosscheck::html_internal {

std::string Number(double x) {
  if (!std::isfinite(x)) return "n/a";
  return absl::StrFormat("%.2f", x);
}

std::string Percent(double p) {
  if (!std::isfinite(p)) p = 0;
  p = std::min(1.0, std::max(0.0, p));
  return absl::StrFormat("%.1f%%", p * 100);
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

}  // namespace crosscheck::html_internal
