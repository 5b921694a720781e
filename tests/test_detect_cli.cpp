// The exact output of `restage detect`, in text and JSON, and its usage errors.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <string>

#include "detect_fixtures.hpp"

using namespace restage::test;

namespace {

// Runs `restage ARGS` in `dir` (ARGS may go on with `; more shell`); returns stdout and stderr.
std::string run_restage(const std::filesystem::path& dir, const std::string& args) {
    std::string cmd = "cd '" + dir.string() + "' && { '" + RESTAGE_BINARY + "' " + args + "; } 2>&1";
    FILE* f = popen(cmd.c_str(), "r");
    REQUIRE(f != nullptr);
    std::string out;
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
    pclose(f);
    return out;
}

}  // namespace

TEST_CASE("cli: text output", "[detect][cli]") {
    TempDir dir;
    dir.write("Dockerfile", "FROM golang:1.22\nWORKDIR /src\nCOPY . .\n");
    dir.write("go.mod", "module example.com/app\n");
    dir.write("go.sum", "");
    CHECK(run_restage(dir.path, "detect Dockerfile") ==
          "ecosystem: go (confidence 0.75)\n"
          "  Dockerfile:1: base image golang:1.22\n"
          "  go.mod: declares module example.com/app\n"
          "  go.sum: Go module checksums\n");
}

TEST_CASE("cli: text output with a flavor, a package manager and other evidence", "[detect][cli]") {
    TempDir dir;
    dir.write("app/Dockerfile", "FROM node:20\nRUN yarn install\nCMD [\"serve\", \"dist\"]\n");
    dir.write("site/build.gradle", "");
    dir.write("site/settings.gradle", "");
    dir.write("site/gradlew", "");
    CHECK(run_restage(dir.path, "detect app/Dockerfile --context site") ==
          "ecosystem: static (confidence 0.67)\n"
          "flavor: npm-build\n"
          "package manager: yarn\n"
          "  app/Dockerfile:1: base image node:20\n"
          "  app/Dockerfile:3: CMD runs serve dist (serves a front-end)\n"
          "  app/Dockerfile:2: yarn install in RUN\n"
          "also seen: gradle\n"
          "other evidence:\n"
          "  build.gradle: Gradle build script [gradle]\n"
          "  settings.gradle: Gradle settings [gradle]\n"
          "  gradlew: Gradle wrapper [gradle]\n");
}

TEST_CASE("cli: unknown prints what it saw", "[detect][cli]") {
    TempDir dir;
    dir.write("Dockerfile", "FROM python:3.12\nRUN pip install flask\n");
    dir.write("index.html", "");
    CHECK(run_restage(dir.path, "detect Dockerfile") ==
          "ecosystem: unknown\n"
          "  Dockerfile:1: base image python:3.12\n"
          "  Dockerfile:2: pip install in RUN (python)\n"
          "  index.html: a plain HTML page [static]\n");
    dir.write("empty/Dockerfile", "FROM alpine\n");
    CHECK(run_restage(dir.path, "detect empty/Dockerfile") == "ecosystem: unknown\n  nothing recognised\n");
}

TEST_CASE("cli: JSON output", "[detect][cli]") {
    TempDir dir;
    dir.write("Dockerfile", "FROM golang:1.22\n");
    dir.write("go.mod", "module example.com/app\n");
    CHECK(
        run_restage(dir.path, "detect Dockerfile --format json") ==
        R"({"file":"Dockerfile","ecosystem":"go","confidence":0.62,"flavor":"","package_manager":"",)"
        R"("evidence":[{"ecosystem":"go","fact":"base image golang:1.22","line":1,"file":null,"weight":3},)"
        R"({"ecosystem":"go","fact":"declares module example.com/app","line":null,"file":"go.mod","weight":2}],)"
        R"("also_seen":[]})"
        "\n");
}

TEST_CASE("cli: bad arguments and files", "[detect][cli]") {
    TempDir dir;
    dir.write("Dockerfile", "FROM golang\n");
    CHECK(run_restage(dir.path, "detect Dockerfile --format yaml; echo rc=$?").find("rc=2") !=
          std::string::npos);
    CHECK(run_restage(dir.path, "detect Dockerfile --context nope; echo rc=$?").find("rc=2") !=
          std::string::npos);
    CHECK(run_restage(dir.path, "detect missing; echo rc=$?").find("rc=2") != std::string::npos);
}
