// Finding Dockerfiles: a sorted depth-first walk with the skips and .gitignore rules of scan.
#include "cli/scan_walk.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

namespace restage::cli {

namespace {

namespace fs = std::filesystem;

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// `[...]` at p[0]: whether it matches c; `len` gets the class's length (0: not a class).
bool match_class(std::string_view p, char c, size_t& len) {
    size_t i = 1;
    bool negate = i < p.size() && (p[i] == '!' || p[i] == '^');
    if (negate) ++i;
    bool hit = false;
    for (size_t first = i; i < p.size() && (p[i] != ']' || i == first); ++i) {
        if (i + 2 < p.size() && p[i + 1] == '-' && p[i + 2] != ']') {
            hit = hit || (p[i] <= c && c <= p[i + 2]);
            i += 2;
        } else {
            hit = hit || p[i] == c;
        }
    }
    if (i >= p.size()) {
        len = 0;  // no closing ']': a literal '['
        return c == '[';
    }
    len = i + 1;
    return hit != negate;
}

// Glob matching of a whole path: '*' and '?' stop at '/', "**" as a whole segment spans folders.
bool glob(std::string_view p, std::string_view s) {
    while (!p.empty()) {
        if (p.substr(0, 2) == "**" && (p.size() == 2 || p[2] == '/')) {
            if (p.size() == 2) return true;  // "a/**": everything below
            std::string_view rest = p.substr(3);
            for (size_t i = 0; i <= s.size(); ++i) {
                if ((i == 0 || s[i - 1] == '/') && glob(rest, s.substr(i))) return true;
            }
            return false;
        }
        if (p[0] == '*') {
            std::string_view rest = p.substr(1);
            for (size_t i = 0; i <= s.size(); ++i) {
                if (glob(rest, s.substr(i))) return true;
                if (i < s.size() && s[i] == '/') return false;
            }
            return false;
        }
        if (s.empty()) return false;
        if (p[0] == '?') {
            if (s[0] == '/') return false;
            p.remove_prefix(1);
        } else if (p[0] == '[') {
            size_t len = 0;
            if (s[0] == '/' || !match_class(p, s[0], len)) return false;
            p.remove_prefix(len == 0 ? 1 : len);
        } else {
            if (p[0] == '\\' && p.size() > 1) p.remove_prefix(1);
            if (p[0] != s[0]) return false;
            p.remove_prefix(1);
        }
        s.remove_prefix(1);
    }
    return s.empty();
}

// One line of a .gitignore, with the folder it sits in (relative to the walk's top).
struct Rule {
    std::string base;  ///< "" or "a/b"
    std::string pattern;
    bool negate = false;
};

std::vector<Rule> read_gitignore(const fs::path& file, const std::string& base) {
    std::vector<Rule> rules;
    std::ifstream in(file, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        // Trailing blanks are dropped unless escaped.
        while (!line.empty() && line.back() == ' ' && (line.size() < 2 || line[line.size() - 2] != '\\')) line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        Rule r{base, line, false};
        if (r.pattern[0] == '!') {
            r.negate = true;
            r.pattern.erase(0, 1);
        } else if (r.pattern.rfind("\\!", 0) == 0 || r.pattern.rfind("\\#", 0) == 0) {
            r.pattern.erase(0, 1);
        }
        if (!r.pattern.empty()) rules.push_back(std::move(r));
    }
    return rules;
}

// Whether `rel` (relative to the top) is ignored: the last rule that matches decides.
bool ignored(const std::vector<Rule>& rules, const std::string& rel, bool is_dir) {
    bool out = false;
    for (const Rule& r : rules) {
        if (!r.base.empty() && (rel.size() <= r.base.size() || rel.compare(0, r.base.size(), r.base) != 0 ||
                                rel[r.base.size()] != '/')) {
            continue;
        }
        std::string_view below = std::string_view(rel).substr(r.base.empty() ? 0 : r.base.size() + 1);
        if (gitignore_match(r.pattern, below, is_dir)) out = !r.negate;
    }
    return out;
}

class Walker {
public:
    Walker(bool no_ignore, const std::function<void(std::string)>& on_file, std::vector<Error>& errors)
        : no_ignore_(no_ignore), on_file_(on_file), errors_(errors) {}

    void root(const std::string& arg) {
        const fs::path root = fs::path(arg).lexically_normal();
        std::error_code ec;
        const auto st = fs::status(root, ec);
        if (fs::is_regular_file(st)) {
            add(root);
            return;
        }
        if (!fs::is_directory(st)) {
            errors_.push_back(
                Error{ErrorKind::Io,
                      "cannot scan " + arg + ": " + (ec ? ec.message() : "not a folder or file"),
                      {},
                      ""});
            return;
        }
        std::vector<Rule> rules;
        std::string top_rel;  // the root's path below the repository's top
        if (!no_ignore_) ancestor_rules(root, rules, top_rel);
        walk(root, top_rel, rules);
    }

private:
    // The .gitignore files above `root` up to the folder holding .git (none outside a repository).
    void ancestor_rules(const fs::path& root, std::vector<Rule>& rules, std::string& top_rel) {
        std::error_code ec;
        const fs::path abs = fs::absolute(root, ec).lexically_normal();
        std::vector<fs::path> chain;  // root's ancestors, nearest first
        fs::path top;
        for (fs::path dir = abs;; dir = dir.parent_path()) {
            if (fs::exists(dir / ".git", ec)) {
                top = dir;
                break;
            }
            if (dir == dir.parent_path() || dir.empty()) return;
            chain.push_back(dir.parent_path());
        }
        top_rel = abs.lexically_relative(top).generic_string();
        if (top_rel == ".") top_rel.clear();
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            std::string base = it->lexically_relative(top).generic_string();
            if (base == ".") base.clear();
            auto more = read_gitignore(*it / ".gitignore", base);
            rules.insert(rules.end(), more.begin(), more.end());
        }
    }

    void walk(const fs::path& dir, const std::string& rel, std::vector<Rule> rules) {
        std::error_code ec;
        // Each entry with its name, taken once: sorting by path().filename() built two paths a comparison.
        std::vector<std::pair<std::string, fs::directory_entry>> entries;
        fs::directory_iterator it(dir, ec);
        if (ec) {
            errors_.push_back(Error{
                ErrorKind::Io, "cannot read folder " + dir.generic_string() + ": " + ec.message(), {}, ""});
            return;
        }
        for (; it != fs::directory_iterator(); it.increment(ec)) {
            if (ec) break;
            entries.emplace_back(it->path().filename().string(), *it);
        }
        // The listing says whether there is a .gitignore: no stat of one in every folder.
        const bool has_gitignore = std::any_of(entries.begin(), entries.end(),
                                               [](const auto& e) { return e.first == ".gitignore"; });
        if (!no_ignore_ && has_gitignore && fs::is_regular_file(dir / ".gitignore", ec)) {
            auto more = read_gitignore(dir / ".gitignore", rel);
            rules.insert(rules.end(), more.begin(), more.end());
        }
        std::sort(entries.begin(), entries.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [name, e] : entries) {
            const std::string child = rel.empty() ? name : rel + "/" + name;
            const bool is_dir = e.is_directory(ec) && !e.is_symlink(ec);
            if (is_dir) {
                if (name == ".git") continue;
                if (!no_ignore_ && (name == "node_modules" || name == "vendor" || ignored(rules, child, true))) continue;
                walk(e.path(), child, rules);
            } else if (is_dockerfile_name(name) && !(!no_ignore_ && ignored(rules, child, false))) {
                add(e.path());
            }
        }
    }

    void add(const fs::path& file) {
        std::string path = file.lexically_normal().generic_string();
        if (seen_.insert(path).second) on_file_(std::move(path));
    }

    bool no_ignore_;
    const std::function<void(std::string)>& on_file_;
    std::vector<Error>& errors_;
    std::set<std::string> seen_;
};

}  // namespace

bool is_dockerfile_name(std::string_view name) {
    if (ends_with(name, ".dockerignore")) return false;
    return name == "Dockerfile" || name == "Containerfile" || name.rfind("Dockerfile.", 0) == 0 ||
           ends_with(name, ".Dockerfile") || ends_with(name, ".dockerfile");
}

bool gitignore_match(std::string_view pattern, std::string_view path, bool is_dir) {
    if (!pattern.empty() && pattern.back() == '/') {
        if (!is_dir) return false;
        pattern.remove_suffix(1);
    }
    if (pattern.empty()) return false;
    if (pattern.find('/') == std::string_view::npos) {
        const size_t slash = path.rfind('/');
        return glob(pattern, slash == std::string_view::npos ? path : path.substr(slash + 1));
    }
    if (pattern[0] == '/') pattern.remove_prefix(1);
    return glob(pattern, path);
}

std::vector<Error> walk_dockerfiles(const std::vector<std::string>& roots, bool no_ignore,
                                    const std::function<void(std::string)>& on_file) {
    std::vector<Error> errors;
    Walker walker(no_ignore, on_file, errors);
    for (const auto& r : roots) walker.root(r);
    return errors;
}

}  // namespace restage::cli
