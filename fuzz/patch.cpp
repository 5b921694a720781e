// patch.cpp: apply_unified_diff. Strict on purpose: any slack would hide a bug in the diff.
#include "patch.hpp"

#include <charconv>
#include <vector>

namespace restage::fuzz {

namespace {

constexpr std::string_view kNoNewline = "\\ No newline at end of file\n";

// Lines with their '\n' (the last one may have none).
std::vector<std::string_view> split_lines(std::string_view s) {
    std::vector<std::string_view> out;
    while (!s.empty()) {
        size_t n = s.find('\n');
        size_t len = n == std::string_view::npos ? s.size() : n + 1;
        out.push_back(s.substr(0, len));
        s.remove_prefix(len);
    }
    return out;
}

// "START" or "START,COUNT"; a missing count means 1.
bool parse_range(std::string_view& s, size_t& start, size_t& count) {
    auto num = [&](size_t& v) {
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec != std::errc() || p == s.data()) return false;
        s.remove_prefix(static_cast<size_t>(p - s.data()));
        return true;
    };
    if (!num(start)) return false;
    count = 1;
    if (!s.starts_with(',')) return true;
    s.remove_prefix(1);
    return num(count);
}

}  // namespace

std::optional<std::string> apply_unified_diff(std::string_view a, std::string_view diff) {
    if (diff.empty()) return std::string(a);
    std::vector<std::string_view> old_lines = split_lines(a);
    std::vector<std::string_view> lines = split_lines(diff);
    if (lines.size() < 3 || !lines[0].starts_with("--- ") || !lines[1].starts_with("+++ ")) return std::nullopt;
    std::string out;
    size_t next_old = 0;   // the first line of `a` not yet used
    size_t out_lines = 0;  // lines written to `out`
    size_t i = 2;
    while (i < lines.size()) {
        std::string_view h = lines[i++];
        size_t old_start = 0, old_count = 0, new_start = 0, new_count = 0;
        if (!h.starts_with("@@ -")) return std::nullopt;
        h.remove_prefix(4);
        if (!parse_range(h, old_start, old_count) || !h.starts_with(" +")) return std::nullopt;
        h.remove_prefix(2);
        if (!parse_range(h, new_start, new_count) || h != " @@\n") return std::nullopt;
        if (old_count + new_count == 0) return std::nullopt;
        // A side with no lines names the line before the hunk.
        if (old_count > 0 && old_start == 0) return std::nullopt;
        size_t first = old_count == 0 ? old_start : old_start - 1;
        if (first < next_old || first > old_lines.size()) return std::nullopt;
        for (; next_old < first; ++next_old, ++out_lines) out.append(old_lines[next_old]);
        if (new_start != (new_count == 0 ? out_lines : out_lines + 1)) return std::nullopt;

        size_t seen_old = 0, seen_new = 0;
        while (seen_old < old_count || seen_new < new_count) {
            if (i >= lines.size()) return std::nullopt;
            std::string_view l = lines[i++];
            if (l.empty() || l.back() != '\n') return std::nullopt;
            char tag = l.front();
            std::string_view text = l.substr(1);
            if (i < lines.size() && lines[i] == kNoNewline) {  // the line is the last of its side
                text.remove_suffix(1);
                ++i;
            }
            if (tag != ' ' && tag != '-' && tag != '+') return std::nullopt;
            if (tag != '+') {
                if (++seen_old > old_count || next_old >= old_lines.size()) return std::nullopt;
                if (text != old_lines[next_old++]) return std::nullopt;
            }
            if (tag != '-') {
                if (++seen_new > new_count) return std::nullopt;
                out.append(text);
                ++out_lines;
            }
        }
    }
    for (; next_old < old_lines.size(); ++next_old) out.append(old_lines[next_old]);
    return out;
}

}  // namespace restage::fuzz
