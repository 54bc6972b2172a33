#include "nsearch/database_stats.hpp"

#include <algorithm>

#include "database_stats_of.hpp"
#include "json_writer.hpp"
#include "nsearch/error.hpp"
#include "nsearch/schema.hpp"
#include "open_database.hpp"
#include "text_util.hpp"

namespace nsearch {
namespace {

// "20210924083000" -> "2021-09-24".
std::string iso_day_of_key(std::string_view key) {
  if (key.size() < 8) return {};
  return std::string(key.substr(0, 4)) + "-" + std::string(key.substr(4, 2)) + "-" +
         std::string(key.substr(6, 2));
}

bool by_count(const FacetCount& a, const FacetCount& b) {
  return a.count != b.count ? a.count > b.count : a.value < b.value;
}

}  // namespace

DatabaseStats database_stats_of(const Xapian::Database& db) {
  DatabaseStats stats;
  stats.documents = db.get_doccount();
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query::MatchAll);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::ValueCountMatchSpy outlets(schema::kOutletSlot);  // counts non-empty values only
  enquire.add_matchspy(&outlets);
  enquire.get_mset(0, 0, db.get_doccount());
  for (auto it = outlets.values_begin(); it != outlets.values_end(); ++it)
    stats.outlets.push_back({*it, static_cast<std::size_t>(it.get_termfreq())});
  std::sort(stats.outlets.begin(), stats.outlets.end(), by_count);

  const std::string lang_prefix(schema::kLangPrefix);
  for (auto it = db.allterms_begin(lang_prefix); it != db.allterms_end(lang_prefix); ++it) {
    stats.languages.push_back(
        {(*it).substr(lang_prefix.size()), static_cast<std::size_t>(it.get_termfreq())});
  }
  std::stable_sort(stats.languages.begin(), stats.languages.end(),
                   [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });

  const std::string day_prefix(schema::kDayPrefix);
  auto first = db.allterms_begin(day_prefix);
  if (first != db.allterms_end(day_prefix)) {
    stats.date_min = iso_day_of_key((*first).substr(day_prefix.size()));
    std::string last;
    for (auto it = first; it != db.allterms_end(day_prefix); ++it)
      last = *it;
    stats.date_max = iso_day_of_key(last.substr(day_prefix.size()));
  }
  return stats;
}

DatabaseStats database_stats(const std::filesystem::path& db_path) {
  const Xapian::Database db = open_database(db_path);
  try {
    return database_stats_of(db);
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::database_error,
                "cannot read the statistics of " + db_path.string() + ": " + e.get_msg());
  }
}

std::string to_json(const DatabaseStats& stats) {
  JsonWriter w;
  auto counts = [&w](const std::vector<FacetCount>& values) {
    w.begin_array();
    for (const auto& c : values)
      w.begin_object().key("value").string(c.value).key("count").number(c.count).end_object();
    w.end_array();
  };
  w.begin_object();
  w.key("documents").number(stats.documents);
  w.key("outlets");
  counts(stats.outlets);
  w.key("languages");
  counts(stats.languages);
  w.key("date_min").string_or_null(stats.date_min);
  w.key("date_max").string_or_null(stats.date_max);
  w.end_object();
  return w.take();
}

void write_text(std::ostream& out, const DatabaseStats& stats) {
  out << "documents: " << stats.documents << "\n";
  out << "dates: " << (stats.date_min.empty() ? "(none)" : stats.date_min + " .. " + stats.date_max)
      << "\n";
  out << "languages:";
  for (const auto& lang : stats.languages)
    out << " " << lang.value << " (" << lang.count << ")";
  out << "\noutlets: " << stats.outlets.size() << "\n";
  for (const auto& outlet : stats.outlets) {
    out << "  ";
    text::write_printable(out, outlet.value);
    out << " (" << outlet.count << ")\n";
  }
}

}  // namespace nsearch
