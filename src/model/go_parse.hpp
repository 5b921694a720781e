// go_parse.hpp: Go's value parsers whose errors BuildKit passes through verbatim.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/result.hpp"

namespace restage::model::go {

/// time.ParseDuration, in nanoseconds; errors like `time: unknown unit "x" in duration "1x"`.
Result<std::int64_t> parse_duration(std::string_view s);

/// strconv.ParseInt(s, 10, bits); errors like `strconv.ParseInt: parsing "x": invalid syntax`.
Result<std::int64_t> parse_int(std::string_view s, int bits);

/// strconv.ParseBool: 1 t T TRUE true True 0 f F FALSE false False.
Result<bool> parse_bool(std::string_view s);

/// csvvalue.Fields: one CSV record; errors like `parse error on line 1, column 3: bare " in
/// non-quoted-field`, and "EOF" for an empty string.
Result<std::vector<std::string>> csv_fields(std::string_view line);

}  // namespace restage::model::go
