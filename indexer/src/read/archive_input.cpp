#include "read/archive_input.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <vector>

#include "nsearch/error.hpp"
#include "read/reader.hpp"
#include "text_util.hpp"

namespace nsearch {

namespace {

constexpr std::size_t kBlockBytes = 256 * 1024;

struct ArchiveFree {
  void operator()(archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveFree>;

std::string mib(std::uint64_t bytes) {
  return std::to_string(bytes >> 20) + " MiB";
}

// What a libarchive failure means for the run summary: its messages are the only account of
// it (archive_errno is set for system errors only).
SkipReason archive_failure_reason(const char* why) {
  const std::string text = why == nullptr ? std::string() : text::ascii_lowercase(why);
  for (const char* cue : {"truncated", "unexpected end", "premature end"}) {
    if (text.find(cue) != std::string::npos) return SkipReason::truncated;
  }
  return SkipReason::unreadable;
}

}  // namespace

// ---- ExpansionGuard -------------------------------------------------------------------------

void ExpansionGuard::trip(const std::string& why) {
  tripped_ = true;
  throw ReadError(SkipReason::over_limit, why + "; rest of the input skipped");
}

void ExpansionGuard::add_bytes(std::size_t n) {
  produced_ += n;
  if (produced_ > kExpansionCheckBytes &&
      produced_ / kMaxExpansionRatio > std::max<std::uint64_t>(input_bytes_, 1)) {
    trip("expands to more than " + std::to_string(kMaxExpansionRatio) + " times its size (" +
         mib(produced_) + " from " + std::to_string(input_bytes_ >> 10) + " KiB; a zip bomb?)");
  }
}

void ExpansionGuard::add_member() {
  if (++members_ > kMaxArchiveMembers) {
    trip("more than " + std::to_string(kMaxArchiveMembers) + " archive members");
  }
}

// ---- ArchiveReader --------------------------------------------------------------------------

struct ArchiveReader::Handle {
  ArchivePtr a{archive_read_new()};
};

// The parent stream behind a reader opened on another ByteSource. Exceptions thrown by the
// parent are parked here while libarchive (C code) unwinds, then rethrown.
struct ArchiveReader::StreamState {
  ByteSource* parent = nullptr;
  std::vector<char> buf = std::vector<char>(kBlockBytes);
  std::exception_ptr error;

  static la_ssize_t read(archive* a, void* self, const void** out) {
    auto* s = static_cast<StreamState*>(self);
    try {
      *out = s->buf.data();
      return static_cast<la_ssize_t>(s->parent->read(s->buf.data(), s->buf.size()));
    } catch (...) {
      s->error = std::current_exception();
      archive_set_error(a, EIO, "error reading the enclosing archive");
      return -1;
    }
  }
};

class ArchiveReader::Member : public ByteSource {
 public:
  explicit Member(ArchiveReader& owner) : owner_(owner) {}
  std::size_t read(char* buf, std::size_t n) override {
    for (int retries = 0;; ++retries) {
      const la_ssize_t got = archive_read_data(owner_.handle_->a.get(), buf, n);
      if (got >= 0) {
        owner_.guard_.add_bytes(static_cast<std::size_t>(got));
        return static_cast<std::size_t>(got);
      }
      if (got == ARCHIVE_RETRY && retries < 8) continue;
      owner_.fail("corrupt data");
    }
  }

 private:
  ArchiveReader& owner_;
};

void ArchiveReader::configure(bool containers) {
  archive* a = handle_->a.get();
  if (a == nullptr) throw ReadError(SkipReason::unreadable, "out of memory (libarchive)");
  // Compression is recognised by content. External-program filters (lrzip, lzop, grzip...)
  // and uuencode are deliberately not enabled.
  archive_read_support_filter_gzip(a);
  archive_read_support_filter_bzip2(a);
  archive_read_support_filter_xz(a);
  archive_read_support_filter_lzma(a);
  archive_read_support_filter_zstd(a);
  archive_read_support_filter_lz4(a);
  if (containers) {
    archive_read_support_format_tar(a);
    archive_read_support_format_gnutar(a);
    archive_read_support_format_zip(a);
    archive_read_support_format_7zip(a);
    archive_read_support_format_cpio(a);
  }
  archive_read_support_format_raw(a);
  archive_read_support_format_empty(a);
}

ArchiveReader::ArchiveReader(const std::filesystem::path& path, ExpansionGuard& guard,
                             bool containers)
    : handle_(std::make_unique<Handle>()), member_(std::make_unique<Member>(*this)), guard_(guard) {
  configure(containers);
  if (archive_read_open_filename(handle_->a.get(), path.c_str(), kBlockBytes) != ARCHIVE_OK) {
    const int code = archive_errno(handle_->a.get());
    const char* why = archive_error_string(handle_->a.get());
    throw ReadError(SkipReason::unreadable,
                    "cannot open: " + std::string(code > 0 ? std::strerror(code)
                                                  : why    ? why
                                                           : "?"));
  }
}

ArchiveReader::ArchiveReader(ByteSource& parent, ExpansionGuard& guard, bool containers)
    : stream_(std::make_unique<StreamState>()),
      handle_(std::make_unique<Handle>()),
      member_(std::make_unique<Member>(*this)),
      guard_(guard) {
  configure(containers);
  stream_->parent = &parent;
  if (archive_read_open(handle_->a.get(), stream_.get(), nullptr, &StreamState::read, nullptr) !=
      ARCHIVE_OK) {
    fail("cannot read");
  }
}

ArchiveReader::~ArchiveReader() = default;

ByteSource& ArchiveReader::member() {
  return *member_;
}

void ArchiveReader::fail(const std::string& what) {
  if (stream_ && stream_->error) {
    std::exception_ptr error = stream_->error;
    stream_->error = nullptr;
    std::rethrow_exception(error);
  }
  const char* why = archive_error_string(handle_->a.get());
  std::string message = what;
  if (why != nullptr && *why != '\0') message += std::string(": ") + why;
  if (!name_.empty()) message = name_ + ": " + message;
  throw ReadError(archive_failure_reason(why), message);
}

bool ArchiveReader::next() {
  archive* a = handle_->a.get();
  for (int retries = 0;;) {
    archive_entry* entry = nullptr;
    const int status = archive_read_next_header(a, &entry);
    if (status == ARCHIVE_EOF) return false;
    if (status == ARCHIVE_RETRY && ++retries < 8) continue;
    if (status != ARCHIVE_OK && status != ARCHIVE_WARN) {
      name_.clear();
      fail("corrupt or unsupported archive");
    }
    container_ = archive_format(a) != ARCHIVE_FORMAT_RAW;
    if (!container_) {
      name_.clear();
      return true;
    }
    guard_.add_member();
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    const char* name = archive_entry_pathname_utf8(entry);
    if (name == nullptr) name = archive_entry_pathname(entry);
    std::string_view shown = name != nullptr ? name : "";
    while (shown.starts_with("./") || shown.starts_with("/"))  // "./dir/x.json" -> "dir/x.json"
      shown.remove_prefix(shown.front() == '/' ? 1 : 2);
    name_ = std::string(shown);
    return true;
  }
}

// ---- gunzip ---------------------------------------------------------------------------------

std::string gunzip(std::string_view data, std::size_t max_bytes) {
  const ArchivePtr handle{archive_read_new()};
  archive* a = handle.get();
  if (a == nullptr) throw ReadError(SkipReason::unreadable, "out of memory (libarchive)");
  archive_read_support_filter_gzip(a);
  archive_read_support_format_raw(a);
  archive_read_support_format_empty(a);
  archive_entry* entry = nullptr;
  int status = archive_read_open_memory(a, data.data(), data.size());
  if (status == ARCHIVE_OK) status = archive_read_next_header(a, &entry);
  if (status == ARCHIVE_EOF) return {};
  if (status != ARCHIVE_OK && status != ARCHIVE_WARN) {
    const char* why = archive_error_string(a);
    throw ReadError(SkipReason::malformed_record,
                    std::string("corrupt gzip data: ") + (why ? why : "?"));
  }
  std::string out;
  std::vector<char> buf(64 * 1024);
  for (;;) {
    const la_ssize_t got = archive_read_data(a, buf.data(), buf.size());
    if (got == 0) break;
    if (got < 0) {
      const char* why = archive_error_string(a);
      throw ReadError(SkipReason::malformed_record,
                      std::string("corrupt gzip data: ") + (why ? why : "?"));
    }
    if (out.size() + static_cast<std::size_t>(got) > max_bytes) {
      throw ReadError(SkipReason::over_limit, "decompressed body larger than " + mib(max_bytes));
    }
    out.append(buf.data(), static_cast<std::size_t>(got));
  }
  return out;
}

}  // namespace nsearch
