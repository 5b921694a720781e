// Context: a build context on disk or in memory, read within its root and within bounds.
#include "detect/context.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <system_error>

namespace restage::detect {

namespace {

constexpr std::size_t kMaxRead = std::size_t{1} << 20;  // 1 MiB

// "./a//b/" -> "a/b"; nullopt for an absolute path or one with a ".." part, which could leave
// the root. "" and "." are the root.
std::optional<std::string> normalise(std::string_view rel) {
    if (!rel.empty() && (rel.front() == '/' || rel.front() == '\\')) return std::nullopt;
    std::string out;
    std::size_t i = 0;
    while (i <= rel.size()) {
        std::size_t end = rel.find('/', i);
        if (end == std::string_view::npos) end = rel.size();
        std::string_view part = rel.substr(i, end - i);
        if (part == "..") return std::nullopt;
        if (!part.empty() && part != ".") {
            if (!out.empty()) out += '/';
            out += part;
        }
        i = end + 1;
    }
    return out;
}

// The status of root/rel (`rel` normalised: no ".." part) when no part of it below the root is
// a symbolic link, so it cannot lead out of the root: one lstat per part. nullopt when a part is
// a link or cannot be read: the caller resolves the whole path then (inside()), which costs a
// readlink per part of both paths and was most of a scan's system time.
std::optional<std::filesystem::file_status> plain_status(const std::filesystem::path& root,
                                                         std::string_view rel) {
    std::filesystem::path p = root;
    std::filesystem::file_status st(std::filesystem::file_type::directory);
    for (std::size_t i = 0; i < rel.size();) {
        std::size_t end = std::min(rel.find('/', i), rel.size());
        p /= rel.substr(i, end - i);
        std::error_code ec;
        st = std::filesystem::symlink_status(p, ec);
        if (st.type() == std::filesystem::file_type::not_found) return st;
        if (!std::filesystem::status_known(st) || std::filesystem::is_symlink(st)) return std::nullopt;
        i = end + 1;
    }
    if (rel.empty()) {
        std::error_code ec;
        st = std::filesystem::status(root, ec);
        if (!std::filesystem::status_known(st)) return std::nullopt;
    }
    return st;
}

// Whether `p` resolves (symbolic links included) to a place inside `root`.
bool inside(const std::filesystem::path& root, const std::filesystem::path& p) {
    std::error_code ec;
    auto real_root = std::filesystem::weakly_canonical(root, ec);
    if (ec) return false;
    auto real = std::filesystem::weakly_canonical(p, ec);
    if (ec) return false;
    auto r = real_root.lexically_normal().generic_string();
    auto s = real.lexically_normal().generic_string();
    if (!r.empty() && r.back() == '/') r.pop_back();
    return s == r || (s.size() > r.size() && s.compare(0, r.size(), r) == 0 && s[r.size()] == '/');
}

}  // namespace

Context Context::from_dir(std::filesystem::path dir) {
    Context c;
    c.root_ = std::move(dir);
    return c;
}

Context Context::in_memory(std::map<std::string, std::string> files) {
    Context c;
    std::map<std::string, std::string> clean;
    for (auto& [path, text] : files) {
        if (auto n = normalise(path); n && !n->empty()) clean[*n] = std::move(text);
    }
    c.memory_ = std::move(clean);
    return c;
}

bool Context::exists(std::string_view rel) const {
    auto n = normalise(rel);
    if (!n) return false;
    if (memory_) return n->empty() || memory_->count(*n) != 0 || is_dir(*n);
    if (root_.empty() || listed_absent(*n)) return false;
    if (auto st = plain_status(root_, *n)) return std::filesystem::exists(*st);
    auto p = root_ / *n;
    std::error_code ec;
    return std::filesystem::exists(p, ec) && inside(root_, p);
}

bool Context::is_dir(std::string_view rel) const {
    auto n = normalise(rel);
    if (!n) return false;
    if (memory_) {
        if (n->empty()) return true;
        auto prefix = *n + "/";
        auto it = memory_->lower_bound(prefix);
        return it != memory_->end() && it->first.compare(0, prefix.size(), prefix) == 0;
    }
    if (root_.empty() || listed_absent(*n)) return false;
    if (auto st = plain_status(root_, *n)) return std::filesystem::is_directory(*st);
    auto p = root_ / *n;
    std::error_code ec;
    return std::filesystem::is_directory(p, ec) && inside(root_, p);
}

std::optional<std::string> Context::read(std::string_view rel) const {
    auto n = normalise(rel);
    if (!n || n->empty()) return std::nullopt;
    if (memory_) {
        auto it = memory_->find(*n);
        if (it == memory_->end()) return std::nullopt;
        return it->second.substr(0, kMaxRead);
    }
    if (root_.empty() || listed_absent(*n)) return std::nullopt;
    auto p = root_ / *n;
    std::error_code ec;
    if (auto st = plain_status(root_, *n)) {
        if (!std::filesystem::is_regular_file(*st)) return std::nullopt;
    } else if (!std::filesystem::is_regular_file(p, ec) || !inside(root_, p)) {
        return std::nullopt;
    }
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    // Size the buffer by the file (zeroing 1 MiB per read was most of a scan's time).
    const auto size = std::filesystem::file_size(p, ec);
    std::string out(ec ? kMaxRead : std::min<std::size_t>(size + 1, kMaxRead), '\0');
    std::size_t got = 0;
    for (;;) {  // a file that grew since file_size() is read on, up to kMaxRead
        in.read(out.data() + got, static_cast<std::streamsize>(out.size() - got));
        got += static_cast<std::size_t>(in.gcount());
        if (!in || got < out.size() || out.size() >= kMaxRead) break;
        out.resize(std::min(out.size() * 2, kMaxRead));
    }
    out.resize(got);
    return out;
}

std::vector<std::string> Context::list(std::string_view rel) const {
    std::vector<std::string> out;
    auto n = normalise(rel);
    if (!n) return out;
    if (memory_) {
        std::string prefix = n->empty() ? "" : *n + "/";
        std::set<std::string> names;
        for (auto it = memory_->lower_bound(prefix); it != memory_->end(); ++it) {
            if (it->first.compare(0, prefix.size(), prefix) != 0) break;
            std::string rest = it->first.substr(prefix.size());
            auto slash = rest.find('/');
            names.insert(slash == std::string::npos ? rest : rest.substr(0, slash + 1));
        }
        return {names.begin(), names.end()};
    }
    {
        std::lock_guard lock(listings_->mutex);
        if (auto it = listings_->folders.find(*n); it != listings_->folders.end()) return it->second;
    }
    if (root_.empty() || !is_dir(*n)) return out;
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator(root_ / *n, ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
        std::string name = it->path().filename().string();
        std::error_code dir_ec;
        if (it->is_directory(dir_ec)) name += '/';
        out.push_back(std::move(name));
    }
    std::sort(out.begin(), out.end());
    std::lock_guard lock(listings_->mutex);
    listings_->folders.emplace(*n, out);
    if (!ec) listings_->complete.insert(*n);
    return out;
}

bool Context::listed_absent(const std::string& rel) const {
    if (rel.empty()) return false;
    const std::size_t slash = rel.rfind('/');
    const std::string folder = slash == std::string::npos ? "" : rel.substr(0, slash);
    const std::string name = rel.substr(slash == std::string::npos ? 0 : slash + 1);
    std::unique_lock lock(listings_->mutex);
    if (folder.empty() && listings_->folders.count(folder) == 0) {
        lock.unlock();
        list();
        lock.lock();
    }
    if (listings_->complete.count(folder) == 0) return false;
    const auto& names = listings_->folders.at(folder);
    return !std::binary_search(names.begin(), names.end(), name) &&
           !std::binary_search(names.begin(), names.end(), name + "/");
}

}  // namespace restage::detect
