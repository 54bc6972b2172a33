// nsearch::compact_database: Xapian compaction of a plain or sharded database; and
// is_sharded_database.
#include <vector>

#include <xapian.h>

#include "nsearch/database_maintenance.hpp"
#include "nsearch/error.hpp"
#include "nsearch/shard_stub.hpp"
#include "write/impact_tier_builder.hpp"
#include "write/shard_layout.hpp"

namespace nsearch {
namespace fs = std::filesystem;

bool is_sharded_database(const fs::path& db_path) {
  return stub_file_of(db_path).has_value();
}

namespace {

// A path beside `old` that does not exist yet: "shard-0" -> "shard-0.c1", "shard-0.c2"...
fs::path fresh_path_beside(const fs::path& old) {
  std::string base = old.filename().string();
  base = base.substr(0, base.find('.'));
  for (int generation = 1;; ++generation) {
    fs::path candidate = old.parent_path() / (base + ".c" + std::to_string(generation));
    std::error_code ec;
    if (!fs::exists(candidate, ec)) return candidate;
  }
}

// Deletes a replaced database, but only a folder that holds nothing else: a stub may name any
// path, and nothing but Xapian's own files is ever deleted.
void remove_database_folder(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name != "iamglass" && name != "iamchert" && name != "flintlock" &&
        !name.ends_with(".glass") && !name.ends_with(".DB") && !name.ends_with(".tmp") &&
        !name.ends_with(".baseA") && !name.ends_with(".baseB")) {
      return;
    }
  }
  fs::remove_all(dir, ec);
}

CompactReport compact_plain(const fs::path& db_path) {
  Xapian::WritableDatabase db = open_shard_for_writing(db_path);  // holds the lock meanwhile
  CompactReport report{1, 1, db.get_doccount()};
  fs::path compacted = db_path;
  compacted += ".compact";
  fs::path old = db_path;
  old += ".old";
  std::error_code ec;
  fs::remove_all(compacted, ec);
  fs::remove_all(old, ec);
  db.compact(compacted.string(), Xapian::Compactor::FULL);
  {
    // The compacted database is a new one (its own UUID): the tiers it copied are not trusted
    // there, so they are built again before it takes the old one's place.
    Xapian::WritableDatabase copy(compacted.string(), Xapian::DB_OPEN);
    if (update_impact_tiers(copy) != ImpactTierUpdate::none) copy.commit();
  }
  // Between the two renames there is no database at the path: an interruption there leaves
  // both copies beside it (`.old` and `.compact`), nothing is lost.
  fs::rename(db_path, old);
  fs::rename(compacted, db_path);
  db.close();
  remove_database_folder(old);
  return report;
}

}  // namespace

CompactReport compact_database(const fs::path& db_path, bool merge) {
  try {
    if (!is_sharded_database(db_path)) {
      std::error_code ec;
      if (!fs::exists(db_path, ec)) {
        throw Error(ErrorKind::database_not_found, "no database at " + db_path.string());
      }
      return compact_plain(db_path);
    }
    ShardStub stub = local_shards(db_path, 0);
    std::vector<Xapian::WritableDatabase> locked;  // every shard, against writers
    Xapian::Database all;
    for (const ShardEntry& shard : stub.shards) {
      locked.push_back(open_shard_for_writing(shard.path));
      all.add_database(locked.back());
    }
    CompactReport report{stub.shards.size(), 0, all.get_doccount()};
    const std::vector<ShardEntry> old = stub.shards;
    stub.shards.clear();
    if (merge) {
      const fs::path merged = fresh_path_beside(old.front().path);
      all.compact(merged.string(), Xapian::Compactor::FULL);
      stub.shards.push_back({false, merged.filename().string(), merged});
    } else {
      for (std::size_t i = 0; i < old.size(); ++i) {
        const fs::path compacted = fresh_path_beside(old[i].path);
        locked[i].compact(compacted.string(), Xapian::Compactor::FULL);
        stub.shards.push_back({false, compacted.filename().string(), compacted});
      }
    }
    // Searchers that open the database from now on see the new shards only.
    write_stub(stub);
    report.shards_after = stub.shards.size();
    for (auto& db : locked)
      db.close();
    for (const ShardEntry& shard : old)
      remove_database_folder(shard.path);
    return report;
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::database_error, "compaction failed: " + e.get_description());
  }
}

}  // namespace nsearch
