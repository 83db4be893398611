#include "checker/render/html_parts.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "checker/base/escaping.h"

namespace crosscheck::html_internal {

std::string E(absl::string_view text) { return EscapeHtml(text); }

std::string Slug(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    out += absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_';
  }
  return out;
}

const VerdictStyle& StyleOf(Verdict v) {
  for (const VerdictStyle& s : kVerdictStyles) {
    if (s.verdict == v) return s;
  }
  return kUnknownVerdict;
}

std::string Plural(int n, absl::string_view one, absl::string_view many) {
  return absl::StrCat(n, " ", n == 1 ? one : many);
}

std::string OrUnknown(absl::string_view text, absl::string_view unknown) {
  return text.empty() ? std::string(unknown) : std::string(text);
}

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

}  // namespace crosscheck::html_internal
