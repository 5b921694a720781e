// `restage scan` end to end: discovery and ignores, failures that stop nothing, --write, --patch,
// --check, JSON and SARIF, and the dogfood Dockerfile.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/scan_walk.hpp"
#include "cli_support.hpp"
#include "json_value.hpp"

namespace fs = std::filesystem;
using restage::test::field;
using restage::test::git;
using restage::test::go_project;
using restage::test::have_git;
using restage::test::Json;
using restage::test::parse_json;
using restage::test::run_restage;
using restage::test::Run;
using restage::test::Sandbox;

namespace {

const char* const kGo = restage::test::kGoDockerfile;
using restage::test::kGoRewritten;

const char* const kPython = "FROM python:3.12\nCOPY . .\nCMD [\"python\", \"app.py\"]\n";

}  // namespace

TEST_CASE("scan: Dockerfile names", "[scan]") {
    using restage::cli::is_dockerfile_name;
    for (const char* yes : {"Dockerfile", "Dockerfile.prod", "api.Dockerfile", "api.dockerfile", "Containerfile"}) {
        CHECK(is_dockerfile_name(yes));
    }
    for (const char* no : {"dockerfile", "Dockerfile.dockerignore", "Dockerfiles", "Makefile", "Containerfile.x",
                           "README.md"}) {
        CHECK_FALSE(is_dockerfile_name(no));
    }
}

TEST_CASE("scan: gitignore patterns", "[scan]") {
    using restage::cli::gitignore_match;
    CHECK(gitignore_match("build", "svc/build", true));
    CHECK(gitignore_match("build", "build", false));
    CHECK(gitignore_match("build/", "svc/build", true));
    CHECK_FALSE(gitignore_match("build/", "svc/build", false));
    CHECK(gitignore_match("/build", "build", true));
    CHECK_FALSE(gitignore_match("/build", "svc/build", true));
    CHECK(gitignore_match("*.tmp.Dockerfile", "a/b/x.tmp.Dockerfile", false));
    CHECK_FALSE(gitignore_match("*.tmp.Dockerfile", "a/Dockerfile", false));
    CHECK(gitignore_match("svc/*/Dockerfile", "svc/api/Dockerfile", false));
    CHECK_FALSE(gitignore_match("svc/*/Dockerfile", "svc/a/b/Dockerfile", false));
    CHECK(gitignore_match("**/gen", "a/b/gen", true));
    CHECK(gitignore_match("**/gen", "gen", true));
    CHECK(gitignore_match("a/**/z", "a/z", true));
    CHECK(gitignore_match("a/**/z", "a/b/c/z", true));
    CHECK(gitignore_match("out/**", "out/x/Dockerfile", false));
    CHECK(gitignore_match("Dockerfile.[a-c]", "Dockerfile.b", false));
    CHECK_FALSE(gitignore_match("Dockerfile.[!a-c]", "Dockerfile.b", false));
    CHECK(gitignore_match("Dockerfile.?", "Dockerfile.x", false));
    CHECK(gitignore_match("\\*star", "*star", false));
    CHECK_FALSE(gitignore_match("\\*star", "xstar", false));
}

TEST_CASE("scan: a tree with ignored folders, a failing file and a read-only file", "[scan]") {
    Sandbox box;
    box.write(".gitignore", "ignored/\n*.tmp.Dockerfile\n!keep.tmp.Dockerfile\n# a comment\n");
    go_project(box, "a");
    box.write("b/Dockerfile.prod", kGoRewritten);
    box.write("c/app.Dockerfile", kPython);
    box.write("d/Containerfile", "FROM alpine\nCMD [\"a\", 1]\n");
    go_project(box, "ro");
    fs::permissions(box.path() / "ro/Dockerfile", fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    go_project(box, "e", "api.dockerfile");
    for (const char* skipped : {"node_modules/x/Dockerfile", "vendor/y/Dockerfile", "ignored/Dockerfile",
                                "z/x.tmp.Dockerfile", ".git/Dockerfile"}) {
        box.write(skipped, kPython);
    }
    box.write("z/keep.tmp.Dockerfile", kGoRewritten);
    box.write("z/.gitignore", "local.Dockerfile\n");
    box.write("z/local.Dockerfile", kPython);
    box.write("Dockerfile.dockerignore", "*\n");

    Run r = run_restage(box, {"scan", "--write", "--jobs", "2", "."});
    INFO(r.out << r.err);
    CHECK(r.code == 2);
    CHECK(r.err ==
          "d/Containerfile:2:1: error: when using JSON array syntax, arrays must be comprised of strings only\n"
          "CMD [\"a\", 1]\n^\n"
          "ro/Dockerfile: error: cannot write ro/Dockerfile: the file is read-only\n");
    CHECK(r.out ==
          "path                   ecosystem  result     runtime base                               saving\n"
          "a/Dockerfile           go         rewritten  gcr.io/distroless/static-debian12:nonroot  ~298 MB\n"
          "b/Dockerfile.prod      go         unchanged  -                                          -\n"
          "c/app.Dockerfile       unknown    refused    -                                          -\n"
          "d/Containerfile        -          error      -                                          -\n"
          "e/api.dockerfile       go         rewritten  gcr.io/distroless/static-debian12:nonroot  ~298 MB\n"
          "ro/Dockerfile          go         error      gcr.io/distroless/static-debian12:nonroot  ~298 MB\n"
          "z/keep.tmp.Dockerfile  go         unchanged  -                                          -\n"
          "\n"
          "7 files: 2 rewritten, 1 refused, 2 unchanged, 2 errors; estimated saving 596 MB\n"
          "refused: 1 no supported ecosystem detected\n");
    // Every other file was written; the failing and the read-only ones are as they were.
    CHECK(box.read("a/Dockerfile") == kGoRewritten);
    CHECK(box.read("e/api.dockerfile") == kGoRewritten);
    CHECK(box.read("ro/Dockerfile") == kGo);
    CHECK(box.read("c/app.Dockerfile") == kPython);
    CHECK(box.read("d/Containerfile") == "FROM alpine\nCMD [\"a\", 1]\n");
    for (const auto& entry : fs::recursive_directory_iterator(box.path())) {
        INFO(entry.path());
        CHECK(entry.path().filename().string().find(".restage-") == std::string::npos);  // no temp file left
    }

    // Scan and `restage FILE` give the same result.
    CHECK(run_restage(box, {"ro/Dockerfile"}).out == kGoRewritten);

    Run all = run_restage(box, {"scan", "--no-ignore", "--format", "json", "."});
    auto json = parse_json(all.out);
    REQUIRE(json);
    std::vector<std::string> paths;
    for (const Json& f : *field(*json, "files").array()) paths.push_back(*field(f, "path").string());
    CHECK(paths == std::vector<std::string>{"a/Dockerfile", "b/Dockerfile.prod", "c/app.Dockerfile",
                                            "d/Containerfile", "e/api.dockerfile", "ignored/Dockerfile",
                                            "node_modules/x/Dockerfile", "ro/Dockerfile", "vendor/y/Dockerfile",
                                            "z/keep.tmp.Dockerfile", "z/local.Dockerfile", "z/x.tmp.Dockerfile"});
}

TEST_CASE("scan: .gitignore files above the scanned folder apply up to the repository's top", "[scan]") {
    Sandbox box;
    box.write(".git/HEAD", "ref: refs/heads/main\n");
    box.write(".gitignore", "gen/\n");
    go_project(box, "svc/api");
    go_project(box, "svc/gen");
    Run r = run_restage(box, {"scan", "--format", "json", "svc"});
    auto json = parse_json(r.out);
    REQUIRE(json);
    const auto& files = *field(*json, "files").array();
    REQUIRE(files.size() == 1);
    CHECK(*field(files[0], "path").string() == "svc/api/Dockerfile");
}

TEST_CASE("scan: --check exits 1 when a file would be rewritten; refusals alone pass", "[scan]") {
    Sandbox box;
    box.write("py/Dockerfile", kPython);
    box.write("multi/Dockerfile", kGoRewritten);
    Run clean = run_restage(box, {"scan", "--check", "."});
    CHECK(clean.code == 0);
    CHECK(clean.err == "");
    go_project(box, "go");
    Run dirty = run_restage(box, {"scan", "--check", "."});
    CHECK(dirty.code == 1);
    CHECK(box.read("go/Dockerfile") == kGo);
    CHECK(dirty.out.find("\n3 files: 1 rewritten, 1 refused, 1 unchanged, 0 errors; estimated saving 298 MB\n") !=
          std::string::npos);
    CHECK(run_restage(box, {"scan", "--check", "--write", "."}).code == 2);
    CHECK(run_restage(box, {"scan", "missing"}).code == 2);
}

TEST_CASE("scan: --patch writes one patch for every file that git apply accepts", "[scan]") {
    Sandbox box;
    go_project(box, "svc/one");
    go_project(box, "svc/two", "Containerfile");
    box.write("py/Dockerfile", kPython);
    Run r = run_restage(box, {"scan", "--patch", "all.patch", "."});
    CHECK(r.code == 0);
    const std::string patch = box.read("all.patch");
    CHECK(patch.rfind("--- a/svc/one/Dockerfile\n+++ b/svc/one/Dockerfile\n", 0) == 0);
    CHECK(patch.find("\n--- a/svc/two/Containerfile\n+++ b/svc/two/Containerfile\n") != std::string::npos);
    CHECK(box.read("svc/one/Dockerfile") == kGo);
    CHECK(run_restage(box, {"scan", "--patch", "-", "."}).out == patch);
    if (!have_git()) {
        WARN("git not found: git apply skipped");
        return;
    }
    REQUIRE(git(box, "init -q") == 0);
    CHECK(git(box, "apply --check all.patch") == 0);
    REQUIRE(git(box, "apply all.patch") == 0);
    CHECK(box.read("svc/one/Dockerfile") == kGoRewritten);
    CHECK(box.read("svc/two/Containerfile") == kGoRewritten);
    CHECK(run_restage(box, {"scan", "--check", "."}).code == 0);
}

TEST_CASE("scan: --format json has every file and a summary", "[scan]") {
    Sandbox box;
    go_project(box, "go");
    box.write("py/Dockerfile", kPython);
    Run r = run_restage(box, {"scan", "--format", "json", "."});
    CHECK(r.code == 0);
    auto json = parse_json(r.out);
    INFO(r.out);
    REQUIRE(json);
    const auto& files = *field(*json, "files").array();
    REQUIRE(files.size() == 2);
    CHECK(*field(files[0], "status").string() == "rewritten");
    CHECK(*field(files[1], "status").string() == "refused");
    // The summary closes the report, its fields in the documented order.
    const std::string summary =
        R"(],"summary":{"files":2,"rewritten":1,"refused":1,"unchanged":0,"errors":0,"saving_mb":298,)"
        R"("refusal_reasons":[{"reason":"no supported ecosystem detected","files":1}]}}
)";
    CHECK(r.out.substr(r.out.size() - std::min(r.out.size(), summary.size())) == summary);
}

TEST_CASE("scan: SARIF has a result per change whose fix turns the file into the rewrite", "[scan]") {
    Sandbox box;
    go_project(box, "svc");
    box.write("bad/Dockerfile", "FROM alpine\nCMD [\"a\", 1]\n");
    Run r = run_restage(box, {"scan", "--format", "sarif", "."});
    CHECK(r.code == 2);
    auto json = parse_json(r.out);
    INFO(r.out);
    REQUIRE(json);
    CHECK(*field(*json, "version").string() == "2.1.0");
    const Json& run = (*field(*json, "runs").array())[0];
    CHECK(*field(field(field(run, "tool"), "driver"), "name").string() == "restage");
    const Json& invocation = (*field(run, "invocations").array())[0];
    CHECK(field(invocation, "executionSuccessful") == Json{false});
    CHECK(field(invocation, "toolExecutionNotifications").array()->size() == 1);

    const auto& results = *field(run, "results").array();
    Run explained = run_restage(box, {"--format", "json", "svc/Dockerfile"});
    auto report = parse_json(explained.out);
    REQUIRE(report);
    const auto& changes = *field((*field(*report, "files").array())[0], "changes").array();
    REQUIRE(results.size() == changes.size());
    for (size_t i = 0; i < results.size(); ++i) {
        const Json& res = results[i];
        CHECK(field(res, "ruleId") == field(changes[i], "rule"));
        CHECK(field(field(res, "message"), "text") == field(changes[i], "reason"));
        const Json& loc = field((*field(res, "locations").array())[0], "physicalLocation");
        CHECK(*field(field(loc, "artifactLocation"), "uri").string() == "svc/Dockerfile");
        const Json& fix = (*field(res, "fixes").array())[0];
        const Json& change = (*field(fix, "artifactChanges").array())[0];
        const Json& repl = (*field(change, "replacements").array())[0];
        const Json& region = field(repl, "deletedRegion");
        const size_t offset = std::stoul(std::get<Json::Number>(field(region, "charOffset").v).text);
        const size_t length = std::stoul(std::get<Json::Number>(field(region, "charLength").v).text);
        std::string fixed = kGo;
        fixed.replace(offset, length, *field(field(repl, "insertedContent"), "text").string());
        CHECK(fixed == kGoRewritten);
    }
}

TEST_CASE("scan: the dogfood Dockerfile is left unchanged", "[scan]") {
    Sandbox box;
    fs::copy_file(fs::path(RESTAGE_SOURCE_DIR) / "Dockerfile", box.path() / "Dockerfile");
    Run r = run_restage(box, {"scan", "--check", "--format", "json", "."});
    CHECK(r.code == 0);
    auto json = parse_json(r.out);
    INFO(r.out << r.err);
    REQUIRE(json);
    const Json& file = (*field(*json, "files").array())[0];
    CHECK(*field(file, "status").string() == "unchanged");
    std::ifstream in(fs::path(RESTAGE_SOURCE_DIR) / "Dockerfile", std::ios::binary);
    std::stringstream original;
    original << in.rdbuf();
    CHECK(box.read("Dockerfile") == original.str());
}
