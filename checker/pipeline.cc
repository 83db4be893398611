#include "checker/pipeline.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "checker/compare.h"
#include "checker/copies.h"
#include "checker/extract.h"
#include "checker/ingest.h"
#include "checker/ledger.h"
#include "checker/reliability.h"
#include "checker/segment.h"

namespace crosscheck {

absl::Status ExtractClaims(const Rules& rules, const std::vector<std::string>& paths,
                           const RunOptions& options, std::vector<Problem>* problems,
                           absl::FunctionRef<absl::Status(ArticleClaims)> sink,
                           const std::function<void(const Document&)>& observe) {
  ArticleReader reader(rules);
  Segmenter segmenter(rules);
  Extractor extractor(rules);
  absl::flat_hash_map<std::string, std::string> seen;  // id -> path
  return reader.Read(paths, options.strict, problems, [&](Article article) -> absl::Status {
    auto [it, inserted] = seen.emplace(article.id(), article.path());
    if (!inserted) {
      absl::Status dup = absl::InvalidArgumentError(absl::StrCat(
          article.path(), ": duplicate article id '", article.id(), "' (also ", it->second,
          "); ids must be unique: rename the file or fix the \"id\""));
      if (options.strict) return dup;
      Problem* p = &problems->emplace_back();
      p->set_location(article.path());
      p->set_message(std::string(dup.message()));
      return absl::OkStatus();
    }
    Document doc = segmenter.Segment(std::move(article));
    if (observe) observe(doc);
    return sink(extractor.Extract(doc));
  });
}

absl::StatusOr<Report> BuildReport(const Rules& rules, const std::vector<std::string>& paths,
                                   const RunOptions& options) {
  Report report;
  std::vector<Problem> problems;
  std::vector<Claim> claims;
  std::vector<ArticleSummary> articles;
  CopyDetector copies;
  int64_t bytes = 0;
  absl::Status status = ExtractClaims(
      rules, paths, options, &problems,
      [&](ArticleClaims ac) {
        ArticleSummary s;
        const Article& a = ac.article();
        s.set_id(a.id());
        s.set_outlet(a.outlet());
        s.set_published(a.published());
        s.set_title(a.title());
        s.set_path(a.path());
        s.set_claim_count(ac.claims_size());
        s.set_published_source(a.published_source());
        s.set_url(a.url());
        articles.push_back(std::move(s));
        for (Claim& c : *ac.mutable_claims()) claims.push_back(std::move(c));
        if (options.progress) {
          options.progress(static_cast<int>(articles.size()), static_cast<int>(claims.size()),
                           bytes);
        }
        return absl::OkStatus();
      },
      [&](const Document& doc) {
        bytes += static_cast<int64_t>(doc.article().text().size());
        copies.Add(doc);
      });
  if (!status.ok()) return status;
  if (articles.empty()) {
    return absl::InvalidArgumentError(
        problems.empty() ? "no articles found in the given paths (expected .txt or .jsonl files)"
                         : absl::StrCat("no readable articles: ", problems.front().location(),
                                        ": ", problems.front().message()));
  }
  std::sort(articles.begin(), articles.end(),
            [](const ArticleSummary& a, const ArticleSummary& b) { return a.id() < b.id(); });
  std::set<std::string> outlets;
  for (ArticleSummary& a : articles) {
    if (!a.outlet().empty()) outlets.insert(a.outlet());
    *report.add_articles() = std::move(a);
  }
  ReportSummary* summary = report.mutable_summary();
  summary->set_articles(report.articles_size());
  summary->set_outlets(static_cast<int>(outlets.size()));
  summary->set_claims(static_cast<int>(claims.size()));
  std::map<std::string, int> by_kind;
  for (const Claim& c : claims) by_kind[c.kind()]++;
  for (const auto& [kind, n] : by_kind) {
    Count* count = summary->add_claims_by_kind();
    count->set_name(kind);
    count->set_count(n);
  }

  AnchorRelativeDeadlines(rules, &claims);
  for (Copy& c : copies.Find()) *report.add_copies() = std::move(c);
  Comparer comparer(rules);
  comparer.set_compare_undated(options.compare_undated);
  if (!options.compare_undated) {
    for (const Claim& c : claims) {
      if (c.published().empty()) summary->set_uncompared_claims(summary->uncompared_claims() + 1);
    }
  }
  std::map<Verdict, int> by_verdict;
  int64_t comparisons = 0, omitted = 0;
  KeptApart kept_apart;
  for (Finding& f : comparer.Compare(claims, {report.copies().begin(), report.copies().end()},
                                     &comparisons, &omitted, &kept_apart)) {
    by_verdict[f.verdict()]++;
    *report.add_findings() = std::move(f);
  }
  for (Verdict v : kVerdictsBySeverity) {
    Count* count = summary->add_findings_by_verdict();
    count->set_name(Verdict_Name(v));
    count->set_count(by_verdict[v]);
  }
  summary->set_comparisons(comparisons);
  summary->set_omitted_findings(omitted);
  summary->set_kept_apart(kept_apart.pairs);
  for (std::string& e : kept_apart.examples) summary->add_kept_apart_examples(std::move(e));
  for (Problem& p : problems) *report.add_problems() = std::move(p);
  ApplyLedger(options.ledger, &report);
  ScoreOutlets(rules, claims, options.priors, &report);
  return report;
}

}  // namespace crosscheck
