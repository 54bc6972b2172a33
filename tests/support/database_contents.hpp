// Everything a search can see of each document of a database, by article id (test support).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include <xapian.h>
#include <catch2/catch.hpp>

#include "nsearch/schema.hpp"

namespace nsearch::test {

// Data, terms with wdf and positions, values.
struct DocumentContent {
  std::string data;
  std::vector<std::tuple<std::string, Xapian::termcount, std::vector<Xapian::termpos>>> terms;
  std::map<Xapian::valueno, std::string> values;
  bool operator==(const DocumentContent&) const = default;
};

// Documents by id (of a database or of the shards a stub lists); fails the test when an id is
// held by more than one document.
inline std::map<std::string, DocumentContent> contents(const std::filesystem::path& db_path) {
  Xapian::Database db(db_path.string());
  std::map<std::string, DocumentContent> out;
  const std::string prefix(schema::kIdPrefix);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    REQUIRE(t.get_termfreq() == 1);
    const Xapian::docid did = *db.postlist_begin(*t);
    const Xapian::Document doc = db.get_document(did);
    DocumentContent c;
    c.data = doc.get_data();
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
      // Bookkeeping of incremental indexing (input file and copy terms), which no search sees
      // and sharded databases do not keep yet.
      if ((*term).starts_with(nsearch::schema::kSourceFilePrefix) ||
          (*term).starts_with(nsearch::schema::kCopyPrefix)) {
        continue;
      }
      std::vector<Xapian::termpos> positions(db.positionlist_begin(did, *term),
                                             db.positionlist_end(did, *term));
      c.terms.emplace_back(*term, term.get_wdf(), std::move(positions));
    }
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
      c.values[v.get_valueno()] = *v;
    out.emplace((*t).substr(prefix.size()), std::move(c));
  }
  REQUIRE(out.size() == db.get_doccount());
  return out;
}

}  // namespace nsearch::test
