#include "checker/base/text_fold.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_replace.h"
#include "unicode/translit.h"
#include "unicode/unistr.h"

namespace crosscheck {
namespace {

// ICU transliterators are not safe to share between threads: one per thread.
icu::Transliterator* ThreadFolder() {
  thread_local std::unique_ptr<icu::Transliterator> folder = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; NFC; Lower", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  return folder.get();
}

// The typographic characters news uses most, and their ASCII forms.
struct Typographic {
  absl::string_view utf8;
  char ascii;
};
constexpr Typographic kTypographic[] = {
    {"\xE2\x80\x99", '\''},  // ’
    {"\xE2\x80\x98", '\''},  // ‘
    {"\xE2\x80\x9C", '"'},   // “
    {"\xE2\x80\x9D", '"'},   // ”
    {"\xE2\x80\x93", '-'},   // –
    {"\xE2\x80\x94", '-'},   // —
    {"\xC2\xA0", ' '},       // no-break space
};

// FoldForMatching(text) in one pass, when text's only non-ASCII characters
// are kTypographic (most English news): ASCII letters lower-cased, the
// typographic characters replaced, and runs of whitespace made one space,
// none at either end. What the ICU transliterator would give, without it.
// False (and `out` unspecified) for any other text.
bool FoldTypographicAscii(absl::string_view text, std::string* out) {
  out->resize(text.size());  // never longer than the text
  char* const begin = &(*out)[0];
  char* o = begin;
  bool space = false;  // whitespace since the last character written
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    char a = 0;
    if (c < 0x80) {
      a = absl::ascii_tolower(c);
      ++i;
    } else {
      size_t length = 0;
      for (const Typographic& t : kTypographic) {
        if (text.substr(i, t.utf8.size()) == t.utf8) {
          a = t.ascii;
          length = t.utf8.size();
          break;
        }
      }
      if (length == 0) return false;
      i += length;
    }
    if (absl::ascii_isspace(static_cast<unsigned char>(a))) {
      space = o != begin;
      continue;
    }
    if (space) *o++ = ' ';
    space = false;
    *o++ = a;
  }
  out->resize(static_cast<size_t>(o - begin));
  return true;
}

}  // namespace

std::string FoldForMatching(absl::string_view text) {
  std::string out;
  if (FoldTypographicAscii(text, &out)) return out;
  std::string folded;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (icu::Transliterator* folder = ThreadFolder()) {
    folder->transliterate(u);
  } else {
    u.toLower();
  }
  u.toUTF8String(folded);
  std::vector<std::pair<absl::string_view, absl::string_view>> ascii;
  for (const Typographic& t : kTypographic) {
    ascii.emplace_back(t.utf8, absl::string_view(&t.ascii, 1));
  }
  folded = absl::StrReplaceAll(folded, ascii);
  out.clear();
  out.reserve(folded.size());
  bool space = false;
  for (char c : folded) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace crosscheck
