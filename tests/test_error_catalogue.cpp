// The error catalogue, golden/errors/<case>/: restage on hostile content and failing files. Each
// case checks the exact stderr (and stdout when given), the exit code, that the Dockerfile is
// intact (or, with expected.Dockerfile, holds exactly that) and that no temp file is left.
//
// A case folder holds:
//   cmd                  restage's arguments, split at blanks
//   Dockerfile           the input (absent when generated or missing)
//   setup                optional, one line: what is done to the file or folder before the run
//                        (see prepare() below)
//   stderr, exit         the exact stderr; the exit code, or "signal N" for death by signal N
//   stdout               optional: the exact stdout
//   expected.Dockerfile  optional: the file after the run
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr uid_t kNobody = 65534;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void spit(const fs::path& p, std::string_view bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

std::vector<std::string> words(const std::string& line) {
    std::istringstream in(line);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

/// The generated inputs: too big to commit.
std::string generate(const std::string& name) {
    std::string out = "FROM alpine\n";
    if (name == "long-line") {
        out += "RUN echo " + std::string(65536, 'a') + "\n";
    } else if (name == "50mb") {
        while (out.size() < (std::size_t{50} << 20)) out += "RUN echo 0123456789abcdefghijklmnopqrstuvwxyz\n";
    } else if (name == "continuation-100k") {
        // In canonical form, so `fmt --check` has nothing to say.
        out += "RUN echo \\\n";
        for (int i = 0; i < 100000; ++i) out += "    a \\\n";
        out += "    end\n";
    } else if (name == "lower-case") {
        for (int i = 0; i < 3000; ++i) out += "run echo hello\n";
    } else {
        FAIL("unknown generator " << name);
    }
    return out;
}

/// A temp folder: io/ holds the run's stdin, stdout, stderr; work/ is its current folder.
class Box {
public:
    Box() {
        std::string tmpl = (fs::temp_directory_path() / "restage-errors-XXXXXX").string();
        REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
        root_ = tmpl;
        fs::create_directories(io());
        fs::create_directories(work());
        fs::permissions(root_, fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
    }
    Box(const Box&) = delete;
    Box& operator=(const Box&) = delete;
    ~Box() {
        if (mounted_) ::umount2(work().c_str(), MNT_DETACH);
        std::error_code ec;
        fs::permissions(work(), fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(root_, ec);
    }
    fs::path io() const { return root_ / "io"; }
    fs::path work() const { return root_ / "work"; }
    /// A 64 KiB tmpfs on work/, when this process may mount one.
    bool mount_small_tmpfs() {
        mounted_ = ::mount("tmpfs", work().c_str(), "tmpfs", 0, "size=64k,mode=0755") == 0;
        return mounted_;
    }

private:
    fs::path root_;
    bool mounted_ = false;
};

struct RunSpec {
    std::vector<std::string> args;
    bool as_nobody = false;            // drop root's powers so file modes apply
    std::optional<rlim_t> file_limit;  // RLIMIT_FSIZE for the run
    std::optional<int> signal;         // pause before the rename, then send this
};

struct Outcome {
    int status = 0;
    bool temp_seen_while_paused = false;
};

bool any_temp_file(const fs::path& dir) {
    for (const auto& e :
         fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied)) {
        if (e.path().filename().string().find(".restage-") != std::string::npos) return true;
    }
    return false;
}

bool wait_for(const fs::path& p, int seconds) {
    for (int i = 0; i < seconds * 100; ++i) {
        if (fs::exists(p)) return true;
        struct timespec ten_ms = {0, 10'000'000};
        ::nanosleep(&ten_ms, nullptr);
    }
    return false;
}

Outcome run(const Box& box, const RunSpec& spec) {
    std::vector<std::string> argv_s{RESTAGE_BINARY};
    argv_s.insert(argv_s.end(), spec.args.begin(), spec.args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    const fs::path ready = box.io() / "ready";
    std::vector<std::string> env_s{"NO_COLOR=1", "LC_ALL=C", "HOME=" + box.io().string()};
    if (const char* path = std::getenv("PATH")) env_s.push_back(std::string("PATH=") + path);
    for (const char* name : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"}) {
        if (const char* v = std::getenv(name)) env_s.push_back(std::string(name) + "=" + v);
    }
    if (spec.signal) env_s.push_back("RESTAGE_TEST_PAUSE_BEFORE_RENAME=" + ready.string());
    std::vector<char*> envp;
    for (auto& e : env_s) envp.push_back(e.data());
    envp.push_back(nullptr);
    const std::string in = "/dev/null", out = (box.io() / "stdout").string(),
                      err = (box.io() / "stderr").string(), dir = box.work().string();

    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        // The child: only async-signal-safe calls until exec.
        int fd0 = ::open(in.c_str(), O_RDONLY);
        int fd1 = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int fd2 = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd0 < 0 || fd1 < 0 || fd2 < 0 || ::dup2(fd0, 0) < 0 || ::dup2(fd1, 1) < 0 || ::dup2(fd2, 2) < 0) {
            ::_exit(126);
        }
        if (::chdir(dir.c_str()) != 0) ::_exit(126);
        if (spec.as_nobody && ::geteuid() == 0) {
            if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)
                ::_exit(126);
        }
        if (spec.file_limit) {
            struct rlimit limit = {*spec.file_limit, *spec.file_limit};
            ::signal(SIGXFSZ, SIG_IGN);  // a write past the limit fails with EFBIG instead
            if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(126);
        }
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    Outcome o;
    if (spec.signal) {
        bool paused = wait_for(ready, 60);
        o.temp_seen_while_paused = paused && any_temp_file(box.work());
        ::kill(pid, *spec.signal);
    }
    REQUIRE(::waitpid(pid, &o.status, 0) == pid);
    return o;
}

std::string describe(int status) {
    if (WIFEXITED(status)) return std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return "signal " + std::to_string(WTERMSIG(status));
    return "status " + std::to_string(status);
}

/// Applies the case's setup to box; returns what the run needs. The file lives at work/Dockerfile
/// unless the setup says otherwise.
RunSpec prepare(Box& box, const fs::path& dir, std::string& input, std::string& expected_err) {
    RunSpec spec;
    spec.args = words(slurp(dir / "cmd"));
    std::vector<std::string> setup =
        fs::exists(dir / "setup") ? words(slurp(dir / "setup")) : std::vector<std::string>{};
    std::string what = setup.empty() ? "" : setup[0];
    const fs::path file = box.work() / "Dockerfile";
    input = fs::exists(dir / "Dockerfile") ? slurp(dir / "Dockerfile") : "";
    if (what == "generate" || what == "full-disk") {
        REQUIRE(setup.size() == 2);
        input = generate(setup[1]);
    }
    if (what == "full-disk") {
        // A small tmpfs when we may mount one; otherwise a file-size limit fails the write the same
        // way (with EFBIG, "File too large", instead of ENOSPC).
        if (!box.mount_small_tmpfs()) {
            WARN("cannot mount a tmpfs here: the full disk is simulated with RLIMIT_FSIZE");
            spec.file_limit = 4096;
            auto at = expected_err.find("No space left on device");
            REQUIRE(at != std::string::npos);
            expected_err.replace(at, std::string("No space left on device").size(), "File too large");
        }
    }
    if (what == "missing") return spec;
    if (what == "directory") {
        fs::create_directories(file);
        return spec;
    }
    if (what == "symlink" || what == "dangling-symlink") {
        fs::create_directories(box.work() / "real");
        if (what == "symlink") spit(box.work() / "real" / "Dockerfile", input);
        fs::create_symlink(what == "symlink" ? "real/Dockerfile" : "real/missing", file);
        return spec;
    }
    spit(file, input);
    if (what == "unreadable") {
        fs::permissions(file, fs::perms::none);
        fs::permissions(box.work(), fs::perms::all);
        spec.as_nobody = true;
    } else if (what == "read-only-file") {
        fs::permissions(file, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
        fs::permissions(box.work(), fs::perms::all);
        spec.as_nobody = true;
    } else if (what == "read-only-folder") {
        fs::permissions(file, fs::perms::all);
        fs::permissions(box.work(), fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                        fs::perms::group_exec | fs::perms::others_read |
                                        fs::perms::others_exec);
        spec.as_nobody = true;
    } else if (what == "signal") {
        REQUIRE(setup.size() == 2);
        spec.signal = std::stoi(setup[1]);
    } else {
        REQUIRE((what.empty() || what == "generate" || what == "full-disk"));
    }
    return spec;
}

}  // namespace

TEST_CASE("errors: every catalogue case gives its message and exit code, and loses no data", "[errors]") {
    const fs::path root = fs::path(RESTAGE_SOURCE_DIR) / "golden" / "errors";
    std::vector<fs::path> cases;
    for (const auto& e : fs::directory_iterator(root)) {
        if (e.is_directory()) cases.push_back(e.path());
    }
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() >= 28);
    for (const fs::path& dir : cases) {
        DYNAMIC_SECTION(dir.filename().string()) {
            Box box;
            std::string input, expected_err = slurp(dir / "stderr");
            RunSpec spec = prepare(box, dir, input, expected_err);
            Outcome o = run(box, spec);
            const std::string setup = fs::exists(dir / "setup") ? trimmed(slurp(dir / "setup")) : "";

            CHECK(describe(o.status) == trimmed(slurp(dir / "exit")));
            CHECK(slurp(box.io() / "stderr") == expected_err);
            if (fs::exists(dir / "stdout")) CHECK(slurp(box.io() / "stdout") == slurp(dir / "stdout"));
            if (spec.signal) CHECK(o.temp_seen_while_paused);

            // The file: intact, or exactly the expected result; a link stays a link.
            const fs::path file = box.work() / "Dockerfile";
            std::string want =
                fs::exists(dir / "expected.Dockerfile") ? slurp(dir / "expected.Dockerfile") : input;
            if (setup == "symlink") {
                CHECK(fs::is_symlink(file));
                CHECK(slurp(box.work() / "real" / "Dockerfile") == want);
            } else if (setup == "dangling-symlink") {
                CHECK(fs::is_symlink(file));
                CHECK(!fs::exists(box.work() / "real" / "missing"));
            } else if (setup == "directory") {
                CHECK(fs::is_directory(file));
            } else if (setup != "missing") {
                std::string got = slurp(file);
                CHECK(got.size() == want.size());
                CHECK((got == want));  // not printed: some inputs are 50 MB
            }
            CHECK_FALSE(any_temp_file(box.work()));
        }
    }
}
