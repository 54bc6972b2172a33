#include "write/index_database.hpp"

#include "nsearch/shard_stub.hpp"
#include "write/shard_layout.hpp"
#include "write/story_bands.hpp"

namespace nsearch {
namespace fs = std::filesystem;

namespace {
// Documents queued per shard writer: enough to keep it busy, few enough to bound memory.
constexpr std::size_t kQueuedPerShard = 256;
}  // namespace

IndexDatabase::IndexDatabase(const fs::path& db_path, std::size_t shards,
                             std::chrono::milliseconds wait, const Notice& notice)
    : wait_(wait) {
  stub_ = shards > 0 || stub_file_of(db_path).has_value();
  if (stub_) {
    paths_ = local_shards(db_path, shards).local_paths();
  } else {
    paths_.push_back(db_path);
  }
  for (const fs::path& path : paths_) {
    open(path);
    ensure_story_bands(shards_.back(), path, [&](std::size_t documents) {
      notice("indexed by an earlier nindex: giving its " + std::to_string(documents) +
             " articles their near-duplicate lookup terms (once; the database stays searchable)");
    });
  }
  if (!sharded()) {
    all_ = shards_.front();
    return;
  }
  for (const Xapian::WritableDatabase& shard : shards_) {
    all_.add_database(shard);
    last_docid_.push_back(shard.get_lastdocid());
    writers_.push_back(std::make_unique<ShardWriter>(shard, kQueuedPerShard));
  }
  for (const fs::path& path : paths_)
    committed_.add_database(Xapian::Database(path.string()));
}

void IndexDatabase::wait_for_adds() {
  for (const auto& writer : writers_)
    writer->wait();
}

Xapian::WritableDatabase& IndexDatabase::all() {
  wait_for_adds();
  changed_otherwise_ = true;
  return all_;
}

const Xapian::WritableDatabase& IndexDatabase::view() {
  wait_for_adds();
  return all_;
}

void IndexDatabase::open(const fs::path& path) {
  shards_.push_back(open_writable(path, wait_));
  notes_.emplace_back(path);
}

Xapian::docid IndexDatabase::add(const std::string& id, Xapian::Document&& doc,
                                 std::initializer_list<std::string_view> terms) {
  if (writers_.empty()) return all_.add_document(doc);
  const std::size_t n = shards_.size();
  const std::size_t k = shard_of(id, n);
  const Xapian::docid local = ++last_docid_[k];
  for (const std::string_view term : terms) {
    if (!term.empty()) added_terms_.emplace(term);
  }
  // The task owns the document: Xapian handles are not shared between threads. Its docid is
  // given, so that it is the one returned.
  writers_[k]->post([doc = std::move(doc), local](Xapian::WritableDatabase& shard) {
    shard.replace_document(local, doc);
  });
  return static_cast<Xapian::docid>((local - 1) * n + k + 1);
}

bool IndexDatabase::holds(const std::string& term) {
  if (!writers_.empty() && !changed_otherwise_ && !added_terms_.contains(term) &&
      !committed_holds(term)) {
    return false;
  }
  return view().term_exists(term);
}

bool IndexDatabase::committed_holds(const std::string& term) {
  // Commits in the background move the shards on: a revision two commits old may be gone.
  // A later one holds more (only documents were added since commit()), and added_terms_ has
  // everything added since commit().
  for (int attempt = 0;; ++attempt) {
    try {
      return committed_.term_exists(term);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt > 0) return true;  // look in the live database
      committed_.reopen();
    }
  }
}

std::optional<Xapian::docid> IndexDatabase::first_with(const std::string& term) {
  // term_exists() reads Xapian's buffered changes; opening a postlist for a term that has
  // buffered postings makes Xapian flush them to disk, so look first.
  if (term.empty() || !holds(term)) return std::nullopt;
  const Xapian::WritableDatabase& db = view();
  const Xapian::PostingIterator it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return std::nullopt;
  return *it;
}

void IndexDatabase::set_metadata(const std::string& key, const std::string& value) {
  wait_for_adds();
  all_.set_metadata(key, value);
  metadata_changed_ = true;
}

void IndexDatabase::commit(const ValueRoom& room) {
  if (writers_.empty()) {
    commit_with_room(shards_.front(), paths_.front(), room);
    metadata_changed_ = false;
    return;
  }
  // Each shard commits on its own thread, all at once.
  const auto commit_on = [&](std::size_t k) {
    writers_[k]->post([&room, path = paths_[k]](Xapian::WritableDatabase& shard) {
      commit_with_room(shard, path, room);
    });
  };
  for (std::size_t k = metadata_changed_ ? 1 : 0; k < shards_.size(); ++k)
    commit_on(k);
  wait_for_adds();
  if (metadata_changed_) {
    commit_on(0);
    wait_for_adds();
  }
  metadata_changed_ = false;
  committed_.reopen();
  added_terms_.clear();
  changed_otherwise_ = false;
}

bool IndexDatabase::commit_in_background(const ValueRoom& room) {
  if (writers_.empty() || metadata_changed_ || changed_otherwise_) return false;
  for (std::size_t k = 0; k < writers_.size(); ++k) {
    writers_[k]->post([room, path = paths_[k]](Xapian::WritableDatabase& shard) {
      commit_with_room(shard, path, room);
    });
  }
  return true;
}

void IndexDatabase::discard_changes() noexcept {
  for (const auto& writer : writers_) {
    try {
      writer->wait();
    } catch (...) {  // an add failed: that writer drops its changes itself
    }
  }
  for (Xapian::WritableDatabase& shard : shards_)
    nsearch::discard_changes(shard);
}

void IndexDatabase::replace_with(const fs::path& replacement, const fs::path& old) {
  const fs::path path = paths_.front();
  all_.close();
  all_ = Xapian::WritableDatabase();
  shards_.clear();
  notes_.clear();
  // An interruption between the renames leaves no database at the path; the next run
  // creates an empty one and loads again: the database was empty, nothing is lost.
  fs::rename(path, old);
  fs::rename(replacement, path);
  open(path);
  all_ = shards_.front();
}

}  // namespace nsearch
