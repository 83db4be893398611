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
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "checker/base/re2_util.h"
#include "checker/base/status_macros.h"
#include "checker/rules/validate.h"

namespace crosscheck {

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

absl::StatusOr<std::string> Rules::ExpandMacros(absl::string_view regex) const {
  return macros_.Expand(regex);
}

absl::StatusOr<std::unique_ptr<Rules>> Rules::LoadTexts(
    const std::vector<std::pair<std::string, std::string>>& texts) {
  ASSIGN_OR_RETURN(std::vector<RulesFile> files, ParseRulesFiles(texts));
  auto rules = std::unique_ptr<Rules>(new Rules());
  RuleErrors errors;
  // Macros and actors of every file first, since patterns in one file may
  // use macros of another.
  ActorPlaces actor_places;
  for (const RulesFile& file : files) {
    CollectMacros(file, &rules->macros_, &errors);
    CollectActors(file, &rules->proto_, &rules->actor_index_, &actor_places, &errors);
  }
  for (const RulesFile& file : files) ValidateMacros(file, rules->macros_, &errors);
  ValidateActorParents(rules->proto_, rules->actor_index_, actor_places, &errors);
  // Everything else, validated where it was written, and merged.
  absl::flat_hash_set<std::string> kind_names;
  CompiledPatterns validated;
  for (const RulesFile& file : files) {
    ValidateKinds(file, rules->macros_, &kind_names, &validated, &errors);
    ValidateSubjects(file, &errors);
    ValidateCurrencies(file, &errors);
    ValidateOutlets(file, &errors);
    ValidateUrlDatePatterns(file, &errors);
    ValidateAttribution(file, rules->macros_, &errors);
    ValidateSentenceCues(file, rules->macros_, &errors);
    RuleSet rest = file.rules;
    rest.clear_actors();  // merged above
    rules->proto_.MergeFrom(rest);
  }
  for (const RulesFile& file : files) ValidateOpenDimensions(file, rules->proto_, &errors);
  if (!errors.empty()) {
    return absl::InvalidArgumentError(absl::StrJoin(errors, "\n"));
  }
  if (rules->proto_.kinds_size() == 0) {
    return absl::InvalidArgumentError("rules define no claim kinds");
  }
  // Validation above guarantees that compiling succeeds.
  RETURN_IF_ERROR(rules->CompileKinds(&validated));
  return rules;
}

absl::StatusOr<std::unique_ptr<Rules>> Rules::Recompiled() const {
  auto copy = std::unique_ptr<Rules>(new Rules());
  copy->proto_ = proto_;
  copy->macros_ = macros_;
  copy->actor_index_ = actor_index_;
  CompiledPatterns none;
  RETURN_IF_ERROR(copy->CompileKinds(&none));
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
  ASSIGN_OR_RETURN(std::string expanded, ExpandMacros(regex));
  auto re = std::make_unique<RE2>(expanded, PatternOptions());
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
