// suggest.cpp: edit distance and BuildKit's suggestion rule.
#include "model/suggest.hpp"

#include <algorithm>
#include <numeric>

#include "model/go_text.hpp"

namespace restage::model {
namespace {

std::vector<char32_t> runes(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        const go::Rune r = go::decode_rune(s, i);
        out.push_back(r.value);
        i += r.width;
    }
    return out;
}

}  // namespace

int levenshtein(std::string_view a, std::string_view b) {
    const auto x = runes(a), y = runes(b);
    std::vector<int> row(y.size() + 1);
    std::iota(row.begin(), row.end(), 0);
    for (std::size_t i = 1; i <= x.size(); ++i) {
        int diag = row[0];
        row[0] = static_cast<int>(i);
        for (std::size_t j = 1; j <= y.size(); ++j) {
            const int up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (x[i - 1] == y[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[y.size()];
}

std::optional<std::string> suggest(std::string_view value, const std::vector<std::string>& options,
                                   bool case_sensitive) {
    const std::string val = case_sensitive ? std::string(value) : go::to_lower(value);
    std::string match;
    int best = 3;
    for (const auto& option : options) {
        const std::string opt = case_sensitive ? option : go::to_lower(option);
        if (val == opt) return std::nullopt;  // an exact match: the error is about something else
        const int d = levenshtein(val, opt);
        if (d < best) {
            best = d;
            match = opt;
            if (!case_sensitive) {
                if (value == go::to_lower(value)) {
                    match = go::to_lower(opt);
                } else if (value == go::to_upper(value)) {
                    match = go::to_upper(opt);
                }
            }
        }
    }
    if (match.empty()) return std::nullopt;
    return match;
}

std::string with_suggestion(std::string message, std::string_view value,
                            const std::vector<std::string>& options, bool case_sensitive) {
    if (auto m = suggest(value, options, case_sensitive)) message += " (did you mean " + *m + "?)";
    return message;
}

}  // namespace restage::model
