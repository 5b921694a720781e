// Looking inside an image's unpacked root file system without leaving it: absolute symlinks
// resolve against the image's root, not the host's.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace restage::cli {

/// Whether `path` (absolute, as the image sees it) is a regular file in the root file system at
/// `root`, following symlinks inside that root (at most 40 of them).
bool file_in_root(const std::filesystem::path& root, std::string_view path);

/// Which of `names` are files in one of `dirs` (absolute, as the image sees them), in `names`' order.
std::vector<std::string> programs_in_root(const std::filesystem::path& root,
                                          const std::vector<std::string>& names,
                                          const std::vector<std::string>& dirs);

}  // namespace restage::cli
