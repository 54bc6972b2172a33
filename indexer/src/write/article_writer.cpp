#include "write/article_writer.hpp"

#include <optional>
#include <utility>
#include <vector>

#include "nsearch/schema.hpp"
#include "write/impact_tier_builder.hpp"

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

}  // namespace

ArticleWriter::Outcome ArticleWriter::write(PreparedArticle& p, const std::string& file_term) {
  const std::string id_term = schema::id_term(p.article.id);
  if (const auto existing = database_.first_with(id_term)) {
    const Xapian::Document old = database_.view().get_document(*existing);
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
    account_(p);
    // Its weighted terms change under the same docid: the impact tiers no longer bound it.
    if (!database_.sharded()) invalidate_impact_tiers(database_.all());
    database_.all().replace_document(*existing, *p.doc);
    seen(file_term, *existing);
    return Outcome::replaced;
  }
  if (const auto copy = database_.first_with(p.copy_term)) {
    tag(*copy, database_.view().get_document(*copy), file_term);
    seen(file_term, *copy);
    return Outcome::duplicate;
  }
  finish_(p);
  if (!file_term.empty()) p.doc->add_boolean_term(file_term);
  if (!p.copy_term.empty()) p.doc->add_boolean_term(p.copy_term);
  account_(p);
  // The database takes the document (to write it on another thread).
  seen(file_term, database_.add(p.article.id, *std::exchange(p.doc, std::nullopt),
                                {id_term, p.copy_term, file_term}));
  return Outcome::added;
}

void ArticleWriter::tag(Xapian::docid did, Xapian::Document doc, const std::string& file_term) {
  if (file_term.empty() || has_term(doc, file_term)) return;
  doc.add_boolean_term(file_term);
  database_.all().replace_document(did, doc);
  ++changes_;
}

void ArticleWriter::seen(const std::string& file_term, Xapian::docid did) {
  // Only a file that held documents before can leave stale ones for end_file() to remove:
  // the documents of a new file are not kept (a large file would hold them all in memory).
  const auto it = seen_.find(file_term);
  if (it != seen_.end() && it->second.had_documents) it->second.documents.insert(did);
}

void ArticleWriter::begin_file(const std::string& file_term) {
  seen_[file_term] = Seen{{}, database_.holds(file_term)};
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
  Xapian::WritableDatabase& db = database_.all();
  std::vector<Xapian::docid> stale;
  for (auto it = db.postlist_begin(file_term); it != db.postlist_end(file_term); ++it) {
    if (!keep.contains(*it)) stale.push_back(*it);
  }
  std::size_t removed = 0;
  for (const Xapian::docid did : stale) {
    Xapian::Document doc = db.get_document(did);
    doc.remove_term(file_term);
    if (file_terms(doc).empty()) {
      db.delete_document(did);
      ++removed;
    } else {
      db.replace_document(did, doc);
    }
    ++changes_;
  }
  return removed;
}

}  // namespace nsearch
