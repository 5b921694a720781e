// bk_text.hpp: the Go strings/strconv/regexp behaviour BuildKit's Dockerfile parser relies on.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/go_text.hpp"

namespace restage::model::bk {

// The UTF-8 primitives are the project's Go ports (model/go_text.hpp).
using go::append_rune;
using go::decode_rune;
using go::kRuneError;
using go::Rune;

/// Go's `unicode.IsSpace(rune(b))` for a single byte, as BuildKit's byte loops test it: the
/// ASCII spaces plus 0x85 and 0xA0 (which in UTF-8 are continuation bytes).
bool is_space_byte(unsigned char b);

/// Go's strings.TrimSpace (Unicode white space at both ends).
inline std::string_view trim_space(std::string_view s) { return go::trim_space(s); }

/// Go's strings.TrimLeftFunc(s, unicode.IsSpace).
std::string_view trim_left_space(std::string_view s);

/// Go's bytes.TrimRight(s, "\r\n"): every trailing CR and LF.
std::string_view trim_newline(std::string_view s);

/// Go's strings.ToLower. ASCII input is exact; other input is decoded (invalid bytes become
/// U+FFFD) and lowered with a simple case mapping that covers Latin, Greek, Cyrillic and the
/// letters that lower to ASCII (U+0130, U+212A), but not every script Go knows.
std::string to_lower(std::string_view s);

/// `regexp.MustCompile("[\t\v\f\r ]+").Split(s, n)` with Go's semantics: n < 0 means all
/// pieces, n > 0 at most n pieces (the last holding the rest), n == 0 none.
std::vector<std::string> split_whitespace(std::string_view s, int n);

/// Go's strconv.Quote: a double-quoted Go string literal; printable runes are kept, invalid
/// bytes become \xNN and other runes \a \b \f \n \r \t \v, \xNN, \uNNNN or \UNNNNNNNN.
inline std::string go_quote(std::string_view s) { return go::quote(s); }

/// What Go's fmt prints for a []string with %q: ["a" "b"].
std::string go_quote_list(const std::vector<std::string>& items);

}  // namespace restage::model::bk
