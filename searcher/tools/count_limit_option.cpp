#include "count_limit_option.hpp"

#include <string>

#include "nsearch/limits.hpp"

namespace nsearch::cli {

void add_count_limit_option(CLI::App& app, std::optional<std::size_t>& limit) {
  app.add_option_function<std::size_t>(
      "--count-limit", [&limit](const std::size_t& n) { limit = n; },
      "count at most N matching articles, then report lower bounds (0 = all; default: " +
          std::to_string(kDefaultCountLimit) + " without facets, all with them)");
}

}  // namespace nsearch::cli
