#include "checker/rules/rule_set.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "absl/types/optional.h"
#include "checker/base/re2_util.h"
#include "checker/base/textproto.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/text_format.h"

namespace crosscheck {
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::TextFormat;

// One parsed rules file and where each of its fields was written.
struct ParsedFile {
  std::string name;
  RuleSet rules;
  std::unique_ptr<TextFormat::ParseInfoTree> tree;
};

// Formats "file:line:col" for `field` (index `index` if repeated) in `tree`.
std::string Where(const std::string& file, const TextFormat::ParseInfoTree* tree,
                  const FieldDescriptor* field, int index = -1) {
  if (tree == nullptr || field == nullptr) return absl::StrCat(file, ":1:1");
  TextFormat::ParseLocation loc = tree->GetLocation(field, index);
  if (loc.line < 0) return absl::StrCat(file, ":1:1");
  return absl::StrCat(file, ":", loc.line + 1, ":", loc.column + 1);
}

const FieldDescriptor* Field(const Descriptor* d, const char* name) {
  return d->FindFieldByName(name);
}

const RE2::Options& PatternOptions() {
  static const RE2::Options* options = [] {
    auto* o = new RE2::Options(RE2::Quiet);
    o->set_case_sensitive(false);
    o->set_max_mem(64 << 20);
    return o;
  }();
  return *options;
}

const absl::flat_hash_set<std::string>& KnownGroups() {
  static const auto* groups =
      new absl::flat_hash_set<std::string>{"value", "add", "scope", "object", "source"};
  return *groups;
}

bool IsLowerIdentifier(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return false;
    }
  }
  return true;
}

// The regex inside the named group `name` of `regex`, without its
// parentheses; nullopt when there is no such group.
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

// What a group of a pattern must be able to match, as examples of the text
// it stands for: a group that matches none of them cannot give the extractor
// what it needs (a count for a quantity kind, a day for a time kind).
struct GroupNeed {
  const char* what;
  std::vector<const char*> probes;
};

const GroupNeed& ValueNeed(ValueType type) {
  static const GroupNeed* quantity =
      new GroupNeed{"a count or amount such as '12', 'three', 'dozens' or '$20 million'",
                    {"12", "15,000", "three", "at least 20", "a dozen", "dozens", "$20 million",
                     "20 million dollars", "35"}};
  static const GroupNeed* time =
      new GroupNeed{"a day or span such as 'Sunday', 'this weekend', 'Jan. 31' or '72 hours'",
                    {"Sunday", "by Sunday", "this weekend", "Jan. 31", "January 31", "72 hours",
                     "within 72 hours", "tomorrow"}};
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

// Empty when the group `name` of `expanded` can match one of `need`'s probes
// (or the pattern has no such group); else the error.
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

}  // namespace

absl::StatusOr<std::unique_ptr<Rules>> Rules::LoadDirectory(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return absl::NotFoundError(absl::StrCat(dir,
                                            ": rules directory not found (expected a folder of "
                                            "*.textproto files; see --rules)"));
  }
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".textproto") {
      paths.push_back(entry.path().string());
    }
  }
  if (paths.empty()) {
    return absl::NotFoundError(absl::StrCat(dir, ": no *.textproto rules files in this directory"));
  }
  std::sort(paths.begin(), paths.end());
  return LoadFiles(paths);
}

absl::StatusOr<std::unique_ptr<Rules>> Rules::LoadFiles(const std::vector<std::string>& paths) {
  std::vector<std::pair<std::string, std::string>> texts;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      return absl::NotFoundError(absl::StrCat(path, ":1:1: cannot read rules file"));
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    texts.emplace_back(path, buffer.str());
  }
  return LoadTexts(texts);
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

absl::StatusOr<std::string> Rules::ExpandMacros(absl::string_view regex) const {
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

absl::StatusOr<std::unique_ptr<Rules>> Rules::LoadTexts(
    const std::vector<std::pair<std::string, std::string>>& texts) {
  std::vector<std::string> errors;
  std::vector<ParsedFile> files;
  for (const auto& [name, content] : texts) {
    ParsedFile file;
    file.name = name;
    file.tree = std::make_unique<TextFormat::ParseInfoTree>();
    absl::Status parsed = ParseTextProto(name, content, &file.rules, file.tree.get());
    if (!parsed.ok()) {
      errors.push_back(std::string(parsed.message()));
      continue;
    }
    files.push_back(std::move(file));
  }
  if (!errors.empty()) {
    return absl::InvalidArgumentError(absl::StrJoin(errors, "\n"));
  }

  auto rules = std::unique_ptr<Rules>(new Rules());
  const Descriptor* rs = RuleSet::descriptor();
  const Descriptor* kd = ClaimKind::descriptor();
  const Descriptor* pd = Pattern::descriptor();

  std::vector<std::string> actor_where;  // "file:line:col" of each actor
  // Patterns compiled while validating, by "kind/pattern", reused below.
  absl::flat_hash_map<std::string, std::unique_ptr<RE2>> validated;
  // Pass 1: macros and actors from every file, since patterns in one file
  // may use macros of another.
  for (const ParsedFile& file : files) {
    for (int i = 0; i < file.rules.macros_size(); ++i) {
      const Macro& m = file.rules.macros(i);
      std::string where = Where(file.name, file.tree.get(), Field(rs, "macros"), i);
      static const LazyRE2 kName = {"[A-Z][A-Z0-9_]*"};
      if (!RE2::FullMatch(m.name(), *kName)) {
        errors.push_back(
            absl::StrCat(where, ": macro '", m.name(), "' field name: expected UPPER_CASE"));
        continue;
      }
      if (!rules->macros_.emplace(m.name(), m.regex()).second) {
        errors.push_back(absl::StrCat(where, ": macro '", m.name(), "' field name: defined twice"));
      }
    }
    for (int i = 0; i < file.rules.actors_size(); ++i) {
      const ActorAlias& a = file.rules.actors(i);
      std::string where = Where(file.name, file.tree.get(), Field(rs, "actors"), i);
      if (!IsLowerIdentifier(a.id())) {
        errors.push_back(
            absl::StrCat(where, ": actor '", a.id(), "' field id: expected lower_snake_case"));
      } else if (rules->actor_index_.contains(a.id())) {
        errors.push_back(absl::StrCat(where, ": actor '", a.id(), "' field id: defined twice"));
      }
      rules->actor_index_.emplace(a.id(), rules->proto_.actors_size());
      *rules->proto_.add_actors() = a;
      actor_where.push_back(where);
    }
  }
  // Macros: each must expand and compile without capturing groups.
  for (const ParsedFile& file : files) {
    for (int i = 0; i < file.rules.macros_size(); ++i) {
      const Macro& m = file.rules.macros(i);
      std::string where = Where(file.name, file.tree.get(), Field(rs, "macros"), i);
      absl::StatusOr<std::string> expanded = rules->ExpandMacros(m.regex());
      if (!expanded.ok()) {
        errors.push_back(absl::StrCat(where, ": macro '", m.name(),
                                      "' field regex: ", expanded.status().message()));
        continue;
      }
      RE2 re(*expanded, PatternOptions());
      if (!re.ok()) {
        errors.push_back(absl::StrCat(where, ": macro '", m.name(), "' field regex: ", re.error()));
      } else if (re.NumberOfCapturingGroups() != 0) {
        errors.push_back(
            absl::StrCat(where, ": macro '", m.name(),
                         "' field regex: has a capturing group; use (?:...) in macros"));
      }
    }
  }
  // Actors: parents exist and the hierarchy has no cycle.
  for (int index = 0; index < rules->proto_.actors_size(); ++index) {
    const ActorAlias& a = rules->proto_.actors(index);
    const std::string& where = actor_where[index];
    std::string cur = a.parent();
    for (int depth = 0; !cur.empty(); ++depth) {
      auto it = rules->actor_index_.find(cur);
      if (it == rules->actor_index_.end()) {
        errors.push_back(absl::StrCat(where, ": actor '", a.id(), "' field parent: '", cur,
                                      "' is not a defined actor id"));
        break;
      }
      if (depth > 32) {
        errors.push_back(
            absl::StrCat(where, ": actor '", a.id(), "' field parent: the hierarchy has a cycle"));
        break;
      }
      cur = rules->proto_.actors(it->second).parent();
    }
  }

  // Pass 2: everything else, validated where it was written.
  absl::flat_hash_set<std::string> kind_names;
  for (const ParsedFile& file : files) {
    const RuleSet& r = file.rules;
    for (int i = 0; i < r.macros_size(); ++i) *rules->proto_.add_macros() = r.macros(i);
    for (int i = 0; i < r.kinds_size(); ++i) {
      const ClaimKind& k = r.kinds(i);
      std::string where = Where(file.name, file.tree.get(), Field(rs, "kinds"), i);
      const TextFormat::ParseInfoTree* kt = file.tree->GetTreeForNested(Field(rs, "kinds"), i);
      auto kerr = [&](const char* field, int index, const std::string& msg) {
        const FieldDescriptor* fd = Field(kd, field);
        // Repeated fields need an index; an unwritten field has no location
        // of its own, so the error points at the kind.
        if (fd->is_repeated() && index < 0) index = 0;
        bool written =
            kt != nullptr && (fd->is_repeated() ? index < k.GetReflection()->FieldSize(k, fd)
                                                : k.GetReflection()->HasField(k, fd));
        errors.push_back(absl::StrCat(written ? Where(file.name, kt, fd, index) : where, ": kind '",
                                      k.name(), "' field ", field, ": ", msg));
      };
      if (!IsLowerIdentifier(k.name())) {
        errors.push_back(
            absl::StrCat(where, ": kind '", k.name(), "' field name: expected lower_snake_case"));
      } else if (!kind_names.insert(k.name()).second) {
        kerr("name", -1, "kind defined twice");
      }
      if (k.value_type() == VALUE_TYPE_UNSPECIFIED) {
        kerr("value_type", -1,
             "missing; valid choices: VALUE_TYPE_QUANTITY, VALUE_TYPE_TIME, "
             "VALUE_TYPE_ACTOR");
      }
      if (k.patterns_size() == 0) kerr("patterns", -1, "a kind needs at least one pattern");
      if (k.trigger().empty()) {
        kerr("trigger", -1, "missing: a cheap RE2 prefilter for sentences");
      } else if (absl::StatusOr<std::string> t = rules->ExpandMacros(k.trigger()); !t.ok()) {
        kerr("trigger", -1, std::string(t.status().message()));
      } else if (RE2 re(*t, PatternOptions()); !re.ok()) {
        kerr("trigger", -1, re.error());
      }
      if (k.comparison().relative_tolerance() < 0) {
        kerr("comparison", -1, "relative_tolerance must be >= 0");
      }
      absl::flat_hash_set<std::string> pattern_ids;
      for (int j = 0; j < k.patterns_size(); ++j) {
        const Pattern& p = k.patterns(j);
        const TextFormat::ParseInfoTree* pt =
            kt ? kt->GetTreeForNested(Field(kd, "patterns"), j) : nullptr;
        auto perr = [&](const char* field, const std::string& msg) {
          errors.push_back(absl::StrCat(Where(file.name, pt, Field(pd, field)), ": kind '",
                                        k.name(), "' pattern '", p.id(), "' field ", field, ": ",
                                        msg));
        };
        if (!IsLowerIdentifier(p.id())) perr("id", "expected lower_snake_case");
        if (!pattern_ids.insert(p.id()).second) perr("id", "pattern id used twice");
        absl::StatusOr<std::string> expanded = rules->ExpandMacros(p.regex());
        if (!expanded.ok()) {
          perr("regex", std::string(expanded.status().message()));
          continue;
        }
        auto re = std::make_unique<RE2>(*expanded, PatternOptions());
        if (!re->ok()) {
          perr("regex", re->error());
          continue;
        }
        bool has_value = false;
        for (const auto& [group, index] : re->NamedCapturingGroups()) {
          if (!KnownGroups().contains(group)) {
            perr("regex", absl::StrCat("unknown group (?P<", group,
                                       ">); valid names: value, add, scope, "
                                       "object, source"));
          }
          has_value |= group == "value";
        }
        if (!has_value) perr("regex", "needs a (?P<value>...) group");
        // Each group must be able to hold what the kind's value type needs.
        if (has_value && k.value_type() != VALUE_TYPE_UNSPECIFIED) {
          std::string problem =
              CheckGroup(*expanded, "value", ValueNeed(k.value_type()), PatternOptions());
          if (!problem.empty()) {
            perr("regex",
                 absl::StrCat(problem, " (value_type ", ValueType_Name(k.value_type()), ")"));
          }
        }
        if (re->NamedCapturingGroups().count("add")) {
          if (k.value_type() != VALUE_TYPE_QUANTITY) {
            perr("regex", absl::StrCat("group (?P<add>) adds a number to the value; only "
                                       "VALUE_TYPE_QUANTITY kinds can have it (this kind is ",
                                       ValueType_Name(k.value_type()), ")"));
          } else if (std::string problem =
                         CheckGroup(*expanded, "add", AddNeed(), PatternOptions());
                     !problem.empty()) {
            perr("regex", problem);
          }
        }
        if (std::string problem = CheckGroup(*expanded, "scope", ScopeNeed(), PatternOptions());
            !problem.empty()) {
          perr("regex", problem);
        }
        // Keep it: compiling a pattern costs more than matching a sentence.
        validated[absl::StrCat(k.name(), "/", p.id())] = std::move(re);
      }
    }
    for (int i = 0; i < r.subjects_size(); ++i) {
      RE2 re(r.subjects(i).regex(), PatternOptions());
      if (!re.ok()) {
        errors.push_back(absl::StrCat(Where(file.name, file.tree.get(), Field(rs, "subjects"), i),
                                      ": subject '", r.subjects(i).key(),
                                      "' field regex: ", re.error()));
      }
    }
    for (int i = 0; i < r.currencies_size(); ++i) {
      const Currency& c = r.currencies(i);
      std::string where = Where(file.name, file.tree.get(), Field(rs, "currencies"), i);
      static const LazyRE2 kCode = {"[A-Z]{3}"};
      if (!RE2::FullMatch(c.code(), *kCode)) {
        errors.push_back(absl::StrCat(where, ": currency '", c.code(),
                                      "' field code: expected an ISO 4217 code such as USD"));
      }
      if (c.symbols_size() + c.words_size() == 0) {
        errors.push_back(absl::StrCat(where, ": currency '", c.code(),
                                      "' field symbols: needs a symbol or a word"));
      }
      for (const auto* list : {&c.symbols(), &c.words()}) {
        for (const std::string& s : *list) {
          if (absl::StripAsciiWhitespace(s).empty()) {
            errors.push_back(absl::StrCat(where, ": currency '", c.code(),
                                          "' field symbols/words: empty entry"));
          }
        }
      }
    }
    for (int i = 0; i < r.outlets_size(); ++i) {
      if (r.outlets(i).masthead().empty()) continue;
      RE2 re(r.outlets(i).masthead(), PatternOptions());
      if (!re.ok()) {
        errors.push_back(absl::StrCat(Where(file.name, file.tree.get(), Field(rs, "outlets"), i),
                                      ": outlet '", r.outlets(i).name(),
                                      "' field masthead: ", re.error()));
      }
    }
    for (int i = 0; i < r.url_date_patterns_size(); ++i) {
      RE2 re(r.url_date_patterns(i), PatternOptions());
      std::string where = Where(file.name, file.tree.get(), Field(rs, "url_date_patterns"), i);
      if (!re.ok()) {
        errors.push_back(absl::StrCat(where, ": url_date_patterns: ", re.error()));
      } else {
        const auto& groups = re.NamedCapturingGroups();
        if (!groups.count("y") || !groups.count("m") || !groups.count("d")) {
          errors.push_back(
              absl::StrCat(where, ": url_date_patterns: needs groups (?P<y>), (?P<m>), (?P<d>)"));
        }
      }
    }
    for (int i = 0; i < r.attribution().source_patterns_size(); ++i) {
      absl::StatusOr<std::string> expanded =
          rules->ExpandMacros(r.attribution().source_patterns(i));
      std::string where = Where(file.name, file.tree.get(), Field(rs, "attribution"));
      if (!expanded.ok()) {
        errors.push_back(absl::StrCat(
            where, ": attribution field source_patterns: ", expanded.status().message()));
        continue;
      }
      RE2 re(*expanded, PatternOptions());
      if (!re.ok()) {
        errors.push_back(absl::StrCat(where, ": attribution field source_patterns: ", re.error()));
      } else if (!re.NamedCapturingGroups().count("source")) {
        errors.push_back(absl::StrCat(where,
                                      ": attribution field source_patterns: "
                                      "needs a (?P<source>...) group"));
      }
    }
    // Cue regexes: they must expand and compile.
    auto check_cue = [&](const std::string& where, absl::string_view what,
                         const std::string& value) {
      if (value.empty()) return;
      absl::StatusOr<std::string> expanded = rules->ExpandMacros(value);
      if (!expanded.ok()) {
        errors.push_back(absl::StrCat(where, ": ", what, ": ", expanded.status().message()));
        return;
      }
      RE2 re(*expanded, PatternOptions());
      if (!re.ok()) errors.push_back(absl::StrCat(where, ": ", what, ": ", re.error()));
    };
    for (const char* field : {"hedge", "negation", "anonymous", "not_negation", "hypothetical"}) {
      const auto* f = AttributionCues::descriptor()->FindFieldByName(field);
      check_cue(Where(file.name, file.tree.get(), Field(rs, "attribution")),
                absl::StrCat("attribution field ", field),
                r.attribution().GetReflection()->GetString(r.attribution(), f));
    }
    for (const char* field : {"context_time", "continuation", "not_a_count"}) {
      const FieldDescriptor* f = Field(rs, field);
      check_cue(Where(file.name, file.tree.get(), f), field, r.GetReflection()->GetString(r, f));
    }
    // Merge what pass 1 did not.
    RuleSet rest = r;
    rest.clear_macros();
    rest.clear_actors();
    rules->proto_.MergeFrom(rest);
  }
  if (!errors.empty()) {
    return absl::InvalidArgumentError(absl::StrJoin(errors, "\n"));
  }
  if (rules->proto_.kinds_size() == 0) {
    return absl::InvalidArgumentError("rules define no claim kinds");
  }

  // Compile. Validation above guarantees these succeed.
  if (absl::Status compiled = rules->CompileKinds(&validated); !compiled.ok()) return compiled;
  return rules;
}

absl::StatusOr<std::unique_ptr<Rules>> Rules::Recompiled() const {
  auto copy = std::unique_ptr<Rules>(new Rules());
  copy->proto_ = proto_;
  copy->macros_ = macros_;
  copy->actor_index_ = actor_index_;
  absl::flat_hash_map<std::string, std::unique_ptr<RE2>> none;
  if (absl::Status compiled = copy->CompileKinds(&none); !compiled.ok()) return compiled;
  return copy;
}

absl::Status Rules::CompileKinds(
    absl::flat_hash_map<std::string, std::unique_ptr<RE2>>* validated) {
  triggers_ = std::make_unique<RE2::Set>(PatternOptions(), RE2::UNANCHORED);
  for (const ClaimKind& k : proto_.kinds()) {
    CompiledKind compiled;
    compiled.kind = &k;
    for (const Pattern& p : k.patterns()) {
      CompiledPattern cp;
      cp.pattern = &p;
      std::unique_ptr<RE2>& re = (*validated)[absl::StrCat(k.name(), "/", p.id())];
      cp.re = re != nullptr ? std::move(re)
                            : std::make_unique<RE2>(*ExpandMacros(p.regex()), PatternOptions());
      const auto& groups = cp.re->NamedCapturingGroups();
      auto index = [&](const char* name) {
        auto it = groups.find(name);
        return it == groups.end() ? 0 : it->second;
      };
      cp.value_group = index("value");
      cp.add_group = index("add");
      cp.scope_group = index("scope");
      cp.object_group = index("object");
      cp.source_group = index("source");
      compiled.patterns.push_back(std::move(cp));
    }
    compiled.pattern_set = std::make_unique<RE2::Set>(PatternOptions(), RE2::UNANCHORED);
    for (const Pattern& p : k.patterns()) {
      if (compiled.pattern_set->Add(*ExpandMacros(p.regex()), nullptr) < 0) {
        compiled.pattern_set.reset();
        break;
      }
    }
    if (compiled.pattern_set && !compiled.pattern_set->Compile()) {
      compiled.pattern_set.reset();
    }
    std::string error;
    if (triggers_->Add(*ExpandMacros(k.trigger()), &error) < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("kind '", k.name(), "' field trigger: ", error));
    }
    kinds_.push_back(std::move(compiled));
  }
  if (!triggers_->Compile()) {
    return absl::ResourceExhaustedError(
        "the kinds' triggers are too large to compile together; simplify them");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<RE2>> Rules::Compile(absl::string_view regex) const {
  absl::StatusOr<std::string> expanded = ExpandMacros(regex);
  if (!expanded.ok()) return expanded.status();
  auto re = std::make_unique<RE2>(*expanded, PatternOptions());
  if (!re->ok()) {
    return absl::InvalidArgumentError(absl::StrCat("regex '", regex, "': ", re->error()));
  }
  return re;
}

std::vector<int> CompiledKind::Candidates(absl::string_view sentence) const {
  std::vector<int> matched;
  if (pattern_set != nullptr) {
    RE2::Set::ErrorInfo info;
    if (pattern_set->Match(Piece(sentence), &matched, &info)) {
      std::sort(matched.begin(), matched.end());
      return matched;
    }
    if (info.kind == RE2::Set::kNoError) return matched;  // no pattern matches
  }
  // No set, or its DFA ran out of memory on this text: try every pattern.
  matched.resize(patterns.size());
  for (size_t i = 0; i < patterns.size(); ++i) matched[i] = static_cast<int>(i);
  return matched;
}

const CompiledKind* Rules::FindKind(absl::string_view name) const {
  for (const CompiledKind& k : kinds_) {
    if (k.kind->name() == name) return &k;
  }
  return nullptr;
}

std::vector<int> Rules::TriggeredKinds(absl::string_view sentence) const {
  std::vector<int> matched;
  triggers_->Match(Piece(sentence), &matched);
  std::sort(matched.begin(), matched.end());
  return matched;
}

const ActorAlias* Rules::FindActor(absl::string_view id) const {
  auto it = actor_index_.find(id);
  return it == actor_index_.end() ? nullptr : &proto_.actors(it->second);
}

}  // namespace crosscheck
