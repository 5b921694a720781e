// File I/O for the CLI: whole-file reads, stdin as "-", and atomic in-place writes.
#include "cli/atomic_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <random>
#include <system_error>

#include <fmt/format.h>

#include "cli/temp_files.hpp"

namespace restage {
namespace {

// std::system_category().message() is the thread-safe strerror (scan writes in parallel).
std::string reason(int err) { return std::system_category().message(err); }

Error io_error(std::string message) {
    Error e;
    e.kind = ErrorKind::Io;
    e.message = std::move(message);
    return e;
}

Error read_error(std::string_view name, int err) {
    return io_error(
        fmt::format("cannot read {}: {}", name, err == EISDIR ? std::string("is a directory") : reason(err)));
}

Error write_error(const std::filesystem::path& path, std::string_view why) {
    return io_error(fmt::format("cannot write {}: {}", path.string(), why));
}

/// Six characters from [A-Za-z0-9]; O_EXCL, not this, is what makes the name safe.
std::string random_suffix() {
    static constexpr std::string_view kChars =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    thread_local std::mt19937_64 rng{std::random_device{}() ^ static_cast<unsigned>(getpid())};
    std::uniform_int_distribution<std::size_t> pick(0, kChars.size() - 1);
    std::string s(6, '\0');
    for (char& c : s) c = kChars[pick(rng)];
    return s;
}

/// Owns the temp file until it is renamed: closes and unlinks it on every early return, and
/// keeps it registered so that SIGTERM, SIGINT or SIGHUP removes it too (temp_files.hpp).
class TempFile {
public:
    TempFile() = default;
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile() {
        if (fd_ >= 0) ::close(fd_);
        if (!path_.empty()) ::unlink(path_.c_str());
        temp_files::forget(slot_);
    }

    /// Creates `.<name>.restage-XXXXXX` in `dir`; returns errno, or 0.
    int create(const std::filesystem::path& dir, const std::string& name, mode_t mode) {
        temp_files::install_signal_cleanup();
        temp_files::SignalBlock block;  // no signal between creating and registering
        for (int attempt = 0; attempt < 100; ++attempt) {
            std::filesystem::path p = dir / fmt::format(".{}.restage-{}", name, random_suffix());
            int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
            if (fd >= 0) {
                fd_ = fd;
                path_ = std::move(p);
                slot_ = temp_files::add(path_.c_str());
                return 0;
            }
            if (errno != EEXIST) return errno;
        }
        return EEXIST;
    }

    int fd() const { return fd_; }
    const std::filesystem::path& path() const { return path_; }

    /// Closes the descriptor; returns errno, or 0. close() can report a failed delayed write.
    int close() {
        int rc = ::close(fd_);
        fd_ = -1;
        return rc == 0 ? 0 : errno;
    }

    /// After a successful rename there is nothing left to remove.
    void release() {
        path_.clear();
        temp_files::forget(slot_);
        slot_ = -1;
    }

private:
    int fd_ = -1;
    int slot_ = -1;
    std::filesystem::path path_;
};

/// Test hook: with RESTAGE_TEST_PAUSE_BEFORE_RENAME=FILE set, creates FILE once the temp file is
/// written and waits up to 30 s before the rename, so a test can signal the process right then.
void test_pause_before_rename() {
    const char* ready = std::getenv("RESTAGE_TEST_PAUSE_BEFORE_RENAME");
    if (ready == nullptr || *ready == '\0') return;
    int fd = ::open(ready, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd >= 0) ::close(fd);
    struct timespec left = {30, 0};
    while (::nanosleep(&left, &left) != 0 && errno == EINTR) {
    }
}

int write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return 0;
}

/// Makes a rename in `dir` durable. Some file systems cannot fsync a directory (EINVAL); the
/// rename has happened all the same, so that is not an error.
int fsync_dir(const std::filesystem::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return errno;
    int err = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return err == EINVAL ? 0 : err;
}

}  // namespace

Result<Ok> atomic_write(const std::filesystem::path& target, std::string_view bytes) {
    // Find the regular file to replace: through a symlink, never the link itself.
    std::filesystem::path real = target;
    struct stat st {};
    bool exists = false;
    struct stat lst {};
    if (::lstat(target.c_str(), &lst) == 0) {
        if (S_ISLNK(lst.st_mode)) {
            std::error_code ec;
            real = std::filesystem::canonical(target, ec);
            if (ec) {
                return io_error(fmt::format("cannot write {}: cannot resolve symbolic link: {}",
                                            target.string(), ec.message()));
            }
        }
        if (::stat(real.c_str(), &st) != 0) return write_error(target, reason(errno));
        if (S_ISDIR(st.st_mode)) return write_error(target, "is a directory");
        if (!S_ISREG(st.st_mode)) return write_error(target, "not a regular file");
        // A file the user may not write is not replaced, though its folder would allow it.
        if (::faccessat(AT_FDCWD, real.c_str(), W_OK, AT_EACCESS) != 0)
            return write_error(target, reason(errno));
        exists = true;
    } else if (errno != ENOENT) {
        return write_error(target, reason(errno));
    }

    std::filesystem::path dir = real.parent_path();
    if (dir.empty()) dir = ".";
    std::string name = real.filename().string();

    // An existing file's contents stay private (0600) until its own mode is applied; a new file
    // gets the usual 0666 less the umask from open() itself.
    TempFile tmp;
    if (int err = tmp.create(dir, name, exists ? 0600 : 0666)) return write_error(target, reason(err));
    if (int err = write_all(tmp.fd(), bytes)) return write_error(target, reason(err));
    if (exists) {
        // Owner first: chown clears the set-user-ID and set-group-ID bits that chmod then restores.
        if (::geteuid() == 0 && ::fchown(tmp.fd(), st.st_uid, st.st_gid) != 0) {
            return write_error(target, reason(errno));
        }
        if (::fchmod(tmp.fd(), st.st_mode & 07777) != 0) return write_error(target, reason(errno));
    }
    if (::fsync(tmp.fd()) != 0) return write_error(target, reason(errno));
    if (int err = tmp.close()) return write_error(target, reason(err));
    test_pause_before_rename();
    if (::rename(tmp.path().c_str(), real.c_str()) != 0) return write_error(target, reason(errno));
    tmp.release();
    if (int err = fsync_dir(dir)) return write_error(target, reason(err));
    return Ok{};
}

namespace {

/// A NUL byte marks binary data: restage reads text. Points at the first one.
std::optional<Error> binary_data(std::string_view bytes) {
    std::size_t at = bytes.find('\0');
    if (at == std::string_view::npos) return std::nullopt;
    std::size_t line_start = bytes.rfind('\n', at);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    auto line = std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1;
    // The position goes in the message: the diagnostic would show the binary line under it.
    Error e;
    e.kind = ErrorKind::Syntax;
    e.message = fmt::format("binary data: a NUL byte at line {}, column {} (restage reads text files)", line,
                            at - line_start + 1);
    return e;
}

}  // namespace

Result<std::string> read_fd(int fd, std::string_view name) {
    std::string out;
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            return read_error(name, errno);
        }
        if (n == 0) return out;
        out.append(buf, static_cast<std::size_t>(n));
        if (out.size() > kMaxInputBytes) {
            return io_error(fmt::format("cannot read {}: larger than restage's limit of {} MiB", name,
                                        kMaxInputBytes >> 20));
        }
    }
}

Result<std::string> read_file(const std::filesystem::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return read_error(path.string(), errno);
    // open() accepts a directory; say so now rather than at the first read().
    struct stat st {};
    int err = ::fstat(fd, &st) == 0 ? 0 : errno;
    if (err == 0 && S_ISDIR(st.st_mode)) err = EISDIR;
    Result<std::string> r =
        err != 0 ? Result<std::string>(read_error(path.string(), err)) : read_fd(fd, path.string());
    ::close(fd);
    return r;
}

Result<std::string> read_input(std::string_view arg) {
    auto r = arg == "-" ? read_fd(STDIN_FILENO, "<stdin>") : read_file(std::filesystem::path(arg));
    if (r) {
        if (auto binary = binary_data(*r)) return *binary;
    }
    return r;
}

}  // namespace restage
