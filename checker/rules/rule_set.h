// Loading, validating and compiling the rules in rules/*.textproto.
//
// Every rules file is a partial `crosscheck.RuleSet` in protobuf text format;
// the files are merged in name order. Loading reports every problem it finds,
// each as `file:line:col: message`, not only the first: first the syntax
// errors of every file; then, when all files parse (patterns in one file may
// use another's macros), every validation error: unknown macros, patterns
// that do not compile, missing `value` groups, dangling actor parents, ... After loading, patterns
// are compiled once and shared read-only by every thread.
//
// Example:
//   absl::StatusOr<std::unique_ptr<Rules>> rules =
//       Rules::LoadDirectory("rules");
//   if (!rules.ok()) return rules.status();
//   for (const CompiledKind& kind : (*rules)->kinds()) { ... }
#ifndef CROSSCHECK_CHECKER_RULES_RULE_SET_H_
#define CROSSCHECK_CHECKER_RULES_RULE_SET_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "checker/rules/macros.h"  // MacroTable, and CompactLetters for users of this header
#include "proto/rules.pb.h"
#include "re2/re2.h"
#include "re2/set.h"

namespace crosscheck {

// One pattern of a kind, compiled.
struct CompiledPattern {
  // The pattern as written in the rules.
  const Pattern* pattern = nullptr;
  // The compiled expression, macros expanded.
  std::unique_ptr<RE2> re;
  // Capture group index (1-based) of each meaningful group, 0 when absent.
  int value_group = 0;
  int add_group = 0;
  int scope_group = 0;
  int object_group = 0;
  int source_group = 0;
};

// A claim kind with its patterns compiled.
struct CompiledKind {
  const ClaimKind* kind = nullptr;
  std::vector<CompiledPattern> patterns;
  // All patterns in one DFA: tells, without submatches, which patterns match
  // a sentence at all, so that only those run with submatches. Null when
  // the set would not compile within memory (then every pattern runs).
  std::unique_ptr<RE2::Set> pattern_set;

  // Indices of the patterns that may match `sentence`, in order.
  std::vector<int> Candidates(absl::string_view sentence) const;
};

// The loaded rule set. Immutable after loading; safe to share.
class Rules {
 public:
  // Loads every `*.textproto` file in `dir`, in name order.
  static absl::StatusOr<std::unique_ptr<Rules>> LoadDirectory(const std::string& dir);

  // Loads the given files, in the given order.
  static absl::StatusOr<std::unique_ptr<Rules>> LoadFiles(const std::vector<std::string>& paths);

  // Loads rules from (name, textproto content) pairs; `name` is used in error
  // messages. For tests and embedding.
  static absl::StatusOr<std::unique_ptr<Rules>> LoadTexts(
      const std::vector<std::pair<std::string, std::string>>& texts);

  Rules(const Rules&) = delete;
  Rules& operator=(const Rules&) = delete;

  // The same rules with patterns of their own. A pattern's matcher grows a
  // cache of automaton states as it runs, up to its memory budget, and
  // keeps it while it lives: extraction of a large corpus leaves about a
  // hundred megabytes of them. A stage that runs patterns on many texts can
  // compile its own copy and free them with it. Fails only where loading
  // would have.
  absl::StatusOr<std::unique_ptr<Rules>> Recompiled() const;

  // The merged rule set as loaded.
  const RuleSet& proto() const { return proto_; }

  // The claim kinds in rule order, compiled.
  const std::vector<CompiledKind>& kinds() const { return kinds_; }

  // The kind with this name, or nullptr.
  const CompiledKind* FindKind(absl::string_view name) const;

  // Indices into kinds() of the kinds whose trigger matches `sentence`.
  std::vector<int> TriggeredKinds(absl::string_view sentence) const;

  // The actor with this id, or nullptr.
  const ActorAlias* FindActor(absl::string_view id) const;

  // Expands `{MACRO}` references in `regex`, and writes `\pL` (`\p{L}`) as
  // CompactLetters(). Errors name the unknown macro.
  absl::StatusOr<std::string> ExpandMacros(absl::string_view regex) const;

  // Expands macros in `regex` and compiles it with the options every rule
  // pattern uses (case-insensitive, UTF-8, quiet). Loading has validated
  // every regex of the rule set, so this fails only on new input.
  absl::StatusOr<std::unique_ptr<RE2>> Compile(absl::string_view regex) const;

 private:
  Rules() = default;

  // Compiles the kinds of proto_ (patterns, pattern sets, triggers) into
  // kinds_ and triggers_, taking the patterns already compiled from
  // `validated` (by "kind/pattern id").
  absl::Status CompileKinds(absl::flat_hash_map<std::string, std::unique_ptr<RE2>>* validated);

  RuleSet proto_;
  std::vector<CompiledKind> kinds_;
  std::unique_ptr<RE2::Set> triggers_;
  MacroTable macros_;
  absl::flat_hash_map<std::string, int> actor_index_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_RULES_RULE_SET_H_
