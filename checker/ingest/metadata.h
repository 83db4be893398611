// What an article's text and URL say about it: its outlet, publication
// date, URL and title, where the publisher's record (a sidecar, a JSON
// record) does not say, and which spans of the text are metadata rather
// than prose (mastheads, date lines, "Source:" blocks).
//
// Each field comes from the first of these that gives it, and records its
// source (Article.*_source):
//   - the record itself (SIDECAR);
//   - a `date YYYY-MM-DD` marker line near the top (DATE_LINE);
//   - a `Source: <url>` line gives the URL, and the URL the outlet (the
//     rules' outlet domains, else the host) and the date (the rules' URL
//     date patterns) (URL);
//   - the first lines: a masthead line names the outlet (MASTHEAD), a short
//     date line under the headline the date (DATE_LINE), the first line
//     that reads as a headline the title (FIRST_LINE);
//   - the time of publication (`published_time`, UTC), when the record
//     gives none: the last clock in a named zone on a date line or an
//     "Updated 14:05 GMT" / "Posted 3:09 AM EST" line among the first lines,
//     on that line's date or else the publication date.
//
// Example:
//   MetadataInference metadata(rules);
//   Article a;
//   a.set_text("The Washington Post\nMaduro orders U.S. diplomats out\n...");
//   metadata.Infer(&a);  // a.outlet() == "The Washington Post", MASTHEAD
#ifndef CROSSCHECK_CHECKER_INGEST_METADATA_H_
#define CROSSCHECK_CHECKER_INGEST_METADATA_H_

#include <memory>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/optional.h"
#include "checker/base/clock_time.h"
#include "checker/rules/rule_set.h"
#include "proto/article.pb.h"
#include "re2/re2.h"

namespace crosscheck {

// Infers article metadata with the outlets, mastheads and URL date patterns
// of a rule set. Immutable; thread-safe.
class MetadataInference {
 public:
  // `rules` supplies outlets, mastheads and URL date patterns; it must
  // outlive this.
  explicit MetadataInference(const Rules& rules);

  // Fills what `article` lacks (outlet, published, url, title) from its
  // text and URL, with the source of each, and records the metadata spans
  // of the text (sorted by start).
  void Infer(Article* article) const;

  // The publication day in a short header line ("Posted on Thu Jun 13, 2013
  // 08:45 AM PDT", "05 / 02 / 2013"), or nullopt (prose that mentions a
  // date is no date line).
  absl::optional<absl::CivilDay> FindDateline(absl::string_view line) const;

 private:
  // The publication date from the rules' URL date patterns.
  void DateFromUrl(Article* a) const;
  // The first lines: masthead, headline, a date line under the headline.
  void ReadHeaderLines(Article* a) const;
  // A time of publication on a header line (see the class comment): sets
  // `published_time` when the line's zone and the day are known.
  void TimeFromLine(absl::string_view line, absl::optional<absl::CivilDay> line_day,
                    Article* a) const;

  const Rules& rules_;
  // Compiled once: (outlet, masthead) and URL date patterns.
  std::vector<std::pair<const Outlet*, std::unique_ptr<RE2>>> mastheads_;
  std::vector<std::unique_ptr<RE2>> url_dates_;
  // The rules' {DATE} macro, to find a dateline inside a header line.
  std::unique_ptr<RE2> written_date_;
  ClockReader clocks_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_INGEST_METADATA_H_
