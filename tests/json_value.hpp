// A minimal JSON reader for tests: enough to compare restage's output with the corpus's.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace restage::test {

/// A JSON value: null, bool, number (as written), string, array or object.
struct Json {
    using Array = std::vector<Json>;
    using Object = std::map<std::string, Json>;
    struct Number {
        std::string text;
        bool operator==(const Number&) const = default;
    };
    std::variant<std::nullptr_t, bool, Number, std::string, Array, Object> v;

    bool operator==(const Json&) const = default;
    const Object* object() const { return std::get_if<Object>(&v); }
    const Array* array() const { return std::get_if<Array>(&v); }
    const std::string* string() const { return std::get_if<std::string>(&v); }
    /// Compact text, for failure messages.
    std::string dump() const;
};

/// Parses `text`; nullopt when it is not one JSON value.
std::optional<Json> parse_json(std::string_view text);

}  // namespace restage::test
