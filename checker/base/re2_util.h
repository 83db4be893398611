// Bridges absl::string_view and RE2's StringPiece.
//
// Debian's Abseil keeps its own absl::string_view (not std::string_view), and
// RE2 2022-06-01 takes re2::StringPiece; neither converts to the other.
#ifndef CROSSCHECK_CHECKER_BASE_RE2_UTIL_H_
#define CROSSCHECK_CHECKER_BASE_RE2_UTIL_H_

#include "absl/strings/string_view.h"
#include "re2/stringpiece.h"

namespace crosscheck {

inline re2::StringPiece Piece(absl::string_view s) { return re2::StringPiece(s.data(), s.size()); }

inline absl::string_view View(re2::StringPiece s) { return absl::string_view(s.data(), s.size()); }

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_BASE_RE2_UTIL_H_
