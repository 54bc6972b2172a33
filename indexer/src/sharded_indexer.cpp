#include "nsearch/sharded_indexer.hpp"

#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include <xapian.h>

#include "analyse/document_builder.hpp"
#include "analyse/story_clusters.hpp"
#include "nsearch/error.hpp"
#include "nsearch/schema.hpp"
#include "nsearch/shard_stub.hpp"
#include "ordered_pipeline.hpp"
#include "stored_data.hpp"
#include "story_signature.hpp"
#include "text_util.hpp"
#include "write/commit_budget.hpp"
#include "write/safe_commit.hpp"
#include "write/shard_layout.hpp"
#include "write/shard_writer.hpp"
#include "write/story_bands.hpp"

namespace nsearch {
namespace fs = std::filesystem;

namespace {

// Documents queued per shard writer: enough to keep it busy, few enough to bound memory.
constexpr std::size_t kQueuedPerShard = 256;
// Stories assigned between commits of every shard: what StoryClusters holds in memory (about
// 400 bytes each) until the shards' band terms can be read back.
constexpr std::size_t kStoriesPerCommit = 20000;

// An article made ready on a worker thread; the writer side decides what to do with it.
struct Prepared {
  Article article;
  std::string data;    // serialise_article(article)
  std::string digest;  // of data
  std::string before;  // digest of the version in the shard when the run started ("": none)
  std::optional<Xapian::Document> doc;  // not built when `before` equals `digest`
  std::optional<story::Signature> signature;
};

// Per worker thread: Xapian objects are not thread-safe.
struct Worker {
  DocumentBuilder builder;
  std::vector<Xapian::Database> snapshots;  // each shard as committed; empty for empty shards
};

// The digest of the stored version of `id` in `shard`, or "" when it has none.
std::string stored_digest(Xapian::Database& shard, const std::string& id) {
  const std::string term = schema::id_term(id);
  for (int attempt = 0;; ++attempt) {
    try {
      Xapian::PostingIterator it = shard.postlist_begin(term);
      if (it == shard.postlist_end(term)) return {};
      return shard.get_document(*it).get_value(schema::kContentHashSlot);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt > 2) throw;
      shard.reopen();
    }
  }
}

}  // namespace

struct ShardedIndexer::Impl {
  struct Shard {
    fs::path path;
    CommitBudget budget;  // used on the shard's writer thread only
    std::unique_ptr<ShardWriter> writer;
  };

  IndexOptions options;
  DiagnosticHandler on_diagnostic;
  std::mutex diagnostic_mutex;  // workers normalise, and report, in parallel
  ArticleReader reader;
  std::vector<std::unique_ptr<Shard>> shards;
  std::optional<StoryClusters> stories;  // over every shard, assigned in reading order
  DocumentBuilder builder;               // for add_article() and rare rebuilds
  // Digest of every article written or removed ("") in this run, by id: the snapshots the
  // workers read are older.
  std::unordered_map<std::string, std::string> written;
  bool had_documents = false;
  std::optional<Worker> caller;  // add_article() prepares on the calling thread
  IndexReport report;

  Impl(IndexOptions opts, std::size_t shard_count, DiagnosticHandler handler)
      : options(std::move(opts)),
        on_diagnostic(std::move(handler)),
        reader({options.default_outlet, options.default_lang, options.field_map, options.csv,
                /*normalise=*/false},
               [this](const Diagnostic& d) { warn(d.location, d.message); }) {
    const ShardStub stub = local_shards(options.db_path, shard_count);
    const std::size_t n = stub.shards.size();
    Xapian::Database all;
    for (const ShardEntry& entry : stub.shards) {
      Xapian::WritableDatabase db = open_shard_for_writing(entry.path);
      ensure_story_bands(db, entry.path);
      all.add_database(db);
      shards.push_back(std::make_unique<Shard>(
          Shard{entry.path, CommitBudget((options.memory_mb << 20) / 2 / n), nullptr}));
      shards.back()->writer = std::make_unique<ShardWriter>(std::move(db), kQueuedPerShard);
    }
    had_documents = all.get_doccount() > 0;
    stories.emplace(committed_shards());
  }

  // Every shard as last committed, read apart from the writers (which live on their threads).
  Xapian::Database committed_shards() const {
    Xapian::Database all;
    for (const auto& shard : shards)
      all.add_database(Xapian::Database(shard->path.string()));
    return all;
  }

  void warn(const std::string& location, const std::string& message) {
    std::lock_guard lock(diagnostic_mutex);
    if (on_diagnostic) on_diagnostic(Diagnostic{location, message});
  }

  std::size_t shard_index(const std::string& id) const { return shard_of(id, shards.size()); }

  // Worker side: serialise, and generate terms unless the shard already holds this exact data.
  Prepared prepare(Article&& article, Worker& worker) {
    Prepared p{std::move(article), {}, {}, {}, std::nullopt, std::nullopt};
    p.data = serialise_article(p.article);
    p.digest = text::hex_digest(p.data);
    if (!worker.snapshots.empty()) {
      p.before = stored_digest(worker.snapshots[shard_index(p.article.id)], p.article.id);
    }
    if (p.before != p.digest) build(p, worker.builder);
    return p;
  }

  void build(Prepared& p, DocumentBuilder& with) {
    p.doc = with.build(p.article, p.data);
    if (options.story_clusters) p.signature = story::signature_of(p.article.body);
  }

  // Writer side, in reading order: decides added / replaced / unchanged, assigns the story and
  // hands the document to its shard's thread.
  void write(Prepared&& p) {
    const auto known = written.find(p.article.id);
    const std::string& before = known != written.end() ? known->second : p.before;
    if (before == p.digest) {
      ++report.unchanged;
      return;
    }
    const bool existed = !before.empty();
    if (!p.doc) build(p, builder);  // the shard held this data, but it changed in this run
    add_story_fields(*p.doc, stories->assign(p.signature, p.article.id), p.signature);
    const bool commit_due = stories->pending() >= kStoriesPerCommit;
    written[p.article.id] = p.digest;
    existed ? ++report.replaced : ++report.added;
    report.text_bytes += p.article.title.size() + p.article.body.size();

    Shard& shard = *shards[shard_index(p.article.id)];
    shard.writer->post([&shard, doc = std::move(*p.doc), existed,
                        term = schema::id_term(p.article.id),
                        data_bytes = p.data.size()](Xapian::WritableDatabase& db) {
      // A new id needs no lookup (looking a term up in the database would flush the buffered
      // changes); the stored version of a changed one is replaced where it is.
      if (existed) {
        db.replace_document(term, doc);
        shard.budget.values().rewrite(doc.values_count());  // those of the version replaced
      } else {
        db.add_document(doc);
      }
      if (shard.budget.add(doc, data_bytes)) {
        commit_with_room(db, shard.path, shard.budget.values());
        shard.budget.reset();
      }
    });
    if (commit_due) commit();
  }

  void add(std::span<const fs::path> paths) {
    unsigned jobs = options.jobs != 0 ? options.jobs : std::thread::hardware_concurrency();
    jobs = std::max(1u, jobs);
    std::vector<Worker> workers(jobs);
    if (had_documents) {
      for (Worker& w : workers) {
        for (const auto& shard : shards)
          w.snapshots.emplace_back(shard->path.string());
      }
    }
    PipelineLimits limits;
    limits.workers = jobs == 1 ? 0 : jobs;  // one worker is no faster than the calling thread
    limits.batch_items = 64;
    limits.batch_bytes = 256u << 10;
    limits.max_batches = 2 * static_cast<std::size_t>(jobs) + 2;
    using Pipeline = OrderedPipeline<Article, Prepared>;
    Pipeline pipeline(
        limits,
        [&](Article&& a, unsigned worker) {
          reader.normalise(a);
          return prepare(std::move(a), workers[worker]);
        },
        [](const Article& a) { return a.title.size() + a.body.size() + 256; });
    pipeline.run(
        [&](const Pipeline::Push& push) {
          reader.read(paths, [&](Article&& a) { push(std::move(a)); });
        },
        [&](Prepared&& p) { write(std::move(p)); });
    wait_for_writers();
  }

  void add_article(Article&& article) {
    ++report.articles;
    reader.normalise(article);
    if (!caller) {
      caller.emplace();
      for (const auto& shard : shards) {
        if (had_documents) caller->snapshots.emplace_back(shard->path.string());
      }
    }
    write(prepare(std::move(article), *caller));
  }

  std::size_t remove(std::span<const std::string> ids) {
    wait_for_writers();
    // Each shard is asked, not only the one the id routes to: a database whose shards were
    // filled by other means is still cleaned.
    std::vector<std::vector<char>> found(shards.size(), std::vector<char>(ids.size(), 0));
    for (std::size_t s = 0; s < shards.size(); ++s) {
      shards[s]->writer->post(
          [&ids, &hits = found[s], shard = shards[s].get()](Xapian::WritableDatabase& db) {
            for (std::size_t i = 0; i < ids.size(); ++i) {
              const std::string term = schema::id_term(ids[i]);
              if (!db.term_exists(term)) continue;
              db.delete_document(term);
              shard->budget.add_changes(1);  // its values are removed from their chunks
              hits[i] = 1;
            }
          });
    }
    wait_for_writers();
    std::size_t removed = 0;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      bool any = false;
      for (const auto& hits : found)
        any = any || hits[i] != 0;
      if (any) {
        ++removed;
        written[ids[i]] = "";
      }
    }
    report.removed += removed;
    return removed;
  }

  void commit() {
    for (const auto& shard : shards) {
      shard->writer->post([s = shard.get()](Xapian::WritableDatabase& db) {
        commit_with_room(db, s->path, s->budget.values());
        s->budget.reset();
      });
    }
    wait_for_writers();
    stories->refresh(committed_shards());
  }

  void wait_for_writers() {
    for (const auto& shard : shards)
      shard->writer->wait();
  }
};

ShardedIndexer::ShardedIndexer(IndexOptions options, std::size_t shards,
                               DiagnosticHandler on_diagnostic)
    : impl_(std::make_unique<Impl>(std::move(options), shards, std::move(on_diagnostic))) {}

ShardedIndexer::~ShardedIndexer() {
  try {
    impl_->commit();
  } catch (const std::exception& e) {
    impl_->warn(impl_->options.db_path.string(), std::string("final commit failed: ") + e.what());
  }
}

namespace {

// The library's boundary: Xapian errors become Error(database_error) starting with `context`.
template <typename Call>
auto translating_errors(const char* context, Call&& call) -> decltype(call()) {
  try {
    return call();
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::database_error, std::string(context) + e.get_description());
  }
}

}  // namespace

void ShardedIndexer::add(std::span<const fs::path> paths) {
  translating_errors("while indexing: ", [&] { impl_->add(paths); });
}

void ShardedIndexer::add_article(Article article) {
  translating_errors("while indexing: ", [&] { impl_->add_article(std::move(article)); });
}

std::size_t ShardedIndexer::remove(std::span<const std::string> ids) {
  return translating_errors("while removing: ", [&] { return impl_->remove(ids); });
}

void ShardedIndexer::commit() {
  translating_errors("commit failed: ", [&] { impl_->commit(); });
}

IndexReport ShardedIndexer::report() const {
  const ReadReport& read = impl_->reader.report();
  IndexReport r = impl_->report;
  r.articles += read.articles;  // add_article() counts its own
  r.files = read.files;
  r.skipped = read.skipped;
  r.bytes = read.bytes;
  return r;
}

std::vector<fs::path> ShardedIndexer::shard_paths() const {
  std::vector<fs::path> paths;
  for (const auto& shard : impl_->shards)
    paths.push_back(shard->path);
  return paths;
}

bool is_sharded_database(const fs::path& db_path) {
  return stub_file_of(db_path).has_value();
}

}  // namespace nsearch
