// File I/O for the CLI: whole-file reads, stdin as "-", and atomic in-place writes.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "syntax/result.hpp"

namespace restage {

/// Replaces the contents of `target` with `bytes` so that a reader sees either the old file or
/// the new one, never a mix, even after a crash:
///
/// 1. a temp file `.<name>.restage-XXXXXX` is created beside the file (O_CREAT|O_EXCL, mode 0600
///    while it is written), written in full and fsync'ed;
/// 2. it takes the original's permission bits (st_mode & 07777) and, when running as root, its
///    owner and group; a new file gets 0666 less the umask, like any created file;
/// 3. it is renamed over the file, and the directory is fsync'ed so the rename is durable.
///
/// On any failure the temp file is removed, the original is left as it was, and an Io error
/// names the path and the system's reason (strerror). A file the user may not write (its mode,
/// a read-only mount) is not replaced even when its folder is writable: "Permission denied".
///
/// Signals: SIGTERM, SIGINT or SIGHUP while a write is in flight removes its temp file (and
/// every other one in flight, from any thread) and ends the process by that signal; the
/// original is then untouched, or already fully replaced if the rename had happened
/// (temp_files.hpp).
///
/// Symbolic links: the write goes *through* the link. A link is resolved with
/// std::filesystem::canonical and the file it points to is replaced (its temp file lives in that
/// file's directory); the link itself is never replaced. A link to a missing file is an error.
///
/// Not kept: hard links (the path gets a new inode), extended attributes and ACLs. A target that
/// exists but is not a regular file (a directory, a device, a FIFO) is an error.
Result<Ok> atomic_write(const std::filesystem::path& target, std::string_view bytes);

/// The largest input restage reads: 8 MiB, about 500 times the largest Dockerfile of the corpus,
/// and a bound on time and memory (see the README's "Limits").
inline constexpr std::size_t kMaxInputBytes = std::size_t{8} << 20;

/// Reads a whole file. Io errors: "cannot read PATH: No such file or directory" for a missing
/// file, "cannot read PATH: is a directory", "cannot read PATH: larger than restage's limit of
/// 8 MiB", and the system's reason for anything else (e.g. "Permission denied").
Result<std::string> read_file(const std::filesystem::path& path);

/// Reads `fd` to its end (it stays open). `name` is the path used in an error message.
Result<std::string> read_fd(int fd, std::string_view name);

/// Reads a command-line input: "-" is standard input (named "<stdin>" in errors), anything else
/// a file path as read_file reads it. Input with a NUL byte is binary data, not a Dockerfile: a
/// Syntax error "binary data: a NUL byte at line L, column C (restage reads text files)".
Result<std::string> read_input(std::string_view arg);

}  // namespace restage
