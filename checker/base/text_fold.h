// Case and diacritic folding for matching names and words.
//
// News spells the same name several ways ("Guaidó", "Guaido", "GUAIDO") and
// mixes typographic and ASCII punctuation ("Maduro’s", "Maduro's"). Folding
// maps them to one key so that lookups in the rules' alias tables match.
//
// Example:
//   FoldForMatching("Nicolás Maduro’s") == "nicolas maduro's"
#ifndef CROSSCHECK_CHECKER_BASE_TEXT_FOLD_H_
#define CROSSCHECK_CHECKER_BASE_TEXT_FOLD_H_

#include <string>

#include "absl/strings/string_view.h"

namespace crosscheck {

// Returns `text` lower-cased, with diacritics removed (ICU: NFD, drop
// non-spacing marks, NFC), typographic quotes and dashes replaced by their
// ASCII forms, and runs of whitespace collapsed to one space. Thread-safe.
std::string FoldForMatching(absl::string_view text);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_BASE_TEXT_FOLD_H_
