#include "checker/rules/pattern_groups.h"

#include "absl/strings/str_cat.h"

namespace crosscheck {

absl::optional<std::string> GroupRegex(absl::string_view regex, absl::string_view name) {
  const std::string open = absl::StrCat("(?P<", name, ">");
  size_t start = regex.find(open);
  if (start == absl::string_view::npos) return absl::nullopt;
  size_t begin = start + open.size();
  int depth = 1;
  for (size_t i = begin; i < regex.size(); ++i) {
    char c = regex[i];
    if (c == '\\') {
      ++i;  // an escaped character, "\(" included
    } else if (c == '[') {
      // A class: parentheses inside are literal; "[]...]" and "[^]...]"
      // start with a literal ']'.
      size_t j = i + 1;
      if (j < regex.size() && regex[j] == '^') ++j;
      if (j < regex.size() && regex[j] == ']') ++j;
      while (j < regex.size() && regex[j] != ']') j += regex[j] == '\\' ? 2 : 1;
      i = j;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return std::string(regex.substr(begin, i - begin));
    }
  }
  return absl::nullopt;
}

const GroupNeed& ValueNeed(ValueType type) {
  static const GroupNeed* quantity =
      new GroupNeed{"a count or amount such as '12', 'three', 'dozens' or '$20 million'",
                    {"12", "15,000", "three", "at least 20", "a dozen", "dozens", "$20 million",
                     "20 million dollars", "35"}};
  static const GroupNeed* time = new GroupNeed{
      "a day, span or time of day such as 'Sunday', 'this weekend', 'Jan. 31', "
      "'72 hours' or '6:50 p.m.'",
      {"Sunday", "by Sunday", "this weekend", "Jan. 31", "January 31", "72 hours",
       "within 72 hours", "tomorrow", "6:50 p.m.", "6 pm", "18:50", "0912 GMT", "around 6 pm",
       "noon"}};
  static const GroupNeed* actor =
      new GroupNeed{"an actor such as 'Maduro', 'the State Department' or 'he'",
                    {"Maduro", "Nicolás Maduro", "the State Department", "The United States", "he",
                     "his", "Venezuela"}};
  return type == VALUE_TYPE_TIME ? *time : type == VALUE_TYPE_ACTOR ? *actor : *quantity;
}

const GroupNeed& ScopeNeed() {
  static const GroupNeed* scope =
      new GroupNeed{"a time such as 'Wednesday', 'this week', 'overnight' or 'in February'",
                    {"Wednesday", "on Wednesday", "this week", "overnight", "in February",
                     "since January", "yesterday", "in the past three days"}};
  return *scope;
}

const GroupNeed& AddNeed() {
  static const GroupNeed* add =
      new GroupNeed{"a number such as 'one', '1' or 'a'", {"one", "1", "a", "11", "two"}};
  return *add;
}

std::string CheckGroup(absl::string_view expanded, absl::string_view name, const GroupNeed& need,
                       const RE2::Options& options) {
  absl::optional<std::string> inner = GroupRegex(expanded, name);
  if (!inner) return "";
  RE2 re(*inner, options);
  if (!re.ok()) return "";  // compiled as part of the whole pattern already
  for (const char* probe : need.probes) {
    if (RE2::FullMatch(probe, re)) return "";
  }
  return absl::StrCat("group (?P<", name, ">) cannot match ", need.what);
}

}  // namespace crosscheck
