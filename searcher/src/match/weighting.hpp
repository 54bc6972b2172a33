// The weighting scheme a search request asks for (internal).
#pragma once

#include <memory>

#include <xapian.h>

#include "nsearch/searcher.hpp"

namespace nsearch {

/// Throws Error(invalid_argument) for parameters out of range.
std::unique_ptr<Xapian::Weight> make_weighting(const SearchRequest& request);

}  // namespace nsearch
