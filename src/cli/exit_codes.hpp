// Exit codes: the one table that maps each ErrorKind to the process's exit status.
#pragma once

#include <array>
#include <utility>

#include "syntax/result.hpp"

namespace restage {

/// restage's exit statuses (the same as in DESIGN.md and the README).
enum ExitCode : int {
    kExitOk = 0,        ///< done, or nothing to do
    kExitChanges = 1,   ///< --check found a change to make, or restage refused to rewrite
    kExitBadInput = 2,  ///< bad input or usage: syntax, semantics, I/O, arguments
    kExitInternal = 3,  ///< a bug in restage
};

/// Every ErrorKind and its exit code, in the enum's order. Add a row with a new kind.
inline constexpr std::array<std::pair<ErrorKind, ExitCode>, 6> kExitCodeTable{{
    {ErrorKind::Syntax, kExitBadInput},
    {ErrorKind::Semantic, kExitBadInput},
    {ErrorKind::Io, kExitBadInput},
    {ErrorKind::Usage, kExitBadInput},
    {ErrorKind::Refused, kExitChanges},
    {ErrorKind::Internal, kExitInternal},
}};

/// The exit code for an error of kind `kind`; an unknown kind is a bug, so kExitInternal.
constexpr ExitCode exit_code_for(ErrorKind kind) {
    for (const auto& [k, code] : kExitCodeTable) {
        if (k == kind) return code;
    }
    return kExitInternal;
}

namespace detail {
constexpr bool exit_table_in_enum_order() {
    for (std::size_t i = 0; i < kExitCodeTable.size(); ++i) {
        if (static_cast<std::size_t>(kExitCodeTable[i].first) != i) return false;
    }
    return true;
}
}  // namespace detail

// Keeps the table in step with ErrorKind: Internal is the last kind, so every kind has a row.
static_assert(detail::exit_table_in_enum_order(), "kExitCodeTable must list ErrorKind in order");
static_assert(static_cast<std::size_t>(ErrorKind::Internal) + 1 == kExitCodeTable.size(),
              "every ErrorKind needs a row in kExitCodeTable");

}  // namespace restage
