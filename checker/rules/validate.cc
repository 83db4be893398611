#include "checker/rules/validate.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "checker/base/textproto.h"
#include "checker/rules/pattern_groups.h"
#include "google/protobuf/descriptor.h"

namespace crosscheck {
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::TextFormat;

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

// "file:line:col" of entry `index` of the RuleSet field `field` of `file`
// (of the field itself when it is not repeated).
std::string WhereIn(const RulesFile& file, const char* field, int index = -1) {
  return Where(file.name, file.tree.get(), Field(RuleSet::descriptor(), field), index);
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

// Where the errors about kind `i` of a file go, and how they read.
class KindErrors {
 public:
  KindErrors(const RulesFile& file, int i, RuleErrors* errors)
      : file_(file),
        kind_(file.rules.kinds(i)),
        where_(WhereIn(file, "kinds", i)),
        tree_(file.tree->GetTreeForNested(Field(RuleSet::descriptor(), "kinds"), i)),
        errors_(errors) {}

  const ClaimKind& kind() const { return kind_; }

  // An error about `field` of the kind (entry `index` if repeated).
  // Repeated fields need an index; an unwritten field has no location of
  // its own, so the error points at the kind.
  void Add(const char* field, int index, const std::string& msg) const {
    const FieldDescriptor* fd = Field(ClaimKind::descriptor(), field);
    if (fd->is_repeated() && index < 0) index = 0;
    const ClaimKind& k = kind_;
    bool written =
        tree_ != nullptr && (fd->is_repeated() ? index < k.GetReflection()->FieldSize(k, fd)
                                               : k.GetReflection()->HasField(k, fd));
    errors_->push_back(absl::StrCat(written ? Where(file_.name, tree_, fd, index) : where_,
                                    ": kind '", k.name(), "' field ", field, ": ", msg));
  }

  // An error about the kind's name, at the kind.
  void AddAtKind(const char* field, const std::string& msg) const {
    errors_->push_back(
        absl::StrCat(where_, ": kind '", kind_.name(), "' field ", field, ": ", msg));
  }

  // An error about `field` of the kind's pattern `j`.
  void AddForPattern(int j, const char* field, const std::string& msg) const {
    const TextFormat::ParseInfoTree* pt =
        tree_ ? tree_->GetTreeForNested(Field(ClaimKind::descriptor(), "patterns"), j) : nullptr;
    errors_->push_back(absl::StrCat(Where(file_.name, pt, Field(Pattern::descriptor(), field)),
                                    ": kind '", kind_.name(), "' pattern '", kind_.patterns(j).id(),
                                    "' field ", field, ": ", msg));
  }

 private:
  const RulesFile& file_;
  const ClaimKind& kind_;
  const std::string where_;
  const TextFormat::ParseInfoTree* tree_;
  RuleErrors* errors_;
};

// The kind's own fields: name, value type, patterns, trigger, comparison.
void ValidateKindFields(const KindErrors& err, const MacroTable& macros,
                        absl::flat_hash_set<std::string>* kind_names) {
  const ClaimKind& k = err.kind();
  if (!IsLowerIdentifier(k.name())) {
    err.AddAtKind("name", "expected lower_snake_case");
  } else if (!kind_names->insert(k.name()).second) {
    err.Add("name", -1, "kind defined twice");
  }
  if (k.value_type() == VALUE_TYPE_UNSPECIFIED) {
    err.Add("value_type", -1,
            "missing; valid choices: VALUE_TYPE_QUANTITY, VALUE_TYPE_TIME, "
            "VALUE_TYPE_ACTOR");
  }
  if (k.open_dimensions_size() > 0) {
    // A measure kind: its claims are the quantity tagger's.
    if (k.patterns_size() > 0) {
      err.Add("patterns", -1,
              "a kind with open_dimensions has no patterns (its claims are the quantities of "
              "those dimensions)");
    }
    if (k.value_type() != VALUE_TYPE_QUANTITY) {
      err.Add("value_type", -1, "a kind with open_dimensions is VALUE_TYPE_QUANTITY");
    }
  } else if (k.patterns_size() == 0) {
    err.Add("patterns", -1, "a kind needs at least one pattern");
  }
  if (k.trigger().empty()) {
    err.Add("trigger", -1, "missing: a cheap RE2 prefilter for sentences");
  } else if (absl::StatusOr<std::string> t = macros.Expand(k.trigger()); !t.ok()) {
    err.Add("trigger", -1, std::string(t.status().message()));
  } else if (RE2 re(*t, PatternOptions()); !re.ok()) {
    err.Add("trigger", -1, re.error());
  }
  if (k.comparison().relative_tolerance() < 0) {
    err.Add("comparison", -1, "relative_tolerance must be >= 0");
  }
}

// The named groups of pattern `j` (compiled as `re` from `expanded`): only
// known ones, a value group, and each able to hold what it needs.
void CheckPatternGroups(const KindErrors& err, int j, const RE2& re, const std::string& expanded) {
  const ClaimKind& k = err.kind();
  bool has_value = false;
  for (const auto& [group, index] : re.NamedCapturingGroups()) {
    if (!KnownGroups().contains(group)) {
      err.AddForPattern(j, "regex",
                        absl::StrCat("unknown group (?P<", group,
                                     ">); valid names: value, add, scope, "
                                     "object, source"));
    }
    has_value |= group == "value";
  }
  if (!has_value) err.AddForPattern(j, "regex", "needs a (?P<value>...) group");
  // Each group must be able to hold what the kind's value type needs.
  if (has_value && k.value_type() != VALUE_TYPE_UNSPECIFIED) {
    std::string problem =
        CheckGroup(expanded, "value", ValueNeed(k.value_type()), PatternOptions());
    if (!problem.empty()) {
      err.AddForPattern(
          j, "regex", absl::StrCat(problem, " (value_type ", ValueType_Name(k.value_type()), ")"));
    }
  }
  if (re.NamedCapturingGroups().count("add")) {
    if (k.value_type() != VALUE_TYPE_QUANTITY) {
      err.AddForPattern(j, "regex",
                        absl::StrCat("group (?P<add>) adds a number to the value; only "
                                     "VALUE_TYPE_QUANTITY kinds can have it (this kind is ",
                                     ValueType_Name(k.value_type()), ")"));
    } else if (std::string problem = CheckGroup(expanded, "add", AddNeed(), PatternOptions());
               !problem.empty()) {
      err.AddForPattern(j, "regex", problem);
    }
  }
  if (std::string problem = CheckGroup(expanded, "scope", ScopeNeed(), PatternOptions());
      !problem.empty()) {
    err.AddForPattern(j, "regex", problem);
  }
}

// Pattern `j` of the kind: its id, and its regex (kept in `validated`
// when it compiles).
void ValidatePattern(const KindErrors& err, int j, const MacroTable& macros,
                     absl::flat_hash_set<std::string>* pattern_ids, CompiledPatterns* validated) {
  const Pattern& p = err.kind().patterns(j);
  if (!IsLowerIdentifier(p.id())) err.AddForPattern(j, "id", "expected lower_snake_case");
  if (!pattern_ids->insert(p.id()).second) err.AddForPattern(j, "id", "pattern id used twice");
  absl::StatusOr<std::string> expanded = macros.Expand(p.regex());
  if (!expanded.ok()) {
    err.AddForPattern(j, "regex", std::string(expanded.status().message()));
    return;
  }
  auto re = std::make_unique<RE2>(*expanded, PatternOptions());
  if (!re->ok()) {
    err.AddForPattern(j, "regex", re->error());
    return;
  }
  CheckPatternGroups(err, j, *re, *expanded);
  (*validated)[absl::StrCat(err.kind().name(), "/", p.id())] = std::move(re);
}

// A cue regex (empty: none) expands and compiles; errors read
// "<where>: <what>: <problem>".
void CheckCue(const MacroTable& macros, const std::string& where, absl::string_view what,
              const std::string& value, RuleErrors* errors) {
  if (value.empty()) return;
  absl::StatusOr<std::string> expanded = macros.Expand(value);
  if (!expanded.ok()) {
    errors->push_back(absl::StrCat(where, ": ", what, ": ", expanded.status().message()));
    return;
  }
  RE2 re(*expanded, PatternOptions());
  if (!re.ok()) errors->push_back(absl::StrCat(where, ": ", what, ": ", re.error()));
}

}  // namespace

absl::StatusOr<std::vector<RulesFile>> ParseRulesFiles(
    const std::vector<std::pair<std::string, std::string>>& texts) {
  std::vector<std::string> errors;
  std::vector<RulesFile> files;
  for (const auto& [name, content] : texts) {
    RulesFile file;
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
  return files;
}

void CollectMacros(const RulesFile& file, MacroTable* macros, RuleErrors* errors) {
  for (int i = 0; i < file.rules.macros_size(); ++i) {
    const Macro& m = file.rules.macros(i);
    std::string where = WhereIn(file, "macros", i);
    static const LazyRE2 kName = {"[A-Z][A-Z0-9_]*"};
    if (!RE2::FullMatch(m.name(), *kName)) {
      errors->push_back(
          absl::StrCat(where, ": macro '", m.name(), "' field name: expected UPPER_CASE"));
      continue;
    }
    if (!macros->Define(m.name(), m.regex())) {
      errors->push_back(absl::StrCat(where, ": macro '", m.name(), "' field name: defined twice"));
    }
  }
}

void CollectActors(const RulesFile& file, RuleSet* merged,
                   absl::flat_hash_map<std::string, int>* actor_index, ActorPlaces* places,
                   RuleErrors* errors) {
  for (int i = 0; i < file.rules.actors_size(); ++i) {
    const ActorAlias& a = file.rules.actors(i);
    std::string where = WhereIn(file, "actors", i);
    if (!IsLowerIdentifier(a.id())) {
      errors->push_back(
          absl::StrCat(where, ": actor '", a.id(), "' field id: expected lower_snake_case"));
    } else if (actor_index->contains(a.id())) {
      errors->push_back(absl::StrCat(where, ": actor '", a.id(), "' field id: defined twice"));
    }
    actor_index->emplace(a.id(), merged->actors_size());
    *merged->add_actors() = a;
    places->push_back(where);
  }
}

void ValidateMacros(const RulesFile& file, const MacroTable& macros, RuleErrors* errors) {
  for (int i = 0; i < file.rules.macros_size(); ++i) {
    const Macro& m = file.rules.macros(i);
    std::string where = WhereIn(file, "macros", i);
    absl::StatusOr<std::string> expanded = macros.Expand(m.regex());
    if (!expanded.ok()) {
      errors->push_back(absl::StrCat(where, ": macro '", m.name(),
                                     "' field regex: ", expanded.status().message()));
      continue;
    }
    RE2 re(*expanded, PatternOptions());
    if (!re.ok()) {
      errors->push_back(absl::StrCat(where, ": macro '", m.name(), "' field regex: ", re.error()));
    } else if (re.NumberOfCapturingGroups() != 0) {
      errors->push_back(
          absl::StrCat(where, ": macro '", m.name(),
                       "' field regex: has a capturing group; use (?:...) in macros"));
    }
  }
}

void ValidateActorParents(const RuleSet& merged,
                          const absl::flat_hash_map<std::string, int>& actor_index,
                          const ActorPlaces& places, RuleErrors* errors) {
  for (int index = 0; index < merged.actors_size(); ++index) {
    const ActorAlias& a = merged.actors(index);
    const std::string& where = places[index];
    std::string cur = a.parent();
    for (int depth = 0; !cur.empty(); ++depth) {
      auto it = actor_index.find(cur);
      if (it == actor_index.end()) {
        errors->push_back(absl::StrCat(where, ": actor '", a.id(), "' field parent: '", cur,
                                       "' is not a defined actor id"));
        break;
      }
      if (depth > 32) {
        errors->push_back(
            absl::StrCat(where, ": actor '", a.id(), "' field parent: the hierarchy has a cycle"));
        break;
      }
      cur = merged.actors(it->second).parent();
    }
  }
}

void ValidateKinds(const RulesFile& file, const MacroTable& macros,
                   absl::flat_hash_set<std::string>* kind_names, CompiledPatterns* validated,
                   RuleErrors* errors) {
  for (int i = 0; i < file.rules.kinds_size(); ++i) {
    const KindErrors err(file, i, errors);
    ValidateKindFields(err, macros, kind_names);
    absl::flat_hash_set<std::string> pattern_ids;
    for (int j = 0; j < err.kind().patterns_size(); ++j) {
      ValidatePattern(err, j, macros, &pattern_ids, validated);
    }
  }
}

void ValidateOpenDimensions(const RulesFile& file, const RuleSet& merged, RuleErrors* errors) {
  absl::flat_hash_set<std::string> dimensions;
  for (const Dimension& d : merged.quantities().dimensions()) dimensions.insert(d.name());
  for (int i = 0; i < file.rules.kinds_size(); ++i) {
    const KindErrors err(file, i, errors);
    for (const std::string& d : err.kind().open_dimensions()) {
      if (!dimensions.contains(d)) {
        err.Add("open_dimensions", -1,
                absl::StrCat("unknown dimension \"", d,
                             "\"; the dimensions are those of quantities.dimensions "
                             "(rules/units.textproto)"));
      }
    }
  }
}

void ValidateSubjects(const RulesFile& file, RuleErrors* errors) {
  const RuleSet& r = file.rules;
  for (int i = 0; i < r.subjects_size(); ++i) {
    RE2 re(r.subjects(i).regex(), PatternOptions());
    if (!re.ok()) {
      errors->push_back(absl::StrCat(WhereIn(file, "subjects", i), ": subject '",
                                     r.subjects(i).key(), "' field regex: ", re.error()));
    }
  }
}

void ValidateCurrencies(const RulesFile& file, RuleErrors* errors) {
  const RuleSet& r = file.rules;
  for (int i = 0; i < r.currencies_size(); ++i) {
    const Currency& c = r.currencies(i);
    std::string where = WhereIn(file, "currencies", i);
    static const LazyRE2 kCode = {"[A-Z]{3}"};
    if (!RE2::FullMatch(c.code(), *kCode)) {
      errors->push_back(absl::StrCat(where, ": currency '", c.code(),
                                     "' field code: expected an ISO 4217 code such as USD"));
    }
    if (c.symbols_size() + c.words_size() == 0) {
      errors->push_back(absl::StrCat(where, ": currency '", c.code(),
                                     "' field symbols: needs a symbol or a word"));
    }
    for (const auto* list : {&c.symbols(), &c.words()}) {
      for (const std::string& s : *list) {
        if (absl::StripAsciiWhitespace(s).empty()) {
          errors->push_back(
              absl::StrCat(where, ": currency '", c.code(), "' field symbols/words: empty entry"));
        }
      }
    }
  }
}

void ValidateOutlets(const RulesFile& file, RuleErrors* errors) {
  const RuleSet& r = file.rules;
  for (int i = 0; i < r.outlets_size(); ++i) {
    if (r.outlets(i).masthead().empty()) continue;
    RE2 re(r.outlets(i).masthead(), PatternOptions());
    if (!re.ok()) {
      errors->push_back(absl::StrCat(WhereIn(file, "outlets", i), ": outlet '", r.outlets(i).name(),
                                     "' field masthead: ", re.error()));
    }
  }
}

void ValidateUrlDatePatterns(const RulesFile& file, RuleErrors* errors) {
  const RuleSet& r = file.rules;
  for (int i = 0; i < r.url_date_patterns_size(); ++i) {
    RE2 re(r.url_date_patterns(i), PatternOptions());
    std::string where = WhereIn(file, "url_date_patterns", i);
    if (!re.ok()) {
      errors->push_back(absl::StrCat(where, ": url_date_patterns: ", re.error()));
    } else {
      const auto& groups = re.NamedCapturingGroups();
      if (!groups.count("y") || !groups.count("m") || !groups.count("d")) {
        errors->push_back(
            absl::StrCat(where, ": url_date_patterns: needs groups (?P<y>), (?P<m>), (?P<d>)"));
      }
    }
  }
}

void ValidateAttribution(const RulesFile& file, const MacroTable& macros, RuleErrors* errors) {
  const AttributionCues& cues = file.rules.attribution();
  const std::string where = WhereIn(file, "attribution");
  for (int i = 0; i < cues.source_patterns_size(); ++i) {
    absl::StatusOr<std::string> expanded = macros.Expand(cues.source_patterns(i));
    if (!expanded.ok()) {
      errors->push_back(absl::StrCat(
          where, ": attribution field source_patterns: ", expanded.status().message()));
      continue;
    }
    RE2 re(*expanded, PatternOptions());
    if (!re.ok()) {
      errors->push_back(absl::StrCat(where, ": attribution field source_patterns: ", re.error()));
    } else if (!re.NamedCapturingGroups().count("source")) {
      errors->push_back(absl::StrCat(where,
                                     ": attribution field source_patterns: "
                                     "needs a (?P<source>...) group"));
    }
  }
  for (const char* field : {"hedge", "negation", "anonymous", "not_negation", "hypothetical"}) {
    const FieldDescriptor* f = AttributionCues::descriptor()->FindFieldByName(field);
    CheckCue(macros, where, absl::StrCat("attribution field ", field),
             cues.GetReflection()->GetString(cues, f), errors);
  }
}

void ValidateSentenceCues(const RulesFile& file, const MacroTable& macros, RuleErrors* errors) {
  const RuleSet& r = file.rules;
  for (const char* field : {"context_time", "continuation", "not_a_count"}) {
    const FieldDescriptor* f = Field(RuleSet::descriptor(), field);
    CheckCue(macros, WhereIn(file, field), field, r.GetReflection()->GetString(r, f), errors);
  }
  for (const Occasion& o : r.events().occasions()) {
    CheckCue(macros, WhereIn(file, "events"),
             absl::StrCat("events occasion '", o.name(), "' regex"), o.regex(), errors);
  }
  CheckCue(macros, WhereIn(file, "events"), "events earlier_figure", r.events().earlier_figure(),
           errors);
  for (const Occasion& o : r.events().parts()) {
    CheckCue(macros, WhereIn(file, "events"), absl::StrCat("events part '", o.name(), "' regex"),
             o.regex(), errors);
  }
}

}  // namespace crosscheck
