// Unit tests for cli/atomic_write: atomic replacement, modes, symlinks, and read errors.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/atomic_write.hpp"

namespace fs = std::filesystem;
using restage::atomic_write;
using restage::ErrorKind;
using restage::read_fd;
using restage::read_file;
using restage::read_input;

namespace {

/// A fresh directory under the system temp dir, removed (permissions restored) at scope exit.
class TempDir {
public:
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "restage-test-XXXXXX").string();
        REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
        path_ = tmpl;
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ec;
        for (auto it = fs::recursive_directory_iterator(path_, ec); !ec && it != fs::end(it);
             it.increment(ec)) {
            if (it->is_directory(ec) && !it->is_symlink(ec)) {
                fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
            }
        }
        fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }
    fs::path operator/(const std::string& name) const { return path_ / name; }

private:
    fs::path path_;
};

void write_plain(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
    REQUIRE(out.good());
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> entries(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

mode_t mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

bool is_root() { return ::geteuid() == 0; }

}  // namespace

TEST_CASE("atomic_write creates a new file with the umask's mode", "[atomic_write]") {
    TempDir dir;
    auto target = dir / "Dockerfile";
    REQUIRE(atomic_write(target, "FROM scratch\n").ok());
    CHECK(slurp(target) == "FROM scratch\n");
    CHECK(entries(dir.path()) == std::vector<std::string>{"Dockerfile"});

    mode_t mask = ::umask(0);
    ::umask(mask);
    CHECK(mode_of(target) == (0666 & ~mask));
}

TEST_CASE("atomic_write replaces contents and keeps the mode", "[atomic_write]") {
    TempDir dir;
    auto target = dir / "Dockerfile";
    write_plain(target, "FROM old\nRUN a long line that will become shorter\n");
    std::vector<mode_t> modes = {0640, 0755, 0600};
    if (is_root()) modes.push_back(0444);  // root may write any file; others may not (below)
    for (mode_t mode : modes) {
        REQUIRE(::chmod(target.c_str(), mode) == 0);
        std::string bytes = "FROM new\n# mode " + std::to_string(mode) + "\n";
        REQUIRE(atomic_write(target, bytes).ok());
        CHECK(slurp(target) == bytes);
        CHECK(mode_of(target) == mode);
    }
    CHECK(entries(dir.path()) == std::vector<std::string>{"Dockerfile"});
}

TEST_CASE("atomic_write writes empty and large contents, NUL bytes included", "[atomic_write]") {
    TempDir dir;
    auto target = dir / "f";
    write_plain(target, "something");
    REQUIRE(atomic_write(target, "").ok());
    CHECK(slurp(target).empty());

    std::string big(3 * 1024 * 1024 + 17, 'x');
    big[5] = '\0';
    REQUIRE(atomic_write(target, big).ok());
    CHECK(slurp(target) == big);
}

TEST_CASE("atomic_write keeps the owner when running as root", "[atomic_write]") {
    if (!is_root()) return;  // only root can give a file away
    TempDir dir;
    auto target = dir / "Dockerfile";
    write_plain(target, "FROM a\n");
    REQUIRE(::chown(target.c_str(), 12345, 23456) == 0);
    REQUIRE(::chmod(target.c_str(), 0664) == 0);
    REQUIRE(atomic_write(target, "FROM b\n").ok());
    struct stat st {};
    REQUIRE(::stat(target.c_str(), &st) == 0);
    CHECK(st.st_uid == 12345u);
    CHECK(st.st_gid == 23456u);
    CHECK((st.st_mode & 07777) == 0664);
}

TEST_CASE("atomic_write writes through a symlink and keeps the link", "[atomic_write]") {
    TempDir dir;
    fs::create_directories(dir / "real");
    fs::create_directories(dir / "links");
    auto real = dir / "real/Dockerfile";
    auto link = dir / "links/Dockerfile";
    write_plain(real, "FROM old\n");
    REQUIRE(::chmod(real.c_str(), 0640) == 0);
    fs::create_symlink("../real/Dockerfile", link);

    REQUIRE(atomic_write(link, "FROM new\n").ok());
    CHECK(fs::is_symlink(link));
    CHECK(fs::read_symlink(link) == fs::path("../real/Dockerfile"));
    CHECK(slurp(real) == "FROM new\n");
    CHECK(mode_of(real) == 0640);
    CHECK(entries(dir / "real") == std::vector<std::string>{"Dockerfile"});
    CHECK(entries(dir / "links") == std::vector<std::string>{"Dockerfile"});

    // A chain of links resolves to the same file.
    fs::create_symlink("Dockerfile", dir / "links/Containerfile");
    REQUIRE(atomic_write(dir / "links/Containerfile", "FROM newer\n").ok());
    CHECK(fs::is_symlink(dir / "links/Containerfile"));
    CHECK(slurp(real) == "FROM newer\n");
}

TEST_CASE("atomic_write refuses a dangling symlink", "[atomic_write]") {
    TempDir dir;
    auto link = dir / "Dockerfile";
    fs::create_symlink("missing", link);
    auto r = atomic_write(link, "FROM a\n");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::Io);
    CHECK_THAT(r.error().message, Catch::Contains(link.string()));
    CHECK_THAT(r.error().message, Catch::Contains("No such file or directory"));
    CHECK(fs::is_symlink(link));
    CHECK_FALSE(fs::exists(dir / "missing"));
    CHECK(entries(dir.path()) == std::vector<std::string>{"Dockerfile"});
}

TEST_CASE("atomic_write errors name the path and the reason", "[atomic_write]") {
    TempDir dir;

    SECTION("a directory") {
        fs::create_directories(dir / "sub");
        auto r = atomic_write(dir / "sub", "x");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == ErrorKind::Io);
        CHECK(r.error().message == "cannot write " + (dir / "sub").string() + ": is a directory");
    }
    SECTION("a missing parent directory") {
        auto r = atomic_write(dir / "no/such/Dockerfile", "x");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message ==
              "cannot write " + (dir / "no/such/Dockerfile").string() + ": No such file or directory");
        CHECK(entries(dir.path()).empty());
    }
    SECTION("a parent that is a regular file") {
        write_plain(dir / "plain", "keep me");
        auto r = atomic_write(dir / "plain/Dockerfile", "x");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message ==
              "cannot write " + (dir / "plain/Dockerfile").string() + ": Not a directory");
        CHECK(slurp(dir / "plain") == "keep me");
        CHECK(entries(dir.path()) == std::vector<std::string>{"plain"});
    }
    SECTION("not a regular file") {
        REQUIRE(::mkfifo((dir / "fifo").c_str(), 0644) == 0);
        auto r = atomic_write(dir / "fifo", "x");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message == "cannot write " + (dir / "fifo").string() + ": not a regular file");
    }
}

TEST_CASE("atomic_write into a read-only directory fails and keeps the original", "[atomic_write]") {
    TempDir dir;
    fs::create_directories(dir / "ro");
    auto target = dir / "ro/Dockerfile";
    write_plain(target, "FROM original\n");
    if (is_root()) {
        // Root ignores directory permissions; a read-only file system is not available in a test.
        // Check the same promise where the temp file cannot be created: the target's "directory"
        // is the original file itself, which must stay intact.
        auto r = atomic_write(target / "x", "FROM new\n");
        REQUIRE_FALSE(r.ok());
        CHECK_THAT(r.error().message, Catch::Contains("Not a directory"));
    } else {
        REQUIRE(::chmod((dir / "ro").c_str(), 0555) == 0);
        auto r = atomic_write(target, "FROM new\n");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == ErrorKind::Io);
        CHECK(r.error().message == "cannot write " + target.string() + ": Permission denied");
        REQUIRE(::chmod((dir / "ro").c_str(), 0755) == 0);
    }
    CHECK(slurp(target) == "FROM original\n");
    CHECK(entries(dir / "ro") == std::vector<std::string>{"Dockerfile"});
}

TEST_CASE("atomic_write does not replace a read-only file, though its folder is writable", "[atomic_write]") {
    if (is_root()) {
        WARN("root may write any file: golden/errors/read-only-file checks this as nobody");
        return;
    }
    TempDir dir;
    auto target = dir / "Dockerfile";
    write_plain(target, "FROM original\n");
    REQUIRE(::chmod(target.c_str(), 0444) == 0);
    auto r = atomic_write(target, "FROM new\n");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "cannot write " + target.string() + ": Permission denied");
    CHECK(slurp(target) == "FROM original\n");
    CHECK(entries(dir.path()) == std::vector<std::string>{"Dockerfile"});
}

TEST_CASE("read_file reads bytes exactly", "[read_file]") {
    TempDir dir;
    std::string bytes = "\xEF\xBB\xBF";
    bytes += "FROM a\r\nRUN b";
    bytes += '\0';
    bytes += std::string(100000, 'z');
    write_plain(dir / "f", bytes);
    auto r = read_file(dir / "f");
    REQUIRE(r.ok());
    CHECK(*r == bytes);

    write_plain(dir / "empty", "");
    auto e = read_file(dir / "empty");
    REQUIRE(e.ok());
    CHECK(e->empty());
}

TEST_CASE("read_file errors", "[read_file]") {
    TempDir dir;

    SECTION("a missing file") {
        auto r = read_file(dir / "missing");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == ErrorKind::Io);
        CHECK(r.error().message ==
              "cannot read " + (dir / "missing").string() + ": No such file or directory");
    }
    SECTION("a directory") {
        auto r = read_file(dir.path());
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message == "cannot read " + dir.path().string() + ": is a directory");
    }
    SECTION("an unreadable file") {
        if (is_root()) {
            // Root reads any file; a path through a regular file is unreadable for everyone.
            write_plain(dir / "plain", "x");
            auto r = read_file(dir / "plain/Dockerfile");
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().message ==
                  "cannot read " + (dir / "plain/Dockerfile").string() + ": Not a directory");
        } else {
            write_plain(dir / "secret", "x");
            REQUIRE(::chmod((dir / "secret").c_str(), 0) == 0);
            auto r = read_file(dir / "secret");
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().message == "cannot read " + (dir / "secret").string() + ": Permission denied");
        }
    }
}

TEST_CASE("read_fd and read_input read a pipe and stdin", "[read_file]") {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const std::string bytes = "FROM piped\n";
    REQUIRE(::write(fds[1], bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
    ::close(fds[1]);

    SECTION("read_fd") {
        auto r = read_fd(fds[0], "pipe");
        REQUIRE(r.ok());
        CHECK(*r == bytes);
        ::close(fds[0]);
    }
    SECTION("read_input(\"-\") is stdin") {
        int saved = ::dup(STDIN_FILENO);
        REQUIRE(saved >= 0);
        REQUIRE(::dup2(fds[0], STDIN_FILENO) == STDIN_FILENO);
        ::close(fds[0]);
        auto r = read_input("-");
        ::dup2(saved, STDIN_FILENO);
        ::close(saved);
        REQUIRE(r.ok());
        CHECK(*r == bytes);
    }
}

TEST_CASE("read_input reads other arguments as paths", "[read_file]") {
    TempDir dir;
    write_plain(dir / "Dockerfile", "FROM a\n");
    auto r = read_input((dir / "Dockerfile").string());
    REQUIRE(r.ok());
    CHECK(*r == "FROM a\n");
    auto missing = read_input((dir / "nope").string());
    REQUIRE_FALSE(missing.ok());
    CHECK_THAT(missing.error().message, Catch::Contains("No such file or directory"));
}
