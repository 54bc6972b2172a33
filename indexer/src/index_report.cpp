// IndexReport as JSON (nsearch/indexer.hpp): what `nindex add --json` and the Python module's
// Indexer.add() return.
#include <nlohmann/json.hpp>

#include "nsearch/indexer.hpp"

namespace nsearch {

std::string report_json(const IndexReport& r, double elapsed_seconds) {
  const nlohmann::ordered_json j = {
      {"files", r.files},           {"unchanged_files", r.unchanged_files},
      {"articles", r.articles},     {"added", r.added},
      {"replaced", r.replaced},     {"unchanged", r.unchanged},
      {"duplicates", r.duplicates}, {"removed", r.removed},
      {"skipped", r.skipped},       {"skipped_by_reason", r.skipped_by_reason},
      {"bytes", r.bytes},           {"elapsed_seconds", elapsed_seconds},
      {"interrupted", r.stopped},
  };
  return j.dump();
}

}  // namespace nsearch
