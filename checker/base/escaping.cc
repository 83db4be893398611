#include "checker/base/escaping.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <string>

#include "unicode/utf8.h"

namespace crosscheck {

std::string EscapeHtml(absl::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  const uint8_t* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t size = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  for (int32_t i = 0; i < size;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, size, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; continue;
      case '<': out += "&lt;"; continue;
      case '>': out += "&gt;"; continue;
      case '"': out += "&quot;"; continue;
      case '\'': out += "&#39;"; continue;
      case '\t':
      case '\n':
      case '\r': out += static_cast<char>(c); continue;
      default: break;
    }
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) continue;
    out.append(text.data() + start, i - start);
  }
  return out;
}

std::string SanitizeForTerminal(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  const uint8_t* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t size = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < size;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, size, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
      continue;
    }
    if (c == 0x1B || c == 0x9B) {
      // ESC [ params final  |  ESC ] ... BEL/ST  |  ESC <one char>
      if (c == 0x9B || (i < size && s[i] == '[')) {
        // CSI: parameter bytes 0x30-0x3F, intermediates 0x20-0x2F, then
        // one final byte 0x40-0x7E. A malformed one ends where those stop.
        if (c == 0x1B) ++i;
        while (i < size && s[i] >= 0x30 && s[i] <= 0x3F) ++i;
        while (i < size && s[i] >= 0x20 && s[i] <= 0x2F) ++i;
        if (i < size && s[i] >= 0x40 && s[i] <= 0x7E) ++i;
      } else if (i < size && s[i] == ']') {
        while (i < size && s[i] != 0x07 && !(s[i] == 0x1B && i + 1 < size && s[i + 1] == '\\')) ++i;
        if (i < size) i += s[i] == 0x07 ? 1 : 2;
      } else if (i < size) {
        ++i;
      }
      continue;
    }
    if (c == '\n' || c == '\t' || c == '\r') {
      out += ' ';
      continue;
    }
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) continue;
    out.append(text.data() + start, i - start);
  }
  return out;
}

}  // namespace crosscheck
