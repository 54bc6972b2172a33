#include "nsearch/indexer.hpp"

#include <xapian.h>

#include "document_builder.hpp"
#include "nsearch/error.hpp"
#include "nsearch/schema.hpp"
#include "stored_data.hpp"
#include "story_clusters.hpp"
#include "story_signature.hpp"
#include "text_util.hpp"

namespace nsearch {
namespace fs = std::filesystem;

namespace {

Xapian::WritableDatabase open_writable(const fs::path& path) {
  try {
    return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw Error(ErrorKind::database_locked,
                "database " + path.string() + " is locked by another writer (is nindex running?)");
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::database_error,
                "cannot open database " + path.string() + " for writing: " + e.get_msg());
  }
}

}  // namespace

struct Indexer::Impl {
  IndexOptions options;
  DiagnosticHandler on_diagnostic;
  ArticleReader reader;
  Xapian::WritableDatabase db;
  DocumentBuilder builder;
  StoryClusters stories{db};
  IndexReport report;
  std::size_t pending = 0;

  Impl(IndexOptions opts, DiagnosticHandler handler)
      : options(std::move(opts)),
        on_diagnostic(std::move(handler)),
        reader({options.default_outlet, options.default_lang, options.field_map, options.csv},
               on_diagnostic),
        db(open_writable(options.db_path)) {}

  void warn(const std::string& location, const std::string& message) {
    if (on_diagnostic) on_diagnostic(Diagnostic{location, message});
  }

  // `article` is normalised (ArticleReader::normalise).
  void index(Article article) {
    // Compare digests of the stored data first: an unchanged article costs no term generation.
    std::string data = serialise_article(article);
    const std::string digest = text::hex_digest(data);
    const std::string id_term = schema::id_term(article.id);
    Xapian::PostingIterator existing = db.postlist_begin(id_term);
    const bool exists = existing != db.postlist_end(id_term);
    if (exists && db.get_document(*existing).get_value(schema::kContentHashSlot) == digest) {
      ++report.unchanged;
      return;
    }
    Xapian::Document doc = builder.build(article, std::move(data));
    add_story(doc, article);
    if (exists) {
      db.replace_document(id_term, doc);
      ++report.updated;
    } else {
      db.add_document(doc);
      ++report.added;
    }
    if (++pending >= options.commit_interval) commit();
  }

  // Near-duplicate copies share a story key (the collapse key of searches).
  void add_story(Xapian::Document& doc, const Article& article) {
    std::optional<story::Signature> signature;
    if (options.story_clusters) signature = story::signature_of(article.body);
    const std::string key = stories.assign(signature, article.id);
    doc.add_value(schema::kStorySlot, key);
    doc.add_boolean_term(schema::story_term(key));
    if (signature) doc.add_value(schema::kStorySignatureSlot, story::encode(*signature));
  }

  void commit() {
    db.commit();
    pending = 0;
  }
};

Indexer::Indexer(IndexOptions options, DiagnosticHandler on_diagnostic)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(on_diagnostic))) {}

Indexer::~Indexer() {
  try {
    impl_->commit();
  } catch (const Xapian::Error& e) {
    impl_->warn(impl_->options.db_path.string(), "final commit failed: " + e.get_msg());
  }
}

void Indexer::add(std::span<const fs::path> paths) {
  try {
    impl_->reader.read(paths, [this](Article&& article) { impl_->index(std::move(article)); });
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::database_error, "while indexing: " + e.get_description());
  }
}

void Indexer::add_article(Article article) {
  try {
    ++impl_->report.articles;
    impl_->reader.normalise(article);
    impl_->index(std::move(article));
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::database_error, e.get_description());
  }
}

std::size_t Indexer::remove(std::span<const std::string> ids) {
  std::size_t removed = 0;
  try {
    for (const std::string& id : ids) {
      const std::string term = schema::id_term(id);
      if (impl_->db.term_exists(term)) {
        impl_->db.delete_document(term);
        ++removed;
      }
    }
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::database_error, e.get_description());
  }
  impl_->report.removed += removed;
  return removed;
}

void Indexer::commit() {
  try {
    impl_->commit();
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::database_error, "commit failed: " + e.get_description());
  }
}

IndexReport Indexer::report() const {
  IndexReport r = impl_->report;
  const ReadReport& read = impl_->reader.report();
  r.files = read.files;
  r.articles += read.articles;
  r.skipped = read.skipped;
  r.bytes = read.bytes;
  return r;
}

}  // namespace nsearch
