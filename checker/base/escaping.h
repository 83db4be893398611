// Escaping of untrusted text (article text, metadata, rule strings) for the
// places crosscheck writes it: HTML and XML text and attributes, and
// terminals. Every renderer of article text goes through these two.
//
// Example:
//   out << "<p>" << EscapeHtml(claim.quote()) << "</p>";
//   std::cout << SanitizeForTerminal(finding.explanation()) << "\n";
#ifndef CROSSCHECK_CHECKER_BASE_ESCAPING_H_
#define CROSSCHECK_CHECKER_BASE_ESCAPING_H_

#include <string>

#include "absl/strings/string_view.h"

namespace crosscheck {

// Escapes `text` for HTML text and for double- or single-quoted attribute
// values: & < > " ' become character references, invalid UTF-8 becomes
// U+FFFD, and control characters other than tab, newline and carriage return
// (C0, DEL, C1) are dropped.
std::string EscapeHtml(absl::string_view text);

// Removes what a terminal would interpret: ANSI/VT escape sequences, C0 and
// C1 control characters (newlines and tabs become spaces). Invalid UTF-8 is
// replaced with U+FFFD.
std::string SanitizeForTerminal(absl::string_view text);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_BASE_ESCAPING_H_
