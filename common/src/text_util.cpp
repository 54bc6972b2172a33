#include "text_util.hpp"

#include <algorithm>
#include <cstdio>
#include <new>
#include <ostream>

#include <xapian.h>
#include <xxhash.h>

namespace nsearch::text {

std::size_t valid_utf8_length(std::string_view s, std::size_t i) {
  const Utf8Char c = decode_utf8(s, i);
  // decode_utf8 gives a byte that starts no sequence as U+FFFD of one byte (a real U+FFFD takes
  // three); it already refuses two-byte overlong forms. Reject the longer overlong forms,
  // surrogates and values beyond U+10FFFF.
  if (c.value == 0xFFFD && c.size == 1) return 0;
  const bool overlong = (c.size == 3 && c.value < 0x800) || (c.size == 4 && c.value < 0x10000);
  if (overlong || (c.value >= 0xD800 && c.value <= 0xDFFF) || c.value > 0x10FFFF) return 0;
  return c.size;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = 0;
  while (i < s.size()) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = valid_utf8_length(s, i);
    if (len == 0) return i;
    i += len;
  }
  return std::nullopt;
}

Utf8Char decode_utf8(std::string_view s, std::size_t i) {
  constexpr Utf8Char kInvalid{0xFFFD, 1};
  if (i >= s.size()) return kInvalid;
  const auto lead = static_cast<unsigned char>(s[i]);
  if (lead < 0x80) return {lead, 1};
  std::size_t len = 0;
  char32_t cp = 0;
  if (lead >= 0xF0 && lead <= 0xF4) {
    len = 4;
    cp = lead & 0x07u;
  } else if (lead >= 0xE0 && lead < 0xF0) {
    len = 3;
    cp = lead & 0x0Fu;
  } else if (lead >= 0xC2 && lead < 0xE0) {
    len = 2;
    cp = lead & 0x1Fu;
  } else {
    return kInvalid;
  }
  if (i + len > s.size()) return kInvalid;
  for (std::size_t k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0u) != 0x80u) return kInvalid;
    cp = (cp << 6) | (c & 0x3Fu);
  }
  return {cp, len};
}

char32_t decode_utf8_at(std::string_view s, std::size_t i) {
  return decode_utf8(s, i).value;
}

bool is_cjk_ideograph_or_kana(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF);
}

std::size_t word_count(std::string_view s) {
  std::size_t words = 0, cjk = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      in_word = false;
      continue;
    }
    if (c >= 0xE3 && c <= 0xE9 && is_cjk_ideograph_or_kana(decode_utf8_at(s, i))) {
      ++cjk;
      in_word = false;
      i += 2;
      continue;
    }
    if (!in_word) ++words;
    in_word = true;
  }
  return words + (cjk + 1) / 2;
}

std::string ascii_lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = ascii_lower(c);
  return out;
}

std::string lowercase(std::string_view s) {
  const bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
  if (ascii) return ascii_lowercase(s);
  return Xapian::Unicode::tolower(std::string(s));
}

namespace {
bool is_space_at(std::string_view s, std::size_t i, std::size_t* width) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    *width = 1;
    return true;
  }
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
    *width = 2;  // U+00A0 NO-BREAK SPACE
    return true;
  }
  return false;
}
}  // namespace

std::string_view trim(std::string_view s) {
  std::size_t w = 0;
  while (!s.empty() && is_space_at(s, 0, &w))
    s.remove_prefix(w);
  while (!s.empty()) {
    const auto last = static_cast<unsigned char>(s.back());
    if (last == ' ' || last == '\t' || last == '\n' || last == '\r' || last == '\f' ||
        last == '\v') {
      s.remove_suffix(1);
    } else if (last == 0xA0 && s.size() >= 2 &&
               static_cast<unsigned char>(s[s.size() - 2]) == 0xC2) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

std::string collapse_whitespace(std::string_view s) {
  s = trim(s);
  std::string out;
  out.reserve(s.size());
  bool in_space = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t w = 0;
    if (is_space_at(s, i, &w)) {
      in_space = true;
      i += w;
      continue;
    }
    if (in_space) out.push_back(' ');
    in_space = false;
    out.push_back(s[i++]);
  }
  return out;
}

std::string remove_invisible_marks(std::string_view s) {
  constexpr std::string_view kMarks[] = {
      "\xC2\xAD",      // U+00AD soft hyphen
      "\xE2\x80\x8B",  // U+200B zero width space
      "\xE2\x81\xA0",  // U+2060 word joiner
      "\xEF\xBB\xBF",  // U+FEFF byte order mark, zero width no-break space
  };
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const auto mark =
        lead != 0xC2 && lead != 0xE2 && lead != 0xEF
            ? std::end(kMarks)
            : std::find_if(std::begin(kMarks), std::end(kMarks),
                           [&](std::string_view m) { return s.substr(i).starts_with(m); });
    if (mark != std::end(kMarks)) {
      i += mark->size();
    } else {
      out.push_back(s[i++]);
    }
  }
  return out;
}

std::string url_host(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {};
  const std::string scheme = lowercase(url.substr(0, scheme_end));
  if (scheme != "http" && scheme != "https") return {};
  std::string_view rest = url.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  if (!rest.empty() && rest.front() != '[') rest = rest.substr(0, rest.find(':'));
  std::string host = lowercase(rest);
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

namespace {
std::string hex64(XXH64_hash_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}
}  // namespace

std::string normalise_url(std::string_view url) {
  url = trim(url);
  const std::string host = url_host(url);
  if (host.empty()) return std::string(url);
  std::string_view rest = url.substr(url.find("://") + 3);
  const auto path_start = rest.find_first_of("/?#");
  rest = path_start == std::string_view::npos ? std::string_view() : rest.substr(path_start);
  rest = rest.substr(0, rest.find('#'));
  std::string_view path = rest.substr(0, rest.find('?'));
  const std::string_view query = rest.substr(path.size());
  while (!path.empty() && path.back() == '/')
    path.remove_suffix(1);
  std::string out = host;
  out.append(path);
  out.append(query);
  return out;
}

std::string hex_digest(std::string_view data) {
  return hex64(digest64(data));
}

std::uint64_t digest64(std::string_view data) {
  return XXH3_64bits(data.data(), data.size());
}

struct StreamingDigest::State {
  XXH3_state_t* xxh = XXH3_createState();
  State() {
    if (xxh == nullptr) throw std::bad_alloc();
    XXH3_64bits_reset(xxh);
  }
  ~State() { XXH3_freeState(xxh); }
  State(const State&) = delete;
  State& operator=(const State&) = delete;
};

StreamingDigest::StreamingDigest() : state_(std::make_unique<State>()) {}
StreamingDigest::~StreamingDigest() = default;

void StreamingDigest::update(std::string_view data) {
  XXH3_64bits_update(state_->xxh, data.data(), data.size());
}

std::string StreamingDigest::hex() const {
  return hex64(XXH3_64bits_digest(state_->xxh));
}

std::size_t line_of_offset(std::string_view s, std::size_t offset) {
  offset = std::min(offset, s.size());
  return 1 + static_cast<std::size_t>(std::count(s.begin(), s.begin() + offset, '\n'));
}

void write_printable(std::ostream& out, std::string_view s) {
  // Runs of safe text are written whole (a stream insertion per character cost more than the
  // rest of printing the hits).
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto u = static_cast<unsigned char>(s[i]);
    if ((u < 0x20 && s[i] != '\n') || u == 0x7f) {
      out.write(s.data() + start, static_cast<std::streamsize>(i - start));
      out.put(' ');
      start = i + 1;
    }
  }
  out.write(s.data() + start, static_cast<std::streamsize>(s.size() - start));
}

}  // namespace nsearch::text
