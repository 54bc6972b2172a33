#include "write/article_writer.hpp"

#include <optional>
#include <utility>
#include <vector>

#include "nsearch/schema.hpp"

namespace nsearch {

namespace {

bool has_term(const Xapian::Document& doc, const std::string& term) {
  Xapian::TermIterator it = doc.termlist_begin();
  it.skip_to(term);
  return it != doc.termlist_end() && *it == term;
}

// The source-file terms of `doc`.
std::vector<std::string> file_terms(const Xapian::Document& doc) {
  std::vector<std::string> terms;
  const std::string prefix(schema::kSourceFilePrefix);
  Xapian::TermIterator it = doc.termlist_begin();
  for (it.skip_to(prefix); it != doc.termlist_end() && (*it).starts_with(prefix); ++it)
    terms.push_back(*it);
  return terms;
}

std::optional<Xapian::docid> first_with(const Xapian::Database& db, const std::string& term) {
  // term_exists() reads Xapian's buffered changes; opening a postlist for a term that has
  // buffered postings makes Xapian flush them to disk, so look first.
  if (term.empty() || !db.term_exists(term)) return std::nullopt;
  const Xapian::PostingIterator it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return std::nullopt;
  return *it;
}

}  // namespace

ArticleWriter::Outcome ArticleWriter::write(PreparedArticle& p, const std::string& file_term) {
  const std::string id_term = schema::id_term(p.article.id);
  if (const auto existing = first_with(db_, id_term)) {
    const Xapian::Document old = db_.get_document(*existing);
    // Compare digests of the stored data: an unchanged article costs no term generation.
    if (old.get_value(schema::kContentHashSlot) == p.digest) {
      tag(*existing, old, file_term);
      seen(file_term, *existing);
      return Outcome::unchanged;
    }
    finish_(p);
    for (const std::string& term : file_terms(old))
      p.doc->add_boolean_term(term);
    if (!file_term.empty()) p.doc->add_boolean_term(file_term);
    if (!p.copy_term.empty()) p.doc->add_boolean_term(p.copy_term);
    db_.replace_document(*existing, *p.doc);
    seen(file_term, *existing);
    return Outcome::replaced;
  }
  if (const auto copy = first_with(db_, p.copy_term)) {
    tag(*copy, db_.get_document(*copy), file_term);
    seen(file_term, *copy);
    return Outcome::duplicate;
  }
  finish_(p);
  if (!file_term.empty()) p.doc->add_boolean_term(file_term);
  if (!p.copy_term.empty()) p.doc->add_boolean_term(p.copy_term);
  seen(file_term, database_.add(p.article.id, *p.doc));
  return Outcome::added;
}

void ArticleWriter::tag(Xapian::docid did, Xapian::Document doc, const std::string& file_term) {
  if (file_term.empty() || has_term(doc, file_term)) return;
  doc.add_boolean_term(file_term);
  db_.replace_document(did, doc);
  ++changes_;
}

void ArticleWriter::seen(const std::string& file_term, Xapian::docid did) {
  // Only a file that held documents before can leave stale ones for end_file() to remove:
  // the documents of a new file are not kept (a large file would hold them all in memory).
  const auto it = seen_.find(file_term);
  if (it != seen_.end() && it->second.had_documents) it->second.documents.insert(did);
}

void ArticleWriter::begin_file(const std::string& file_term) {
  seen_[file_term] = Seen{{}, db_.term_exists(file_term)};
}

std::size_t ArticleWriter::end_file(const std::string& file_term) {
  const auto node = seen_.extract(file_term);
  // A file new to the database has nothing stale to take away (and walking its postings
  // would flush the batch).
  if (node.empty() || !node.mapped().had_documents) return 0;
  return untag(file_term, node.mapped().documents);
}

void ArticleWriter::abandon_file(const std::string& file_term) {
  seen_.erase(file_term);
}

std::size_t ArticleWriter::drop_file(const std::string& file_term) {
  seen_.erase(file_term);
  return untag(file_term, {});
}

std::size_t ArticleWriter::untag(const std::string& file_term,
                                 const std::unordered_set<Xapian::docid>& keep) {
  std::vector<Xapian::docid> stale;
  for (auto it = db_.postlist_begin(file_term); it != db_.postlist_end(file_term); ++it) {
    if (!keep.contains(*it)) stale.push_back(*it);
  }
  std::size_t removed = 0;
  for (const Xapian::docid did : stale) {
    Xapian::Document doc = db_.get_document(did);
    doc.remove_term(file_term);
    if (file_terms(doc).empty()) {
      db_.delete_document(did);
      ++removed;
    } else {
      db_.replace_document(did, doc);
    }
    ++changes_;
  }
  return removed;
}

}  // namespace nsearch
