// Parsing and validating the rules files, one section of the RuleSet at a
// time. Each validator appends to a list of errors every problem it finds,
// as `file:line:col: <section> '<id>' field <field>: <message>` (the place
// the value was written, or the entry it is missing from), and goes on:
// loading reports them all at once, in the order the validators run.
//
// Macros and actors are collected from every file before anything is
// validated, since a pattern in one file may use a macro of another.
//
// Example (Rules::LoadTexts runs them in this order):
//   ASSIGN_OR_RETURN(std::vector<RulesFile> files, ParseRulesFiles(texts));
//   RuleErrors errors;
//   MacroTable macros;
//   for (const RulesFile& file : files) CollectMacros(file, &macros, &errors);
//   for (const RulesFile& file : files) ValidateMacros(file, macros, &errors);
//   ... ValidateKinds(file, macros, &kind_names, &validated, &errors); ...
//   if (!errors.empty()) ...
#ifndef CROSSCHECK_CHECKER_RULES_VALIDATE_H_
#define CROSSCHECK_CHECKER_RULES_VALIDATE_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "checker/rules/macros.h"
#include "google/protobuf/text_format.h"
#include "proto/rules.pb.h"
#include "re2/re2.h"

namespace crosscheck {

// One parsed rules file and where each of its fields was written.
struct RulesFile {
  std::string name;
  RuleSet rules;
  std::unique_ptr<google::protobuf::TextFormat::ParseInfoTree> tree;
};

// The problems found so far, in order, each `file:line:col: message`.
using RuleErrors = std::vector<std::string>;

// Patterns compiled while validating, by "kind/pattern id", for loading to
// reuse (compiling a pattern costs more than matching a sentence).
using CompiledPatterns = absl::flat_hash_map<std::string, std::unique_ptr<RE2>>;

// Where each actor of a merged rule set was written ("file:line:col"), in
// the order of its actors.
using ActorPlaces = std::vector<std::string>;

// Parses (name, textproto) pairs. When any does not parse, the error lists
// the syntax errors of every file, one a line.
absl::StatusOr<std::vector<RulesFile>> ParseRulesFiles(
    const std::vector<std::pair<std::string, std::string>>& texts);

// Defines `file`'s macros in `macros`: names UPPER_CASE, each defined once.
void CollectMacros(const RulesFile& file, MacroTable* macros, RuleErrors* errors);

// Appends `file`'s actors to `merged` (ids lower_snake_case, each defined
// once), indexing them by id (the first of an id) and noting where each was
// written.
void CollectActors(const RulesFile& file, RuleSet* merged,
                   absl::flat_hash_map<std::string, int>* actor_index, ActorPlaces* places,
                   RuleErrors* errors);

// Each macro of `file` expands and compiles, without capturing groups.
void ValidateMacros(const RulesFile& file, const MacroTable& macros, RuleErrors* errors);

// Each dimension a kind of `file` lists in `open_dimensions` is one of
// `merged`'s quantities.dimensions.
void ValidateOpenDimensions(const RulesFile& file, const RuleSet& merged, RuleErrors* errors);

// Each parent of `merged`'s actors is a defined actor and the hierarchy
// has no cycle.
void ValidateActorParents(const RuleSet& merged,
                          const absl::flat_hash_map<std::string, int>& actor_index,
                          const ActorPlaces& places, RuleErrors* errors);

// Each claim kind of `file`: a lower_snake_case name not in `kind_names`
// (which it is added to), a value type, a trigger that compiles, a
// tolerance >= 0, and patterns with unique ids that compile, have a value
// group and only known groups, each group able to hold what it needs
// (pattern_groups.h). Adds the patterns that compile to `validated`.
void ValidateKinds(const RulesFile& file, const MacroTable& macros,
                   absl::flat_hash_set<std::string>* kind_names, CompiledPatterns* validated,
                   RuleErrors* errors);

// Each subject's regex compiles.
void ValidateSubjects(const RulesFile& file, RuleErrors* errors);

// Each currency has an ISO 4217 code and a symbol or a word, none empty.
void ValidateCurrencies(const RulesFile& file, RuleErrors* errors);

// Each outlet's masthead (when it has one) compiles.
void ValidateOutlets(const RulesFile& file, RuleErrors* errors);

// Each URL date pattern compiles, with groups y, m and d.
void ValidateUrlDatePatterns(const RulesFile& file, RuleErrors* errors);

// The attribution cues: each source pattern expands and compiles with a
// `source` group; each cue regex (hedge, negation, ...) expands and
// compiles.
void ValidateAttribution(const RulesFile& file, const MacroTable& macros, RuleErrors* errors);

// The sentence cues (context_time, continuation, not_a_count) expand and
// compile.
void ValidateSentenceCues(const RulesFile& file, const MacroTable& macros, RuleErrors* errors);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_RULES_VALIDATE_H_
