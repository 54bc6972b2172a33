// --count-limit, the same option for `nsearch` and `nsearch serve`.
#pragma once

#include <cstddef>
#include <optional>

#include <CLI/CLI.hpp>

namespace nsearch::cli {

/// Adds `--count-limit N` to `app`: when given, `limit` is set to N (see
/// SearchRequest::count_limit); left unset otherwise, for the library's default.
void add_count_limit_option(CLI::App& app, std::optional<std::size_t>& limit);

}  // namespace nsearch::cli
