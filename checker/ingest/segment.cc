#include "checker/ingest/segment.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "checker/base/re2_util.h"
#include "re2/re2.h"
#include "unicode/brkiter.h"
#include "unicode/utext.h"

namespace crosscheck {
namespace {

icu::BreakIterator* ThreadSentenceIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(
        icu::BreakIterator::createSentenceInstance(icu::Locale("en_US@ss=standard"), status));
    return U_SUCCESS(status) ? std::move(bi) : nullptr;
  }();
  return it.get();
}

bool IsSpace(char c) { return absl::ascii_isspace(static_cast<unsigned char>(c)); }

// Trims ASCII whitespace and no-break spaces (U+00A0) from [*b, *e).
void Trim(const std::string& text, int* b, int* e) {
  for (;;) {
    if (*b < *e && IsSpace(text[*b])) {
      ++*b;
    } else if (*b + 1 < *e && text[*b] == '\xC2' && text[*b + 1] == '\xA0') {
      *b += 2;
    } else {
      break;
    }
  }
  for (;;) {
    if (*e > *b && IsSpace(text[*e - 1])) {
      --*e;
    } else if (*e - 1 > *b && text[*e - 2] == '\xC2' && text[*e - 1] == '\xA0') {
      *e -= 2;
    } else {
      break;
    }
  }
}

int CountWords(absl::string_view line) {
  return static_cast<int>(
      std::vector<absl::string_view>(absl::StrSplit(line, ' ', absl::SkipEmpty())).size());
}

}  // namespace

Section ClassifyLine(absl::string_view line, absl::string_view title) {
  line = absl::StripAsciiWhitespace(line);
  if (line.empty()) return SECTION_BOILERPLATE;
  if (!title.empty() && line == absl::StripAsciiWhitespace(title)) {
    return SECTION_HEADLINE;
  }
  // Photo and video credits: "(Federico Parra/AFP/Getty Images)",
  // "[Carlos Garcia Rawlins/Reuters]", "(Video: Reuters)", "[AFP]".
  static const LazyRE2 kCredit = {
      R"((?:\([^()]*(?:/|Getty|AFP|Reuters|AP Photo|Video:|Photo:|Images)[^()]*\)|\[[^\[\]]{2,80}\])\s*$)"};
  if (RE2::PartialMatch(Piece(line), *kCredit)) return SECTION_CAPTION;
  // Lines that end without sentence punctuation are headings or furniture.
  static const LazyRE2 kFinal = {R"([.!?…"”’')\]:;]$)"};
  if (!RE2::PartialMatch(Piece(line), *kFinal)) {
    int words = CountWords(line);
    if (words > 30) return SECTION_BODY;  // a paragraph that lost its period
    return words >= 4 ? SECTION_HEADLINE : SECTION_BOILERPLATE;
  }
  return SECTION_BODY;
}

Segmenter::Segmenter(const Rules& rules) {
  for (const std::string& a : rules.proto().abbreviations()) {
    abbreviations_.insert(absl::AsciiStrToLower(a));
  }
  for (const std::string& a : rules.proto().sentence_final_abbreviations()) {
    sentence_final_.insert(absl::AsciiStrToLower(a));
  }
  if (!rules.proto().abbreviation_continues().empty()) {
    continues_ = std::make_unique<RE2>(
        absl::StrCat("^\\s*(?:", rules.proto().abbreviation_continues(), ")"));
    if (!continues_->ok()) continues_.reset();
  }
}

Document Segmenter::Segment(Article article) const {
  Document doc;
  const std::string& text = article.text();
  const int size = static_cast<int>(text.size());

  // Raw sentence boundaries from ICU, over the UTF-8 bytes directly (UText
  // native indices are byte offsets, so spans need no conversion).
  std::vector<std::pair<int, int>> raw;
  icu::BreakIterator* bi = ThreadSentenceIterator();
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), size, &status);
  if (bi != nullptr && U_SUCCESS(status)) {
    bi->setText(ut, status);
    int32_t start = bi->first();
    for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; start = end, end = bi->next()) {
      raw.emplace_back(start, end);
    }
  } else {
    raw.emplace_back(0, size);
  }
  utext_close(ut);

  // Merge a break after an abbreviation ("the U.S. | Embassy") when the
  // sentence does not also end a line.
  std::vector<std::pair<int, int>> merged;
  for (const auto& [b, e] : raw) {
    if (!merged.empty()) {
      auto& prev = merged.back();
      int pb = prev.first, pe = prev.second;
      bool line_end = false;
      for (int i = pb; i < pe; ++i) line_end |= text[i] == '\n';
      Trim(text, &pb, &pe);
      size_t word_start = text.find_last_of(" \t(\"\xE2", pe - 1);
      int ws = word_start == std::string::npos || static_cast<int>(word_start) < pb
                   ? pb
                   : static_cast<int>(word_start) + 1;
      std::string last_word = absl::AsciiStrToLower(text.substr(ws, pe - ws));
      // "6:30 p.m. Though ...": an abbreviation that may end a sentence
      // ends it unless the next words continue it ("p.m. Tuesday").
      const bool ends_here =
          sentence_final_.contains(last_word) && continues_ != nullptr &&
          !RE2::PartialMatch(Piece(absl::string_view(text).substr(b, e - b)), *continues_);
      if (!line_end && abbreviations_.contains(last_word) && !ends_here) {
        prev.second = e;
        continue;
      }
    }
    merged.emplace_back(b, e);
  }

  // Split on line breaks, cut out metadata spans, trim, and label.
  std::vector<std::pair<int, int>> cut;
  for (auto [b, e] : merged) {
    int line_start = b;
    for (int i = b; i <= e; ++i) {
      if (i == e || text[i] == '\n') {
        cut.emplace_back(line_start, i);
        line_start = i + 1;
      }
    }
  }
  const std::string& title = article.title();
  int classified_line = -1;
  Section line_section = SECTION_BODY;
  // Metadata spans (sorted) cut pieces out of sentences: " date 2019-01-25
  // The U.S. military..." keeps the prose on both sides of the marker.
  std::vector<std::pair<int, int>> pieces;
  for (auto [b, e] : cut) {
    for (const Span& m : article.metadata_spans()) {
      if (m.end() <= b || e <= m.begin()) continue;
      if (b < m.begin()) pieces.emplace_back(b, m.begin());
      b = std::max(b, m.end());
    }
    if (b < e) pieces.emplace_back(b, e);
  }
  for (auto [b, e] : pieces) {
    Trim(text, &b, &e);
    if (b >= e) continue;
    // Classify the line the sentence starts on (once per line).
    size_t ls = text.rfind('\n', b == 0 ? 0 : b - 1);
    int line_begin = (ls == std::string::npos || b == 0) ? 0 : static_cast<int>(ls) + 1;
    if (line_begin != classified_line) {
      size_t le = text.find('\n', b);
      int line_end = le == std::string::npos ? size : static_cast<int>(le);
      int lb = line_begin, lend = line_end;
      for (const Span& m : article.metadata_spans()) {
        if (m.begin() <= lb && lb < m.end()) lb = m.end();
      }
      line_section =
          ClassifyLine(absl::string_view(text).substr(lb, std::max(0, lend - lb)), title);
      classified_line = line_begin;
    }
    Sentence* s = doc.add_sentences();
    s->mutable_span()->set_begin(b);
    s->mutable_span()->set_end(e);
    s->set_section(line_section);
  }
  *doc.mutable_article() = std::move(article);
  return doc;
}

}  // namespace crosscheck
