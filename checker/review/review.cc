#include "checker/review/review.h"

#include <istream>
#include <ostream>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "checker/base/escaping.h"
#include "checker/base/status_macros.h"
#include "checker/base/verdict_order.h"
#include "checker/review/ledger.h"

namespace crosscheck {

bool AtOrAbove(Verdict verdict, Verdict threshold) {
  return VerdictRank(verdict) <= VerdictRank(threshold);
}

std::string FormatFindingForTerminal(const Finding& f) {
  std::string out = absl::StrCat(Verdict_Name(f.verdict()), "  ", SanitizeForTerminal(f.kind()),
                                 " / ", SanitizeForTerminal(f.subject()), "  (id ", f.id(), ")\n  ",
                                 SanitizeForTerminal(f.explanation()), "\n");
  int n = 0;
  for (const Claim& c : f.claims()) {
    absl::StrAppend(&out, "  [", ++n, "] ",
                    c.outlet().empty() ? "unknown outlet" : SanitizeForTerminal(c.outlet()), ", ",
                    c.published().empty() ? "undated" : c.published(), " (",
                    SanitizeForTerminal(c.article_id()),
                    "): ", SanitizeForTerminal(c.display_value()), "\n      \"",
                    SanitizeForTerminal(c.quote()), "\"\n");
  }
  return out;
}

absl::StatusOr<ReviewSummary> RunReviewSession(const Report& report, Ledger ledger,
                                               const ReviewOptions& options, std::istream& in,
                                               std::ostream& out) {
  ReviewSummary summary;
  for (const Finding& f : report.findings()) {
    if (AtOrAbove(f.verdict(), options.min_verdict) && !FindReview(ledger, f.id())) {
      ++summary.offered;
    }
  }
  out << summary.offered << " finding(s) to review; verdicts go to " << options.ledger_path << "\n";
  int index = 0;
  for (const Finding& f : report.findings()) {
    if (!AtOrAbove(f.verdict(), options.min_verdict) || FindReview(ledger, f.id())) continue;
    out << "\n(" << ++index << "/" << summary.offered << ") " << FormatFindingForTerminal(f);
    std::string note;
    for (;;) {
      out << "[c]onfirm  [d]ismiss as false positive  [1-" << f.claims_size()
          << "] this side is right  [n]ote  [s]kip  [q]uit > " << std::flush;
      std::string line;
      if (!std::getline(in, line)) {
        out << "\n";
        summary.quit = true;
        return summary;
      }
      std::string key = absl::AsciiStrToLower(absl::StripAsciiWhitespace(line));
      Decision decision = DECISION_UNSPECIFIED;
      std::string side;
      int number = 0;
      if (key == "q" || key == "quit") {
        summary.quit = true;
        return summary;
      } else if (key == "s" || key == "skip") {
        ++summary.skipped;
        break;
      } else if (key == "n" || key == "note") {
        out << "note > " << std::flush;
        std::string text;
        if (std::getline(in, text)) note = std::string(absl::StripAsciiWhitespace(text));
        continue;
      } else if (key == "c" || key == "confirm") {
        decision = DECISION_CONFIRMED;
      } else if (key == "d" || key == "dismiss") {
        decision = DECISION_DISMISSED;
      } else if (absl::SimpleAtoi(key, &number) && number >= 1 && number <= f.claims_size()) {
        decision = DECISION_CONFIRMED;
        side = f.claims(number - 1).article_id();
      } else {
        out << "  '" << SanitizeForTerminal(line) << "' is not one of the keys.\n";
        continue;
      }
      RecordReview(MakeReview(f, decision, side, note, options.reviewer, options.now()), &ledger);
      RETURN_IF_ERROR(WriteLedger(options.ledger_path, ledger));
      ++summary.recorded;
      out << "  recorded: " << (decision == DECISION_CONFIRMED ? "confirmed" : "dismissed")
          << (side.empty() ? "" : absl::StrCat(", ", side, " is right")) << "\n";
      break;
    }
  }
  out << "\nDone: " << summary.recorded << " recorded, " << summary.skipped << " skipped.\n";
  return summary;
}

}  // namespace crosscheck
