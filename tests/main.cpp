// The Catch2 entry point for restage_tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
