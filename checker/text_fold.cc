#include "checker/text_fold.h"

#include <memory>
#include <string>

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

}  // namespace

std::string FoldForMatching(absl::string_view text) {
  std::string folded;
  if (IsAscii(text)) {
    folded = absl::AsciiStrToLower(text);
  } else {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    if (icu::Transliterator* folder = ThreadFolder()) {
      folder->transliterate(u);
    } else {
      u.toLower();
    }
    u.toUTF8String(folded);
    folded = absl::StrReplaceAll(
        folded, {{"\xE2\x80\x99", "'"},   // ’
                 {"\xE2\x80\x98", "'"},   // ‘
                 {"\xE2\x80\x9C", "\""},  // “
                 {"\xE2\x80\x9D", "\""},  // ”
                 {"\xE2\x80\x93", "-"},   // –
                 {"\xE2\x80\x94", "-"},   // —
                 {"\xC2\xA0", " "}});     // no-break space
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
