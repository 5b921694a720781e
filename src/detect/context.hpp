// Context: the build context next to a Dockerfile, read lazily and within bounds.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace restage::detect {

/// The files a detector may read: a folder on disk, or an in-memory map for tests.
/// Paths are relative, with '/' separators ("go.mod", "src/main/java"). Reads are
/// bounded (1 MiB per file) and never follow a path out of the root. On disk, a name that
/// a folder's listing lacks is absent, with no system call: a context is a snapshot of one
/// run, as the listings are.
class Context {
public:
    /// The folder `dir`; a missing folder gives an empty context.
    static Context from_dir(std::filesystem::path dir);
    /// Files given as path -> contents; folders are implied by the paths.
    static Context in_memory(std::map<std::string, std::string> files);

    /// Whether a file or folder exists.
    bool exists(std::string_view rel) const;
    /// Whether `rel` is a folder.
    bool is_dir(std::string_view rel) const;
    /// A file's contents (at most 1 MiB), or nullopt.
    std::optional<std::string> read(std::string_view rel) const;
    /// The names in folder `rel` ("" for the root), sorted; folders end with '/'. A folder on
    /// disk is listed once: copies of a Context share the listings (thread-safe), so the
    /// Dockerfiles of one folder can share its Context.
    std::vector<std::string> list(std::string_view rel = "") const;
    /// The root on disk (empty for an in-memory context).
    const std::filesystem::path& root() const { return root_; }

private:
    /// Whether a folder listing already says `rel` (normalised) is not there: its folder was
    /// listed to the end, with no error, and has no such name. Lists the root when needed, as
    /// detection does anyway: probing its absent files one stat each was a scan's main cost.
    bool listed_absent(const std::string& rel) const;

    std::filesystem::path root_;
    std::optional<std::map<std::string, std::string>> memory_;
    struct Listings {
        std::mutex mutex;
        std::map<std::string, std::vector<std::string>> folders;
        std::set<std::string> complete;  ///< the folders listed to the end without an error
    };
    std::shared_ptr<Listings> listings_ = std::make_shared<Listings>();
};

}  // namespace restage::detect
