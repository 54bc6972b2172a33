#include "write/story_bands.hpp"

#include <string>
#include <vector>

#include "nsearch/schema.hpp"
#include "story_signature.hpp"
#include "write/safe_commit.hpp"

namespace nsearch {

namespace {
// Documents rewritten between commits while upgrading: bounds the changes Xapian buffers.
constexpr std::size_t kUpgradeBatch = 2000;
}  // namespace

void mark_story_bands(Xapian::WritableDatabase& db) {
  db.set_metadata(std::string(schema::kStoryBandsKey), "1");
}

std::size_t ensure_story_bands(Xapian::WritableDatabase& db, const std::filesystem::path& path,
                               const std::function<void(std::size_t)>& before_upgrade) {
  if (!db.get_metadata(std::string(schema::kStoryBandsKey)).empty()) return 0;
  // The documents to upgrade are listed first: rewriting them while walking the value
  // stream would change what is walked.
  std::vector<Xapian::docid> signed_docs;
  for (auto it = db.valuestream_begin(schema::kStorySignatureSlot);
       it != db.valuestream_end(schema::kStorySignatureSlot); ++it)
    signed_docs.push_back(it.get_docid());
  if (!signed_docs.empty() && before_upgrade) before_upgrade(signed_docs.size());
  std::size_t upgraded = 0;
  try {
    ValueRoom values;  // read to get the signature, so written back
    for (const Xapian::docid did : signed_docs) {
      Xapian::Document doc = db.get_document(did);
      const auto signature = story::decode(doc.get_value(schema::kStorySignatureSlot));
      if (!signature) continue;
      for (const std::uint32_t band : story::band_keys(*signature))
        doc.add_boolean_term(schema::story_band_term(band));
      db.replace_document(did, doc);
      values.rewrite(doc.values_count());
      if (++upgraded % kUpgradeBatch == 0) {
        commit_with_room(db, path, values);
        values.reset();
      }
    }
    mark_story_bands(db);
    commit_with_room(db, path, values);
  } catch (...) {
    discard_changes(db);  // the caller's error path closes `db`: it must not commit them
    throw;
  }
  return upgraded;
}

}  // namespace nsearch
