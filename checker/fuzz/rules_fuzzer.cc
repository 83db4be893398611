// Fuzzes rule loading: the input is one rules textproto file, loaded alone as
// `crosscheck --rules=DIR` would load it (parsing, validation of every
// section, pattern compilation). Bad rules are errors, never crashes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "checker/rules/rule_set.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::pair<std::string, std::string>> texts;
  texts.emplace_back("fuzz.textproto", std::string(reinterpret_cast<const char*>(data), size));
  (void)crosscheck::Rules::LoadTexts(texts);
  return 0;
}
