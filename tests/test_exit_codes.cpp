// Unit tests for cli/exit_codes: the table agrees with DESIGN.md.
#include <catch2/catch.hpp>

#include "cli/exit_codes.hpp"

using restage::ErrorKind;
using restage::exit_code_for;

TEST_CASE("each error kind has its documented exit code", "[exit_codes]") {
    CHECK(exit_code_for(ErrorKind::Syntax) == 2);
    CHECK(exit_code_for(ErrorKind::Semantic) == 2);
    CHECK(exit_code_for(ErrorKind::Io) == 2);
    CHECK(exit_code_for(ErrorKind::Usage) == 2);
    CHECK(exit_code_for(ErrorKind::Refused) == 1);
    CHECK(exit_code_for(ErrorKind::Internal) == 3);
    CHECK(restage::kExitOk == 0);
    CHECK(restage::kExitChanges == 1);
}
