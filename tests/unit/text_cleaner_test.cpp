// Unit tests for the page cleaners (see indexer/src/extraction.hpp).
#include <catch2/catch.hpp>

#include "extraction.hpp"
