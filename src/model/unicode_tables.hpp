// unicode_tables.hpp: the Unicode classes Go's unicode package tests, for BuildKit-exact lexing.
#pragma once

namespace restage::model::unicode {

/// Go's unicode.IsLetter: category L.
bool is_letter(char32_t r);
/// Go's unicode.IsDigit: category Nd.
bool is_digit(char32_t r);
/// Go's unicode.IsPrint (and strconv.IsPrint): categories L, M, N, P, S, plus U+0020.
bool is_print(char32_t r);

/// Go's unicode.IsSpace: Latin-1 spaces plus the White_Space property.
constexpr bool is_space(char32_t r) {
    switch (r) {
        case U'\t': case U'\n': case U'\v': case U'\f': case U'\r': case U' ':
        case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
        case 0x3000:
            return true;
        default:
            return r >= 0x2000 && r <= 0x200A;
    }
}

}  // namespace restage::model::unicode
