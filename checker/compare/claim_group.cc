#include "checker/compare/claim_group.h"

#include <algorithm>
#include <deque>
#include <memory>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/hash/hash.h"

namespace crosscheck {

struct ClaimGroup::Store {
  std::deque<Claim> shapes;
  // The time spans claims are scoped to, by their bytes.
  absl::flat_hash_map<std::string, std::unique_ptr<TimeInterval>> scopes;
  // Hash of a shape's bytes -> its index in `shapes` (a shape whose hash
  // is taken by another shape is held apart, unshared).
  absl::flat_hash_map<size_t, uint32_t> shape_index;
  std::deque<GroupArticle> articles;
  std::unordered_set<std::string> strings;  // outlets, dates, scope words
  std::deque<google::protobuf::RepeatedPtrField<std::string>> participant_lists;
  const google::protobuf::RepeatedPtrField<std::string> no_participants;
  // The claims' matched words, in blocks that never move.
  std::deque<std::string> text_blocks;
  Claim scratch;       // the shape being added
  std::string bytes;   // its serialization
  std::string stored;  // a held shape's, to tell a hash collision

  const std::string* Intern(const std::string& s) { return &*strings.insert(s).first; }

  // The article record of a claim: the last one when the claim is of the
  // same article, else a new one.
  const GroupArticle* ArticleOf(const Claim& c) {
    if (!articles.empty()) {
      const GroupArticle& last = articles.back();
      if (last.id == c.article_id() && *last.outlet == c.outlet() &&
          *last.published == c.published() && *last.published_time == c.published_time()) {
        return &last;
      }
    }
    GroupArticle& a = articles.emplace_back();
    a.id = c.article_id();
    a.outlet = Intern(c.outlet());
    a.published = Intern(c.published());
    a.published_time = Intern(c.published_time());
    return &a;
  }

  absl::string_view Keep(absl::string_view text) {
    constexpr size_t kBlock = size_t{1} << 20;
    if (text.empty()) return {};
    if (text_blocks.empty() ||
        text_blocks.back().capacity() - text_blocks.back().size() < text.size()) {
      text_blocks.emplace_back().reserve(std::max(kBlock, text.size()));
    }
    std::string& block = text_blocks.back();
    const size_t at = block.size();
    block.append(text.data(), text.size());  // within capacity: never moves
    return absl::string_view(block).substr(at, text.size());
  }
};

Claim GroupClaim::Whole() const {
  if (whole_) return *shape_;
  Claim c = *shape_;
  c.set_article_id(article_->id);
  c.set_outlet(*article_->outlet);
  c.set_published(*article_->published);
  c.set_published_time(*article_->published_time);
  *c.mutable_participants() = *participants_;
  if (has_span_) {
    c.mutable_span()->set_begin(span_begin_);
    c.mutable_span()->set_end(span_end_);
  }
  c.set_matched_text(std::string(matched_text_));
  if (scope_ != nullptr) *c.mutable_scope() = *scope_;
  c.set_scope_text(*scope_text_);
  c.mutable_sentence_span()->set_begin(static_cast<int32_t>(index_));
  return c;
}

ClaimGroup::ClaimGroup() : store_(std::make_unique<Store>()) {}
ClaimGroup::~ClaimGroup() = default;
ClaimGroup::ClaimGroup(ClaimGroup&&) noexcept = default;
ClaimGroup& ClaimGroup::operator=(ClaimGroup&&) noexcept = default;

ClaimGroup ClaimGroup::Of(const std::vector<Claim>& claims) {
  ClaimGroup group;
  group.claims_.reserve(claims.size());
  for (const Claim& c : claims) {
    GroupClaim& g = group.claims_.emplace_back(GroupClaim());
    g.shape_ = &c;
    g.scope_ = c.has_scope() ? &c.scope() : nullptr;
    g.scope_text_ = &c.scope_text();
    g.article_ = group.store_->ArticleOf(c);
    g.participants_ = &c.participants();
    g.matched_text_ = c.matched_text();
    g.span_begin_ = c.span().begin();
    g.span_end_ = c.span().end();
    g.has_span_ = c.has_span();
    g.index_ = static_cast<uint32_t>(group.claims_.size() - 1);
    g.whole_ = true;
  }
  return group;
}

void ClaimGroup::Add(const Claim& claim) {
  Store& st = *store_;
  GroupClaim& g = claims_.emplace_back(GroupClaim());
  g.index_ = static_cast<uint32_t>(claims_.size() - 1);
  g.article_ = st.ArticleOf(claim);
  g.matched_text_ = st.Keep(claim.matched_text());
  g.span_begin_ = claim.span().begin();
  g.span_end_ = claim.span().end();
  g.has_span_ = claim.has_span();
  if (claim.participants().empty()) {
    g.participants_ = &st.no_participants;
  } else {
    const bool same_as_last = !st.participant_lists.empty() &&
                              st.participant_lists.back().size() == claim.participants().size() &&
                              std::equal(claim.participants().begin(), claim.participants().end(),
                                         st.participant_lists.back().begin());
    if (!same_as_last) st.participant_lists.push_back(claim.participants());
    g.participants_ = &st.participant_lists.back();
  }
  g.scope_text_ = st.Intern(claim.scope_text());
  if (claim.has_scope()) {
    st.bytes.clear();
    claim.scope().SerializeToString(&st.bytes);
    std::unique_ptr<TimeInterval>& scope = st.scopes[st.bytes];
    if (scope == nullptr) scope = std::make_unique<TimeInterval>(claim.scope());
    g.scope_ = scope.get();
  }
  // The shape: the claim without what is its own.
  Claim& shape = st.scratch;
  shape = claim;
  shape.clear_scope();
  shape.clear_scope_text();
  shape.clear_article_id();
  shape.clear_outlet();
  shape.clear_published();
  shape.clear_published_time();
  shape.clear_participants();
  shape.clear_span();
  shape.clear_matched_text();
  shape.clear_quote();
  shape.clear_pattern_id();
  shape.clear_sentence_span();
  st.bytes.clear();
  shape.SerializeToString(&st.bytes);
  const size_t hash = absl::Hash<std::string>{}(st.bytes);
  auto [it, added] = st.shape_index.try_emplace(hash, static_cast<uint32_t>(st.shapes.size()));
  if (!added) {
    const Claim& held = st.shapes[it->second];
    st.stored.clear();
    held.SerializeToString(&st.stored);
    if (st.stored == st.bytes) {
      g.shape_ = &held;
      return;
    }
  }
  st.shapes.push_back(std::move(shape));
  g.shape_ = &st.shapes.back();
}

size_t ClaimGroup::shapes() const { return store_->shapes.size(); }

}  // namespace crosscheck
