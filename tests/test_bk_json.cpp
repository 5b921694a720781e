// Tests for bk_json: Go encoding/json's acceptance and decoding of exec-form arrays.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "model/bk_json.hpp"

using restage::model::bk::JsonArrayStatus;
using restage::model::bk::parse_json_array;

namespace {

using Strings = std::vector<std::string>;

// The decoded strings, "not json" or "not strings".
Strings decoded(std::string_view s) {
    auto r = parse_json_array(s);
    if (r.status == JsonArrayStatus::NotJson) return {"not json"};
    if (r.status == JsonArrayStatus::NotStringArray) return {"not strings"};
    return r.values;
}

}  // namespace

TEST_CASE("parse_json_array: arrays of strings", "[bk]") {
    CHECK(decoded("[]") == Strings{});
    CHECK(decoded(R"([""])") == Strings{""});
    CHECK(decoded(R"(["a","b"])") == Strings{"a", "b"});
    CHECK(decoded("\t[\t\"a\",\n\"b\"\r] \n") == Strings{"a", "b"});
    CHECK(decoded("\xc2\xa0[\"a\"]") == Strings{"a"});
    CHECK(decoded(R"(["\" \\ \/ \b \f \n \r \t \u0000"])") == Strings{std::string("\" \\ / \b \f \n \r \t \0", 17)});
    CHECK(decoded(R"(["\u00e9\u2603\uD83D\uDE00"])") == Strings{"\xc3\xa9\xe2\x98\x83\xf0\x9f\x98\x80"});
}

TEST_CASE("parse_json_array: lone surrogates and invalid UTF-8 become U+FFFD", "[bk]") {
    CHECK(decoded(R"(["\ud800"])") == Strings{"\xef\xbf\xbd"});
    CHECK(decoded(R"(["\udc00\ud800x"])") == Strings{"\xef\xbf\xbd\xef\xbf\xbdx"});
    CHECK(decoded(R"(["\ud800\u0041"])") == Strings{"\xef\xbf\xbd" "A"});
    CHECK(decoded("[\"\xff\xc3\"]") == Strings{"\xef\xbf\xbd\xef\xbf\xbd"});
    CHECK(decoded("[\"\xed\xa0\x80\"]") == Strings{"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"});
    CHECK(decoded("[\"\x7f\xc3\xa9\"]") == Strings{"\x7f\xc3\xa9"});
}

TEST_CASE("parse_json_array: valid JSON that is not all strings", "[bk]") {
    for (const char* s : {R"(["a",42,"b"])", R"(["a",123.456])", R"(["a",{}])", R"(["a",{"c": "d"}])",
                          R"(["a",["c"]])", "[true]", "[false]", "[null]", "[-0.5e-3]", "[1e-400]",
                          R"([{"k": [1, {"x": null}]}])"}) {
        CAPTURE(s);
        CHECK(decoded(s) == Strings{"not strings"});
    }
}

TEST_CASE("parse_json_array: anything Unmarshal rejects is not JSON", "[bk]") {
    for (const char* s : {"", "a", "{}", "[", "[\"a\"", R"(["a",])", R"(['a'])", R"(["a"] x)", R"(["a"]])",
                          "[\"a\tb\"]", R"(["\x"])", R"(["\u12"])", "[01]", "[1.]", "[.5]", "[-]", "[1e]",
                          "[+1]", "[nul]", "[True]", R"([{"a"}])", R"([{1:2}])", "[\"a\"]\v", "[\"a\"]\xc2\xa0",
                          R"(["a", 1e400])", R"(["a", [-1E+309]])"}) {
        CAPTURE(s);
        CHECK(decoded(s) == Strings{"not json"});
    }
}

TEST_CASE("parse_json_array: nesting is limited to 10000", "[bk]") {
    CHECK(decoded(std::string(10000, '[') + std::string(10000, ']')) == Strings{"not strings"});
    CHECK(decoded(std::string(10001, '[') + std::string(10001, ']')) == Strings{"not json"});
}
