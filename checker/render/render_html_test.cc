#include "checker/render/render_html.h"

#include <climits>
#include <set>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "checker/base/re2_util.h"
#include "checker/internal/testing.h"
#include "checker/render/render.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "re2/re2.h"

namespace crosscheck {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// --- Helpers ------------------------------------------------------------------

Claim MakeClaim(absl::string_view article, absl::string_view outlet, absl::string_view published,
                absl::string_view quote, absl::string_view matched, int sentence_begin,
                absl::string_view value) {
  Claim c;
  c.set_kind("death_toll");
  c.set_subject("deaths");
  c.set_article_id(std::string(article));
  c.set_outlet(std::string(outlet));
  c.set_published(std::string(published));
  c.set_quote(std::string(quote));
  c.set_matched_text(std::string(matched));
  c.set_display_value(std::string(value));
  c.mutable_sentence_span()->set_begin(sentence_begin);
  c.mutable_sentence_span()->set_end(sentence_begin + static_cast<int>(quote.size()));
  size_t at = quote.find(matched);
  if (at != absl::string_view::npos) {
    c.mutable_span()->set_begin(sentence_begin + static_cast<int>(at));
    c.mutable_span()->set_end(sentence_begin + static_cast<int>(at + matched.size()));
  }
  c.set_section(SECTION_BODY);
  return c;
}

ArticleSummary MakeArticle(absl::string_view id, absl::string_view outlet,
                           absl::string_view published, absl::string_view title,
                           absl::string_view url) {
  ArticleSummary a;
  a.set_id(std::string(id));
  a.set_outlet(std::string(outlet));
  a.set_published(std::string(published));
  a.set_title(std::string(title));
  a.set_url(std::string(url));
  a.set_claim_count(1);
  return a;
}

// A small report: a contradiction (reviewed), an update 48 days later, a
// copy, an outlet score.
Report SmallReport() {
  Report r;
  *r.add_articles() =
      MakeArticle("a1", "McClatchy", "2019-01-24", "Siege", "https://example.com/a1");
  *r.add_articles() = MakeArticle("a2", "The Post", "2019-01-25", "Deadline", "");
  *r.add_articles() =
      MakeArticle("a3", "Al Jazeera", "2019-03-14", "Left", "http://example.com/a3");
  r.mutable_summary()->set_articles(3);
  r.mutable_summary()->set_outlets(3);
  r.mutable_summary()->set_claims(4);

  Finding* f = r.add_findings();
  f->set_id("c0ffee000001");
  f->set_kind("deadline");
  f->set_subject("departure deadline");
  f->set_verdict(CONTRADICTION);
  f->set_explanation("Sunday vs Saturday: the days do not overlap.");
  *f->add_claims() =
      MakeClaim("a1", "McClatchy", "2019-01-24", "Nicolás Maduro told them to depart by Sunday.",
                "depart by Sunday", 100, "Sunday 2019-01-27");
  *f->add_claims() = MakeClaim("a2", "The Post", "2019-01-25", "Maduro set a Saturday deadline.",
                               "Saturday deadline", 40, "Saturday 2019-01-26");
  f->mutable_claims(1)->mutable_attribution()->set_source("officials");
  f->mutable_claims(1)->mutable_attribution()->set_hedged(true);
  Review* review = f->mutable_review();
  review->set_finding_id(f->id());
  review->set_decision(DECISION_CONFIRMED);
  review->set_reviewer("ana");
  review->set_time("2026-11-24T15:04:05Z");
  review->set_correct_article_id("a2");
  review->set_note("The order said 72 hours.");

  Finding* u = r.add_findings();
  u->set_id("c0ffee000002");
  u->set_kind("withdrawal_order");
  u->set_subject("US diplomatic staff");
  u->set_verdict(UPDATE);
  u->set_explanation("Reported 49 days apart: a timeline, not a conflict.");
  *u->add_claims() =
      MakeClaim("a1", "McClatchy", "2019-01-24", "Maduro ordered U.S. diplomats out.",
                "Maduro ordered U.S. diplomats out", 500, "Nicolás Maduro");
  *u->add_claims() =
      MakeClaim("a3", "Al Jazeera", "2019-03-14",
                "The United States has withdrawn all remaining diplomatic personnel.",
                "The United States has withdrawn", 289, "the United States");
  for (Claim& c : *u->mutable_claims()) {
    c.set_kind("withdrawal_order");
    c.set_subject("US diplomatic staff");
  }
  Count* count = r.mutable_summary()->add_findings_by_verdict();
  count->set_name("CONTRADICTION");
  count->set_count(1);

  Copy* copy = r.add_copies();
  copy->set_copier("a2");
  copy->set_source("a1");
  copy->set_shared_sentences(2);
  copy->set_example("A sentence they share.");

  OutletScore* o = r.add_outlets();
  o->set_outlet("McClatchy");
  o->set_score(0.8);
  o->set_uncertainty(0.1);
  o->set_prior(0.7);
  o->add_reasons("Corroborated twice.");
  return r;
}

// Every tag of a page: name, attributes. Fails the test on text that is not
// a well-formed tag where a '<' is.
struct Tag {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
};

std::vector<Tag> Tags(const std::string& html) {
  static const RE2 kTag(
      R"re(<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z][a-zA-Z0-9-]*(?:="[^"<>]*")?)*)\s*>)re");
  static const RE2 kAttr(R"re(\s+([a-zA-Z][a-zA-Z0-9-]*)(?:="([^"]*)")?)re");
  std::vector<Tag> tags;
  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string::npos) {
    absl::string_view rest = absl::string_view(html).substr(pos);
    if (absl::StartsWith(rest, "<!DOCTYPE html>")) {
      pos += 1;
      continue;
    }
    re2::StringPiece input = Piece(rest), close, name, attrs;
    if (!RE2::Consume(&input, kTag, &close, &name, &attrs)) {
      ADD_FAILURE() << "not a tag at byte " << pos << ": " << rest.substr(0, 80);
      pos += 1;
      continue;
    }
    Tag tag;
    tag.name = absl::AsciiStrToLower(View(name));
    re2::StringPiece a = attrs;
    std::string attr_name, attr_value;
    while (RE2::Consume(&a, kAttr, &attr_name, &attr_value)) {
      tag.attributes.emplace_back(absl::AsciiStrToLower(attr_name), attr_value);
    }
    if (close.empty()) tags.push_back(std::move(tag));
    pos += 1;
  }
  return tags;
}

// Checks that `html` holds only the elements and attributes the renderer
// writes: nothing an article could have injected.
void ExpectOnlyRendererMarkup(const std::string& html) {
  static const std::set<std::string> kElements = {
      "html",  "head", "meta",       "title", "style",   "body",    "header",  "h1",
      "h2",    "h3",   "h4",         "p",     "ul",      "ol",      "li",      "a",
      "span",  "b",    "i",          "code",  "nav",     "main",    "section", "article",
      "time",  "div",  "blockquote", "mark",  "details", "summary", "table",   "thead",
      "tbody", "tr",   "th",         "td",    "br",      "footer"};
  static const std::set<std::string> kAttributes = {"lang",
                                                    "charset",
                                                    "http-equiv",
                                                    "content",
                                                    "name",
                                                    "class",
                                                    "id",
                                                    "href",
                                                    "rel",
                                                    "title",
                                                    "datetime",
                                                    "style",
                                                    "data-finding-id",
                                                    "data-verdict",
                                                    "data-claim",
                                                    "aria-label",
                                                    "aria-hidden"};
  static const RE2 kStyle(R"((margin-left:\d+px)|(left:[0-9.]+%;right:[0-9.]+%)|(left:[0-9.]+%))");
  for (const Tag& tag : Tags(html)) {
    EXPECT_TRUE(kElements.count(tag.name)) << "unexpected element <" << tag.name << ">";
    for (const auto& [name, value] : tag.attributes) {
      EXPECT_TRUE(kAttributes.count(name))
          << "unexpected attribute " << name << " on <" << tag.name << ">";
      EXPECT_FALSE(absl::StartsWith(name, "on")) << name;
      if (name == "href") {
        EXPECT_TRUE(absl::StartsWith(value, "#") || absl::StartsWith(value, "https://") ||
                    absl::StartsWith(value, "http://"))
            << "href=" << value;
        EXPECT_THAT(absl::AsciiStrToLower(value), Not(HasSubstr("javascript")));
      }
      if (name == "style") {
        EXPECT_TRUE(RE2::FullMatch(Piece(value), kStyle)) << value;
      }
    }
  }
}

// --- IsSafeLinkUrl ----------------------------------------------

TEST(IsSafeLinkUrlTest, OnlyHttpAndHttps) {
  EXPECT_TRUE(IsSafeLinkUrl("https://www.aljazeera.com/news/2019/03/x.html"));
  EXPECT_TRUE(IsSafeLinkUrl("http://example.com"));
  EXPECT_TRUE(IsSafeLinkUrl("HTTPS://EXAMPLE.COM/?a=1&b=2"));
  EXPECT_FALSE(IsSafeLinkUrl("javascript:alert(1)"));
  EXPECT_FALSE(IsSafeLinkUrl("JavaScript:alert(1)"));
  EXPECT_FALSE(IsSafeLinkUrl(" javascript:alert(1)"));
  EXPECT_FALSE(IsSafeLinkUrl(" https://example.com"));
  EXPECT_FALSE(IsSafeLinkUrl("java\tscript:alert(1)"));
  EXPECT_FALSE(IsSafeLinkUrl("data:text/html,<script>alert(1)</script>"));
  EXPECT_FALSE(IsSafeLinkUrl("vbscript:x"));
  EXPECT_FALSE(IsSafeLinkUrl("//evil.example/x"));
  EXPECT_FALSE(IsSafeLinkUrl("/relative"));
  EXPECT_FALSE(IsSafeLinkUrl("https://"));
  EXPECT_FALSE(IsSafeLinkUrl("https:///path"));
  EXPECT_FALSE(IsSafeLinkUrl("https://a b"));
  EXPECT_FALSE(IsSafeLinkUrl("https://a\nb"));
  EXPECT_FALSE(IsSafeLinkUrl(""));
}

// --- The page -------------------------------------------------------------------

TEST(RenderHtmlTest, IsOneSelfContainedDocument) {
  std::string html = RenderHtml(SmallReport());
  EXPECT_TRUE(absl::StartsWith(html, "<!DOCTYPE html>\n<html lang=\"en\">"));
  EXPECT_TRUE(absl::EndsWith(html, "</html>\n"));
  EXPECT_THAT(html, HasSubstr("<meta charset=\"utf-8\">"));
  EXPECT_THAT(html, HasSubstr("Content-Security-Policy\" content=\"default-src 'none'"));
  // Nothing to fetch or run.
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<link")));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, Not(HasSubstr("url(")));
  EXPECT_THAT(html, Not(HasSubstr("@import")));
  ExpectOnlyRendererMarkup(html);
}

TEST(RenderHtmlTest, IsDeterministic) {
  EXPECT_EQ(RenderHtml(SmallReport()), RenderHtml(SmallReport()));
}

TEST(RenderHtmlTest, SummaryCountsFindingsByVerdictAndUnreviewed) {
  std::string html = RenderHtml(SmallReport());
  EXPECT_THAT(html, HasSubstr("3 articles from 3 outlets, published 2019-01-24 to 2019-03-14"));
  EXPECT_THAT(html, HasSubstr("2 findings, 1 not reviewed"));
  EXPECT_THAT(html, HasSubstr("href=\"#v-contradiction\""));
  EXPECT_THAT(html, HasSubstr("<b>1</b>Contradiction</a>"));
  EXPECT_THAT(html, HasSubstr("<b>1</b>Update</a>"));
  EXPECT_THAT(html, HasSubstr("<b>0</b>Disputed</span>"));
  EXPECT_THAT(html, HasSubstr("<b>1</b>not reviewed"));
  EXPECT_THAT(html,
              HasSubstr("<title>crosscheck: 1 contradiction, 1 update in 3 articles</title>"));
}

TEST(RenderHtmlTest, FindingShowsVerdictValuesQuotesAttributionAndReview) {
  std::string html = RenderHtml(SmallReport());
  EXPECT_THAT(html, HasSubstr("<article class=\"finding v-contradiction\" id=\"f-c0ffee000001\" "
                              "data-finding-id=\"c0ffee000001\" data-verdict=\"CONTRADICTION\">"));
  EXPECT_THAT(html, HasSubstr("<div class=\"value\">Sunday 2019-01-27"));
  EXPECT_THAT(html, HasSubstr("<div class=\"value\">Saturday 2019-01-26"));
  EXPECT_THAT(html, HasSubstr("<blockquote>Nicolás Maduro told them to <mark class=\"claim-span\" "
                              "data-finding-id=\"c0ffee000001\" data-claim=\"0\">depart by "
                              "Sunday</mark>.</blockquote>"));
  EXPECT_THAT(html, HasSubstr("<time datetime=\"2019-01-24\">2019-01-24</time>"));
  EXPECT_THAT(html, HasSubstr("outlet&rsquo;s own voice"));
  EXPECT_THAT(html, HasSubstr("anonymous source: officials"));
  EXPECT_THAT(html, HasSubstr("<li class=\"hedged\">hedged</li>"));
  EXPECT_THAT(html, HasSubstr("<b>Review:</b> confirmed by ana on 2026-11-24; right: The Post"));
  EXPECT_THAT(html, HasSubstr("Note: The order said 72 hours."));
  // The reviewer's side is marked on the claims.
  EXPECT_THAT(html, HasSubstr("Saturday 2019-01-26 <span class=\"side right\">reviewer: right"));
  EXPECT_THAT(html, HasSubstr("Sunday 2019-01-27 <span class=\"side wrong\">reviewer: wrong"));
  EXPECT_THAT(html, HasSubstr("<b>Review:</b> not reviewed yet"));
  // The copier's claim says it is not independent.
  EXPECT_THAT(html, HasSubstr("Its article repeats sentences of McClatchy"));
}

TEST(RenderHtmlTest, TimelineShowsTheStoryMovingOn) {
  std::string html = RenderHtml(SmallReport());
  EXPECT_THAT(html, HasSubstr("<section class=\"timeline\" id=\"t-1\">"));
  EXPECT_THAT(html, HasSubstr("published from 2019-01-24 to 2019-03-14 (49 days)"));
  EXPECT_THAT(html, HasSubstr("<span class=\"tl-gap\">49 days later</span>"));
  // The deadline claims are a day apart: listed, folded, after the update.
  EXPECT_THAT(html, HasSubstr("<span class=\"tl-gap\">1 day later</span>"));
  EXPECT_LT(html.find("US diplomatic staff</h3>"), html.find("departure deadline</h3>"));
  EXPECT_THAT(html, HasSubstr("<a href=\"#t-1\">timeline</a>"));
  // Several findings of one verdict: one badge with the count.
  Report more = SmallReport();
  for (const char* id : {"c0ffee000003", "c0ffee000004"}) {
    Finding* f = more.add_findings();
    *f = more.findings(1);
    f->set_id(id);
  }
  EXPECT_THAT(RenderHtml(more),
              HasSubstr("<a class=\"badge v-update\" href=\"#f-c0ffee000002\">3 Updates</a>"));
}

TEST(RenderHtmlTest, OutletsCopiesAndArticles) {
  std::string html = RenderHtml(SmallReport());
  EXPECT_THAT(html, HasSubstr("0.80 &plusmn; 0.10"));
  EXPECT_THAT(html, HasSubstr("<li>Corroborated twice.</li>"));
  EXPECT_THAT(html, HasSubstr("<blockquote>A sentence they share.</blockquote>"));
  EXPECT_THAT(html, HasSubstr("<a href=\"https://example.com/a1\" rel=\"noopener noreferrer\">"
                              "Siege</a>"));
  EXPECT_THAT(html, HasSubstr("<a href=\"http://example.com/a3\""));
  EXPECT_THAT(html, HasSubstr("<tr id=\"a-2\">"));
}

TEST(RenderHtmlTest, EventsAndEachArticlesEventEscaped) {
  Report r = SmallReport();
  Event* e = r.add_events();
  e->set_id("e1");
  e->set_label("Genoa <b>bridge</b>");
  e->set_first_published("2018-08-14");
  e->set_last_published("2018-08-14");
  e->add_article_ids(r.articles(0).id());
  r.mutable_articles(0)->set_event("e1");
  const std::string html = RenderHtml(r);
  EXPECT_THAT(html, HasSubstr("<a href=\"#events\">Events</a>"));
  EXPECT_THAT(html, HasSubstr("<tr id=\"e1\"><td><code>e1</code></td><td>Genoa &lt;b&gt;bridge"
                              "&lt;/b&gt;</td><td class=\"nowrap\">2018-08-14</td>"));
  EXPECT_THAT(html, HasSubstr("<td><a href=\"#e1\">e1</a></td>"));
  ExpectOnlyRendererMarkup(html);
}

TEST(RenderHtmlTest, EmptyReport) {
  std::string html = RenderHtml(Report());
  EXPECT_THAT(html, HasSubstr("No findings."));
  EXPECT_THAT(html, HasSubstr("Outlet reliability was not computed"));
  ExpectOnlyRendererMarkup(html);
}

// --- Spans ----------------------------------------------------------------------

std::string MarkOf(const Claim& c) {
  Report r;
  Finding* f = r.add_findings();
  f->set_id("f1");
  f->set_verdict(DISCREPANCY);
  *f->add_claims() = c;
  std::string html = RenderHtml(r);
  ExpectOnlyRendererMarkup(html);
  static const RE2 kMark(R"(<mark class="claim-span"[^>]*>([^<]*)</mark>)");
  std::string mark;
  if (!RE2::PartialMatch(html, kMark, &mark)) return "<none>";
  return mark;
}

TEST(RenderHtmlSpanTest, SpanIsRelativeToTheSentenceInBytes) {
  // "Nicolás" has a two-byte character before the span.
  Claim c = MakeClaim("a", "o", "2019-01-01", "Nicolás Maduro ordered them out.",
                      "ordered them out", 1000, "v");
  EXPECT_EQ(c.span().begin(), 1000 + 16);
  EXPECT_EQ(MarkOf(c), "ordered them out");
  // A span over multi-byte text.
  c = MakeClaim("a", "o", "2019-01-01", "Dijo que «Guaidó» ganó.", "«Guaidó»", 7, "v");
  EXPECT_EQ(MarkOf(c), "«Guaidó»");
}

TEST(RenderHtmlSpanTest, BadSpansFallBackToTheMatchedText) {
  Claim c = MakeClaim("a", "o", "", "Twelve people were killed.", "people were killed", 50, "12");
  Claim out_of_range = c;
  out_of_range.mutable_span()->set_end(5000);
  EXPECT_EQ(MarkOf(out_of_range), "people were killed");
  Claim reversed = c;
  reversed.mutable_span()->set_begin(c.span().end());
  reversed.mutable_span()->set_end(c.span().begin());
  EXPECT_EQ(MarkOf(reversed), "people were killed");
  Claim before_sentence = c;
  before_sentence.mutable_span()->set_begin(10);
  EXPECT_EQ(MarkOf(before_sentence), "people were killed");
  Claim extreme = c;
  extreme.mutable_span()->set_begin(INT_MIN);
  extreme.mutable_span()->set_end(INT_MAX);
  extreme.mutable_sentence_span()->set_begin(INT_MAX);
  EXPECT_EQ(MarkOf(extreme), "people were killed");
}

TEST(RenderHtmlSpanTest, SpanCuttingACharacterIsNotTrusted) {
  Claim c = MakeClaim("a", "o", "", "Guaidó won.", "won", 0, "v");
  c.mutable_span()->set_begin(6);  // the second byte of "ó"
  c.mutable_span()->set_end(9);
  EXPECT_EQ(MarkOf(c), "won");
  c.set_matched_text("");
  EXPECT_EQ(MarkOf(c), "<none>");
}

TEST(RenderHtmlSpanTest, NoMatchNoHighlightButTheWholeQuote) {
  Claim c = MakeClaim("a", "o", "", "Twelve people were killed.", "x", 0, "12");
  c.set_matched_text("not in the quote");
  c.mutable_span()->set_begin(-4);
  c.mutable_span()->set_end(-1);
  EXPECT_EQ(MarkOf(c), "<none>");
  Report r;
  *r.add_findings()->add_claims() = c;
  EXPECT_THAT(RenderHtml(r), HasSubstr("<blockquote>Twelve people were killed.</blockquote>"));
}

// --- Untrusted input --------------------------------------------------------------

constexpr char kScript[] = "<script>alert('x')</script>";
constexpr char kBreakout[] = "\"><img src=x onerror=alert(1)>";
constexpr char kSingleBreakout[] = "'><svg onload=alert(2)>";

std::string Hostile(absl::string_view what) {
  return absl::StrCat(what, " ", kScript, " & ", kBreakout, " ", kSingleBreakout,
                      " &amp; \x1b[31m");
}

// Every string field the page shows, from articles, metadata, rules and the
// ledger, carries markup.
Report HostileReport() {
  Report r;
  std::string id1 = Hostile("id1"), id2 = Hostile("id2");
  *r.add_articles() = MakeArticle(id1, Hostile("outlet"), "2019-01-24", Hostile("title"),
                                  "javascript:alert('url')");
  *r.add_articles() = MakeArticle(id2, Hostile("outlet2"), Hostile("date"), Hostile("title2"),
                                  "https://example.com/?a=1&b=\"><img/src=x/onerror=alert(1)>");
  r.mutable_articles(0)->set_path(Hostile("path"));
  *r.add_articles() = MakeArticle("id3", "o3", "2019-03-01", "t3", " JavaScript:alert(3)");
  *r.add_articles() = MakeArticle("id4", "o4", "2019-03-01", "t4", "data:text/html,<b>x</b>");
  Count* kind = r.mutable_summary()->add_claims_by_kind();
  kind->set_name(Hostile("kind"));
  kind->set_count(2);
  for (Verdict v : {CONTRADICTION, UPDATE}) {
    Finding* f = r.add_findings();
    f->set_id(Hostile(absl::StrCat("finding", v)));
    f->set_kind(Hostile("kind"));
    f->set_subject(Hostile("subject"));
    f->set_verdict(v);
    f->set_explanation(Hostile("explanation"));
    f->mutable_lean()->set_explanation(Hostile("lean"));
    std::string quote =
        absl::StrCat("At least 20 ", kScript, " were killed ", kBreakout, " & more");
    *f->add_claims() =
        MakeClaim(id1, Hostile("outlet"), "2019-01-24", quote,
                  absl::StrCat("20 ", kScript, " were killed"), 10, Hostile("value"));
    *f->add_claims() =
        MakeClaim(id2, Hostile("outlet2"), "2019-03-01", quote, kBreakout, 0, Hostile("value2"));
    for (Claim& c : *f->mutable_claims()) {
      c.set_kind(f->kind());
      c.set_subject(f->subject());
      c.set_scope_text(Hostile("scope"));
      c.set_pattern_id(Hostile("pattern"));
      c.mutable_attribution()->set_source(Hostile("source"));
      c.mutable_time()->set_resolution(Hostile("resolution"));
    }
    Review* review = f->mutable_review();
    review->set_decision(DECISION_CONFIRMED);
    review->set_reviewer(Hostile("reviewer"));
    review->set_time(Hostile("time"));
    review->set_note(Hostile("note"));
    review->set_correct_article_id(id2);
  }
  Copy* copy = r.add_copies();
  copy->set_copier(id2);
  copy->set_source(id1);
  copy->set_example(Hostile("example"));
  OutletScore* o = r.add_outlets();
  o->set_outlet(Hostile("outlet"));
  o->add_reasons(Hostile("reason"));
  o->add_copies_from(id1);
  Review* stale = r.add_stale_reviews();
  stale->set_finding_id(Hostile("stale"));
  stale->set_reviewer(Hostile("reviewer"));
  stale->set_explanation(Hostile("stale explanation"));
  Problem* p = r.add_problems();
  p->set_location(Hostile("location"));
  p->set_message(Hostile("message"));
  return r;
}

TEST(RenderHtmlUntrustedTest, NoElementOrAttributeComesFromTheInput) {
  std::string html = RenderHtml(HostileReport());
  ExpectOnlyRendererMarkup(html);
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, Not(HasSubstr("<svg")));
  EXPECT_THAT(html, Not(HasSubstr("\x1b")));
  EXPECT_THAT(html, Not(HasSubstr("href=\"javascript")));
  EXPECT_THAT(html, Not(HasSubstr("href=\" JavaScript")));
  EXPECT_THAT(html, Not(HasSubstr("href=\"data:")));
}

TEST(RenderHtmlUntrustedTest, TheInputIsShownAsText) {
  std::string html = RenderHtml(HostileReport());
  const std::string escaped =
      "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;&gt;&lt;img src=x "
      "onerror=alert(1)&gt; &#39;&gt;&lt;svg onload=alert(2)&gt; &amp;amp; [31m";
  for (const char* what : {"outlet", "title", "explanation", "lean", "subject", "value", "scope",
                           "source", "resolution", "reviewer", "note", "example", "reason",
                           "stale explanation", "location", "message", "path", "kind"}) {
    EXPECT_THAT(html, HasSubstr(absl::StrCat(what, " ", escaped))) << what;
  }
  // The matched text, highlighted, is escaped too.
  EXPECT_THAT(html, HasSubstr("data-claim=\"0\">20 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; "
                              "were killed</mark>"));
  EXPECT_THAT(html,
              HasSubstr("data-claim=\"1\">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</mark>"));
  // An unsafe URL is shown, not linked; a safe one with markup is escaped in
  // its attribute.
  EXPECT_THAT(html,
              HasSubstr("URL not linked: </span><code>javascript:alert(&#39;url&#39;)</code>"));
  EXPECT_THAT(html, HasSubstr("href=\"https://example.com/?a=1&amp;b=&quot;&gt;&lt;img/src=x/"
                              "onerror=alert(1)&gt;\""));
}

// --- Wiring into render.h ------------------------------------------------------------

TEST(RenderReportHtmlTest, FormatHtmlDispatchesToTheHtmlRenderer) {
  absl::StatusOr<ReportFormat> format = ParseReportFormat("html");
  ASSERT_OK(format);
  EXPECT_EQ(*format, ReportFormat::kHtml);
  absl::StatusOr<ReportFormat> upper = ParseReportFormat("HTML");
  ASSERT_OK(upper);
  EXPECT_EQ(*upper, ReportFormat::kHtml);
  absl::StatusOr<std::string> html = RenderReport(SmallReport(), ReportFormat::kHtml);
  ASSERT_OK(html);
  EXPECT_EQ(*html, RenderHtml(SmallReport()));
  EXPECT_THAT(
      ParseReportFormat("yaml"),
      ::crosscheck::testing::StatusIs(absl::StatusCode::kInvalidArgument,
                                      HasSubstr("markdown, json, textproto, html, claimreview")));
}

}  // namespace
}  // namespace crosscheck
