#include "read/input_dispatch.hpp"

#include "nsearch/error.hpp"
#include "read/archive_input.hpp"
#include "read/formats/csv_reader.hpp"
#include "read/formats/json_reader.hpp"
#include "read/formats/jsonl_reader.hpp"
#include "read/formats/text_reader.hpp"
#include "read/formats/warc_reader.hpp"
#include "read/input_file.hpp"
#include "read/skip_reasons.hpp"

namespace nsearch {
namespace fs = std::filesystem;

namespace {

constexpr const char* kSupported =
    ".txt, .html, .jsonl, .ndjson, .json, .csv, .tsv or .warc, optionally compressed (.gz, "
    ".bz2, .xz, .zst, .lz4) or in an archive (.zip, .tar, .tar.gz, .tgz, .7z)";

std::uint64_t size_on_disk(const fs::path& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  return ec ? 0 : size;
}

}  // namespace

InputDispatcher::InputDispatcher(const ReadOptions& options, const FieldMapper& mapper,
                                 ReadReport& report, Emit emit, Warn warn)
    : options_(options),
      mapper_(mapper),
      report_(report),
      emit_(std::move(emit)),
      warn_(std::move(warn)) {}

void InputDispatcher::reject(const std::string& location, SkipReason reason,
                             const std::string& message) {
  ++report_.skipped;
  ++report_.skipped_by_reason[std::string(skip_reason_name(reason))];
  if (warn_) warn_(location, message + "; skipped");
}

void InputDispatcher::read_file(const fs::path& path, bool named_explicitly) {
  const std::string display = path.string();
  const InputFormat by_name = format_of(path);
  if (!named_explicitly && (by_name == InputFormat::unsupported || is_documentation(path))) {
    ++report_.ignored;
    return;
  }
  ExpansionGuard guard(size_on_disk(path));
  try {
    ArchiveReader reader(path, guard, /*containers=*/true);
    if (!reader.next()) {
      ++report_.files;
      reject(display, SkipReason::no_article, "empty file, no articles");
      return;
    }
    read_opened(reader, by_name, display, guard, 0, named_explicitly);
  } catch (const Error& e) {
    reject(display, skip_reason_of(e), e.what());
  }
}

void InputDispatcher::read_opened(ArchiveReader& reader, InputFormat by_name,
                                  const std::string& display, ExpansionGuard& guard, int depth,
                                  bool named_explicitly) {
  if (reader.is_container()) {
    read_members(reader, display, guard, depth + 1);
    return;
  }
  InputFile input(reader.member());
  InputFormat format = by_name;
  if (format == InputFormat::unsupported || format == InputFormat::archive) {
    format = sniff_format(input.peek(4096));
  }
  if (format == InputFormat::unsupported) {
    if (named_explicitly) {
      reject(display, SkipReason::unsupported_format,
             std::string("unsupported file type (expected ") + kSupported + ")");
    } else {
      ++report_.ignored;
    }
    return;
  }
  read_stream(input, format, display);
}

void InputDispatcher::read_members(ArchiveReader& archive, const std::string& display,
                                   ExpansionGuard& guard, int depth) {
  std::size_t members = 0;
  for (;;) {
    ++members;
    const std::string name = archive.member_name();
    read_member(archive.member(), name, display + "!" + name, guard, depth);
    if (guard.tripped()) return;
    try {
      if (!archive.next()) break;
    } catch (const Error& e) {
      reject(display, skip_reason_of(e),
             std::string(e.what()) + " (after " + std::to_string(members) +
                 " members); rest of the archive skipped");
      return;
    }
  }
}

void InputDispatcher::read_member(ByteSource& data, const std::string& name,
                                  const std::string& display, ExpansionGuard& guard, int depth) {
  const InputFormat by_name = format_of(name);
  if (is_documentation(name) || has_foreign_extension(name)) {
    ++report_.ignored;
    return;
  }
  try {
    const bool plain = by_name != InputFormat::unsupported && by_name != InputFormat::archive &&
                       !is_compressed_name(name);
    if (plain) {
      InputFile input(data);
      read_stream(input, by_name, display);
      return;
    }
    if (depth >= kMaxArchiveDepth) {
      reject(display, SkipReason::over_limit,
             "archives nested more than " + std::to_string(kMaxArchiveDepth) + " levels deep");
      return;
    }
    ArchiveReader inner(data, guard, /*containers=*/true);
    if (!inner.next()) {
      ++report_.files;
      reject(display, SkipReason::no_article, "empty file, no articles");
      return;
    }
    read_opened(inner, by_name, display, guard, depth, /*named_explicitly=*/false);
  } catch (const Error& e) {
    reject(display, skip_reason_of(e), e.what());
  }
}

void InputDispatcher::read_stream(InputFile& input, InputFormat format,
                                  const std::string& display) {
  ++report_.files;
  const std::size_t bytes_before = report_.bytes;
  std::size_t emitted = 0;
  std::size_t rejected = 0;
  std::size_t passed = 0;
  ReadContext ctx{
      display,
      [&](Article&& a) {
        ++emitted;
        ++report_.articles;
        report_.bytes = bytes_before + input.bytes_read();  // live, for progress displays
        emit_(std::move(a));
      },
      [&](std::size_t line, SkipReason reason, const std::string& message) {
        ++rejected;
        reject(line == 0 ? display : display + ":" + std::to_string(line), reason, message);
      },
      [&] {
        ++passed;
        ++report_.ignored;
      },
      [&](std::size_t line, const std::string& message) {
        if (warn_) warn_(line == 0 ? display : display + ":" + std::to_string(line), message);
      },
  };
  try {
    switch (format) {
      case InputFormat::text:
        read_text_article(input.read_all(kMaxTextFileBytes), ctx);
        break;
      case InputFormat::html:
        read_html_article(input.read_all(kMaxHtmlFileBytes), ctx);
        break;
      case InputFormat::jsonl:
        read_jsonl(input, ctx, mapper_);
        break;
      case InputFormat::json:
        read_json(input, ctx, mapper_);
        break;
      case InputFormat::csv:
      case InputFormat::tsv:
        read_csv(input, ctx, mapper_, options_.csv, format == InputFormat::tsv);
        break;
      case InputFormat::warc:
        read_warc(input, ctx);
        break;
      case InputFormat::archive:
      case InputFormat::unsupported:
        break;
    }
  } catch (const Error& e) {
    ctx.reject(0, skip_reason_of(e), e.what());
  }
  report_.bytes = bytes_before + input.bytes_read();
  if (emitted == 0 && rejected == 0 && passed == 0)
    ctx.reject(0, SkipReason::no_article, "empty file, no articles");
}

}  // namespace nsearch
