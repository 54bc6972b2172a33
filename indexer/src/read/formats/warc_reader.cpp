#include "read/formats/warc_reader.hpp"

#include <algorithm>
#include <exception>
#include <optional>

#include "clean/extraction.hpp"
#include "nsearch/dates.hpp"
#include "nsearch/error.hpp"
#include "read/archive_input.hpp"
#include "read/formats/http_response.hpp"
#include "text_util.hpp"

namespace nsearch {
namespace {

struct WarcHeader {
  std::string type;        // lower case: "response", "request", ...
  std::string target_uri;  // WARC-Target-URI
  std::string date;        // WARC-Date
  std::string content_type;
  std::optional<std::uint64_t> content_length;
};

std::optional<std::uint64_t> parse_length(std::string_view s) {
  s = text::trim(s);
  if (s.empty() || s.size() > 15) return std::nullopt;
  std::uint64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return n;
}

enum class HeaderStatus { ok, end, not_warc, malformed };

// What is wrong with a malformed record header.
struct Problem {
  SkipReason reason = SkipReason::malformed_record;
  std::string text;
};

// Reads the version line and named fields of the next record.
HeaderStatus read_header(InputFile& input, WarcHeader& h, Problem& problem) {
  std::string line;
  InputFile::LineStatus status;
  do {  // blank lines end the previous record
    status = input.read_line(line, kMaxWarcHeaderBytes);
  } while (status == InputFile::LineStatus::ok && text::trim(line).empty());
  if (status == InputFile::LineStatus::end) return HeaderStatus::end;
  if (status == InputFile::LineStatus::too_long || !line.starts_with("WARC/")) {
    return HeaderStatus::not_warc;
  }
  h = WarcHeader{};
  std::size_t total = line.size();
  for (;;) {
    status = input.read_line(line, kMaxWarcHeaderBytes);
    if (status != InputFile::LineStatus::ok) {
      problem = status == InputFile::LineStatus::end
                    ? Problem{SkipReason::truncated, "the file ends inside a record header"}
                    : Problem{SkipReason::over_limit, "record header too long"};
      return HeaderStatus::malformed;
    }
    if (line.empty()) break;
    total += line.size();
    if (total > kMaxWarcHeaderBytes) {
      problem = {SkipReason::over_limit,
                 "record header larger than " + std::to_string(kMaxWarcHeaderBytes >> 10) + " KiB"};
      return HeaderStatus::malformed;
    }
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::string name =
        text::ascii_lowercase(text::trim(std::string_view(line).substr(0, colon)));
    std::string_view value = text::trim(std::string_view(line).substr(colon + 1));
    if (name == "warc-type") {
      h.type = text::ascii_lowercase(value);
    } else if (name == "warc-target-uri") {
      if (value.size() >= 2 && value.front() == '<' && value.back() == '>') {
        value = value.substr(1, value.size() - 2);
      }
      h.target_uri = std::string(value);
    } else if (name == "warc-date") {
      h.date = std::string(value);
    } else if (name == "content-type") {
      h.content_type = text::ascii_lowercase(value);
    } else if (name == "content-length") {
      h.content_length = parse_length(value);
    }
  }
  if (!h.content_length) {
    problem = {SkipReason::malformed_record, "record without a valid Content-Length"};
    return HeaderStatus::malformed;
  }
  return HeaderStatus::ok;
}

bool is_html_type(std::string_view media_type) {
  return media_type == "text/html" || media_type == "application/xhtml+xml";
}

bool looks_like_html(std::string_view body) {
  const auto start = body.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (start == std::string_view::npos) return false;
  const std::string head = text::ascii_lowercase(body.substr(start, 16));
  return head.starts_with("<!doctype html") || head.starts_with("<html");
}

class RecordReader {
 public:
  RecordReader(const ReadContext& ctx) : ctx_(ctx) {}

  // Turns one record's content block into an article, a rejection or nothing.
  void process(const WarcHeader& h, std::string& block, std::size_t number) {
    const auto reject = [&](SkipReason reason, const std::string& why) {
      ctx_.reject(number, reason, (h.target_uri.empty() ? "" : h.target_uri + ": ") + why);
    };
    std::string html;
    std::string charset;
    if (h.type == "resource") {
      if (!is_html_type(h.content_type.substr(0, h.content_type.find(';')))) {
        ctx_.pass_over();
        return;
      }
      html = std::move(block);
    } else {
      const auto http = parse_http_response(block);
      if (!http) {
        reject(SkipReason::malformed_record, "response record without an HTTP response header");
        return;
      }
      if (http->status < 200 || http->status > 299 ||
          (!http->media_type.empty() && !is_html_type(http->media_type))) {
        ctx_.pass_over();
        return;
      }
      std::string body(http->body);
      if (http->chunked) {
        auto decoded = dechunk(body);
        if (!decoded) {
          reject(SkipReason::malformed_record, "malformed chunked HTTP body");
          return;
        }
        body = std::move(*decoded);
      }
      if (http->content_encoding == "gzip" || http->content_encoding == "x-gzip") {
        try {
          body = gunzip(body, kMaxHtmlFileBytes);
        } catch (const Error& e) {
          reject(skip_reason_of(e), std::string("HTTP body: ") + e.what());
          return;
        }
      } else if (!http->content_encoding.empty() && http->content_encoding != "identity") {
        reject(SkipReason::unsupported_format,
               "unsupported Content-Encoding \"" + http->content_encoding + "\"");
        return;
      }
      if (http->media_type.empty() && !looks_like_html(body)) {  // untyped: sniffed
        ctx_.pass_over();
        return;
      }
      html = std::move(body);
      charset = http->charset;
    }
    // The transport's charset outranks the page's own declaration (as in browsers): state it
    // first in the page.
    if (!charset.empty() && charset != "utf-8" && charset != "utf8" &&
        !html.starts_with("\xEF\xBB\xBF")) {
      html.insert(0, "<meta charset=\"" + charset + "\">");
    }
    if (text::trim(html).empty()) {
      reject(SkipReason::no_article, "empty HTML page");
      return;
    }
    Extraction page;
    try {
      page = extract_html(html);
    } catch (const std::exception& e) {
      reject(SkipReason::other, std::string("HTML extraction failed: ") + e.what());
      return;
    }
    if (!page.has_text) {
      reject(SkipReason::no_article, "no article in this page (" + page.reason + ")");
      return;
    }
    if (!page.warning.empty()) ctx_.note(number, page.warning);
    Article& a = page.article;
    if (text::trim(a.url).empty()) a.url = h.target_uri;
    if (text::trim(a.date).empty() || !(parse_date(a.date) || find_date(a.date))) a.date = h.date;
    a.source = ctx_.path + ":" + std::to_string(number);
    ctx_.emit(std::move(a));
  }

 private:
  const ReadContext& ctx_;
};

}  // namespace

void read_warc(InputFile& input, const ReadContext& ctx) {
  RecordReader records(ctx);
  WarcHeader header;
  std::string block;
  Problem problem;
  for (std::size_t number = 1;; ++number) {
    const HeaderStatus status = read_header(input, header, problem);
    if (status == HeaderStatus::end) return;
    if (status == HeaderStatus::not_warc) {
      if (number == 1) {
        ctx.reject(0, SkipReason::unsupported_format,
                   "not a WARC file (no \"WARC/\" version line)");
      } else {
        ctx.reject(number, SkipReason::malformed_record,
                   "expected a WARC record (\"WARC/\" line); rest of file skipped");
      }
      return;
    }
    if (status == HeaderStatus::malformed) {
      ctx.reject(number, problem.reason, problem.text + "; rest of file skipped");
      return;
    }
    const std::uint64_t length = *header.content_length;
    const bool wanted = header.type == "response" || header.type == "resource";
    if (!wanted) {
      if (input.skip(length) < length) {
        ctx.reject(number, SkipReason::truncated, "the file ends inside this record (truncated?)");
        return;
      }
      ctx.pass_over();
      continue;
    }
    // Large records: look at the HTTP header only, then skip the rest.
    const std::uint64_t limit = kMaxHtmlFileBytes + kMaxWarcHeaderBytes;
    block.clear();
    const std::size_t want = static_cast<std::size_t>(std::min(length, limit));
    if (input.read(block, want) < want) {
      ctx.reject(number, SkipReason::truncated, "the file ends inside this record (truncated?)");
      return;
    }
    if (length > limit) {
      const std::uint64_t rest = length - want;
      if (input.skip(rest) < rest) {
        ctx.reject(number, SkipReason::truncated, "the file ends inside this record (truncated?)");
        return;
      }
      bool html = false;
      if (header.type == "resource") {
        html = is_html_type(header.content_type.substr(0, header.content_type.find(';')));
      } else if (const auto http = parse_http_response(block)) {
        html = is_html_type(http->media_type) && http->status >= 200 && http->status <= 299;
      }
      if (!html) {
        ctx.pass_over();
      } else {
        ctx.reject(number, SkipReason::over_limit,
                   header.target_uri + ": page larger than " +
                       std::to_string(kMaxHtmlFileBytes >> 20) + " MiB");
      }
      continue;
    }
    records.process(header, block, number);
  }
}

}  // namespace nsearch
