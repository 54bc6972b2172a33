// Database statistics from a database already open (internal).
#pragma once

#include <xapian.h>

#include "nsearch/database_stats.hpp"

namespace nsearch {

/// The statistics of `db`. Outlets are counted by Xapian's own match spy, which remote shards
/// run too; languages and dates are read from terms, which are exact (a term disappears with
/// its last document, unlike a value slot's bounds).
DatabaseStats database_stats_of(const Xapian::Database& db);

}  // namespace nsearch
