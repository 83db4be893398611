#include "checker/rules/macros.h"

#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "checker/base/re2_util.h"

namespace crosscheck {

const RE2::Options& PatternOptions() {
  static const RE2::Options* options = [] {
    auto* o = new RE2::Options(RE2::Quiet);
    o->set_case_sensitive(false);
    o->set_max_mem(64 << 20);
    return o;
  }();
  return *options;
}

bool MacroTable::Define(const std::string& name, const std::string& regex) {
  return macros_.emplace(name, regex).second;
}

absl::StatusOr<std::string> MacroTable::Expand(absl::string_view regex) const {
  static const LazyRE2 kMacroRef = {R"(\{([A-Z][A-Z0-9_]*)\})"};
  std::string out(regex);
  // Each pass replaces one level; a depth limit catches cycles.
  for (int depth = 0; depth < 16; ++depth) {
    re2::StringPiece input(out);
    re2::StringPiece name;
    std::string next;
    bool replaced = false;
    const char* last = input.data();
    re2::StringPiece rest = input;
    while (RE2::FindAndConsume(&rest, *kMacroRef, &name)) {
      auto it = macros_.find(View(name));
      if (it == macros_.end()) {
        return absl::InvalidArgumentError(absl::StrCat("unknown macro {", View(name), "}"));
      }
      const char* start = name.data() - 1;
      next.append(last, start);
      absl::StrAppend(&next, "(?:", it->second, ")");
      last = name.data() + name.size() + 1;
      replaced = true;
    }
    if (!replaced) return CompactLetters(out);
    next.append(last, input.data() + input.size());
    out = std::move(next);
  }
  return absl::InvalidArgumentError("macros refer to each other in a cycle");
}

std::string CompactLetters(absl::string_view regex) {
  static constexpr absl::string_view kRanges =
      R"(A-Za-z\x{AA}\x{B5}\x{BA}\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{1FFF})"
      R"(\x{2C00}-\x{2DFF}\x{3040}-\x{10FFFF})";
  std::string out;
  out.reserve(regex.size());
  bool in_class = false;
  for (size_t i = 0; i < regex.size(); ++i) {
    const char c = regex[i];
    if (c == '\\' && i + 1 < regex.size()) {
      absl::string_view rest = regex.substr(i);
      size_t letter = absl::StartsWith(rest, "\\pL") ? 3 : absl::StartsWith(rest, "\\p{L}") ? 5 : 0;
      if (letter > 0) {
        absl::StrAppend(&out, in_class ? "" : "[", kRanges, in_class ? "" : "]");
        i += letter - 1;
      } else {
        out.append(regex.data() + i, 2);  // an escape: its character is not syntax
        ++i;
      }
      continue;
    }
    if (!in_class && c == '[') {
      in_class = true;
      out.push_back(c);
      // "[^]...]" and "[]...]": a first ']' is a member, not the end.
      if (i + 1 < regex.size() && regex[i + 1] == '^') out.push_back(regex[++i]);
      if (i + 1 < regex.size() && regex[i + 1] == ']') out.push_back(regex[++i]);
      continue;
    }
    if (in_class && c == '[' && i + 1 < regex.size() && regex[i + 1] == ':') {
      const size_t end = regex.find(":]", i + 2);  // [:alpha:]
      if (end != absl::string_view::npos) {
        out.append(regex.data() + i, end + 2 - i);
        i = end + 1;
        continue;
      }
    }
    if (in_class && c == ']') in_class = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace crosscheck
