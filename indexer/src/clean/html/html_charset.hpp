// Decoding the bytes of an HTML page to UTF-8 (internal), because gumbo parses UTF-8 only.
#pragma once

#include <string>
#include <string_view>

namespace nsearch::html {

/// The charset a page declares in its first kilobytes (`<meta charset>`, `<meta http-equiv
/// content="...; charset=...">`, `<?xml encoding?>`), lower-cased; empty when none.
std::string declared_charset(std::string_view bytes);

/// The page as UTF-8. Bytes that are valid UTF-8 are used as they are, whatever the page
/// declares (crawlers often re-encode pages and leave the old declaration). Otherwise a
/// declared single-byte charset (windows-1252/iso-8859-1, iso-8859-15, windows-1250/1251,
/// iso-8859-2, koi8-r) decodes every byte; with no usable declaration, valid UTF-8 sequences
/// are kept and each stray byte is read as windows-1252. A UTF-16 byte order mark is honoured.
std::string to_utf8(std::string_view bytes);

}  // namespace nsearch::html
