#include "write/index_database.hpp"

#include <exception>
#include <thread>

#include "nsearch/shard_stub.hpp"
#include "write/shard_layout.hpp"
#include "write/story_bands.hpp"

namespace nsearch {
namespace fs = std::filesystem;

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
  for (const Xapian::WritableDatabase& shard : shards_)
    all_.add_database(shard);
}

void IndexDatabase::open(const fs::path& path) {
  shards_.push_back(open_writable(path, wait_));
  notes_.emplace_back(path);
}

Xapian::docid IndexDatabase::add(const std::string& id, const Xapian::Document& doc) {
  const std::size_t n = shards_.size();
  if (n == 1) return all_.add_document(doc);
  // Added through the shard's own handle, which all() shares: all() sees it at once.
  const std::size_t k = shard_of(id, n);
  const Xapian::docid local = shards_[k].add_document(doc);
  return static_cast<Xapian::docid>((local - 1) * n + k + 1);
}

void IndexDatabase::set_metadata(const std::string& key, const std::string& value) {
  all_.set_metadata(key, value);
  metadata_changed_ = true;
}

void IndexDatabase::commit(const ValueRoom& room) {
  if (shards_.size() == 1) {
    commit_with_room(shards_.front(), paths_.front(), room);
    metadata_changed_ = false;
    return;
  }
  // One thread per shard: each WritableDatabase is a separate object, and this thread waits.
  std::vector<std::exception_ptr> errors(shards_.size());
  const auto commit_shard = [&](std::size_t k) {
    try {
      commit_with_room(shards_[k], paths_[k], room);
    } catch (...) {
      errors[k] = std::current_exception();
    }
  };
  {
    std::vector<std::jthread> threads;
    for (std::size_t k = 1; k < shards_.size(); ++k)
      threads.emplace_back(commit_shard, k);
    if (!metadata_changed_) commit_shard(0);
  }
  for (const std::exception_ptr& error : errors) {
    if (error) std::rethrow_exception(error);
  }
  if (metadata_changed_) commit_shard(0);
  if (errors.front()) std::rethrow_exception(errors.front());
  metadata_changed_ = false;
}

void IndexDatabase::discard_changes() noexcept {
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
