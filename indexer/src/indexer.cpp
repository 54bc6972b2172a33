#include "nsearch/indexer.hpp"

#include <cstdlib>
#include <mutex>
#include <optional>
#include <thread>

#include <xapian.h>

#include "commit_budget.hpp"
#include "document_builder.hpp"
#include "nsearch/error.hpp"
#include "nsearch/schema.hpp"
#include "ordered_pipeline.hpp"
#include "shard_set.hpp"
#include "stored_data.hpp"
#include "story_clusters.hpp"
#include "story_signature.hpp"
#include "text_util.hpp"

namespace nsearch {
namespace fs = std::filesystem;

namespace {

Xapian::WritableDatabase open_writable(const fs::path& path) {
  // Commits are sized by memory (CommitBudget); Xapian's own auto-commit every 10,000 changes
  // would only cut batches short. The variable is read when a database is opened; a user's
  // setting is kept.
  setenv("XAPIAN_FLUSH_THRESHOLD", "4000000000", /*overwrite=*/0);
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

// True when `dir` is missing or holds nothing but a Xapian database, so it can be swapped whole.
bool holds_only_xapian_files(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name != "iamglass" && name != "flintlock" && !name.ends_with(".glass") &&
        !name.ends_with(".tmp")) {
      return false;
    }
  }
  return !ec;
}

unsigned worker_count(unsigned jobs) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  return jobs;
}

// An article made ready for the writer on a worker thread.
struct PreparedArticle {
  Article article;
  std::string data;                           // serialise_article(article)
  std::string digest;                         // of data
  std::optional<Xapian::Document> doc;        // none when the database already held this exact data
  std::optional<story::Signature> signature;  // near-duplicate signature of the body
};

// Near-duplicate copies share a story key (the collapse key of searches).
void add_story(Xapian::Document& doc, const std::string& key,
               const std::optional<story::Signature>& signature) {
  doc.add_value(schema::kStorySlot, key);
  doc.add_boolean_term(schema::story_term(key));
  if (signature) doc.add_value(schema::kStorySignatureSlot, story::encode(*signature));
}

// What one worker thread owns: Xapian objects are not thread-safe.
struct WorkerState {
  DocumentBuilder builder;
  // The database as committed when the run started, to skip term generation for unchanged
  // articles; the writer makes the final decision on the live database.
  std::optional<Xapian::Database> snapshot;
};

}  // namespace

struct Indexer::Impl {
  IndexOptions options;
  DiagnosticHandler on_diagnostic;
  std::mutex diagnostic_mutex;  // workers report through the same handler
  ArticleReader reader;
  Xapian::WritableDatabase db;
  DocumentBuilder builder;    // the writer's own, for add_article() and rare rebuilds
  StoryClusters stories{db};  // assigned in reading order, by the writer
  CommitBudget budget;
  IndexReport report;

  Impl(IndexOptions opts, DiagnosticHandler handler)
      : options(std::move(opts)),
        on_diagnostic(std::move(handler)),
        reader({options.default_outlet, options.default_lang, options.field_map, options.csv,
                /*normalise=*/false},
               [this](const Diagnostic& d) { warn(d.location, d.message); }),
        db(open_writable(options.db_path)),
        budget((options.memory_mb << 20) / 2) {}

  void warn(const std::string& location, const std::string& message) {
    std::lock_guard lock(diagnostic_mutex);
    if (on_diagnostic) on_diagnostic(Diagnostic{location, message});
  }

  // Worker side: serialise and generate terms for a normalised article. Runs on several
  // threads at once.
  PreparedArticle prepare(Article&& article, WorkerState& state) {
    PreparedArticle p{std::move(article), {}, {}, std::nullopt, std::nullopt};
    p.data = serialise_article(p.article);
    p.digest = text::hex_digest(p.data);
    if (state.snapshot && snapshot_digest(*state.snapshot, p.article.id) == p.digest) return p;
    p.doc = state.builder.build(p.article, p.data);
    if (options.story_clusters) p.signature = story::signature_of(p.article.body);
    return p;
  }

  static std::string snapshot_digest(Xapian::Database& snapshot, const std::string& id) {
    const std::string id_term = schema::id_term(id);
    for (int attempt = 0;; ++attempt) {
      try {
        Xapian::PostingIterator it = snapshot.postlist_begin(id_term);
        if (it == snapshot.postlist_end(id_term)) return {};
        return snapshot.get_document(*it).get_value(schema::kContentHashSlot);
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt > 0) return {};  // the writer decides
        snapshot.reopen();
      }
    }
  }

  // Writer side: the only thread that touches `db`. Articles come in reading order.
  void write(PreparedArticle&& p) {
    const std::string id_term = schema::id_term(p.article.id);
    // term_exists() reads Xapian's buffered changes; opening a postlist first would flush
    // every buffered position list to disk.
    Xapian::docid existing = 0;
    if (db.term_exists(id_term)) existing = *db.postlist_begin(id_term);
    if (existing != 0 &&
        db.get_document(existing).get_value(schema::kContentHashSlot) == p.digest) {
      ++report.unchanged;
      return;
    }
    // The snapshot held this data but the article changed earlier in this run.
    if (!p.doc) {
      p.doc = builder.build(p.article, p.data);
      if (options.story_clusters) p.signature = story::signature_of(p.article.body);
    }
    add_story(*p.doc, stories.assign(p.signature, p.article.id), p.signature);
    if (existing != 0) {
      db.replace_document(existing, *p.doc);
      ++report.updated;
    } else {
      db.add_document(*p.doc);
      ++report.added;
    }
    report.text_bytes += p.article.title.size() + p.article.body.size();
    if (budget.add(*p.doc, p.data.size())) commit();
  }

  void add(std::span<const fs::path> paths) {
    const unsigned jobs = worker_count(options.jobs);
    if (jobs > 1 && db.get_doccount() == 0 && holds_only_xapian_files(options.db_path)) {
      bulk_add(paths, jobs);
    } else {
      pipelined_add(paths, jobs);
    }
  }

  // Into an empty database: workers normalise, one shard per worker writes (see ShardSet).
  void bulk_add(std::span<const fs::path> paths, unsigned jobs) {
    struct Normalised {
      Article article;
      std::string data;
      std::optional<story::Signature> signature;
    };
    ShardSet shards(options.db_path, jobs, options.memory_mb);
    using Pipeline = OrderedPipeline<Article, Normalised>;
    Pipeline pipeline(
        pipeline_limits(jobs),
        [&](Article&& a, unsigned) {
          reader.normalise(a);
          Normalised n{std::move(a), {}, std::nullopt};
          n.data = serialise_article(n.article);
          if (options.story_clusters) n.signature = story::signature_of(n.article.body);
          return n;
        },
        [](const Article& a) { return a.title.size() + a.body.size() + 256; });
    // In reading order: ids are claimed and stories assigned as one writer would.
    pipeline.run(
        [&](const Pipeline::Push& push) {
          reader.read(paths, [&](Article&& a) { push(std::move(a)); });
        },
        [&](Normalised&& n) {
          if (!shards.claim(n.article.id, n.data)) return;
          ++report.added;
          report.text_bytes += n.article.title.size() + n.article.body.size();
          std::string key = stories.assign(n.signature, n.article.id);
          shards.submit(std::move(n.article), std::move(n.data),
                        [key = std::move(key), signature = n.signature](Xapian::Document& doc) {
                          add_story(doc, key, signature);
                        });
        });
    if (shards.documents() > 0) {
      const fs::path merged = ShardSet::scratch_dir(options.db_path) / "merged";
      shards.merge_into(merged);
      replace_database_with(merged);
    }
    shards.replay_set_aside([&](Article&& a) {
      WorkerState state;
      write(prepare(std::move(a), state));
    });
  }

  // Puts the database at `merged` in place of the (empty) database, keeping the path.
  void replace_database_with(const fs::path& merged) {
    const fs::path old = ShardSet::scratch_dir(options.db_path) / "old";
    db.close();
    // An interruption between the renames leaves no database at the path; the next run
    // creates an empty one and loads again: the database was empty, nothing is lost.
    fs::rename(options.db_path, old);
    fs::rename(merged, options.db_path);
    db = open_writable(options.db_path);
  }

  static PipelineLimits pipeline_limits(unsigned jobs) {
    PipelineLimits limits;
    // One worker thread is no faster than doing the work in the writer's thread.
    limits.workers = jobs == 1 ? 0 : jobs;
    limits.batch_items = 64;
    limits.batch_bytes = 256u << 10;
    limits.max_batches = 2 * static_cast<std::size_t>(jobs) + 2;
    return limits;
  }

  // Into a database with documents: workers prepare, this thread writes in reading order.
  void pipelined_add(std::span<const fs::path> paths, unsigned jobs) {
    std::vector<WorkerState> workers(jobs);
    if (db.get_doccount() > 0) {
      for (WorkerState& w : workers)
        w.snapshot.emplace(options.db_path.string());
    }
    using Pipeline = OrderedPipeline<Article, PreparedArticle>;
    Pipeline pipeline(
        pipeline_limits(jobs),
        [&](Article&& a, unsigned worker) {
          reader.normalise(a);
          return prepare(std::move(a), workers[worker]);
        },
        [](const Article& a) { return a.title.size() + a.body.size() + 256; });
    pipeline.run(
        [&](const Pipeline::Push& push) {
          reader.read(paths, [&](Article&& a) { push(std::move(a)); });
        },
        [&](PreparedArticle&& p) { write(std::move(p)); });
  }

  void commit() {
    db.commit();
    budget.reset();
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
    impl_->add(paths);
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::database_error, "while indexing: " + e.get_description());
  }
}

void Indexer::add_article(Article article) {
  try {
    ++impl_->report.articles;
    impl_->reader.normalise(article);
    WorkerState state;
    impl_->write(impl_->prepare(std::move(article), state));
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
