// bk_json.hpp: BuildKit's parseJSON, i.e. Go's json.Unmarshal of an exec-form array into []any.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace restage::model::bk {

/// How an argument string reads as a JSON array of strings.
enum class JsonArrayStatus {
    Ok,              ///< a JSON array whose elements are all strings
    NotJson,         ///< not an array, not valid JSON, or Unmarshal fails: shell form applies
    NotStringArray,  ///< valid JSON but an element is no string: BuildKit rejects the line
};

/// The outcome of parse_json_array: a status and, for Ok, the decoded strings.
struct JsonArray {
    JsonArrayStatus status = JsonArrayStatus::NotJson;
    std::vector<std::string> values;
};

/// BuildKit's parseJSON: after Unicode white space is trimmed on the left, `rest` must start
/// with '[' and be exactly one strict JSON value plus JSON white space, as Go's encoding/json
/// accepts it (nesting up to 10000, \uXXXX with surrogate pairs, a lone surrogate and every
/// invalid UTF-8 byte decoded as U+FFFD, raw control characters in strings rejected). A number
/// that overflows a float64 anywhere makes Unmarshal fail (NotJson); any other non-string
/// element (number, object, array, true, false, null) gives NotStringArray.
JsonArray parse_json_array(std::string_view rest);

}  // namespace restage::model::bk
