// WARC web archives as Common Crawl's news crawl (CC-NEWS) publishes them (internal).
#pragma once

#include "read/input_file.hpp"
#include "read/reader.hpp"

namespace nsearch {

/// Reads a WARC file (1.0 or 1.1; the caller has decompressed it, e.g. a .warc.gz of one gzip
/// member per record). Each `response` record whose HTTP payload is an HTML page (by its
/// Content-Type, or by its first bytes when there is none) with a 2xx status, and each
/// `resource` record of type text/html, goes through extract_html(); `WARC-Target-URI` is the
/// URL and `WARC-Date` the date when the page names none (or none that parses). Other records
/// (warcinfo, request, metadata, revisit, non-HTML or non-2xx responses) are passed over
/// silently (ctx.pass_over). Records are located by their number in the file ("x.warc.gz:3");
/// pages larger than kMaxHtmlFileBytes and pages that hold no article are rejected.
void read_warc(InputFile& input, const ReadContext& ctx);

}  // namespace nsearch
