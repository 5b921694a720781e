// Line-level helpers over the original bytes.
#include "rewrite/text_util.hpp"

namespace restage::rewrite {

size_t line_begin(std::string_view src, size_t at) {
    while (at > 0 && src[at - 1] != '\n') --at;
    return at;
}

size_t next_line(std::string_view src, size_t begin) {
    size_t nl = src.find('\n', begin);
    return nl == std::string_view::npos ? src.size() : nl + 1;
}

bool blank_line_at(std::string_view src, size_t begin) {
    for (size_t i = begin; i < src.size() && src[i] != '\n'; ++i) {
        if (src[i] != ' ' && src[i] != '\t' && src[i] != '\r') return false;
    }
    return true;
}

size_t comments_above(std::string_view src, size_t begin) {
    while (begin > 0) {
        size_t prev = line_begin(src, begin - 1);
        size_t i = prev;
        while (i < begin && (src[i] == ' ' || src[i] == '\t')) ++i;
        if (i >= begin || src[i] != '#') break;
        begin = prev;
    }
    return begin;
}

std::string eol_of(std::string_view src) {
    size_t nl = src.find('\n');
    return nl != std::string_view::npos && nl > 0 && src[nl - 1] == '\r' ? "\r\n" : "\n";
}

std::string with_eol(std::string text, const std::string& eol) {
    if (text.empty() || text.back() != '\n') text += eol;
    return text;
}

std::string joined(const std::vector<std::string>& words, std::string_view sep) {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out += sep;
        out += w;
    }
    return out;
}

std::string listed(const std::vector<std::string>& words) {
    if (words.size() < 2) return joined(words, "");
    return joined({words.begin(), words.end() - 1}, ", ") + " and " + words.back();
}

std::string versions_text(const std::vector<std::string>& versions) {
    auto number = [](const std::string& v) {
        return !v.empty() && v.size() < 6 && v.find_first_not_of("0123456789") == std::string::npos;
    };
    std::size_t run = 0;  // the leading run of consecutive numbers
    while (run < versions.size() && number(versions[run]) &&
           (run == 0 || std::stoi(versions[run]) == std::stoi(versions[run - 1]) + 1))
        ++run;
    if (run < 3) return joined(versions, ", ");
    std::string out = versions.front() + " to " + versions[run - 1];
    for (std::size_t i = run; i < versions.size(); ++i) out += ", " + versions[i];
    return out;
}

}  // namespace restage::rewrite
