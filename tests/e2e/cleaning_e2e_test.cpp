// End-to-end cleaning through `nindex extract`: the seed article field by field, and hostile
// pages handled in bounded time with a clear message.
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>

#include "run_command.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using nsearch::test::CommandResult;
using nsearch::test::run_command;
using nsearch::test::TempDir;

namespace {

void write_file(const fs::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

// Runs `nindex extract --json FILE`; returns the result and how long it took.
std::pair<CommandResult, double> extract(const fs::path& file) {
  const auto start = std::chrono::steady_clock::now();
  CommandResult r = run_command({NINDEX_BIN, "extract", "--json", file.string()});
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  return {std::move(r), took.count()};
}

}  // namespace

TEST_CASE("extract: the seed article comes out clean, field by field", "[e2e][cleaning]") {
  const fs::path seed = fs::path(NSEARCH_CORPUS_DIR) / "seed/mali-wagner-newdiplomat.txt";
  const auto [r, seconds] = extract(seed);
  REQUIRE(r.exit_code == 0);
  const auto a = nlohmann::json::parse(r.out);
  CHECK(a.at("title") == "Mali Makes Deal With Russian Mercenaries, Snubs France");
  CHECK(a.at("outlet") == "The New Diplomat");
  CHECK(a.at("author") == "Agency Report");
  CHECK(a.at("date").is_null());  // the page has none: never invented
  CHECK(a.at("lang") == "en");
  const std::string body = a.at("body");
  CHECK(body.starts_with("Mali has the right to seek military support"));
  CHECK(body.ends_with("deploying more European special forces."));
  for (const char* boilerplate :
       {"Related stories", "Ribadu", "Cambodia", "Subscribe", "Latest stories", "Tinubu",
        "whatsapp", "Agency Report", "ethical journalism", "newdiplomatng.com",
        "Cat:", "Never miss a story", "NDN"}) {
    INFO(boilerplate);
    CHECK(body.find(boilerplate) == std::string::npos);
  }
}

TEST_CASE("extract: hostile pages finish quickly with a clear message", "[e2e][cleaning]") {
  TempDir dir;
  // 10 MB on one line, as a text dump and as HTML.
  write_file(dir / "one-line.txt", std::string(10u << 20, 'a'));
  write_file(dir / "one-line.html",
             "<html><body><p>" + std::string(10u << 20, 'b') + "</p></body></html>");
  // 200,000 nested elements.
  std::string nested;
  for (int i = 0; i < 200000; ++i)
    nested += "<div>";
  write_file(dir / "nested.html", "<html><body>" + nested + "<p>deep</p></body></html>");
  // NUL bytes inside a page, an empty page, a page that declares the wrong charset.
  write_file(dir / "nul.html", std::string("<html><body><p>a\0b\0c</p></body></html>", 38));
  write_file(dir / "empty.html", "");
  const std::string latin1_body =
      "<p>Le pr\xe9sident a annonc\xe9 mardi une r\xe9"
      "forme des retraites, apr\xe8s des "
      "semaines de n\xe9gociations avec les syndicats et le patronat.</p>";
  write_file(dir / "latin1.html",
             "<html><head><meta charset=\"utf-8\"><title>R\xe9"
             "forme</title></head><body>" +
                 latin1_body + latin1_body + latin1_body + "</body></html>");

  for (const char* name :
       {"one-line.txt", "one-line.html", "nested.html", "nul.html", "empty.html", "latin1.html"}) {
    INFO(name);
    const auto [r, seconds] = extract(dir / name);
    CHECK(seconds < 20.0);
    CHECK((r.exit_code == 0 || r.exit_code == 1));  // indexed, or skipped with a warning
    if (r.exit_code == 1) CHECK(r.err.find(name) != std::string::npos);
    if (r.exit_code == 0) {
      // Whatever was extracted is valid JSON with valid UTF-8 text.
      const auto a = nlohmann::json::parse(r.out);
      CHECK(a.contains("body"));
    }
  }
  // The mis-declared Latin-1 page is decoded, not dropped or garbled.
  const auto [latin, seconds] = extract(dir / "latin1.html");
  REQUIRE(latin.exit_code == 0);
  CHECK(nlohmann::json::parse(latin.out).at("body").get<std::string>().find("président") !=
        std::string::npos);
  const auto [empty, s2] = extract(dir / "empty.html");
  CHECK(empty.exit_code == 1);
  CHECK(empty.err.find("empty") != std::string::npos);
}
