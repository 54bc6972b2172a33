#include "nsearch/indexer.hpp"

#include <xapian.h>

#include "document_builder.hpp"
#include "input_file.hpp"
#include "input_format.hpp"
#include "jsonl_reader.hpp"
#include "language_detect.hpp"
#include "languages.hpp"
#include "nsearch/dates.hpp"
#include "nsearch/error.hpp"
#include "nsearch/schema.hpp"
#include "stored_data.hpp"
#include "text_reader.hpp"
#include "text_util.hpp"

namespace nsearch {
namespace fs = std::filesystem;

namespace {

Xapian::WritableDatabase open_writable(const fs::path& path) {
  try {
    return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw Error(ErrorKind::database_locked,
                "database " + path.string() + " is locked by another writer (is nindex running?)");
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::database_error,
                "cannot open database " + path.string() + " for writing: " + e.get_msg());
  }
}

// "Mali Makes Deal" -> "mali-makes-deal"; ASCII letters and digits only, at most 48 chars.
std::string slug(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (out.size() >= 48) break;
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      out.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  while (!out.empty() && out.back() == '-')
    out.pop_back();
  return out.empty() ? "article" : out;
}

}  // namespace

struct Indexer::Impl {
  IndexOptions options;
  DiagnosticHandler on_diagnostic;
  Xapian::WritableDatabase db;
  DocumentBuilder builder;
  IndexReport report;
  std::size_t pending = 0;

  Impl(IndexOptions opts, DiagnosticHandler handler)
      : options(std::move(opts)),
        on_diagnostic(std::move(handler)),
        db(open_writable(options.db_path)) {}

  void warn(const std::string& location, const std::string& message) {
    if (on_diagnostic) on_diagnostic(Diagnostic{location, message});
  }

  // Fills in what the input left out and brings every field to its canonical form.
  void normalise(Article& a) {
    a.title = text::collapse_whitespace(a.title);
    a.outlet = text::collapse_whitespace(a.outlet);
    a.author = text::collapse_whitespace(a.author);
    a.category = text::collapse_whitespace(a.category);
    a.url = std::string(text::trim(a.url));
    a.id = std::string(text::trim(a.id));
    if (a.outlet.empty()) a.outlet = options.default_outlet;

    if (!a.date.empty()) {
      if (const auto parsed = parse_date(a.date)) {
        a.date = parsed->iso();
      } else {
        warn(a.source, "unrecognised date \"" + a.date + "\"; indexed without a date");
        a.date.clear();
      }
    }

    a.lang = a.lang.empty() ? std::string(schema::kUndeterminedLang) : languages::normalise(a.lang);
    if (a.lang == schema::kUndeterminedLang) {
      a.lang = detect_language(a.title + "\n" + a.body);
      if (a.lang == schema::kUndeterminedLang && !options.default_lang.empty()) {
        a.lang = languages::normalise(options.default_lang);
      }
    }

    if (a.id.empty()) a.id = derive_id(a);
  }

  // A stable id for articles that bring none: from the URL, else from the source location.
  static std::string derive_id(const Article& a) {
    if (!a.url.empty()) {
      const std::string host = text::url_host(a.url);
      return (host.empty() ? "url" : host) + "-" + text::hex_digest(a.url).substr(0, 12);
    }
    // The source is "path" or "path:line"; its absolute form does not depend on the cwd.
    std::string location = a.source;
    std::string line;
    if (const auto colon = location.rfind(':');
        colon != std::string::npos &&
        location.find_first_not_of("0123456789", colon + 1) == std::string::npos) {
      line = location.substr(colon + 1);
      location.resize(colon);
    }
    std::error_code ec;
    fs::path absolute = fs::weakly_canonical(fs::path(location), ec);
    if (ec) absolute = fs::absolute(fs::path(location));
    std::string stem = fs::path(location).filename().string();
    if (const auto dot = stem.find('.'); dot != std::string::npos && dot > 0) stem.resize(dot);
    std::string id = slug(stem) + "-" + text::hex_digest(absolute.string()).substr(0, 8);
    if (!line.empty()) id += "-" + line;
    return id;
  }

  void index(Article article) {
    normalise(article);
    ++report.articles;
    // Compare digests of the stored data first: an unchanged article costs no term generation.
    std::string data = serialise_article(article);
    const std::string digest = text::hex_digest(data);
    const std::string id_term = schema::id_term(article.id);
    Xapian::PostingIterator existing = db.postlist_begin(id_term);
    const bool exists = existing != db.postlist_end(id_term);
    if (exists && db.get_document(*existing).get_value(schema::kContentHashSlot) == digest) {
      ++report.unchanged;
      return;
    }
    const Xapian::Document doc = builder.build(article, std::move(data));
    if (exists) {
      db.replace_document(id_term, doc);
      ++report.updated;
    } else {
      db.add_document(doc);
      ++report.added;
    }
    if (++pending >= options.commit_interval) commit();
  }

  void commit() {
    db.commit();
    pending = 0;
  }

  void read_file(const fs::path& path, bool named_explicitly) {
    const InputFormat format = format_of(path);
    const std::string display = path.string();
    if (format == InputFormat::unsupported) {
      if (named_explicitly) {
        warn(display, "unsupported file type (expected .txt, .jsonl or .ndjson, optionally .gz)");
        ++report.skipped;
      }
      return;
    }
    std::size_t emitted = 0;
    std::size_t rejected = 0;
    ReadContext ctx{
        display,
        [&](Article&& a) {
          ++emitted;
          index(std::move(a));
        },
        [&](std::size_t line, const std::string& reason) {
          ++rejected;
          ++report.skipped;
          warn(line == 0 ? display : display + ":" + std::to_string(line), reason + "; skipped");
        },
    };
    try {
      InputFile input(path);
      ++report.files;
      if (format == InputFormat::text) {
        const std::string content = input.read_all(kMaxTextFileBytes);
        read_text_article(content, ctx);
      } else {
        read_jsonl(input, ctx);
      }
      report.bytes += input.bytes_read();
    } catch (const Error& e) {
      ctx.reject(0, e.what());
      return;
    }
    if (emitted == 0 && rejected == 0) ctx.reject(0, "empty file, no articles");
  }
};

Indexer::Indexer(IndexOptions options, DiagnosticHandler on_diagnostic)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(on_diagnostic))) {}

Indexer::~Indexer() {
  try {
    impl_->commit();
  } catch (const Xapian::Error& e) {
    impl_->warn(impl_->options.db_path.string(), "final commit failed: " + e.get_msg());
  }
}

void Indexer::add(std::span<const fs::path> paths) {
  for (const fs::path& root : paths) {
    std::vector<fs::path> files;
    try {
      files = list_input_files(root);
    } catch (const Error& e) {
      impl_->warn(root.string(), e.what());
      ++impl_->report.skipped;
      continue;
    }
    for (const fs::path& file : files) {
      try {
        impl_->read_file(file, file == root);
      } catch (const Xapian::Error& e) {
        throw Error(ErrorKind::database_error,
                    "while indexing " + file.string() + ": " + e.get_description());
      }
    }
  }
}

void Indexer::add_article(Article article) {
  try {
    impl_->index(std::move(article));
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::database_error, e.get_description());
  }
}

std::size_t Indexer::remove(std::span<const std::string> ids) {
  std::size_t removed = 0;
  try {
    for (const std::string& id : ids) {
      const std::string term = schema::id_term(id);
      if (impl_->db.term_exists(term)) {
        impl_->db.delete_document(term);
        ++removed;
      }
    }
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::database_error, e.get_description());
  }
  impl_->report.removed += removed;
  return removed;
}

void Indexer::commit() {
  try {
    impl_->commit();
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::database_error, "commit failed: " + e.get_description());
  }
}

const IndexReport& Indexer::report() const {
  return impl_->report;
}

}  // namespace nsearch
