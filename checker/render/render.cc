#include "checker/render/render.h"

#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "checker/render/claim_review.h"
#include "checker/render/markdown.h"
#include "checker/render/render_html.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/text_format.h"

namespace crosscheck {

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

absl::StatusOr<std::string> RenderReport(const Report& report, ReportFormat format) {
  switch (format) {
    case ReportFormat::kMarkdown: return RenderMarkdown(report);
    case ReportFormat::kHtml: return RenderHtml(report);
    case ReportFormat::kClaimReview: return RenderClaimReview(report);
    case ReportFormat::kJson: return RenderJson(report);
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
