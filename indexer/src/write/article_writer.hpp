// Writes articles into the database incrementally: unchanged articles are left alone, exact
// copies are not added twice, and each document knows which input files hold it (internal).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <xapian.h>

#include "analyse/prepared_article.hpp"
#include "write/index_database.hpp"

namespace nsearch {

/// Every document carries one schema::source_file_term() per input file that holds it, so a
/// file that changes or disappears takes away exactly its own articles: a document goes when
/// its last file goes. Articles added without a file (Indexer::add_article) carry none and are
/// only removed by id.
class ArticleWriter {
 public:
  /// Called for every new or changed article before it is written: builds `doc` when a
  /// worker did not, and adds what depends on the articles written before (the story).
  using Finish = std::function<void(PreparedArticle&)>;
  /// Called with every document about to be added or replaced, complete (the last time it is
  /// seen: an added one is handed to the database).
  using Account = std::function<void(const PreparedArticle&)>;
  ArticleWriter(IndexDatabase& database, Finish finish, Account account)
      : database_(database), finish_(std::move(finish)), account_(std::move(account)) {}

  enum class Outcome { added, replaced, unchanged, duplicate };
  /// Writes one article read from the file with term `file_term` (empty: none). Same id and
  /// stored data: unchanged. Same id, other data: replaced. New id, but the same normalised
  /// URL, title and body as a document already there: a duplicate, not added. `p.doc` is the
  /// document written when replaced (an added one is the database's).
  Outcome write(PreparedArticle& p, const std::string& file_term);

  /// Starts tracking which documents the file with `file_term` gives in this run.
  void begin_file(const std::string& file_term);
  /// The file was read to its end: removes it from the documents it no longer gives (and
  /// removes those left with no file). Returns how many documents were removed.
  std::size_t end_file(const std::string& file_term);
  /// The file was not read to its end (stopped): forgets what it gave, removes nothing.
  void abandon_file(const std::string& file_term);
  /// The file is gone: the same as reading it empty. Returns documents removed.
  std::size_t drop_file(const std::string& file_term);

  /// Documents re-tagged or deleted (not added or replaced by write()) since the last call.
  std::size_t take_changes() { return std::exchange(changes_, 0); }

 private:
  // Adds `file_term` to document `did` unless it has it already.
  void tag(Xapian::docid did, Xapian::Document doc, const std::string& file_term);
  void seen(const std::string& file_term, Xapian::docid did);
  // Removes `file_term` from each of `docs`, deleting documents left without a file.
  std::size_t untag(const std::string& file_term, const std::unordered_set<Xapian::docid>& keep);

  IndexDatabase& database_;
  Finish finish_;
  Account account_;
  struct Seen {
    std::unordered_set<Xapian::docid> documents;  // written or confirmed in this run
    bool had_documents = false;                   // the file held some when it was begun
  };
  std::unordered_map<std::string, Seen> seen_;
  std::size_t changes_ = 0;
};

}  // namespace nsearch
