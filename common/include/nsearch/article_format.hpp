// Printing an article as the indexer sees it (`nindex extract`) and as exports write it
// (`nsearch export`).
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nsearch/article.hpp"

namespace nsearch {

/// One-line JSON object with keys id, url, title, title_derived (true when the title was
/// derived from the body), outlet, date, author, lang, category, kind ("article" or "page"),
/// body, source; unknown fields are null.
std::string to_json(const Article& article);

/// The field names of to_json(Article), in its order.
std::span<const std::string_view> article_fields();

/// The fields of a comma-separated list ("id,date,title"), checked against article_fields().
/// Throws Error(invalid_argument) naming an unknown field, or when none is named.
std::vector<std::string> parse_article_fields(std::string_view list);

/// One-line JSON object with only these fields, in this order.
std::string to_json(const Article& article, std::span<const std::string> fields);

/// One CSV record of these fields (RFC 4180: a field holding a comma, a quote or a line break is
/// quoted, quotes doubled; unknown is empty, title_derived "true" or "false"), without a line
/// end.
std::string to_csv(const Article& article, std::span<const std::string> fields);

/// How exports write articles (`nsearch export`, `/api/export`): JSON lines or CSV, with the
/// chosen fields.
class ExportFormat {
 public:
  /// `format` is "jsonl" or "csv"; `fields` a comma-separated list (see parse_article_fields),
  /// empty for all of them. Throws Error(invalid_argument).
  ExportFormat(std::string_view format, std::string_view fields);
  /// What comes first: the CSV header record, nothing for JSON lines.
  std::string header() const;
  /// One article, with its line end (CSV's is CRLF).
  std::string record(const Article& article) const;
  /// The media type: "application/x-ndjson" or "text/csv", with the charset.
  std::string_view content_type() const;

 private:
  bool csv_ = false;
  bool all_fields_ = true;
  std::vector<std::string> fields_;
};

/// A readable block: the metadata fields one per line, a blank line, then the body.
void write_text(std::ostream& out, const Article& article);

}  // namespace nsearch
