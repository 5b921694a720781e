// JsonWriter: a small streaming JSON emitter (the base layer: every report and test uses it).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace restage {

/// Appends JSON text to a string. Commas are placed automatically; the caller keeps
/// objects and arrays balanced. Strings are escaped as RFC 8259 requires (UTF-8 passes
/// through; invalid bytes become U+FFFD, as Go's encoder does).
class JsonWriter {
public:
    explicit JsonWriter(bool pretty = false) : pretty_(pretty) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view k);
    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(bool b);
    JsonWriter& value(long long n);
    JsonWriter& value(int n) { return value(static_cast<long long>(n)); }
    JsonWriter& value(size_t n) { return value(static_cast<long long>(n)); }
    JsonWriter& null();
    JsonWriter& strings(const std::vector<std::string>& items);

    /// The text so far, with a final newline when `pretty`.
    std::string str() const { return pretty_ ? out_ + "\n" : out_; }

private:
    void separate();
    void newline();

    std::string out_;
    std::vector<bool> first_;  // per open container: no element written yet
    bool pretty_;
    bool after_key_ = false;
};

/// `s` as a JSON string literal, quotes included.
std::string json_quote(std::string_view s);

}  // namespace restage
