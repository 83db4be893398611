#include "checker/text_fold.h"

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
        "NFD; [:Nonspacing Mark:] Remove; NFC; Lower", UTRANS_FORWARD,
        status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  return folder.get();
}

bool IsAscii(absl::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
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
    {"\xC2\xA0", ' '},        // no-break space
};

// `text` with kTypographic replaced and ASCII letters lower-cased, when
// those are its only non-ASCII characters (most English news): what the
// ICU transliterator would give, without it. False for any other text.
bool FoldTypographicAscii(absl::string_view text, std::string* out) {
  out->clear();
  out->reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out->push_back(absl::ascii_tolower(c));
      ++i;
      continue;
    }
    bool known = false;
    for (const Typographic& t : kTypographic) {
      if (text.substr(i, t.utf8.size()) == t.utf8) {
        out->push_back(t.ascii);
        i += t.utf8.size();
        known = true;
        break;
      }
    }
    if (!known) return false;
  }
  return true;
}

}  // namespace

std::string FoldForMatching(absl::string_view text) {
  std::string folded;
  if (IsAscii(text)) {
    folded = absl::AsciiStrToLower(text);
  } else if (FoldTypographicAscii(text, &folded)) {
    // (done)
  } else {
    folded.clear();  // (toUTF8String appends)
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
  }
  std::string out;
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
