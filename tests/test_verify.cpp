// restage verify's parts that need no container builder: child processes, files inside an
// unpacked image, the report's helpers, and the command's usage errors and "no builder" exit.
#include <stdlib.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "cli/process.hpp"
#include "cli/rootfs.hpp"
#include "cli/verify_report.hpp"

namespace fs = std::filesystem;
using namespace restage::cli;

namespace {

struct TempDir {
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "restage-verify-test-XXXXXX").string();
        REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
        path = tmpl;
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    void file(const std::string& name) const {
        fs::create_directories((path / name).parent_path());
        std::ofstream(path / name) << "#!/bin/sh\n";
    }
    fs::path path;
};

ProcessResult run_restage_cli(std::vector<std::string> args, const std::vector<std::string>& env = {}) {
    args.insert(args.begin(), RESTAGE_BINARY);
    return run_process(args, 60, env);
}

}  // namespace

TEST_CASE("run_process captures stdout, stderr and the exit status", "[verify]") {
    auto r = run_process({"sh", "-c", "echo out; echo err >&2; exit 3"});
    CHECK(r.exit == 3);
    CHECK(r.out == "out\n");
    CHECK(r.err == "err\n");
    CHECK_FALSE(r.timed_out);
}

TEST_CASE("run_process passes arguments as they are, with no shell in between", "[verify]") {
    auto r = run_process({"printf", "%s|", "a b", "$HOME", "'q'"});
    CHECK(r.out == "a b|$HOME|'q'|");
}

TEST_CASE("run_process adds environment entries and reports a program it cannot start", "[verify]") {
    CHECK(run_process({"sh", "-c", "printf %s \"$X\""}, 60, {"X=42"}).out == "42");
    auto missing = run_process({"restage-no-such-program"});
    CHECK(missing.exit == 127);
    CHECK(missing.err == "cannot run restage-no-such-program: No such file or directory\n");
}

TEST_CASE("run_process kills a child that runs past its time limit", "[verify]") {
    auto r = run_process({"sleep", "30"}, 1);
    CHECK(r.timed_out);
    CHECK(r.exit == 128 + 9);
}

TEST_CASE("find_on_path finds executables only", "[verify]") {
    TempDir d;
    d.file("bin/tool");
    d.file("other/tool");
    fs::permissions(d.path / "other/tool", fs::perms::owner_all);
    const std::string path = (d.path / "bin").string() + ":" + (d.path / "other").string();
    CHECK(find_on_path("tool", path) == (d.path / "other/tool").string());
    CHECK_FALSE(find_on_path("absent", path));
}

TEST_CASE("file_in_root resolves symlinks inside the image's root", "[verify]") {
    TempDir d;
    d.file("usr/bin/go-real");
    fs::create_directory_symlink("usr/bin", d.path / "bin");        // merged /usr
    fs::create_symlink("/usr/bin/go-real", d.path / "usr/bin/go");  // absolute: the image's root
    fs::create_symlink("../bin/go-real", d.path / "usr/bin/rel");   // relative
    fs::create_symlink("/etc/passwd", d.path / "usr/bin/host");     // exists on the host only
    fs::create_symlink("loop2", d.path / "usr/bin/loop1");
    fs::create_symlink("loop1", d.path / "usr/bin/loop2");
    fs::create_symlink("/../../../usr/bin/go-real", d.path / "usr/bin/up");  // cannot climb out
    CHECK(file_in_root(d.path, "/usr/bin/go"));
    CHECK(file_in_root(d.path, "/bin/go"));
    CHECK(file_in_root(d.path, "/bin/rel"));
    CHECK(file_in_root(d.path, "/usr/bin/up"));
    CHECK_FALSE(file_in_root(d.path, "/usr/bin/host"));
    CHECK_FALSE(file_in_root(d.path, "/usr/bin/loop1"));
    CHECK_FALSE(file_in_root(d.path, "/usr/bin"));
    CHECK_FALSE(file_in_root(d.path, "/usr/bin/absent"));
}

TEST_CASE("programs_in_root lists the names found in any folder, in the names' order", "[verify]") {
    TempDir d;
    d.file("usr/local/go/bin/go");
    d.file("usr/bin/make");
    d.file("usr/share/npm");
    CHECK(programs_in_root(d.path, {"npm", "make", "go", "gcc"}, {"/usr/bin", "/usr/local/go/bin"}) ==
          std::vector<std::string>{"make", "go"});
}

TEST_CASE("verify's report helpers", "[verify]") {
    CHECK(is_root_user(""));
    CHECK(is_root_user("root"));
    CHECK(is_root_user("0:0"));
    CHECK(is_root_user("root:app"));
    CHECK_FALSE(is_root_user("nonroot"));
    CHECK_FALSE(is_root_user("65532:65532"));
    CHECK_FALSE(is_root_user("10"));
    CHECK(human_size(672100000) == "672 MB");
    CHECK(human_size(7240131) == "7.24 MB");
    CHECK(human_size(1500000000) == "1.5 GB");
    CHECK(human_size(512) == "512 B");
}

TEST_CASE("verify with no container builder on PATH exits 2 and says what to install", "[verify][cli]") {
    TempDir d;
    d.file("Dockerfile");
    auto r = run_restage_cli({"verify", (d.path / "Dockerfile").string(), "--http", "8080/"},
                             {"PATH=" + d.path.string()});
    CHECK(r.exit == 2);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "restage verify: no container builder found: install docker, podman or buildah (e.g. apt-get "
          "install buildah)\n");
}

TEST_CASE("verify wants exactly one well-formed probe", "[verify][cli]") {
    TempDir d;
    d.file("Dockerfile");
    const std::string file = (d.path / "Dockerfile").string();
    auto none = run_restage_cli({"verify", file}, {"NO_COLOR=1"});
    CHECK(none.exit == 2);
    CHECK(none.err == "restage verify: error: give one probe: --http PORT[/PATH] or --run ARGS\n");
    auto both = run_restage_cli({"verify", file, "--http", "80", "--run", "x"}, {"NO_COLOR=1"});
    CHECK(both.exit == 2);
    CHECK(both.err == "restage verify: error: give one probe: --http PORT[/PATH] or --run ARGS\n");
    auto bad = run_restage_cli({"verify", file, "--http", "http://x/"}, {"NO_COLOR=1"});
    CHECK(bad.exit == 2);
    CHECK(bad.err == "restage verify: error: --http http://x/: want PORT[/PATH], e.g. 8080/health\n");
    auto big = run_restage_cli({"verify", file, "--http", "70000"}, {"NO_COLOR=1"});
    CHECK(big.exit == 2);
}
