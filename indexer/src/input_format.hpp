// Choosing a reader for an input file (internal).
#pragma once

#include <filesystem>
#include <vector>

namespace nsearch {

enum class InputFormat { text, html, jsonl, unsupported };

/// The format of `path` from its extension, looking through a trailing `.gz`.
InputFormat format_of(const std::filesystem::path& path);

/// Regular files under `root` (or `root` itself), in a stable order; hidden entries (".name")
/// below `root` are skipped and symbolic links to directories are not followed.
std::vector<std::filesystem::path> list_input_files(const std::filesystem::path& root);

}  // namespace nsearch
