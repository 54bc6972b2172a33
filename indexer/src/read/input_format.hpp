// Choosing a reader for an input file or archive member (internal).
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

namespace nsearch {

enum class InputFormat { text, html, jsonl, json, csv, tsv, warc, archive, unsupported };

/// The format of `path` (a file or an archive member) from its name, looking through
/// compression suffixes (.gz, .bz2, .xz, .lzma, .zst, .lz4): .txt, .html/.htm/.xhtml,
/// .jsonl/.ndjson, .json, .csv, .tsv/.tab, .warc; .zip, .tar, .tgz, .tbz2, .txz, .tzst, .7z and
/// .cpio are archives.
InputFormat format_of(const std::filesystem::path& path);

/// True when the name ends in a compression suffix (.gz, .bz2, .xz, .lzma, .zst, .lz4).
bool is_compressed_name(const std::filesystem::path& path);

/// True when the name, less compression suffixes, has an extension that names no supported
/// format ("photo.jpg", "paper.pdf.gz"): not worth opening. Names without one may be sniffed.
bool has_foreign_extension(const std::filesystem::path& path);

/// The format of a stream from its first bytes (BOM and blanks skipped): "WARC/" starts a WARC
/// file, '{' or '[' JSON, "<!doctype html" or "<html" an HTML page; anything else is
/// unsupported (plain text and CSV are recognised by name only).
InputFormat sniff_format(std::string_view head);

/// True for the documentation files that ship with data sets (README, LICENSE, LICENCE,
/// COPYING, CHANGELOG, NOTICE, AUTHORS, any extension, any case): never articles.
bool is_documentation(const std::filesystem::path& path);

/// Regular files under `root` (or `root` itself), in a stable order; hidden entries (".name")
/// below `root` are skipped and symbolic links to directories are not followed.
std::vector<std::filesystem::path> list_input_files(const std::filesystem::path& root);

}  // namespace nsearch
