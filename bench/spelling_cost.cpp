// spelling_cost: what Xapian's spelling table would cost at index time, to decide how "did you
// mean" works. Indexes the title and body of every record of a JSON Lines corpus twice into
// scratch databases, with the same TermGenerator, once plain and once with FLAG_SPELLING (the
// add_spelling() data get_spelling_suggestion() needs), and prints both times, the ratio and
// the database sizes.
//
//   spelling_cost [--corpus FILE.jsonl.gz] [--work DIR]
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

std::vector<std::string> read_texts(const fs::path& path) {
  gzFile in = gzopen(path.c_str(), "rb");
  if (in == nullptr) throw std::runtime_error("cannot open " + path.string());
  std::string data;
  char buf[1 << 16];
  for (int n; (n = gzread(in, buf, sizeof buf)) > 0;)
    data.append(buf, static_cast<std::size_t>(n));
  gzclose(in);
  std::vector<std::string> texts;
  std::size_t start = 0;
  while (start < data.size()) {
    const std::size_t end = std::min(data.find('\n', start), data.size());
    const auto j = nlohmann::json::parse(data.substr(start, end - start), nullptr, false);
    start = end + 1;
    if (!j.is_object()) continue;
    std::string text;
    for (const char* key : {"title", "body"}) {
      if (j.contains(key) && j[key].is_string()) text += j[key].get<std::string>() + "\n";
    }
    texts.push_back(std::move(text));
  }
  return texts;
}

std::uintmax_t size_of(const fs::path& dir) {
  std::uintmax_t bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) bytes += e.file_size();
  return bytes;
}

double index_all(const std::vector<std::string>& texts, const fs::path& db_path, bool spelling) {
  fs::remove_all(db_path);
  const auto start = std::chrono::steady_clock::now();
  Xapian::WritableDatabase db(db_path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  if (spelling) {
    generator.set_database(db);
    generator.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
  }
  for (const auto& text : texts) {
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(text);
    db.add_document(doc);
  }
  db.commit();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"spelling_cost: indexing time with and without Xapian's spelling table"};
  fs::path corpus = NSEARCH_DEFAULT_BENCH_CORPUS;
  fs::path work = fs::temp_directory_path() / "nsearch-spelling-cost";
  app.add_option("--corpus", corpus, "JSON Lines corpus (gzip)");
  app.add_option("--work", work, "scratch folder");
  CLI11_PARSE(app, argc, argv);
  try {
    const auto texts = read_texts(corpus);
    fs::create_directories(work);
    const double plain_s = index_all(texts, work / "plain", false);
    const double spelling_s = index_all(texts, work / "spelling", true);
    std::printf(
        "%zu articles: plain %.2f s (%.1f MB), with spelling table %.2f s (%.1f MB): "
        "%.2fx the time, %.2fx the size\n",
        texts.size(), plain_s, static_cast<double>(size_of(work / "plain")) / 1e6, spelling_s,
        static_cast<double>(size_of(work / "spelling")) / 1e6, spelling_s / plain_s,
        static_cast<double>(size_of(work / "spelling")) /
            static_cast<double>(size_of(work / "plain")));
    fs::remove_all(work);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "spelling_cost: %s\n", e.what());
    return 2;
  }
}
