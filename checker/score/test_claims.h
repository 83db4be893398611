// Claims for the score package's tests: exact amounts of aid, as the
// extractor would give them (a kind whose conflicting values are rivals,
// unlike a developing count such as a death toll, whose reports of one day
// differ by timing).
//
// Example:
//   std::vector<Claim> claims = {Amount("a", "A", 12), Amount("x", "Loner", 20)};
#ifndef CROSSCHECK_CHECKER_SCORE_TEST_CLAIMS_H_
#define CROSSCHECK_CHECKER_SCORE_TEST_CLAIMS_H_

#include <string>

#include "proto/claim.pb.h"

namespace crosscheck::testing {

// An aid amount claim of `value` by `outlet` in article `id`, published on
// `published`; its words and displayed value are the number.
inline Claim Amount(const std::string& id, const std::string& outlet, double value,
                    const std::string& published = "2019-01-24") {
  Claim c;
  c.set_kind("aid_money");
  c.set_subject("aid");
  c.set_article_id(id);
  c.set_outlet(outlet);
  c.set_published(published);
  c.mutable_span()->set_begin(static_cast<int>(value));
  Quantity* q = c.mutable_quantity();
  q->set_value(value);
  q->set_lower(value);
  q->set_upper(value);
  q->set_qualifier(QUALIFIER_EXACT);
  c.set_display_value(std::to_string(static_cast<int>(value)));
  c.set_quote("quote");
  c.set_matched_text(c.display_value());
  return c;
}

}  // namespace crosscheck::testing

#endif  // CROSSCHECK_CHECKER_SCORE_TEST_CLAIMS_H_
