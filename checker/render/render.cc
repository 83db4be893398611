#include "checker/render/render.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "checker/base/escaping.h"
#include "checker/render/claim_review.h"
#include "checker/render/render_html.h"
#include "checker/storage/release_memory.h"
#include "checker/storage/report_lists.h"
#include "checker/storage/spill_store.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/type_resolver.h"
#include "google/protobuf/util/type_resolver_util.h"
#include "google/protobuf/wire_format_lite.h"
#include "unicode/utf8.h"

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

std::string RenderMarkdown(const Report& r) {
  std::string out = "# crosscheck report\n\n";
  const ReportSummary& s = r.summary();
  std::vector<std::string> counts;
  for (const Count& c : s.findings_by_verdict()) {
    Verdict v;
    if (!Verdict_Parse(c.name(), &v)) continue;
    counts.push_back(absl::StrCat(c.count(), " ", VerdictWord(v, c.count())));
  }
  absl::StrAppend(&out, s.articles(), " articles from ", s.outlets(), " outlets, ", s.claims(),
                  " claims. Findings: ", absl::StrJoin(counts, ", "), ".\n\n");
  if (s.omitted_findings() > 0) {
    absl::StrAppend(&out, s.omitted_findings(),
                    " more findings were left out: past 200 of one verdict on one subject, "
                    "a list is no longer read.\n\n");
  }
  if (s.truncated_subjects() > 0) {
    absl::StrAppend(&out, s.truncated_subjects(),
                    " subjects had so many pairs of claims that the rest were not examined "
                    "(past 4,000 findings left out or a million pairs looked at).\n\n");
  }
  if (s.uncompared_claims() > 0) {
    absl::StrAppend(&out, s.uncompared_claims(),
                    " claims come from articles without a publication date and were not "
                    "compared (without a date, two events of one kind cannot be told apart; "
                    "use --compare_undated for a corpus about a single event).\n\n");
  }
  if (s.kept_apart() > 0) {
    std::vector<std::string> examples;
    for (const std::string& e : s.kept_apart_examples()) examples.push_back(Md(e));
    absl::StrAppend(&out, s.kept_apart(),
                    " pairs of claims were kept apart as different events, since their places "
                    "exclude each other (e.g. ",
                    absl::StrJoin(examples, "; "), ").\n\n");
  }
  if (s.claims_by_kind_size() > 0) {
    std::vector<std::string> parts;
    for (const Count& c : s.claims_by_kind()) {
      parts.push_back(absl::StrCat(Md(c.name()), " ", c.count()));
    }
    absl::StrAppend(&out, "Claims by kind: ", absl::StrJoin(parts, ", "), ".\n\n");
  }

  absl::StrAppend(&out, "## Articles\n\n| id | outlet | published | claims | title |\n",
                  "|---|---|---|---|---|\n");
  for (const ArticleSummary& a : r.articles()) {
    absl::StrAppend(&out, "| ", Md(a.id()), " | ", a.outlet().empty() ? "?" : Md(a.outlet()), " | ",
                    a.published().empty() ? "?" : Md(a.published()), " | ", a.claim_count(), " | ",
                    Md(a.title()), " |\n");
  }
  out += "\n";

  absl::StrAppend(&out, "## Findings\n\n");
  if (r.findings().empty()) out += "No findings.\n\n";
  int n = 0;
  for (const Finding& f : r.findings()) {
    absl::StrAppend(&out, "### ", ++n, ". ", Verdict_Name(f.verdict()), ": ", Md(f.kind()), " / ",
                    Md(f.subject()), " (id ", f.id(), ")\n\n", ReviewLine(f), Md(f.explanation()),
                    f.has_lean() ? absl::StrCat("\n\n**Lean:** ", Md(f.lean().explanation())) : "",
                    "\n\n| outlet | article | published | value | where | attribution |\n",
                    "|---|---|---|---|---|---|\n");
    for (const Claim& c : f.claims()) {
      absl::StrAppend(&out, "| ", c.outlet().empty() ? "?" : Md(c.outlet()), " | ",
                      Md(c.article_id()), " | ", c.published().empty() ? "?" : Md(c.published()),
                      " | ", Md(c.display_value()), " | ", SectionName(c.section()), " | ",
                      Attribution(c), " |\n");
    }
    out += "\n";
    for (const Claim& c : f.claims()) {
      absl::StrAppend(&out, "> ", QuoteWithSpan(c), "\n>\n> (", Md(c.article_id()), ", bytes ",
                      c.span().begin(), "-", c.span().end(), ")\n\n");
    }
  }
  if (!r.outlets().empty()) {
    absl::StrAppend(&out, "## Outlets\n\nHow reliable each outlet looks on this corpus's ",
                    "evidence: a prior moved by corroboration and by the conflicts it wins or ",
                    "loses (copies are not independent votes; reviewers' verdicts are truth). ",
                    "Few articles make a weak signal: read the uncertainty.\n\n",
                    "| outlet | score | ± | articles | claims | corroborated | lost | disputed |\n",
                    "|---|---|---|---|---|---|---|---|\n");
    for (const OutletScore& o : r.outlets()) {
      absl::StrAppend(&out, "| ", Md(o.outlet()), " | ", absl::StrFormat("%.2f", o.score()), " | ",
                      absl::StrFormat("%.2f", o.uncertainty()), " | ", o.articles(), " | ",
                      o.claims(), " | ", o.corroborated(), " | ", o.contradicted(), " | ",
                      o.disputed(), " |\n");
    }
    out += "\n";
    for (const OutletScore& o : r.outlets()) {
      absl::StrAppend(&out, "**", Md(o.outlet()), "**\n");
      for (const std::string& reason : o.reasons()) absl::StrAppend(&out, "- ", Md(reason), "\n");
      out += "\n";
    }
  }
  if (!r.copies().empty()) {
    absl::StrAppend(&out, "## Copies\n\n| copier | source | shared sentences | example |\n",
                    "|---|---|---|---|\n");
    for (const Copy& c : r.copies()) {
      absl::StrAppend(&out, "| ", Md(c.copier()), " | ", Md(c.source()), " | ",
                      c.shared_sentences(), " | ", Md(c.example()), " |\n");
    }
    out += "\n";
  }
  if (!r.stale_reviews().empty()) {
    absl::StrAppend(&out, "## Stale reviews\n\nLedger entries whose finding is no longer in ",
                    "this corpus (the articles or the rules changed). They are kept.\n\n");
    for (const Review& rv : r.stale_reviews()) {
      absl::StrAppend(&out, "- ", rv.finding_id(), " (", Decision_Name(rv.decision()), ", ",
                      Md(rv.reviewer()), " ", rv.time(), "): ", Md(rv.explanation()), "\n");
    }
    out += "\n";
  }
  if (!r.problems().empty()) {
    absl::StrAppend(&out, "## Skipped inputs\n\n");
    for (const Problem& p : r.problems()) {
      absl::StrAppend(&out, "- ", Md(p.location()), ": ", Md(p.message()), "\n");
    }
    out += "\n";
  }
  return out;
}

}  // namespace

absl::StatusOr<ReportFormat> ParseReportFormat(absl::string_view name) {
  std::string n = absl::AsciiStrToLower(name);
  if (n == "markdown" || n == "md") return ReportFormat::kMarkdown;
  if (n == "json") return ReportFormat::kJson;
  if (n == "textproto" || n == "text") return ReportFormat::kTextproto;
  if (n == "html") return ReportFormat::kHtml;
  if (n == "claimreview") return ReportFormat::kClaimReview;
  if (n == "proto") return ReportFormat::kProto;
  return absl::InvalidArgumentError(absl::StrCat(
      "--format=", name,
      ": unknown format; valid choices: markdown, json, textproto, html, claimreview, proto"));
}

namespace {

google::protobuf::util::JsonPrintOptions JsonOptions() {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  return options;
}

// Appends one field of a message's wire bytes: `field_number`'s tag, the
// length of `bytes`, and `bytes` (a message).
void AppendField(int field_number, absl::string_view bytes, std::string* out) {
  using google::protobuf::internal::WireFormatLite;
  uint8_t header[20];
  uint8_t* end = google::protobuf::io::CodedOutputStream::WriteVarint32ToArray(
      WireFormatLite::MakeTag(field_number, WireFormatLite::WIRETYPE_LENGTH_DELIMITED), header);
  end = google::protobuf::io::CodedOutputStream::WriteVarint32ToArray(
      static_cast<uint32_t>(bytes.size()), end);
  out->append(reinterpret_cast<const char*>(header), static_cast<size_t>(end - header));
  out->append(bytes.data(), bytes.size());
}

// Writes the report's wire bytes, as SerializeAsString gives them (fields
// in number order), to value `v` of `sink`, with each element of a repeated
// message field freed as soon as it is written: the report and its bytes
// are never both whole. With `lists`, its articles and copies take the
// place of the report's own, and its findings are followed by those of
// `lists`. Leaves `report` empty.
absl::Status SerializeReleasing(Report* report, ReportLists* lists, SpillStore* sink, int v) {
  using google::protobuf::FieldDescriptor;
  const google::protobuf::Reflection* reflection = report->GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(*report, &fields);  // the set fields, in number order
  if (lists != nullptr) {
    for (int number :
         {Report::kArticlesFieldNumber, Report::kFindingsFieldNumber, Report::kCopiesFieldNumber}) {
      const FieldDescriptor* f = Report::descriptor()->FindFieldByNumber(number);
      if (std::find(fields.begin(), fields.end(), f) == fields.end()) fields.push_back(f);
    }
    std::sort(fields.begin(), fields.end(), [](const FieldDescriptor* a, const FieldDescriptor* b) {
      return a->number() < b->number();
    });
  }
  std::string piece;
  auto flush = [&](size_t at_least) {
    if (piece.size() < at_least) return absl::OkStatus();
    absl::Status s = sink->Append(v, piece);
    piece.clear();
    return s;
  };
  constexpr size_t kPiece = size_t{1} << 20;
  for (const FieldDescriptor* f : fields) {
    // Elements of `f` given serialized, by `lists`.
    auto emit = [&](absl::string_view bytes) {
      AppendField(f->number(), bytes, &piece);
      return flush(kPiece);
    };
    const bool listed = lists != nullptr && (f->number() == Report::kArticlesFieldNumber ||
                                             f->number() == Report::kCopiesFieldNumber);
    if (listed) {
      absl::Status s =
          f->number() == Report::kArticlesFieldNumber ? lists->Articles(emit) : lists->Copies(emit);
      if (!s.ok()) return s;
    } else if (f->is_repeated() && f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      const int n = reflection->FieldSize(*report, f);
      for (int i = 0; i < n; ++i) {
        google::protobuf::Message& item = *reflection->MutableRepeatedMessage(report, f, i);
        AppendField(f->number(), item.SerializeAsString(), &piece);
        std::unique_ptr<google::protobuf::Message> empty(item.New());
        item.GetReflection()->Swap(&item, empty.get());  // frees what it held
        if (absl::Status s = flush(kPiece); !s.ok()) return s;
      }
      reflection->ClearField(report, f);
      ReleaseFreeMemory();  // (else the freed pages stay resident for a while)
      if (lists != nullptr && f->number() == Report::kFindingsFieldNumber) {
        if (absl::Status s = lists->Findings(emit); !s.ok()) return s;
      }
    } else {
      // Any other field: serialized alone, from a message that has only it.
      Report part;
      reflection->SwapFields(report, &part, {f});
      piece += part.SerializeAsString();
    }
  }
  return flush(1);
}

}  // namespace

absl::Status WriteReportJson(Report report, std::ostream& out, ReportLists* lists) {
  // What MessageToJsonString does, with streams for its input and output:
  // the report's bytes, which wait in a temporary file past a few
  // megabytes, converted by the generated pool's type resolver.
  SpillStore sink(/*memory_budget=*/int64_t{16} << 20);
  const int bytes = sink.NewValue();
  if (absl::Status s = SerializeReleasing(&report, lists, &sink, bytes); !s.ok()) return s;
  const std::string type_url =
      absl::StrCat("type.googleapis.com/", Report::descriptor()->full_name());
  std::unique_ptr<google::protobuf::util::TypeResolver> resolver(
      google::protobuf::util::NewTypeResolverForDescriptorPool(
          "type.googleapis.com", google::protobuf::DescriptorPool::generated_pool()));
  SpillStore::Reader reader = sink.Stream(bytes);
  SpillInputStream input(&reader);
  absl::Status status;
  {
    google::protobuf::io::OstreamOutputStream output(&out);
    const auto converted = google::protobuf::util::BinaryToJsonStream(
        resolver.get(), type_url, &input, &output, JsonOptions());
    if (!reader.status().ok()) {
      status = reader.status();
    } else if (!converted.ok()) {
      status = absl::InternalError(
          absl::StrCat("cannot render JSON: ", std::string(converted.message())));
    }
  }
  if (status.ok() && !out) status = absl::DataLossError("cannot write the JSON");
  return status;
}

absl::StatusOr<std::string> RenderReport(const Report& report, ReportFormat format) {
  switch (format) {
    case ReportFormat::kMarkdown: return RenderMarkdown(report);
    case ReportFormat::kHtml: return RenderHtml(report);
    case ReportFormat::kClaimReview: return RenderClaimReview(report);
    case ReportFormat::kJson: {
      std::string json;
      const auto status = google::protobuf::util::MessageToJsonString(report, &json, JsonOptions());
      if (!status.ok()) {
        return absl::InternalError(
            absl::StrCat("cannot render JSON: ", std::string(status.message())));
      }
      return json;
    }
    case ReportFormat::kProto: {
      std::string bytes;
      {
        google::protobuf::io::StringOutputStream stream(&bytes);
        google::protobuf::io::CodedOutputStream coded(&stream);
        coded.SetSerializationDeterministic(true);
        if (!report.SerializeToCodedStream(&coded)) {
          return absl::InternalError("cannot serialize the report");
        }
      }
      return bytes;
    }
    case ReportFormat::kTextproto: {
      std::string text;
      if (!google::protobuf::TextFormat::PrintToString(report, &text)) {
        return absl::InternalError("cannot render textproto");
      }
      return text;
    }
  }
  return absl::InvalidArgumentError("unknown format");
}

}  // namespace crosscheck
