// Finding the Dockerfiles of a tree for `restage scan`: names, skipped folders, .gitignore rules.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/result.hpp"

namespace restage::cli {

/// Whether `name` is a Dockerfile's: Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile or
/// Containerfile (but not a per-Dockerfile ignore file, `*.dockerignore`).
bool is_dockerfile_name(std::string_view name);

/// Whether `path` (relative, '/'-separated) matches gitignore `pattern` as written in a
/// .gitignore at the top: `*`, `?`, `[a-z]`, `[!x]`, `**`, `\` escapes; a pattern without a slash
/// (but a trailing one) matches the last name at any depth; a trailing `/` matches only folders.
/// Negation (`!`) is the caller's.
bool gitignore_match(std::string_view pattern, std::string_view path, bool is_dir);

/// Walks `roots` (folders; a file is taken as it is) and hands each Dockerfile to `on_file` as
/// soon as the walk reaches it, so the files can be worked on while the walk goes on: sorted
/// per folder, each once. Skips `.git` always; `node_modules`, `vendor` and what .gitignore
/// files ignore (those in the folders walked, and in the folders above a root up to the
/// repository's top, the folder holding `.git`) unless `no_ignore`. Symbolic links to folders
/// are not followed. Paths are the root joined with the path below it, normalised
/// ("./a/../b/Dockerfile" is "b/Dockerfile"). Returns the folders or files it could not read
/// (Io errors naming them), which do not stop the walk.
std::vector<Error> walk_dockerfiles(const std::vector<std::string>& roots, bool no_ignore,
                                    const std::function<void(std::string)>& on_file);

}  // namespace restage::cli
