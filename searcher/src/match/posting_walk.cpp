#include "match/posting_walk.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace nsearch {
namespace {

using Cursor = PostingWalk::Cursor;
using CursorPtr = std::unique_ptr<Cursor>;
constexpr Xapian::docid kEnd = PostingWalk::kEnd;

// One term's posting list; the empty term's is every document (MatchAll).
class TermCursor final : public Cursor {
 public:
  TermCursor(const Xapian::Database& db, const std::string& term)
      : it_(db.postlist_begin(term)),
        end_(db.postlist_end(term)),
        frequency_(term.empty() ? db.get_doccount() : db.get_termfreq(term)) {
    settle();
  }
  Xapian::docid next() override {
    if (at_ == kEnd) return kEnd;
    ++it_;
    return settle();
  }
  Xapian::docid skip_to(Xapian::docid did) override {
    if (did <= at_) return at_;
    it_.skip_to(did);
    return settle();
  }
  Xapian::doccount upper_bound() const override { return frequency_; }

 private:
  Xapian::docid settle() { return at_ = it_ == end_ ? kEnd : *it_; }

  Xapian::PostingIterator it_;
  Xapian::PostingIterator end_;
  Xapian::doccount frequency_;
};

class NothingCursor final : public Cursor {
 public:
  Xapian::docid next() override { return kEnd; }
  Xapian::docid skip_to(Xapian::docid /*did*/) override { return kEnd; }
  Xapian::doccount upper_bound() const override { return 0; }
};

// Documents every branch matches: the rarest branch proposes, the others skip to it
// (leapfrogging), and any that lands further proposes again.
class AndCursor final : public Cursor {
 public:
  explicit AndCursor(std::vector<CursorPtr> branches) : branches_(std::move(branches)) {
    std::sort(branches_.begin(), branches_.end(), [](const CursorPtr& a, const CursorPtr& b) {
      return a->upper_bound() < b->upper_bound();
    });
    align(branches_.front()->at());
  }
  Xapian::docid next() override { return align(branches_.front()->next()); }
  Xapian::docid skip_to(Xapian::docid did) override {
    if (did <= at_) return at_;
    return align(branches_.front()->skip_to(did));
  }
  Xapian::doccount upper_bound() const override { return branches_.front()->upper_bound(); }

 private:
  Xapian::docid align(Xapian::docid candidate) {
    for (;;) {
      if (candidate == kEnd) return at_ = kEnd;
      bool agreed = true;
      for (const CursorPtr& branch : branches_) {
        const Xapian::docid landed = branch->skip_to(candidate);
        if (landed != candidate) {
          candidate = landed;
          agreed = false;
          break;
        }
      }
      if (agreed) return at_ = candidate;
    }
  }

  std::vector<CursorPtr> branches_;
};

// Documents any branch matches: the branches in a heap by their current document, least on
// top, so that a wide OR (a query may have hundreds of words) costs a logarithm a posting.
class OrCursor final : public Cursor {
 public:
  explicit OrCursor(std::vector<CursorPtr> branches) : branches_(std::move(branches)) {
    for (const CursorPtr& branch : branches_)
      heap_.push_back(branch.get());
    std::make_heap(heap_.begin(), heap_.end(), later);
    at_ = heap_.front()->at();
  }
  Xapian::docid next() override {
    const Xapian::docid current = at_;
    while (heap_.front()->at() == current) {
      std::pop_heap(heap_.begin(), heap_.end(), later);
      heap_.back()->next();
      std::push_heap(heap_.begin(), heap_.end(), later);
    }
    return at_ = heap_.front()->at();
  }
  Xapian::docid skip_to(Xapian::docid did) override {
    if (did <= at_) return at_;
    while (heap_.front()->at() < did) {
      std::pop_heap(heap_.begin(), heap_.end(), later);
      heap_.back()->skip_to(did);
      std::push_heap(heap_.begin(), heap_.end(), later);
    }
    return at_ = heap_.front()->at();
  }
  Xapian::doccount upper_bound() const override {
    Xapian::doccount sum = 0;
    for (const CursorPtr& branch : branches_) {
      const Xapian::doccount bound = branch->upper_bound();
      sum = bound > std::numeric_limits<Xapian::doccount>::max() - sum
                ? std::numeric_limits<Xapian::doccount>::max()
                : sum + bound;
    }
    return sum;
  }

 private:
  // The heap's order: a branch further on sinks.
  static bool later(const Cursor* a, const Cursor* b) { return a->at() > b->at(); }

  std::vector<CursorPtr> branches_;
  std::vector<Cursor*> heap_;
};

// Documents the left branch matches and the right one does not.
class AndNotCursor final : public Cursor {
 public:
  AndNotCursor(CursorPtr left, CursorPtr right) : left_(std::move(left)), right_(std::move(right)) {
    settle();
  }
  Xapian::docid next() override {
    left_->next();
    return settle();
  }
  Xapian::docid skip_to(Xapian::docid did) override {
    if (did <= at_) return at_;
    left_->skip_to(did);
    return settle();
  }
  Xapian::doccount upper_bound() const override { return left_->upper_bound(); }

 private:
  Xapian::docid settle() {
    while (left_->at() != kEnd && right_->skip_to(left_->at()) == left_->at())
      left_->next();
    return at_ = left_->at();
  }

  CursorPtr left_;
  CursorPtr right_;
};

CursorPtr build(const Xapian::Database& db, const Xapian::Query& query);

// The cursors of subqueries [first, size), or an empty vector if one is not handled.
std::vector<CursorPtr> build_branches(const Xapian::Database& db, const Xapian::Query& query,
                                      std::size_t first = 0) {
  std::vector<CursorPtr> branches;
  for (std::size_t i = first; i < query.get_num_subqueries(); ++i) {
    CursorPtr branch = build(db, query.get_subquery(i));
    if (!branch) return {};
    branches.push_back(std::move(branch));
  }
  return branches;
}

// A `Combined` cursor over subqueries [first, size), or the only one itself; nullptr if one is
// not handled.
template <class Combined>
CursorPtr combined(const Xapian::Database& db, const Xapian::Query& query, std::size_t first = 0) {
  std::vector<CursorPtr> branches = build_branches(db, query, first);
  if (branches.empty()) return nullptr;
  if (branches.size() == 1) return std::move(branches.front());
  return std::make_unique<Combined>(std::move(branches));
}

CursorPtr build(const Xapian::Database& db, const Xapian::Query& query) {
  using Q = Xapian::Query;
  switch (query.get_type()) {
    case Q::LEAF_TERM:
      return std::make_unique<TermCursor>(db, *query.get_terms_begin());
    case Q::LEAF_MATCH_ALL:
      return std::make_unique<TermCursor>(db, std::string());
    case Q::LEAF_MATCH_NOTHING:
      return std::make_unique<NothingCursor>();
    case Q::OP_AND_MAYBE:
    case Q::OP_SCALE_WEIGHT:
      // Only the first branch decides what matches.
      return query.get_num_subqueries() > 0 ? build(db, query.get_subquery(0)) : nullptr;
    case Q::OP_AND:
    case Q::OP_FILTER:
      return combined<AndCursor>(db, query);
    case Q::OP_OR:
    case Q::OP_SYNONYM:
    case Q::OP_MAX:
      return combined<OrCursor>(db, query);
    case Q::OP_AND_NOT: {
      // The first branch without any of the others.
      if (query.get_num_subqueries() < 2) return nullptr;
      CursorPtr left = build(db, query.get_subquery(0));
      CursorPtr right = combined<OrCursor>(db, query, 1);
      if (!left || !right) return nullptr;
      return std::make_unique<AndNotCursor>(std::move(left), std::move(right));
    }
    default:
      return nullptr;
  }
}

}  // namespace

std::unique_ptr<PostingWalk> PostingWalk::make(const Xapian::Database& db,
                                               const Xapian::Query& query) {
  CursorPtr root = build(db, query);
  if (!root) return nullptr;
  return std::make_unique<PostingWalk>(std::move(root));
}

}  // namespace nsearch
