#include "rewrite/dockerignore.hpp"

#include <fnmatch.h>

#include <string_view>
#include <vector>

namespace restage::rewrite {

namespace {

std::vector<std::string> split(std::string_view path) {
    std::vector<std::string> out;
    size_t at = 0;
    while (at <= path.size()) {
        size_t slash = path.find('/', at);
        std::string_view part =
            path.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at);
        if (!part.empty() && part != ".") out.emplace_back(part);
        if (slash == std::string_view::npos) break;
        at = slash + 1;
    }
    return out;
}

// Whether the segments of `pattern` from `p` match those of `path` from `k` to its end.
bool match(const std::vector<std::string>& pattern, size_t p, const std::vector<std::string>& path,
           size_t k) {
    if (p == pattern.size()) return k == path.size();
    if (pattern[p] == "**") {
        for (size_t skip = k; skip <= path.size(); ++skip) {
            if (match(pattern, p + 1, path, skip)) return true;
        }
        return false;
    }
    return k < path.size() && fnmatch(pattern[p].c_str(), path[k].c_str(), 0) == 0 &&
           match(pattern, p + 1, path, k + 1);
}

}  // namespace

bool dockerignored(const detect::Context& ctx, const std::string& rel) {
    auto text = ctx.read(".dockerignore");
    if (!text) return false;
    const std::vector<std::string> path = split(rel);
    bool ignored = false;
    size_t at = 0;
    while (at < text->size()) {
        size_t nl = text->find('\n', at);
        std::string line = text->substr(at, nl == std::string::npos ? std::string::npos : nl - at);
        at = nl == std::string::npos ? text->size() : nl + 1;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
            line.pop_back();
        while (!line.empty() && (line[0] == ' ' || line[0] == '\t')) line.erase(0, 1);
        if (line.empty() || line[0] == '#') continue;
        bool include = line[0] == '!';
        const std::vector<std::string> pattern = split(include ? line.substr(1) : line);
        if (pattern.empty()) continue;
        // The path itself or a folder above it.
        for (size_t n = 1; n <= path.size(); ++n) {
            if (match(pattern, 0, std::vector<std::string>(path.begin(), path.begin() + static_cast<long>(n)),
                      0)) {
                ignored = !include;
                break;
            }
        }
    }
    return ignored;
}

}  // namespace restage::rewrite
