#include "write/shard_set.hpp"

#include <algorithm>

#include "nsearch/error.hpp"
#include "stored_data.hpp"
#include "write/safe_commit.hpp"
#include "write/story_bands.hpp"

namespace nsearch {
namespace fs = std::filesystem;

namespace {
// Articles queued per shard: enough to keep a writer busy, few enough to bound memory.
constexpr std::size_t kQueuedPerShard = 128;
}  // namespace

fs::path ShardSet::scratch_dir(const fs::path& target) {
  fs::path dir = target;
  if (!dir.has_filename()) dir = dir.parent_path();  // "news.db/"
  dir += ".shards";
  return dir;
}

ShardSet::ShardSet(const fs::path& target, unsigned shards, std::size_t memory_mb)
    : dir_(scratch_dir(target)) {
  fs::remove_all(dir_);  // left by an interrupted run: nothing in it was ever committed
  fs::create_directories(dir_);
  spill_.open(dir_ / "set-aside.jsonl", std::ios::binary | std::ios::trunc);
  if (!spill_) throw Error(ErrorKind::database_error, "cannot write in " + dir_.string());
  // Each shard gets an equal share of half the memory budget; the rest is for the readers,
  // queues and Xapian's block caches.
  const std::size_t share = (memory_mb << 20) / 2 / std::max(1u, shards);
  for (unsigned i = 0; i < std::max(1u, shards); ++i) {
    const fs::path path = dir_ / ("shard-" + std::to_string(i));
    shards_.push_back(std::make_unique<Shard>(
        Shard{path,
              Xapian::WritableDatabase(path.string(),
                                       Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC),
              DocumentBuilder(),
              CommitBudget(share),
              {},
              {}}));
  }
  // The shards' documents carry their story band terms (the merged database says so).
  for (auto& shard : shards_)
    mark_story_bands(shard->db);
  for (auto& shard : shards_)
    shard->thread = std::thread([this, s = shard.get()] { run(*s); });
}

ShardSet::~ShardSet() {
  stop_writers();
  // Scratch: a load stopped (by a full disk, say) must not commit the shards as they close.
  for (auto& shard : shards_)
    discard_changes(shard->db);
  shards_.clear();
  spill_.close();
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

void ShardSet::stop_writers() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
    changed_.notify_all();
  }
  for (auto& shard : shards_) {
    if (shard->thread.joinable()) shard->thread.join();
  }
}

void ShardSet::rethrow_error() {
  std::lock_guard lock(mutex_);
  if (error_) std::rethrow_exception(error_);
}

void ShardSet::run(Shard& shard) {
  for (;;) {
    Work work;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return closing_ || error_ || !shard.queue.empty(); });
      if (error_ || shard.queue.empty()) return;
      work = std::move(shard.queue.front());
      shard.queue.pop_front();
      changed_.notify_all();
    }
    try {
      const std::size_t data_bytes = work.data.size();
      Xapian::Document doc = shard.builder.build(work.article, std::move(work.data));
      if (work.decorate) work.decorate(doc);
      shard.db.add_document(doc);
      if (shard.budget.add(doc, data_bytes)) {
        commit_with_room(shard.db, shard.path, shard.budget.values());
        shard.budget.reset();
      }
    } catch (...) {
      std::lock_guard lock(mutex_);
      if (!error_) error_ = std::current_exception();
      changed_.notify_all();
      return;
    }
  }
}

void ShardSet::set_aside(const std::string& tag, const std::string& stored_data) {
  spill_ << tag << '\t' << stored_data << '\n';  // JSON without raw newlines
  ++spilled_;
}

void ShardSet::submit(Article article, std::string stored_data, Decorate decorate) {
  Shard& shard = *shards_[submitted_++ % shards_.size()];
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return error_ || shard.queue.size() < kQueuedPerShard; });
  if (error_) std::rethrow_exception(error_);
  shard.queue.push_back(Work{std::move(article), std::move(stored_data), std::move(decorate)});
  changed_.notify_all();
}

void ShardSet::merge_into(const fs::path& output) {
  stop_writers();
  rethrow_error();
  Xapian::Database all;
  for (const auto& shard : shards_) {
    commit_with_room(shard->db, shard->path, shard->budget.values());
    all.add_database(shard->db);
  }
  // FULL packs blocks tightly (smaller index, faster reads) and leaves room for updates.
  all.compact(output.string(), Xapian::Compactor::FULL);
}

void ShardSet::replay_set_aside(
    const std::function<void(const std::string& tag, Article&&)>& apply) {
  if (spilled_ == 0) return;
  spill_.close();
  std::ifstream in(dir_ / "set-aside.jsonl", std::ios::binary);
  for (std::string line; std::getline(in, line);) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    apply(line.substr(0, tab), deserialise_article(line.substr(tab + 1)));
  }
}

}  // namespace nsearch
