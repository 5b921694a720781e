// Unified diff: Myers' line diff in linear space, then hunks with context, as git prints them.
#include "print/diff.hpp"

#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace restage::print {

namespace {

// Lines with their '\n'; a last line without one is kept as it is, so "x" and "x\n" differ.
std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        std::size_t nl = text.find('\n');
        std::size_t len = nl == std::string_view::npos ? text.size() : nl + 1;
        lines.push_back(text.substr(0, len));
        text.remove_prefix(len);
    }
    return lines;
}

// The longest common subsequence of two sequences of line ids, as matched (a, b) index pairs in
// increasing order. Myers' middle-snake bisection (after diff-match-patch's diff_bisect) keeps
// memory linear; the recursion halves the edit distance, so its depth is about log D.
class Lcs {
public:
    Lcs(const std::vector<int>& a, const std::vector<int>& b) : a_(a), b_(b) {}

    std::vector<std::pair<int, int>> run() {
        solve(0, static_cast<int>(a_.size()), 0, static_cast<int>(b_.size()));
        return std::move(matches_);
    }

private:
    void solve(int a0, int a1, int b0, int b1) {
        while (a0 < a1 && b0 < b1 && a_[a0] == b_[b0]) matches_.emplace_back(a0++, b0++);
        int suffix = 0;
        while (a1 - suffix > a0 && b1 - suffix > b0 && a_[a1 - suffix - 1] == b_[b1 - suffix - 1]) ++suffix;
        if (a0 < a1 - suffix && b0 < b1 - suffix) {
            if (auto split = bisect(a0, a1 - suffix, b0, b1 - suffix)) {
                solve(a0, a0 + split->first, b0, b0 + split->second);
                solve(a0 + split->first, a1 - suffix, b0 + split->second, b1 - suffix);
            }
        }
        for (int i = suffix; i > 0; --i) matches_.emplace_back(a1 - i, b1 - i);
    }

    // A point (x, y), relative to (a0, b0), on a shortest edit path where the forward and the
    // reverse searches meet; nullopt when the ranges share nothing.
    std::optional<std::pair<int, int>> bisect(int a0, int a1, int b0, int b1) const {
        const int n = a1 - a0, m = b1 - b0;
        auto at = [&](int x) { return a_[a0 + x]; };
        auto bt = [&](int y) { return b_[b0 + y]; };
        const int max_d = (n + m + 1) / 2;
        const int offset = max_d, length = 2 * max_d + 2;
        std::vector<int> v1(length, -1), v2(length, -1);
        v1[offset + 1] = 0;
        v2[offset + 1] = 0;
        const int delta = n - m;
        const bool front = delta % 2 != 0;  // odd: the forward search detects the overlap
        int k1start = 0, k1end = 0, k2start = 0, k2end = 0;
        for (int d = 0; d < max_d; ++d) {
            for (int k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
                const int k1o = offset + k1;
                int x1 = (k1 == -d || (k1 != d && v1[k1o - 1] < v1[k1o + 1])) ? v1[k1o + 1] : v1[k1o - 1] + 1;
                int y1 = x1 - k1;
                while (x1 < n && y1 < m && at(x1) == bt(y1)) ++x1, ++y1;
                v1[k1o] = x1;
                if (x1 > n) {
                    k1end += 2;
                } else if (y1 > m) {
                    k1start += 2;
                } else if (front) {
                    const int k2o = offset + delta - k1;
                    if (k2o >= 0 && k2o < length && v2[k2o] != -1 && x1 >= n - v2[k2o])
                        return std::pair{x1, y1};
                }
            }
            for (int k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
                const int k2o = offset + k2;
                int x2 = (k2 == -d || (k2 != d && v2[k2o - 1] < v2[k2o + 1])) ? v2[k2o + 1] : v2[k2o - 1] + 1;
                int y2 = x2 - k2;
                while (x2 < n && y2 < m && at(n - x2 - 1) == bt(m - y2 - 1)) ++x2, ++y2;
                v2[k2o] = x2;
                if (x2 > n) {
                    k2end += 2;
                } else if (y2 > m) {
                    k2start += 2;
                } else if (!front) {
                    const int k1o = offset + delta - k2;
                    if (k1o >= 0 && k1o < length && v1[k1o] != -1) {
                        const int x1 = v1[k1o];
                        const int y1 = offset + x1 - k1o;
                        if (x1 >= n - x2) return std::pair{x1, y1};
                    }
                }
            }
        }
        return std::nullopt;
    }

    const std::vector<int>& a_;
    const std::vector<int>& b_;
    std::vector<std::pair<int, int>> matches_;
};

struct Op {
    char kind;  // ' ', '-' or '+'
    int a, b;   // old and new lines before this one (0-based position on each side)
};

// The edit script: equal lines, and between them the old lines removed, then the new ones added.
std::vector<Op> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
    std::unordered_map<std::string_view, int> ids;
    auto intern = [&](const std::vector<std::string_view>& lines) {
        std::vector<int> out;
        out.reserve(lines.size());
        for (auto l : lines) out.push_back(ids.emplace(l, static_cast<int>(ids.size())).first->second);
        return out;
    };
    std::vector<int> ia = intern(a), ib = intern(b);
    auto matches = Lcs(ia, ib).run();
    matches.emplace_back(static_cast<int>(a.size()), static_cast<int>(b.size()));  // sentinel
    std::vector<Op> ops;
    int x = 0, y = 0;
    for (auto [mx, my] : matches) {
        for (; x < mx; ++x) ops.push_back({'-', x, y});
        for (; y < my; ++y) ops.push_back({'+', x, y});
        if (mx < static_cast<int>(a.size())) ops.push_back({' ', x++, y++});
    }
    return ops;
}

// "-3", "-3,4" or "-2,0": diff's and git's form of one side of a hunk header.
std::string range(int before, int count) {
    if (count == 0) return fmt::format("{},0", before);
    if (count == 1) return fmt::format("{}", before + 1);
    return fmt::format("{},{}", before + 1, count);
}

class Printer {
public:
    explicit Printer(bool color) : color_(color) {}

    void line(std::string_view text, fmt::text_style style) {
        if (color_) {
            out_ += fmt::format("{}", fmt::styled(text, style));
        } else {
            out_ += text;
        }
        out_ += '\n';
    }
    // A diff line: its marker, then the file's line; a line with no '\n' gets git's marker line.
    void body(char kind, std::string_view text) {
        bool newline = !text.empty() && text.back() == '\n';
        if (newline) text.remove_suffix(1);
        fmt::text_style style = kind == '-'   ? fmt::fg(fmt::terminal_color::red)
                                : kind == '+' ? fmt::fg(fmt::terminal_color::green)
                                              : fmt::text_style{};
        if (color_ && kind != ' ') {
            out_ += fmt::format("{}", fmt::styled(std::string(1, kind) + std::string(text), style));
        } else {
            out_ += kind;
            out_ += text;
        }
        out_ += '\n';
        if (!newline) out_ += "\\ No newline at end of file\n";
    }
    std::string take() { return std::move(out_); }

private:
    bool color_;
    std::string out_;
};

}  // namespace

std::string unified_diff(std::string_view a, std::string_view b, std::string_view path_a,
                         std::string_view path_b, bool color) {
    if (a == b) return "";
    const auto la = split_lines(a), lb = split_lines(b);
    const std::vector<Op> ops = edit_script(la, lb);
    const std::size_t n = ops.size();
    const std::size_t ctx = kDiffContext;

    Printer p(color);
    p.line(fmt::format("--- a/{}", path_a), fmt::emphasis::bold);
    p.line(fmt::format("+++ b/{}", path_b), fmt::emphasis::bold);
    std::size_t i = 0;
    while (i < n) {
        while (i < n && ops[i].kind == ' ') ++i;
        if (i == n) break;
        const std::size_t start = i >= ctx ? i - ctx : 0;
        // Extend over changes separated by at most 2 * ctx equal lines: their contexts touch.
        std::size_t end = i;
        for (;;) {
            while (end < n && ops[end].kind != ' ') ++end;
            std::size_t next = end;
            while (next < n && ops[next].kind == ' ') ++next;
            if (next == n || next - end > 2 * ctx) break;
            end = next;
        }
        const std::size_t stop = std::min(n, end + ctx);
        int old_count = 0, new_count = 0;
        for (std::size_t k = start; k < stop; ++k) {
            old_count += ops[k].kind != '+';
            new_count += ops[k].kind != '-';
        }
        p.line(fmt::format("@@ -{} +{} @@", range(ops[start].a, old_count), range(ops[start].b, new_count)),
               fmt::fg(fmt::terminal_color::cyan));
        for (std::size_t k = start; k < stop; ++k) {
            const Op& op = ops[k];
            p.body(op.kind, op.kind == '+' ? lb[op.b] : la[op.a]);
        }
        i = stop;
    }
    return p.take();
}

}  // namespace restage::print
