#include "checker/render/claim_review.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "checker/render/render_html.h"
#include "unicode/utf8.h"

namespace crosscheck {
namespace {

// A JSON value built in order: objects keep their keys as added, so the
// output reads like schema.org's examples and never changes run to run.
class Json {
 public:
  static Json String(absl::string_view s) {
    Json j(kString);
    j.string_ = std::string(s);
    return j;
  }
  static Json Object() { return Json(kObject); }
  static Json Array() { return Json(kArray); }
  // Schema.org's typed node: {"@type": type}.
  static Json Typed(absl::string_view type) { return Object().Set("@type", String(type)); }

  // Adds a member (objects); returns *this for chaining.
  Json& Set(absl::string_view key, Json value) {
    keys_.emplace_back(key);
    values_.push_back(std::move(value));
    return *this;
  }
  // Adds a member when `value` is not empty.
  Json& SetIf(absl::string_view key, absl::string_view value) {
    return value.empty() ? *this : Set(key, String(value));
  }
  // Appends an element (arrays).
  Json& Add(Json value) {
    values_.push_back(std::move(value));
    return *this;
  }
  bool empty() const { return values_.empty(); }

  void Write(int indent, std::string* out) const {
    if (type_ == kString) return Quote(string_, out);
    const char* brackets = type_ == kObject ? "{}" : "[]";
    if (values_.empty()) {
      absl::StrAppend(out, std::string(1, brackets[0]), std::string(1, brackets[1]));
      return;
    }
    std::string pad(indent + 2, ' ');
    *out += brackets[0];
    for (size_t i = 0; i < values_.size(); ++i) {
      absl::StrAppend(out, i == 0 ? "\n" : ",\n", pad);
      if (type_ == kObject) {
        Quote(keys_[i], out);
        *out += ": ";
      }
      values_[i].Write(indent + 2, out);
    }
    absl::StrAppend(out, "\n", std::string(indent, ' '), std::string(1, brackets[1]));
  }

 private:
  enum Type { kString, kObject, kArray };
  explicit Json(Type type) : type_(type) {}

  // A JSON string: control characters, quotes and backslashes escaped, and
  // < > & U+2028 U+2029 too (safe inside an HTML script element); invalid
  // UTF-8 becomes U+FFFD.
  static void Quote(absl::string_view s, std::string* out) {
    *out += '"';
    const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
    const int32_t size = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < size;) {
      int32_t start = i;
      UChar32 c;
      U8_NEXT(p, i, size, c);
      switch (c) {
        case '"': *out += "\\\""; break;
        case '\\': *out += "\\\\"; break;
        case '\n': *out += "\\n"; break;
        case '\t': *out += "\\t"; break;
        case '\r': *out += "\\r"; break;
        case '<':
        case '>':
        case '&':
        case 0x2028:
        case 0x2029: absl::StrAppend(out, absl::StrFormat("\\u%04x", c)); break;
        default:
          if (c < 0) {
            *out += "\\ufffd";
          } else if (c < 0x20 || c == 0x7F) {
            absl::StrAppend(out, absl::StrFormat("\\u%04x", c));
          } else {
            out->append(s.data() + start, i - start);
          }
      }
    }
    *out += '"';
  }

  Type type_;
  std::string string_;
  std::vector<std::string> keys_;
  std::vector<Json> values_;
};

// YYYY-MM-DD at the start of `time` (RFC 3339), or "".
std::string Day(absl::string_view time) {
  if (time.size() < 10) return "";
  for (int i = 0; i < 10; ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? time[i] != '-' : !absl::ascii_isdigit(static_cast<unsigned char>(time[i]))) {
      return "";
    }
  }
  return std::string(time.substr(0, 10));
}

// The reviewer's verdict on one claim of a reviewed finding.
std::string Rating(const Finding& f, const Claim& c) {
  const Review& r = f.review();
  if (r.decision() == DECISION_DISMISSED) return "No conflict";
  if (!r.correct_article_id().empty()) {
    return r.correct_article_id() == c.article_id() ? "Accurate" : "Inaccurate";
  }
  if (f.verdict() == AGREEMENT) return "Corroborated";
  if (f.verdict() == UPDATE) return "Superseded by later reports";
  return "Conflicting reports";
}

Json Appearance(const Report& report, const Claim& c) {
  Json work = Json::Typed("NewsArticle");
  for (const ArticleSummary& a : report.articles()) {
    if (a.id() != c.article_id()) continue;
    if (IsSafeLinkUrl(a.url())) work.Set("url", Json::String(a.url()));
    work.SetIf("headline", a.title());
    break;
  }
  work.SetIf("datePublished", c.published());
  if (!c.outlet().empty()) {
    work.Set("publisher", Json::Typed("Organization").Set("name", Json::String(c.outlet())));
  }
  work.Set("identifier", Json::String(c.article_id()));
  return work;
}

Json ClaimReviewOf(const Report& report, const Finding& f, const Claim& c) {
  const Review& r = f.review();
  Json claim = Json::Typed("Claim");
  if (!c.outlet().empty()) {
    claim.Set("author", Json::Typed("Organization").Set("name", Json::String(c.outlet())));
  }
  claim.SetIf("datePublished", c.published());
  claim.Set("appearance", Json::Array().Add(Appearance(report, c)));

  std::string explanation = f.explanation();
  if (!r.note().empty()) absl::StrAppend(&explanation, " Reviewer's note: ", r.note());
  Json rating = Json::Typed("Rating");
  rating.Set("alternateName", Json::String(Rating(f, c)));
  rating.SetIf("ratingExplanation", explanation);

  Json review = Json::Object();
  review.Set("@context", Json::String("https://schema.org"));
  review.Set("@type", Json::String("ClaimReview"));
  review.Set("identifier", Json::String(f.id()));
  review.Set("claimReviewed", Json::String(c.quote().empty() ? c.matched_text() : c.quote()));
  review.Set("itemReviewed", std::move(claim));
  review.Set("reviewRating", std::move(rating));
  review.SetIf("datePublished", Day(r.time()));
  if (!r.reviewer().empty()) {
    review.Set("author", Json::Typed("Person").Set("name", Json::String(r.reviewer())));
  }
  return review;
}

}  // namespace

std::string RenderClaimReview(const Report& report) {
  Json all = Json::Array();
  for (const Finding& f : report.findings()) {
    if (!f.has_review() || f.review().decision() == DECISION_UNSPECIFIED) continue;
    std::set<std::string> seen;
    for (const Claim& c : f.claims()) {
      // The same sentence twice (two patterns) is one review.
      if (!seen.insert(absl::StrCat(c.article_id(), "\x1f", c.quote())).second) continue;
      all.Add(ClaimReviewOf(report, f, c));
    }
  }
  std::string out;
  all.Write(0, &out);
  out += "\n";
  return out;
}

}  // namespace crosscheck
