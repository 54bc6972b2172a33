#include "nsearch/article_reader.hpp"

#include "analyse/derived_title.hpp"
#include "analyse/language_detect.hpp"
#include "languages.hpp"
#include "nsearch/dates.hpp"
#include "nsearch/error.hpp"
#include "nsearch/schema.hpp"
#include "read/field_mapping.hpp"
#include "read/input_dispatch.hpp"
#include "read/input_format.hpp"
#include "read/skip_reasons.hpp"
#include "text_util.hpp"

namespace nsearch {
namespace fs = std::filesystem;

namespace {

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

// A stable id for articles that bring none: from the URL, else from the source location.
std::string derive_id(const Article& a) {
  if (!a.url.empty()) {
    const std::string host = text::url_host(a.url);
    return (host.empty() ? "url" : host) + "-" + text::hex_digest(a.url).substr(0, 12);
  }
  // The source is "path", "path:line", "archive!member" or "archive!member:line"; the file's
  // absolute form does not depend on the cwd.
  std::string location = a.source;
  std::string line;
  if (const auto colon = location.rfind(':');
      colon != std::string::npos && colon + 1 < location.size() &&
      location.find_first_not_of("0123456789", colon + 1) == std::string::npos) {
    line = location.substr(colon + 1);
    location.resize(colon);
  }
  std::string member;
  if (const auto bang = location.find('!'); bang != std::string::npos) {
    std::error_code ec;
    if (!fs::exists(fs::path(location), ec)) {  // a file may have '!' in its name
      member = location.substr(bang);
      location.resize(bang);
    }
  }
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(fs::path(location), ec);
  if (ec) absolute = fs::absolute(fs::path(location));
  std::string stem = fs::path(member.empty() ? location : member).filename().string();
  if (const auto dot = stem.find('.'); dot != std::string::npos && dot > 0) stem.resize(dot);
  std::string id = slug(stem) + "-" + text::hex_digest(absolute.string() + member).substr(0, 8);
  if (!line.empty()) id += "-" + line;
  return id;
}

}  // namespace

struct ArticleReader::Impl {
  ReadOptions options;
  DiagnosticHandler on_diagnostic;
  FieldMapper mapper;
  ReadReport report;

  Impl(ReadOptions opts, DiagnosticHandler handler)
      : options(std::move(opts)), on_diagnostic(std::move(handler)), mapper(options.field_map) {}

  void warn(const std::string& location, const std::string& message) const {
    if (on_diagnostic) on_diagnostic(Diagnostic{location, message});
  }
};

ArticleReader::ArticleReader(ReadOptions options, DiagnosticHandler on_diagnostic)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(on_diagnostic))) {}
ArticleReader::~ArticleReader() = default;

void ArticleReader::read(std::span<const fs::path> paths,
                         const std::function<void(Article&&)>& on_article) {
  for (const fs::path& root : paths) {
    for (const fs::path& file : list(root))
      read_file(file, file == root, on_article);
  }
}

std::vector<fs::path> ArticleReader::list(const fs::path& root) {
  std::vector<fs::path> files;
  try {
    files = list_input_files(root);
  } catch (const Error& e) {
    impl_->warn(root.string(), std::string(e.what()) + "; skipped");
    ++impl_->report.skipped;
    ++impl_->report.skipped_by_reason[std::string(skip_reason_name(skip_reason_of(e)))];
    return {};
  }
  // What read_file() would pass over unread is not listed (nor digested by the indexer).
  impl_->report.ignored += std::erase_if(files, [&](const fs::path& file) {
    return file != root && (format_of(file) == InputFormat::unsupported || is_documentation(file));
  });
  return files;
}

void ArticleReader::read_file(const fs::path& file, bool named,
                              const std::function<void(Article&&)>& on_article) {
  InputDispatcher dispatcher(
      impl_->options, impl_->mapper, impl_->report,
      [&](Article&& a) {
        if (impl_->options.normalise) normalise(a);
        on_article(std::move(a));
      },
      [&](const std::string& location, const std::string& message) {
        impl_->warn(location, message);
      });
  dispatcher.read_file(file, named);
}

void ArticleReader::normalise(Article& a) const {
  a.title = text::collapse_whitespace(a.title);
  a.outlet = text::collapse_whitespace(a.outlet);
  a.author = text::collapse_whitespace(a.author);
  a.category = text::collapse_whitespace(a.category);
  a.url = std::string(text::trim(a.url));
  a.id = std::string(text::trim(a.id));
  if (a.outlet.empty()) a.outlet = impl_->options.default_outlet;

  if (!a.date.empty()) {
    // A date with trailing noise ("Jan 15, 2008 7:00 pm US") still has a date in it.
    if (auto parsed = parse_date(a.date); parsed || (parsed = find_date(a.date))) {
      a.date = parsed->iso();
    } else {
      impl_->warn(a.source, "unrecognised date \"" + a.date + "\"; indexed without a date");
      a.date.clear();
    }
  }

  a.lang = a.lang.empty() ? std::string(schema::kUndeterminedLang) : languages::normalise(a.lang);
  if (a.lang == schema::kUndeterminedLang) {
    a.lang = detect_language(a.title + "\n" + a.body);
    if (a.lang == schema::kUndeterminedLang && !impl_->options.default_lang.empty()) {
      a.lang = languages::normalise(impl_->options.default_lang);
    }
  }

  if (const auto kind = schema::canonical_kind(a.kind)) {
    a.kind = *kind;
  } else {
    impl_->warn(a.source, "unknown kind \"" + a.kind + "\" (expected " +
                              std::string(schema::kArticleKind) + " or " +
                              std::string(schema::kPageKind) + "); indexed as an article");
    a.kind = schema::kArticleKind;
  }

  // After language detection, which has the body's words already. The id never depends on
  // the title.
  if (a.title.empty() && !a.body.empty()) {
    a.title = derive_title(a.body);
    a.title_derived = !a.title.empty();
  }
  a.title_derived = a.title_derived && !a.title.empty();

  if (a.id.empty()) a.id = derive_id(a);
}

const ReadReport& ArticleReader::report() const {
  return impl_->report;
}

}  // namespace nsearch
