// Measures extraction against the hand labels of testdata/labeled/: per
// claim kind, precision and recall, and how often a matched claim has the
// labeled value, bounds, scope, attribution and section. Prints the figures
// and every miss and false hit, and fails when a figure drops below the bars
// at the end of this file (set from the measured figures; see README.md).
//
// Scoring:
// - A claim matches a label of its article, kind and sentence; within one
//   sentence, a claim with the labeled value is preferred.
// - A claim with Attribution.negated is not a claim (compare drops it): it
//   matches nothing and is no false hit.
// - A claim on a `not_a_claim` sentence is a false hit, except a claim on a
//   background number that carries a time scope of its own (it is not
//   compared with this event's numbers).
// - A claim on a sentence with no label of its kind is a false hit: every
//   sentence of the labeled articles was read.
// - Claims of measure kinds (`open_dimensions`) are not labeled here: the
//   quantities they come from are scored against testdata/labeled/
//   quantities_*.jsonl (tools/eval_quantities.py).
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "checker/base/textproto.h"
#include "checker/ingest/ingest.h"
#include "checker/ingest/segment.h"
#include "checker/internal/testing.h"
#include "checker/pipeline/pipeline.h"
#include "checker/rules/rule_set.h"
#include "gtest/gtest.h"
#include "proto/labels.pb.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::RunfilePath;

// One sentence of a labeled article.
struct SentenceRef {
  int begin = 0;
  int end = 0;
  std::string text;
};

// Counts for one kind.
struct Tally {
  int tp = 0, fp = 0, fn = 0;
  int value_ok = 0, bounds_ok = 0, bounds_n = 0, scope_ok = 0, scope_n = 0;
  int source_ok = 0, hedge_ok = 0, section_ok = 0, subject_ok = 0, subject_n = 0;
  double Precision() const { return tp + fp == 0 ? 1.0 : double(tp) / (tp + fp); }
  double Recall() const { return tp + fn == 0 ? 1.0 : double(tp) / (tp + fn); }
};

double Ratio(int ok, int n) { return n == 0 ? 1.0 : double(ok) / n; }

std::string Normalize(absl::string_view s) {
  std::string out = absl::AsciiStrToLower(absl::StripAsciiWhitespace(s));
  while (!out.empty() && (out.back() == '.' || out.back() == ',')) out.pop_back();
  for (absl::string_view p : {"the ", "on "}) {
    if (absl::StartsWith(out, p)) out.erase(0, p.size());
  }
  return out;
}

bool SameSource(absl::string_view label, absl::string_view claim) {
  std::string a = Normalize(label), b = Normalize(claim);
  if (a.empty() || b.empty()) return a == b;
  return absl::StrContains(a, b) || absl::StrContains(b, a);
}

bool SameValue(const ClaimLabel& l, const Claim& c) {
  if (c.has_quantity()) return std::fabs(c.quantity().value() - l.value()) < 1e-6;
  if (c.has_time()) return c.time().start() == l.start() && c.time().end() == l.end();
  if (c.has_actor()) return c.actor().id() == l.actor();
  return false;
}

// Kinds whose claims carry a scope worth measuring (an age or a deadline is
// not "of" a time span).
bool ScopeMatters(absl::string_view kind) {
  return kind != "age" && kind != "deadline" && kind != "aid_money";
}

std::string Describe(const Claim& c) {
  return absl::StrCat(c.display_value(), " scope='", c.scope_text(), "' source='",
                      c.attribution().source(), "'", c.attribution().hedged() ? " hedged" : "");
}

// A figure and the lowest it may be.
struct Bar {
  const char* kind;  // a kind, or "ALL"
  double precision, recall;
};

// The lowest share of matched claims with the labeled field, over all kinds.
struct FieldBars {
  double value, bounds, scope, source, hedge, section;
};

// Where a label or a claim is: (article, sentence index, kind).
using Key = std::tuple<std::string, int, std::string>;

// The sentences of each article (by id), as extraction saw them.
using Sentences = std::map<std::string, std::vector<SentenceRef>>;

// Reads the labels in `file` (under testdata/labeled/).
void LoadLabels(const std::string& file, LabeledClaims* labeled) {
  const std::string name = absl::StrCat("testdata/labeled/", file);
  std::ifstream in(RunfilePath(name));
  ASSERT_TRUE(in) << name;
  std::stringstream content;
  content << in.rdbuf();
  ASSERT_OK(ParseTextProto(name, content.str(), labeled));
  std::printf("== %s\n", name.c_str());
}

// The claims of the articles of `paths`, and their sentences.
void ExtractAll(const Rules& rules, const std::vector<std::string>& paths,
                std::vector<Claim>* claims, Sentences* sentences) {
  std::vector<Problem> problems;
  ASSERT_OK(ExtractClaims(rules, paths, RunOptions(), &problems, [&](ArticleClaims ac) {
    for (Claim& c : *ac.mutable_claims()) claims->push_back(std::move(c));
    return absl::OkStatus();
  }));
  const Segmenter segmenter(rules);
  ASSERT_OK(ArticleReader(rules).Read(paths, /*strict=*/true, &problems, [&](Article a) {
    Document doc = segmenter.Segment(std::move(a));
    auto& list = (*sentences)[doc.article().id()];
    for (const Sentence& s : doc.sentences()) {
      SentenceRef r;
      r.begin = s.span().begin();
      r.end = s.span().end();
      r.text = doc.article().text().substr(r.begin, r.end - r.begin);
      list.push_back(std::move(r));
    }
    return absl::OkStatus();
  }));
}

// Where each label is: claims to find (`positives`) and sentences that hold
// none (`negatives`); a label that names no article, kind or single
// sentence fails the test.
void LocateLabels(const Rules& rules, const LabeledClaims& labeled, const Sentences& sentences,
                  std::map<Key, std::vector<const ClaimLabel*>>* positives,
                  std::map<Key, std::vector<const ClaimLabel*>>* negatives) {
  int bad_labels = 0;
  for (const ClaimLabel& l : labeled.labels()) {
    auto it = sentences.find(l.article());
    if (it == sentences.end()) {
      ADD_FAILURE() << "label for unknown article " << l.article();
      ++bad_labels;
      continue;
    }
    if (rules.FindKind(l.kind()) == nullptr) {
      ADD_FAILURE() << l.article() << ": unknown kind " << l.kind();
      ++bad_labels;
      continue;
    }
    std::vector<int> found;
    for (size_t i = 0; i < it->second.size(); ++i) {
      if (absl::StrContains(it->second[i].text, l.sentence())) found.push_back(i);
    }
    if (found.size() != 1) {
      ADD_FAILURE() << l.article() << ": label sentence '" << l.sentence() << "' is in "
                    << found.size() << " sentences (expected exactly one)";
      ++bad_labels;
      continue;
    }
    Key key(l.article(), found[0], l.kind());
    (l.not_a_claim() == NOT_A_CLAIM_UNSPECIFIED ? *positives : *negatives)[key].push_back(&l);
  }
  ASSERT_EQ(bad_labels, 0);
}

// The claims (but negated ones, which are no claims) by where they are.
std::map<Key, std::vector<const Claim*>> ClaimsByKey(const std::vector<Claim>& claims,
                                                     const Rules& rules, Sentences& sentences) {
  std::map<Key, std::vector<const Claim*>> by_key;
  for (const Claim& c : claims) {
    if (c.attribution().negated()) continue;
    if (const CompiledKind* k = rules.FindKind(c.kind());
        k != nullptr && k->kind->open_dimensions_size() > 0) {
      continue;
    }
    const auto& list = sentences[c.article_id()];
    int index = -1;
    for (size_t i = 0; i < list.size(); ++i) {
      if (list[i].begin <= c.span().begin() && c.span().begin() < list[i].end) index = i;
    }
    by_key[Key(c.article_id(), index, c.kind())].push_back(&c);
  }
  return by_key;
}

// What scoring found, by kind, and the misses, false hits and field errors
// in words.
struct Scores {
  std::map<std::string, Tally> tally;
  std::vector<std::string> misses, false_hits, field_errors;
};

// Counts the fields of claim `c` that have label `l`'s value in `t`,
// listing the others in `errors` (with `where`: the kind and article).
void ScoreFields(const ClaimLabel& l, const Claim& c, const std::string& kind,
                 const std::string& where, Tally* t, std::vector<std::string>* errors) {
  auto err = [&](absl::string_view field, const std::string& want, const std::string& got) {
    errors->push_back(absl::StrCat(kind, " ", field, " ", where, ": want '", want, "' got '", got,
                                   "' | ", l.sentence()));
  };
  auto check = [&](bool ok, int* count, absl::string_view field, const std::string& want,
                   const std::string& got) {
    if (ok) {
      ++*count;
    } else {
      err(field, want, got);
    }
  };
  check(SameValue(l, c), &t->value_ok, "value", absl::StrCat(l.value(), l.start(), l.actor()),
        c.display_value());
  if (c.has_quantity()) {
    ++t->bounds_n;
    Qualifier want = l.qualifier() == QUALIFIER_UNSPECIFIED ? QUALIFIER_EXACT : l.qualifier();
    check(c.quantity().qualifier() == want, &t->bounds_ok, "bounds", Qualifier_Name(want),
          Qualifier_Name(c.quantity().qualifier()));
  }
  if (ScopeMatters(kind)) {
    ++t->scope_n;
    check(Normalize(l.scope()) == Normalize(c.scope_text()), &t->scope_ok, "scope", l.scope(),
          c.scope_text());
  }
  check(SameSource(l.source(), c.attribution().source()), &t->source_ok, "source", l.source(),
        c.attribution().source());
  check(l.hedged() == c.attribution().hedged(), &t->hedge_ok, "hedged",
        l.hedged() ? "hedged" : "asserted", c.attribution().hedged() ? "hedged" : "asserted");
  Section want_section = l.section() == SECTION_UNSPECIFIED ? SECTION_BODY : l.section();
  check(c.section() == want_section, &t->section_ok, "section", Section_Name(want_section),
        Section_Name(c.section()));
  if (!l.subject().empty()) {
    ++t->subject_n;
    check(l.subject() == c.subject(), &t->subject_ok, "subject", l.subject(), c.subject());
  }
}

// Matches the claims at `key` with its labels (a claim with the labeled
// value first) and scores them.
void ScoreSentence(const Key& key, std::vector<const ClaimLabel*> open,
                   const std::vector<const ClaimLabel*>& negatives,
                   const std::vector<const Claim*>& claims, const std::string& text,
                   Scores* scores) {
  const auto& [article, index, kind] = key;
  Tally& t = scores->tally[kind];
  for (const Claim* c : claims) {
    // Prefer the label with this value.
    int pick = -1;
    for (size_t i = 0; i < open.size(); ++i) {
      if (SameValue(*open[i], *c)) {
        pick = i;
        break;
      }
    }
    if (pick < 0 && !open.empty()) pick = 0;
    if (pick < 0) {
      bool scoped_background = false;
      for (const ClaimLabel* n : negatives) {
        scoped_background |= n->not_a_claim() == NOT_A_CLAIM_BACKGROUND && !c->scope_text().empty();
      }
      if (scoped_background) continue;
      ++t.fp;
      scores->false_hits.push_back(
          absl::StrCat(kind, " ", article, ": ", Describe(*c), " | ", text));
      continue;
    }
    const ClaimLabel& l = *open[pick];
    open.erase(open.begin() + pick);
    ++t.tp;
    ScoreFields(l, *c, kind, article, &t, &scores->field_errors);
  }
  for (const ClaimLabel* l : open) {
    ++t.fn;
    scores->misses.push_back(
        absl::StrCat(kind, " ", article, ": ", l->value(), l->start(), l->actor(), " | ", text));
  }
}

// The counts of every kind together.
Tally Total(const std::map<std::string, Tally>& tally) {
  Tally all;
  for (const auto& [kind, t] : tally) {
    all.tp += t.tp;
    all.fp += t.fp;
    all.fn += t.fn;
    all.value_ok += t.value_ok;
    all.bounds_ok += t.bounds_ok;
    all.bounds_n += t.bounds_n;
    all.scope_ok += t.scope_ok;
    all.scope_n += t.scope_n;
    all.source_ok += t.source_ok;
    all.hedge_ok += t.hedge_ok;
    all.section_ok += t.section_ok;
    all.subject_ok += t.subject_ok;
    all.subject_n += t.subject_n;
  }
  return all;
}

// Prints the figures of each kind and of all, then every miss, false hit
// and field error.
void Print(const Scores& scores, const Tally& all) {
  std::printf("%-17s %4s %4s %4s %6s %6s | %6s %6s %6s %6s %6s %6s\n", "kind", "tp", "fp", "fn",
              "prec", "recall", "value", "bounds", "scope", "source", "hedge", "section");
  auto row = [](const char* name, const Tally& t) {
    std::printf("%-17s %4d %4d %4d %6.2f %6.2f | %6.2f %6.2f %6.2f %6.2f %6.2f %6.2f\n", name, t.tp,
                t.fp, t.fn, t.Precision(), t.Recall(), Ratio(t.value_ok, t.tp),
                Ratio(t.bounds_ok, t.bounds_n), Ratio(t.scope_ok, t.scope_n),
                Ratio(t.source_ok, t.tp), Ratio(t.hedge_ok, t.tp), Ratio(t.section_ok, t.tp));
  };
  for (const auto& [kind, t] : scores.tally) row(kind.c_str(), t);
  row("ALL", all);
  std::printf("subject (where labeled): %.2f of %d\n", Ratio(all.subject_ok, all.subject_n),
              all.subject_n);
  for (const auto& [title, lines] :
       {std::pair<const char*, const std::vector<std::string>*>{"misses", &scores.misses},
        {"false hits", &scores.false_hits},
        {"field errors", &scores.field_errors}}) {
    std::printf("\n%s (%zu):\n", title, lines->size());
    for (const std::string& m : *lines) std::printf("  %s\n", m.c_str());
  }
}

// Fails where a figure is below its bar.
void ExpectBars(const std::string& file, std::map<std::string, Tally>& tally, const Tally& all,
                const std::vector<Bar>& bars, const FieldBars& fields) {
  for (const Bar& b : bars) {
    const Tally& t = std::string(b.kind) == "ALL" ? all : tally[b.kind];
    EXPECT_GE(t.Precision(), b.precision) << file << ": " << b.kind << " precision";
    EXPECT_GE(t.Recall(), b.recall) << file << ": " << b.kind << " recall";
  }
  EXPECT_GE(Ratio(all.value_ok, all.tp), fields.value) << file << ": value";
  EXPECT_GE(Ratio(all.bounds_ok, all.bounds_n), fields.bounds) << file << ": bounds";
  EXPECT_GE(Ratio(all.scope_ok, all.scope_n), fields.scope) << file << ": scope";
  EXPECT_GE(Ratio(all.source_ok, all.tp), fields.source) << file << ": source";
  EXPECT_GE(Ratio(all.hedge_ok, all.tp), fields.hedge) << file << ": hedged";
  EXPECT_GE(Ratio(all.section_ok, all.tp), fields.section) << file << ": section";
}

// Scores extraction against the labels in `file` (under testdata/labeled/),
// prints the figures and fails where one is below its bar.
void Measure(const std::string& file, const std::vector<Bar>& bars, const FieldBars& fields) {
  absl::StatusOr<std::unique_ptr<Rules>> rules = Rules::LoadDirectory(RunfilePath("rules"));
  ASSERT_OK(rules);
  LabeledClaims labeled;
  ASSERT_NO_FATAL_FAILURE(LoadLabels(file, &labeled));
  std::vector<std::string> paths;
  for (const std::string& s : labeled.sources()) paths.push_back(RunfilePath(s));
  std::vector<Claim> claims;
  Sentences sentences;
  ASSERT_NO_FATAL_FAILURE(ExtractAll(**rules, paths, &claims, &sentences));
  std::map<Key, std::vector<const ClaimLabel*>> positives, negatives;
  ASSERT_NO_FATAL_FAILURE(LocateLabels(**rules, labeled, sentences, &positives, &negatives));
  std::map<Key, std::vector<const Claim*>> by_key = ClaimsByKey(claims, **rules, sentences);

  Scores scores;
  std::set<Key> keys;
  for (const auto& [k, v] : positives) keys.insert(k);
  for (const auto& [k, v] : by_key) keys.insert(k);
  for (const Key& key : keys) {
    const auto& [article, index, kind] = key;
    ScoreSentence(key, positives[key], negatives[key], by_key[key], sentences[article][index].text,
                  &scores);
  }
  const Tally all = Total(scores.tally);
  Print(scores, all);
  ExpectBars(file, scores.tally, all, bars, fields);
}

// The bars: a little below the figures measured when they were set (see
// README.md, "Extraction quality"); raise them when extraction improves.
// Kinds with fewer than five labels (aid_money, staff_count) have no bar of
// their own: one claim would move them by a fifth or more; ALL holds them.
TEST(LabeledClaimsTest, PrecisionAndRecallHold) {
  Measure("claims.textproto",
          {{"ALL", 0.97, 0.95},
           {"age", 0.97, 0.95},
           {"deadline", 0.95, 0.95},
           {"death_toll", 0.97, 0.95},
           {"injured_count", 0.95, 0.92},
           {"role_holder", 0.95, 0.80},
           {"withdrawal_order", 0.95, 0.85}},
          {/*value=*/0.97, /*bounds=*/0.97, /*scope=*/0.88, /*source=*/0.78, /*hedge=*/0.97,
           /*section=*/0.93});
}

// Topic 19 was labeled after the rules were tuned on claims.textproto.
TEST(LabeledClaimsTest, HeldOutTopicHolds) {
  Measure("heldout.textproto",
          {{"ALL", 0.95, 0.78}, {"age", 0.95, 0.75}, {"injured_count", 0.95, 0.95}},
          {/*value=*/0.97, /*bounds=*/0.9, /*scope=*/0.8, /*source=*/0.7, /*hedge=*/0.97,
           /*section=*/0.95});
}

}  // namespace
}  // namespace crosscheck
