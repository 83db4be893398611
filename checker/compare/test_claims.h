// Claims and checks the comparison stage's tests share: claims of the
// shipped kinds (death tolls, deadlines, withdrawal orders, aid amounts) with
// the provenance every claim needs, and words for relations and findings so
// that failures print something readable. Test-only.
//
// Example:
//   Claim a = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12);
//   SetScope(&a, "Wednesday", "2019-01-23", "2019-01-23", GRANULARITY_DAY);
//   EXPECT_EQ(RelationName(Relate(a, b, ComparisonOf("death_toll"), nullptr)),
//             RelationName(Relation::kHardConflict));
//   EXPECT_EQ(CountVerdict(findings, CONTRADICTION), 1) << Dump(findings);
#ifndef CROSSCHECK_CHECKER_COMPARE_TEST_CLAIMS_H_
#define CROSSCHECK_CHECKER_COMPARE_TEST_CLAIMS_H_

#include <string>
#include <vector>

#include "checker/compare/claim_group.h"
#include "checker/compare/relate.h"
#include "proto/claim.pb.h"
#include "proto/finding.pb.h"
#include "proto/rules.pb.h"

namespace crosscheck::testing {

// A claim's provenance: kind, subject, article, outlet, publication date and
// matched text (in a body sentence, at byte 100).
Claim BaseClaim(const std::string& kind, const std::string& subject, const std::string& article_id,
                const std::string& outlet, const std::string& published,
                const std::string& matched_text);

// Sets the time span `c` is scoped to, with its words.
void SetScope(Claim* c, const std::string& text, const std::string& start, const std::string& end,
              Granularity g);

// A death toll claim ("deaths"). `qualifier` decides the bounds as
// extraction would.
Claim Toll(const std::string& article_id, const std::string& outlet, const std::string& published,
           Qualifier qualifier, double value);

// A departure deadline claim for the days [start, end].
Claim Deadline(const std::string& article_id, const std::string& outlet,
               const std::string& published, const std::string& start, const std::string& end,
               Granularity g, const std::string& display);

// A withdrawal order claim naming the actor who gave the order (with the
// actors it speaks for), as `source` says (empty: the outlet's own voice).
Claim Order(const std::string& article_id, const std::string& outlet, const std::string& published,
            const std::string& actor_id, const std::string& actor_name,
            std::vector<std::string> ancestors, const std::string& source);
// Orders of the US State Department, the US government and Venezuela's.
Claim StateDepartment(const std::string& article_id, const std::string& outlet,
                      const std::string& published, const std::string& source);
Claim UsGovernment(const std::string& article_id, const std::string& outlet,
                   const std::string& published, const std::string& source);
Claim VenezuelaGovernment(const std::string& article_id, const std::string& outlet,
                          const std::string& published, const std::string& source);

// An amount of aid, as extraction gives it for "$20 million" or "€20m".
Claim Aid(const std::string& article_id, const std::string& outlet, const std::string& published,
          const std::string& unit, double value);

// Sets `c`'s place: `name`, keyed by its lower case, lying in `within`.
void SetPlace(Claim* c, const std::string& name, std::vector<std::string> within);

// A shipped kind, and its comparison.
const ClaimKind& KindOf(const std::string& kind);
const Comparison& ComparisonOf(const std::string& kind);

// The claims of `group`, by address, in its order.
std::vector<const GroupClaim*> Pointers(const ClaimGroup& group);

// "kEqual", "kCompatible", ...
std::string RelationName(Relation r);

// How many of `findings` have verdict `v`.
int CountVerdict(const std::vector<Finding>& findings, Verdict v);

// Whether any finding is a conflict (CONTRADICTION, DISCREPANCY, DISPUTED).
bool HasConflict(const std::vector<Finding>& findings);

// The findings in words, one a line: "CONTRADICTION death_toll/deaths: ...".
std::string Dump(const std::vector<Finding>& findings);

}  // namespace crosscheck::testing

#endif  // CROSSCHECK_CHECKER_COMPARE_TEST_CLAIMS_H_
