#include "checker/base/escaping.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// --- EscapeHtml ---------------------------------------------------------------

TEST(EscapeHtmlTest, EscapesMarkupCharacters) {
  EXPECT_EQ(EscapeHtml("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  EXPECT_EQ(EscapeHtml("&amp;"), "&amp;amp;");
}

TEST(EscapeHtmlTest, KeepsTextAndWhitespace) {
  EXPECT_EQ(EscapeHtml("Juan Guaidó — 😀 日本"), "Juan Guaidó — 😀 日本");
  EXPECT_EQ(EscapeHtml("a\tb\nc\r"), "a\tb\nc\r");
  EXPECT_EQ(EscapeHtml(""), "");
}

TEST(EscapeHtmlTest, ReplacesInvalidUtf8AndDropsControls) {
  EXPECT_EQ(EscapeHtml("caf\xe9!"), "caf\xef\xbf\xbd!");
  EXPECT_EQ(EscapeHtml("\xc3"), "\xef\xbf\xbd");  // truncated sequence
  EXPECT_EQ(EscapeHtml(std::string("a\0b\x1b[31mc\x7f"
                                   "d\xc2\x85"
                                   "e",
                                   14)),
            "ab[31mcde");
}

// --- SanitizeForTerminal ------------------------------------------------------

TEST(SanitizeForTerminalTest, MalformedCsiDoesNotSwallowText) {
  // ESC [ followed by text: the sequence ends at the first non-CSI byte.
  EXPECT_EQ(SanitizeForTerminal("a\x1b[ 12 dead"), "a12 dead");
  EXPECT_EQ(SanitizeForTerminal("\x1b[1;31mred"), "red");
}

TEST(SanitizeForTerminalTest, RemovesCsiSequences) {
  EXPECT_EQ(SanitizeForTerminal("\x1b[31mred\x1b[0m"), "red");
  EXPECT_EQ(SanitizeForTerminal("a\x1b[1;32;40mb\x1b[Kc"), "abc");
  EXPECT_EQ(SanitizeForTerminal("clear\x1b[2J\x1b[Hscreen"), "clearscreen");
}

TEST(SanitizeForTerminalTest, RemovesOscSequences) {
  EXPECT_EQ(SanitizeForTerminal("\x1b]0;title\x07"
                                "after"),
            "after");
  EXPECT_EQ(SanitizeForTerminal("before\x1b]0;title\x07"), "before");
  // A hyperlink, terminated by ST (ESC \).
  EXPECT_EQ(SanitizeForTerminal("\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\"), "link");
}

TEST(SanitizeForTerminalTest, RemovesOtherEscapesAndTruncatedOnes) {
  EXPECT_EQ(SanitizeForTerminal("a\x1b"
                                "cb"),
            "ab");  // ESC c: reset
  EXPECT_EQ(SanitizeForTerminal("abc\x1b"), "abc");
  EXPECT_EQ(SanitizeForTerminal("abc\x1b[31"), "abc");
  EXPECT_EQ(SanitizeForTerminal("abc\x1b]0;never ends"), "abc");
}

TEST(SanitizeForTerminalTest, RemovesC0AndC1Controls) {
  EXPECT_EQ(SanitizeForTerminal("a\x01"
                                "b\x07"
                                "c\x08"
                                "d\x7f"
                                "e"),
            "abcde");
  EXPECT_EQ(SanitizeForTerminal(std::string("a\0b", 3)), "ab");
  // U+0080, U+0085 (NEL), U+009F, encoded in UTF-8.
  EXPECT_EQ(SanitizeForTerminal("a\xc2\x80"
                                "b\xc2\x85"
                                "c\xc2\x9f"
                                "d"),
            "abcd");
}

TEST(SanitizeForTerminalTest, NewlinesAndTabsBecomeSpaces) {
  EXPECT_EQ(SanitizeForTerminal("a\nb\tc"), "a b c");
}

TEST(SanitizeForTerminalTest, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(SanitizeForTerminal("caf\xe9!"), "caf\xef\xbf\xbd!");
  EXPECT_EQ(SanitizeForTerminal("x\x80y"), "x\xef\xbf\xbdy");
  // A lone 0x9B byte is not a valid UTF-8 encoding of the C1 CSI.
  std::string lone = SanitizeForTerminal(
      "\x9b"
      "31mz");
  EXPECT_THAT(lone, Not(HasSubstr("\x9b")));
}

TEST(SanitizeForTerminalTest, KeepsNormalText) {
  EXPECT_EQ(SanitizeForTerminal("Juan Guaidó"), "Juan Guaidó");
  EXPECT_EQ(SanitizeForTerminal("Venezuela’s “leader” — 😀 日本"), "Venezuela’s “leader” — 😀 日本");
  EXPECT_EQ(SanitizeForTerminal("plain [brackets] and ]0; too"), "plain [brackets] and ]0; too");
  EXPECT_EQ(SanitizeForTerminal(""), "");
}

}  // namespace
}  // namespace crosscheck
