// Files inside an unpacked image, with symlinks resolved against the image's root.
#include "cli/rootfs.hpp"

#include <algorithm>
#include <deque>
#include <system_error>

namespace restage::cli {

namespace fs = std::filesystem;

namespace {

void push_components(std::deque<std::string>& queue, std::string_view path, bool front) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        if (end > start) parts.emplace_back(path.substr(start, end - start));
        start = end + 1;
    }
    if (front) {
        queue.insert(queue.begin(), parts.begin(), parts.end());
    } else {
        queue.insert(queue.end(), parts.begin(), parts.end());
    }
}

fs::path joined(const fs::path& root, const std::vector<std::string>& parts) {
    fs::path p = root;
    for (const auto& part : parts) p /= part;
    return p;
}

}  // namespace

bool file_in_root(const fs::path& root, std::string_view path) {
    std::deque<std::string> left;
    push_components(left, path, false);
    std::vector<std::string> done;
    int hops = 0;
    while (!left.empty()) {
        std::string part = std::move(left.front());
        left.pop_front();
        if (part == ".") continue;
        if (part == "..") {
            if (!done.empty()) done.pop_back();
            continue;
        }
        const fs::path here = joined(root, done) / part;
        std::error_code ec;
        const auto status = fs::symlink_status(here, ec);
        if (ec || !fs::exists(status)) return false;
        if (fs::is_symlink(status)) {
            if (++hops > 40) return false;
            const std::string target = fs::read_symlink(here, ec).string();
            if (ec) return false;
            if (!target.empty() && target.front() == '/') done.clear();
            push_components(left, target, true);
            continue;
        }
        done.push_back(std::move(part));
    }
    std::error_code ec;
    return !done.empty() && fs::is_regular_file(joined(root, done), ec);
}

std::vector<std::string> programs_in_root(const fs::path& root, const std::vector<std::string>& names,
                                          const std::vector<std::string>& dirs) {
    std::vector<std::string> found;
    for (const auto& name : names) {
        bool present = std::any_of(dirs.begin(), dirs.end(), [&](const std::string& dir) {
            return file_in_root(root, dir + "/" + name);
        });
        if (present) found.push_back(name);
    }
    return found;
}

}  // namespace restage::cli
