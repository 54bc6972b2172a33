#include "read/formats/csv_reader.hpp"

#include <algorithm>
#include <array>
#include <tuple>

#include "text_util.hpp"

namespace nsearch {
namespace {

using nlohmann::json;

constexpr int kEnd = -1;
constexpr int kNone = -2;

// A byte source for the row parser over a sample held in memory.
class MemorySource {
 public:
  explicit MemorySource(std::string_view s) : s_(s) {}
  int get() { return pos_ < s_.size() ? static_cast<unsigned char>(s_[pos_++]) : kEnd; }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

struct QuoteStats {
  std::size_t good = 0;  // quoted fields closed right before a delimiter or line end
  std::size_t bad = 0;   // text after a closing quote, or a quote never closed
};

enum class RowStatus { ok, end, too_big, too_wide, unterminated };

// Splits rows per RFC 4180, leniently: text after a closing quote is kept as it is, and a lone
// CR ends a row like LF and CRLF.
template <class Source>
class RowParser {
 public:
  RowParser(Source& source, CsvDialect dialect) : source_(source), d_(dialect) {}

  RowStatus next(std::vector<std::string>& fields, std::size_t& start_line,
                 QuoteStats* stats = nullptr) {
    fields.clear();
    start_line = line_;
    int c = get();
    if (c == kEnd) return RowStatus::end;
    std::size_t bytes = 0;
    bool too_big = false;
    bool too_wide = false;
    std::string field;
    enum { start, plain, quoted, after_quote } state = start;

    const auto push = [&] {
      if (fields.size() >= kMaxCsvFields) {
        too_wide = true;
        fields.clear();
      }
      if (!too_big && !too_wide) fields.push_back(std::move(field));
      field.clear();
      state = start;
    };
    const auto keep = [&](int ch) {
      if (too_big || too_wide) return;
      if (++bytes > kMaxCsvRecordBytes) {
        too_big = true;
        field.clear();
        fields.clear();
        return;
      }
      field.push_back(static_cast<char>(ch));
    };
    const auto done = [&](RowStatus status) {
      if (too_big) return RowStatus::too_big;
      if (too_wide) return RowStatus::too_wide;
      return status;
    };

    for (;; c = get()) {
      if (state == quoted) {
        if (c == kEnd) {
          if (stats) ++stats->bad;
          push();
          return done(RowStatus::unterminated);
        }
        if (c != d_.quote) {
          if (c == '\n') ++line_;
          keep(c);
          continue;
        }
        const int after = get();
        if (after == d_.quote) {  // a doubled quote stands for one
          keep(c);
          continue;
        }
        if (stats) {
          const bool closes =
              after == d_.delimiter || after == '\n' || after == '\r' || after == kEnd;
          ++(closes ? stats->good : stats->bad);
        }
        state = after_quote;
        c = after;
      }
      if (c == kEnd) {
        push();
        return done(RowStatus::ok);
      }
      if (c == '\n' || c == '\r') {
        if (c == '\r') {
          const int lf = get();
          if (lf != '\n') pending_ = lf;
        }
        ++line_;
        push();
        return done(RowStatus::ok);
      }
      if (c == d_.delimiter) {
        push();
        continue;
      }
      if (state == start && d_.quote != '\0' && c == d_.quote) {
        state = quoted;
        continue;
      }
      if (state == start) state = plain;
      keep(c);
    }
  }

 private:
  int get() {
    if (pending_ != kNone) {
      const int c = pending_;
      pending_ = kNone;
      return c;
    }
    return source_.get();
  }

  Source& source_;
  CsvDialect d_;
  int pending_ = kNone;
  std::size_t line_ = 1;
};

constexpr std::size_t kSampleBytes = 256 * 1024;
constexpr std::size_t kSampleRows = 200;

// How well a dialect splits the sample: rows as wide as the first (when wider than one column),
// then the quoting evidence.
std::tuple<std::size_t, long long> score(std::string_view sample, CsvDialect dialect) {
  MemorySource source(sample);
  RowParser<MemorySource> parser(source, dialect);
  QuoteStats stats;
  std::vector<std::string> fields;
  std::size_t line = 0;
  std::size_t first_width = 0;
  std::size_t consistent = 0;
  for (std::size_t rows = 0; rows < kSampleRows; ++rows) {
    const RowStatus status = parser.next(fields, line, &stats);
    if (status == RowStatus::end) break;
    if (fields.size() == 1 && fields.front().empty()) continue;  // blank line
    if (first_width == 0) first_width = fields.size();
    if (fields.size() == first_width) ++consistent;
  }
  const long long evidence = static_cast<long long>(stats.good) - static_cast<long long>(stats.bad);
  return {first_width > 1 ? consistent : 0, dialect.quote == '\0' ? 0 : evidence};
}

std::string hint_columns(const std::vector<std::string>& header) {
  std::string s;
  for (std::size_t i = 0; i < header.size() && i < 12; ++i) {
    if (!s.empty()) s += ", ";
    s += header[i].empty() ? std::to_string(i) : header[i];
  }
  if (header.size() > 12) s += ", ...";
  return s;
}

}  // namespace

CsvDialect detect_csv_dialect(std::string_view sample, const CsvOptions& options, bool tsv) {
  std::vector<char> delimiters;
  if (options.delimiter != '\0') {
    delimiters = {options.delimiter};
  } else if (tsv) {
    delimiters = {'\t'};
  } else {
    delimiters = {',', ';', '\t', '|'};
  }
  std::vector<char> quotes;
  if (options.quote != '\0') {
    quotes = {options.quote};
  } else if (tsv) {
    quotes = {'\0', '"', '\''};  // TSV quotes only on evidence
  } else {
    quotes = {'"', '\'', '\0'};
  }
  CsvDialect best{delimiters.front(), quotes.front()};
  std::tuple<std::size_t, long long> best_score{0, 0};
  bool first = true;
  for (char d : delimiters) {
    for (char q : quotes) {
      if (q == d) continue;
      const CsvDialect dialect{d, q};
      const auto s = score(sample, dialect);
      if (first || s > best_score) {
        best = dialect;
        best_score = s;
        first = false;
      }
    }
  }
  return best;
}

void read_csv(InputFile& input, const ReadContext& ctx, const FieldMapper& mapper,
              const CsvOptions& options, bool tsv) {
  const char* kind = tsv ? "TSV" : "CSV";
  std::string_view sample = input.peek(kSampleBytes);
  if (looks_binary(sample)) {
    ctx.reject(0, SkipReason::binary_data, std::string("binary data, not ") + kind);
    return;
  }
  if (sample.starts_with("\xEF\xBB\xBF")) {
    input.skip(3);
    sample = input.peek(kSampleBytes);
  }
  if (sample.size() == kSampleBytes) {  // judge whole rows only
    if (const auto nl = sample.rfind('\n'); nl != std::string_view::npos) {
      sample = sample.substr(0, nl + 1);
    }
  }
  const CsvDialect dialect = detect_csv_dialect(sample, options, tsv);

  RowParser<InputFile> parser(input, dialect);
  std::vector<std::string> cells;
  std::size_t line = 0;
  std::vector<std::string> header;
  bool header_decided = false;
  const bool numbered_keys = mapper.uses_column_numbers();

  for (;;) {
    const RowStatus status = parser.next(cells, line);
    if (status == RowStatus::end) break;
    if (status == RowStatus::too_big) {
      ctx.reject(line, SkipReason::over_limit,
                 "row larger than " + std::to_string(kMaxCsvRecordBytes >> 20) + " MiB");
      continue;
    }
    if (status == RowStatus::too_wide) {
      ctx.reject(line, SkipReason::over_limit,
                 "row of more than " + std::to_string(kMaxCsvFields) + " columns");
      continue;
    }
    if (status == RowStatus::unterminated) {
      ctx.reject(line, SkipReason::truncated,
                 std::string("quoted field not closed before the end of the file (quote ") +
                     dialect.quote + ")");
      break;
    }
    if (cells.size() == 1 && text::trim(cells.front()).empty()) continue;  // blank line
    std::string joined;
    for (const auto& cell : cells)
      joined += cell, joined += '\n';
    if (const auto bad = text::find_invalid_utf8(joined)) {
      ctx.reject(line, SkipReason::invalid_encoding,
                 "invalid UTF-8 at byte " + std::to_string(*bad + 1) + " of the row");
      continue;
    }

    if (!header_decided) {
      header_decided = true;
      const bool known = std::any_of(cells.begin(), cells.end(),
                                     [&](const std::string& c) { return mapper.knows_key(c); });
      const bool has_header = !options.no_header && (known || !mapper.maps_columns_by_number());
      if (has_header) {
        for (const auto& cell : cells)
          header.emplace_back(text::trim(cell));
        if (!known && !mapper.has_user_mappings()) {
          ctx.reject(0, SkipReason::unsupported_format,
                     std::string("no column names an article field (columns: ") +
                         hint_columns(header) + "); name them with --map, e.g. --map body=COLUMN");
          return;
        }
        continue;
      }
      if (!mapper.has_user_mappings()) {
        ctx.reject(0, SkipReason::unsupported_format,
                   "no header row: name the columns by number with --map, e.g. "
                   "--map title=0 --map body=1");
        return;
      }
    }

    json record = json::object();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i < header.size() && !header[i].empty() && !record.contains(header[i])) {
        record[header[i]] = cells[i];
      }
      if (header.empty() || numbered_keys) {
        const std::string key = std::to_string(i);
        if (!record.contains(key)) record[key] = cells[i];
      }
    }
    Article article = mapper.map(record);
    if (!identifies_something(article)) {
      ctx.reject(line, SkipReason::no_article, "row has no id, url, title or body");
      continue;
    }
    article.source = ctx.path + ":" + std::to_string(line);
    ctx.emit(std::move(article));
  }
}

}  // namespace nsearch
