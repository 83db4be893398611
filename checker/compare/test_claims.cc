#include "checker/compare/test_claims.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "checker/internal/shipped_rules.h"
#include "checker/rules/rule_set.h"
#include "gtest/gtest.h"

namespace crosscheck::testing {

Claim BaseClaim(const std::string& kind, const std::string& subject, const std::string& article_id,
                const std::string& outlet, const std::string& published,
                const std::string& matched_text) {
  Claim c;
  c.set_kind(kind);
  c.set_subject(subject);
  c.set_article_id(article_id);
  c.set_outlet(outlet);
  c.set_published(published);
  c.set_matched_text(matched_text);
  c.set_quote(absl::StrCat("The sentence says ", matched_text, "."));
  c.set_section(SECTION_BODY);
  c.mutable_span()->set_begin(100);
  c.mutable_span()->set_end(100 + static_cast<int>(matched_text.size()));
  return c;
}

void SetScope(Claim* c, const std::string& text, const std::string& start, const std::string& end,
              Granularity g) {
  c->set_scope_text(text);
  c->mutable_scope()->set_start(start);
  c->mutable_scope()->set_end(end);
  c->mutable_scope()->set_granularity(g);
}

Claim Toll(const std::string& article_id, const std::string& outlet, const std::string& published,
           Qualifier qualifier, double value) {
  std::string display;
  Quantity q;
  q.set_value(value);
  q.set_qualifier(qualifier);
  switch (qualifier) {
    case QUALIFIER_AT_LEAST:
      q.set_lower(value);
      q.set_unbounded(true);
      display = absl::StrCat("at least ", value);
      break;
    case QUALIFIER_ABOUT:
      q.set_lower(value * 0.9);
      q.set_upper(value * 1.1);
      display = absl::StrCat("about ", value);
      break;
    default:
      q.set_lower(value);
      q.set_upper(value);
      display = absl::StrCat(value);
      break;
  }
  Claim c = BaseClaim("death_toll", "deaths", article_id, outlet, published,
                      absl::StrCat(display, " people were killed"));
  *c.mutable_quantity() = q;
  c.set_display_value(display);
  return c;
}

Claim Deadline(const std::string& article_id, const std::string& outlet,
               const std::string& published, const std::string& start, const std::string& end,
               Granularity g, const std::string& display) {
  Claim c = BaseClaim("deadline", "departure deadline", article_id, outlet, published,
                      absl::StrCat("leave by ", display));
  c.mutable_time()->set_start(start);
  c.mutable_time()->set_end(end);
  c.mutable_time()->set_granularity(g);
  c.set_display_value(display);
  return c;
}

Claim Order(const std::string& article_id, const std::string& outlet, const std::string& published,
            const std::string& actor_id, const std::string& actor_name,
            std::vector<std::string> ancestors, const std::string& source) {
  Claim c = BaseClaim("withdrawal_order", "US diplomatic staff", article_id, outlet, published,
                      absl::StrCat(actor_name, " ordered the diplomats out"));
  Actor* a = c.mutable_actor();
  a->set_id(actor_id);
  a->set_name(actor_name);
  for (const std::string& id : ancestors) a->add_ancestors(id);
  c.set_display_value(actor_name);
  c.mutable_attribution()->set_source(source);
  c.mutable_attribution()->set_named(!source.empty());
  return c;
}

Claim StateDepartment(const std::string& article_id, const std::string& outlet,
                      const std::string& published, const std::string& source) {
  return Order(article_id, outlet, published, "us_state_department", "the US State Department",
               {"us_government", "us"}, source);
}

Claim UsGovernment(const std::string& article_id, const std::string& outlet,
                   const std::string& published, const std::string& source) {
  return Order(article_id, outlet, published, "us_government", "the US government", {"us"}, source);
}

Claim VenezuelaGovernment(const std::string& article_id, const std::string& outlet,
                          const std::string& published, const std::string& source) {
  return Order(article_id, outlet, published, "venezuela_government", "Venezuela's government",
               {"venezuela"}, source);
}

int CountVerdict(const std::vector<Finding>& findings, Verdict v) {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(),
                                        [v](const Finding& f) { return f.verdict() == v; }));
}

bool HasConflict(const std::vector<Finding>& findings) {
  return CountVerdict(findings, CONTRADICTION) + CountVerdict(findings, DISCREPANCY) +
             CountVerdict(findings, DISPUTED) >
         0;
}

std::string Dump(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    absl::StrAppend(&out, Verdict_Name(f.verdict()), " ", f.kind(), "/", f.subject(), ": ",
                    f.explanation(), "\n");
  }
  return out;
}

Claim Aid(const std::string& article_id, const std::string& outlet, const std::string& published,
          const std::string& unit, double value) {
  Claim c = BaseClaim("aid_money", "US aid", article_id, outlet, published,
                      absl::StrCat(unit, " ", value, " in humanitarian aid"));
  Quantity* q = c.mutable_quantity();
  q->set_value(value);
  q->set_lower(value);
  q->set_upper(value);
  q->set_qualifier(QUALIFIER_EXACT);
  q->set_unit(unit);
  c.set_display_value(absl::StrCat(unit, " ", value));
  return c;
}

void SetPlace(Claim* c, const std::string& name, std::vector<std::string> within) {
  Place* place = c->mutable_place();
  place->set_name(name);
  place->set_key(absl::AsciiStrToLower(name));
  for (std::string& w : within) place->add_within(std::move(w));
}

const ClaimKind& KindOf(const std::string& kind) {
  const CompiledKind* k = ShippedRules().FindKind(kind);
  if (k == nullptr) {
    ADD_FAILURE() << "no shipped kind " << kind;
    return ClaimKind::default_instance();
  }
  return *k->kind;
}

const Comparison& ComparisonOf(const std::string& kind) { return KindOf(kind).comparison(); }

std::vector<const GroupClaim*> Pointers(const ClaimGroup& group) {
  std::vector<const GroupClaim*> out;
  for (const GroupClaim& c : group.claims()) out.push_back(&c);
  return out;
}

std::string RelationName(Relation r) {
  switch (r) {
    case Relation::kEqual: return "kEqual";
    case Relation::kCompatible: return "kCompatible";
    case Relation::kSoftConflict: return "kSoftConflict";
    case Relation::kHardConflict: return "kHardConflict";
  }
  return "?";
}

}  // namespace crosscheck::testing
