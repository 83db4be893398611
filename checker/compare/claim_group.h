// The claims of a (kind, subject) group, held as the comparison and the
// reliability scorer read them, in less memory than the claims themselves.
//
// A parsed protobuf Claim costs about a kilobyte: each string and
// sub-message is an allocation of its own. The largest group of a 1 GB
// corpus holds 400,000 death tolls. What many claims have in common is held
// once here:
//   - the "shape" of a claim (kind, subject, value, display value,
//     attribution, place, section): one Claim per distinct shape;
//   - the time span it is scoped to, with its words: once per span;
//   - the article's id, outlet and publication date: once per article;
//   - the participants: once per list (an article's claims share it);
// and each claim adds its own span, matched words and index (about 64
// bytes). A claim is given back whole (`GroupClaim::Whole`) only for the
// findings that show it.
//
// Example:
//   ClaimGroup group;
//   for (const Claim& c : claims_of_one_group) group.Add(c);
//   for (const GroupClaim& c : group.claims()) ... c.article_id(), c.shape() ...
//
// Or, for claims a caller already holds (nothing is copied; they must
// outlive the group):
//   ClaimGroup group = ClaimGroup::Of(claims);
#ifndef CROSSCHECK_CHECKER_COMPARE_CLAIM_GROUP_H_
#define CROSSCHECK_CHECKER_COMPARE_CLAIM_GROUP_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "google/protobuf/repeated_field.h"
#include "proto/claim.pb.h"

namespace crosscheck {

// The article fields of a claim (one per article of a group).
struct GroupArticle {
  std::string id;
  const std::string* outlet = nullptr;          // interned
  const std::string* published = nullptr;       // interned
  const std::string* published_time = nullptr;  // interned
};

// One claim of a ClaimGroup. Its accessors are named as Claim's, so that
// code reads either alike; the value, time span, attribution, place and
// section are those of its shape. Valid while its group lives; only a
// ClaimGroup makes them.
class GroupClaim {
 public:
  // What the claim shares with others: everything but its article, span,
  // matched words, participants and time span (all empty in a shared
  // shape: use the accessors below).
  const Claim& shape() const { return *shape_; }

  const std::string& kind() const { return shape_->kind(); }
  const std::string& subject() const { return shape_->subject(); }
  bool has_quantity() const { return shape_->has_quantity(); }
  const Quantity& quantity() const { return shape_->quantity(); }
  bool has_time() const { return shape_->has_time(); }
  const TimeInterval& time() const { return shape_->time(); }
  bool has_actor() const { return shape_->has_actor(); }
  const Actor& actor() const { return shape_->actor(); }
  const TimeInterval& scope() const {
    return scope_ != nullptr ? *scope_ : TimeInterval::default_instance();
  }
  const std::string& scope_text() const { return *scope_text_; }
  const Attribution& attribution() const { return shape_->attribution(); }
  Section section() const { return shape_->section(); }
  const std::string& display_value() const { return shape_->display_value(); }
  const Place& place() const { return shape_->place(); }
  bool earlier_figure() const { return shape_->earlier_figure(); }

  const std::string& article_id() const { return article_->id; }
  const std::string& outlet() const { return *article_->outlet; }
  const std::string& published() const { return *article_->published; }
  const std::string& published_time() const { return *article_->published_time; }
  const google::protobuf::RepeatedPtrField<std::string>& participants() const {
    return *participants_;
  }
  absl::string_view matched_text() const { return matched_text_; }
  int32_t span_begin() const { return span_begin_; }
  // The claim's position in its group (the order it was added in).
  uint32_t index() const { return index_; }

  // The claim whole, as it was added. A claim added by ClaimGroup::Add
  // comes back with its index in sentence_span.begin (its sentence span is
  // not kept), for the caller to give the claim its shown parts back.
  Claim Whole() const;

  GroupClaim(const GroupClaim&) = default;
  GroupClaim& operator=(const GroupClaim&) = default;

 private:
  friend class ClaimGroup;
  GroupClaim() = default;

  const Claim* shape_ = nullptr;
  const TimeInterval* scope_ = nullptr;  // null: none
  const std::string* scope_text_ = nullptr;
  const GroupArticle* article_ = nullptr;
  const google::protobuf::RepeatedPtrField<std::string>* participants_ = nullptr;
  absl::string_view matched_text_;
  int32_t span_begin_ = 0;
  int32_t span_end_ = 0;
  uint32_t index_ = 0;
  bool whole_ = false;  // shape_ is the claim itself
  bool has_span_ = false;
};

// The claims of one group (or of several: nothing here needs them to share
// a kind and subject). Not copyable; movable (the claims stay valid; a
// group moved from may only be assigned to or destroyed).
class ClaimGroup {
 public:
  ClaimGroup();
  ~ClaimGroup();
  ClaimGroup(ClaimGroup&&) noexcept;
  ClaimGroup& operator=(ClaimGroup&&) noexcept;

  // `claims` as they are: each claim is its own shape and comes back whole
  // as it is. They must outlive the group and not change.
  static ClaimGroup Of(const std::vector<Claim>& claims);

  // Adds a copy of what the comparison reads of `claim` (its quote, pattern
  // id and sentence span are not kept). Claims of one article added one
  // after another share its record.
  void Add(const Claim& claim);
  // Room for `n` claims (growing by doubling would briefly hold 1.5 times).
  void Reserve(size_t n) { claims_.reserve(n); }

  const std::vector<GroupClaim>& claims() const { return claims_; }
  bool empty() const { return claims_.empty(); }
  size_t size() const { return claims_.size(); }
  // Distinct shapes held (for tests and measurements).
  size_t shapes() const;

 private:
  struct Store;
  std::vector<GroupClaim> claims_;
  std::unique_ptr<Store> store_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_COMPARE_CLAIM_GROUP_H_
