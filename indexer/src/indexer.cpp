#include "nsearch/indexer.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>

#include <xapian.h>

#include "analyse/document_builder.hpp"
#include "analyse/story_clusters.hpp"
#include "file_ingest.hpp"
#include "nsearch/error.hpp"
#include "nsearch/schema.hpp"
#include "ordered_pipeline.hpp"
#include "stored_data.hpp"
#include "story_signature.hpp"
#include "text_util.hpp"
#include "write/article_writer.hpp"
#include "write/bulk_lookup.hpp"
#include "write/commit_budget.hpp"
#include "write/impact_tier_builder.hpp"
#include "write/index_database.hpp"
#include "write/shard_set.hpp"
#include "write/source_registry.hpp"
#include "write/writable_database.hpp"

namespace nsearch {
namespace fs = std::filesystem;

namespace {

// Stories assigned between commits that wait (and so refresh StoryClusters): about 256 bytes
// each in memory.
constexpr std::size_t kStoriesInMemory = 20000;

unsigned worker_count(unsigned jobs) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  return jobs;
}

// What one worker thread owns: Xapian objects are not thread-safe.
struct WorkerState {
  DocumentBuilder builder;
  // The database as committed when the run started, to skip term generation for unchanged
  // articles; the writer makes the final decision on the live database.
  std::optional<Xapian::Database> snapshot;
};

PipelineLimits pipeline_limits(unsigned jobs) {
  PipelineLimits limits;
  // One worker thread is no faster than doing the work in the writer's thread.
  limits.workers = jobs == 1 ? 0 : jobs;
  limits.batch_items = 64;
  limits.batch_bytes = 256u << 10;
  limits.max_batches = 2 * static_cast<std::size_t>(jobs) + 2;
  return limits;
}

std::size_t item_size(const ReadItem& item) {
  return item.article ? item.article->title.size() + item.article->body.size() + 256 : 64;
}

}  // namespace

struct Indexer::Impl {
  IndexOptions options;
  DiagnosticHandler on_diagnostic;
  std::mutex diagnostic_mutex;  // workers report through the same handler
  ArticleReader reader;
  IndexDatabase database;   // one database or the shards of one
  DocumentBuilder builder;  // the writer's own, for articles the workers did not build
  // Assigned in writing order, by the writer; looks up the database as last committed.
  StoryClusters stories{Xapian::Database(options.db_path.string())};
  ArticleWriter writer{database, [this](PreparedArticle& p) { finish(p); },
                       [this](const PreparedArticle& p) { account(p); }};
  SourceRegistry registry{database};
  CommitBudget budget;
  bool commit_due = false;  // the budget is spent
  IndexReport report;
  std::atomic<bool> stop{false};

  Impl(IndexOptions opts, DiagnosticHandler handler)
      : options(std::move(opts)),
        on_diagnostic(std::move(handler)),
        reader({options.default_outlet, options.default_lang, options.field_map, options.csv,
                /*normalise=*/false},
               [this](const Diagnostic& d) { warn(d.location, d.message); }),
        database(options.db_path, options.shards, options.lock_wait,
                 [this](const std::string& m) { warn(options.db_path.string(), m); }),
        budget((options.memory_mb << 20) / 2, database.shards()) {}

  void warn(const std::string& location, const std::string& message) {
    std::lock_guard lock(diagnostic_mutex);
    if (on_diagnostic) on_diagnostic(Diagnostic{location, message});
  }

  // Worker side: serialises a normalised article and, unless told not to or the snapshot
  // already holds this exact data, generates its terms. Runs on several threads at once.
  PreparedArticle prepare(Article&& article, WorkerState* state) {
    PreparedArticle p{std::move(article), {}, {}, {}, std::nullopt, std::nullopt};
    p.data = serialise_article(p.article);
    p.digest = text::hex_digest(p.data);
    // A derived title says nothing the body does not: copies are told by the source's title,
    // as before titles were derived.
    p.copy_term = schema::copy_term(p.article.url, p.article.title_derived ? "" : p.article.title,
                                    p.article.body);
    if (options.story_clusters) p.signature = story::signature_of(p.article.body);
    if (state == nullptr) return p;
    if (state->snapshot && snapshot_digest(*state->snapshot, p.article.id) == p.digest) return p;
    p.doc = state->builder.build(p.article, p.data);
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

  // Writer side, for an article about to be added or to replace another: builds its document
  // when no worker did, and assigns its story (in writing order).
  void finish(PreparedArticle& p) {
    if (!p.doc) p.doc = builder.build(p.article, p.data);
    if (options.story_clusters && !p.signature) p.signature = story::signature_of(p.article.body);
    add_story_fields(*p.doc, stories.assign(p.signature, p.article.id), p.signature);
  }

  // Writer side, for the document of an article about to be added or to replace another.
  void account(const PreparedArticle& p) {
    report.text_bytes += p.article.title.size() + p.article.body.size();
    commit_due = budget.add(*p.doc, p.data.size()) || commit_due;
  }

  // Writer side: the only thread that writes the database. Articles come in reading order.
  void write(PreparedArticle& p, const std::string& file_term) {
    const ArticleWriter::Outcome outcome = writer.write(p, file_term);
    count_outcome(outcome, report);
    if (outcome == ArticleWriter::Outcome::replaced) {
      // The replaced version's values are rewritten where they are.
      budget.values().rewrite(p.doc->values_count());
      // Replaced by an article of no file (add_article): the files that gave the old version
      // no longer give what the database holds, so the next add() reads them again.
      if (file_term.empty()) registry.forget_files_of(*p.doc);
    }
    after_write(std::exchange(commit_due, false));
  }

  // Commits once enough changes are pending: with shards, in the background when it may
  // (the stories assigned meanwhile are held in memory until a commit that waits).
  void after_write(bool due = false) {
    if (!budget.add_changes(writer.take_changes()) && !due) return;
    if (stories.pending() < kStoriesInMemory && database.commit_in_background(budget.values())) {
      budget.reset();
      return;
    }
    commit();
  }

  FileIngest ingest() {
    return FileIngest({reader, writer, registry, report, stop,
                       [this](PreparedArticle& p, const std::string& term) { write(p, term); },
                       [this] { after_write(); }},
                      options);
  }

  void add(std::span<const fs::path> paths) {
    // A sharded database is written in place: its shards are the split a bulk load makes.
    const bool plain = !database.sharded();
    std::error_code ec;  // scratch of an interrupted run (we hold the lock: nobody uses it)
    if (plain) fs::remove_all(ShardSet::scratch_dir(options.db_path), ec);
    FileIngest files = ingest();
    files.plan(paths);
    const unsigned jobs = worker_count(options.jobs);
    const bool first_load =
        plain && database.view().get_doccount() == 0 && holds_only_database_files(options.db_path);
    bool compact_at_end = false;
    if (!files.nothing_to_read() && !files.stopped()) {
      if (jobs > 1 && first_load) {
        bulk_add(files, jobs);  // ends compacted
      } else {
        pipelined_add(files, jobs);
        compact_at_end = first_load;
      }
    }
    report.stopped = files.stopped();
    commit();
    if (compact_at_end && !report.stopped && database.view().get_doccount() > 0) compact();
    if (!report.stopped) update_tiers();
  }

  // The impact tiers of a plain database, brought up to date and committed (a sharded one
  // keeps none: its docids interleave the shards').
  void update_tiers() {
    if (!database.sharded() &&
        update_impact_tiers(database.all(), options.impact_tiers) != ImpactTierUpdate::none)
      commit();
  }

  // A first load written in place (one thread) ends compacted too, like a bulk load: its
  // batches leave B-tree blocks part-full (about twice the size). Everything is committed
  // before, so an interruption during compaction loses nothing (a rerun finds every file
  // unchanged); the scratch folder it leaves is cleared by the next run.
  void compact() {
    const fs::path scratch = ShardSet::scratch_dir(options.db_path);
    fs::remove_all(scratch);
    fs::create_directories(scratch);
    const fs::path compacted = scratch / "merged";
    database.all().compact(compacted.string(), Xapian::Compactor::FULL);
    replace_database_with(compacted);
    fs::remove_all(scratch);
  }

  // Into an empty database: workers normalise, one shard per worker writes (see ShardSet).
  // File records go into the merged database with the articles set aside, so that a run
  // killed before its final commit leaves no file recorded whose articles are not all there.
  void bulk_add(FileIngest& files, unsigned jobs) {
    ShardSet shards(options.db_path, jobs, options.memory_mb);
    // Ids, copies and stories met so far, on disk: the shards are not ours to read.
    BulkLookup lookup(ShardSet::scratch_dir(options.db_path) / "lookup");
    stories.refresh(lookup.committed());
    std::vector<SourceFileRecord> records;
    using Pipeline = OrderedPipeline<ReadItem, PreparedItem>;
    Pipeline pipeline(
        pipeline_limits(jobs),
        [&](ReadItem&& item, unsigned) {
          PreparedItem out{item.file, std::nullopt, item.end};
          if (item.article) {
            reader.normalise(*item.article);
            out.article = prepare(std::move(*item.article), nullptr);
          }
          return out;
        },
        item_size);
    // In reading order: ids are claimed and stories assigned as one writer would.
    pipeline.run([&](const Pipeline::Push& push) { files.read(push); },
                 [&](PreparedItem&& item) {
                   if (!item.article) {
                     if (auto record = files.completed(item.file, item.end))
                       records.push_back(std::move(*record));
                     return;
                   }
                   PreparedArticle& p = *item.article;
                   const std::string& term = files.file_term(item.file);
                   // Later articles that meet an id or a copy seen before need the database
                   // as one writer would have it: they are replayed after the merge.
                   Xapian::Document entry;
                   const std::string id_term = schema::id_term(p.article.id);
                   entry.add_boolean_term(id_term);
                   if (!p.copy_term.empty()) entry.add_boolean_term(p.copy_term);
                   const bool new_id = lookup.claim(id_term);
                   const bool new_copy = lookup.claim(p.copy_term);
                   if (!new_id || !new_copy) {
                     shards.set_aside(term, p.data);
                     if (lookup.record(entry)) stories.refresh(lookup.committed());
                     return;
                   }
                   ++report.added;
                   report.text_bytes += p.article.title.size() + p.article.body.size();
                   std::string key = stories.assign(p.signature, p.article.id);
                   add_story_fields(entry, key, p.signature);
                   if (lookup.record(entry)) stories.refresh(lookup.committed());
                   shards.submit(std::move(p.article), std::move(p.data),
                                 [key = std::move(key), signature = p.signature, term,
                                  copy = p.copy_term](Xapian::Document& doc) {
                                   add_story_fields(doc, key, signature);
                                   doc.add_boolean_term(term);
                                   if (!copy.empty()) doc.add_boolean_term(copy);
                                 });
                 });
    if (shards.documents() > 0) {
      const fs::path merged = ShardSet::scratch_dir(options.db_path) / "merged";
      shards.merge_into(merged);
      replace_database_with(merged);
    }
    shards.replay_set_aside([&](const std::string& term, Article&& a) {
      PreparedArticle p = prepare(std::move(a), nullptr);
      write(p, term);
    });
    for (const SourceFileRecord& record : records)
      registry.store(record);
  }

  // Puts the database at `merged` in place of the (empty) database, keeping the path.
  void replace_database_with(const fs::path& merged) {
    database.replace_with(merged, ShardSet::scratch_dir(options.db_path) / "old");
    stories.refresh(Xapian::Database(options.db_path.string()));
  }

  // Into a database with documents: workers prepare, this thread writes in reading order.
  void pipelined_add(FileIngest& files, unsigned jobs) {
    std::vector<WorkerState> workers(jobs);
    if (database.view().get_doccount() > 0) {
      for (WorkerState& w : workers)
        w.snapshot.emplace(options.db_path.string());
    }
    using Pipeline = OrderedPipeline<ReadItem, PreparedItem>;
    Pipeline pipeline(
        pipeline_limits(jobs),
        [&](ReadItem&& item, unsigned worker) {
          PreparedItem out{item.file, std::nullopt, item.end};
          if (item.article) {
            reader.normalise(*item.article);
            out.article = prepare(std::move(*item.article), &workers[worker]);
          }
          return out;
        },
        item_size);
    pipeline.run([&](const Pipeline::Push& push) { files.read(push); },
                 [&](PreparedItem&& item) { files.write(std::move(item)); });
  }

  void commit() {
    budget.add_changes(writer.take_changes());  // those made since the last write (pruning)
    database.commit(budget.values());
    budget.reset();
    stories.refresh(Xapian::Database(options.db_path.string()));
  }
};

Indexer::Indexer(IndexOptions options, DiagnosticHandler on_diagnostic)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(on_diagnostic))) {}

Indexer::~Indexer() {
  try {
    impl_->commit();
  } catch (const Xapian::Error& e) {
    impl_->warn(impl_->options.db_path.string(), "final commit failed: " + e.get_msg());
    impl_->database.discard_changes();  // else closing would try to commit them again
  }
}

void Indexer::add(std::span<const fs::path> paths) {
  try {
    impl_->add(paths);
  } catch (const Xapian::Error& e) {
    throw write_error(e, "while indexing");
  }
}

void Indexer::add_article(Article article) {
  try {
    ++impl_->report.articles;
    impl_->reader.normalise(article);
    PreparedArticle p = impl_->prepare(std::move(article), nullptr);
    impl_->write(p, {});
  } catch (const Xapian::Error& e) {
    throw write_error(e, "while indexing");
  }
}

std::size_t Indexer::prune(std::span<const fs::path> roots) {
  try {
    const std::size_t removed = impl_->ingest().prune(roots);
    impl_->commit();
    return removed;
  } catch (const Xapian::Error& e) {
    throw write_error(e, "while pruning");
  }
}

std::size_t Indexer::remove(std::span<const std::string> ids) {
  std::size_t removed = 0;
  try {
    Xapian::WritableDatabase& db = impl_->database.all();
    for (const std::string& id : ids) {
      const std::string term = schema::id_term(id);
      if (db.term_exists(term)) {
        const Xapian::Document doc = db.get_document(*db.postlist_begin(term));
        impl_->registry.forget_files_of(doc);
        impl_->budget.values().rewrite(doc.values_count());
        db.delete_document(term);
        ++removed;
      }
    }
  } catch (const Xapian::Error& e) {
    throw write_error(e, "while removing");
  }
  impl_->report.removed += removed;
  return removed;
}

void Indexer::commit() {
  try {
    impl_->commit();
    impl_->update_tiers();
  } catch (const Xapian::Error& e) {
    throw write_error(e, "commit failed");
  }
}

void Indexer::request_stop() noexcept {
  impl_->stop.store(true);
}

IndexReport Indexer::report() const {
  IndexReport r = impl_->report;
  const ReadReport& read = impl_->reader.report();
  r.files = read.files;
  r.articles += read.articles;
  r.skipped = read.skipped;
  r.skipped_by_reason = read.skipped_by_reason;
  r.bytes = read.bytes;
  return r;
}

}  // namespace nsearch
