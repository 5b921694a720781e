// The rewrite command end to end: the built binary on temp Dockerfiles, with stdout, stderr, exit code.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_support.hpp"
#include "json_value.hpp"

namespace fs = std::filesystem;
using restage::test::Json;
using restage::test::parse_json;

using restage::test::field;
using restage::test::git;
using restage::test::go_project;
using restage::test::kGoDockerfile;
using restage::test::kGoRewritten;
using restage::test::have_git;
using restage::test::run_restage;
using restage::test::Run;
using restage::test::Sandbox;

namespace {

/// A Go project in folder `dir` of the sandbox ("" for its root).
}  // namespace

TEST_CASE("cli: a Go Dockerfile is rewritten to stdout", "[cli]") {
    Sandbox box;
    go_project(box);
    Run r = run_restage(box, {"Dockerfile"});
    CHECK(r.err == "");
    CHECK(r.out == kGoRewritten);
    CHECK(r.code == 0);
    CHECK(box.read("Dockerfile") == kGoDockerfile);
}

TEST_CASE("cli: standard input is rewritten with the current folder as context", "[cli]") {
    Sandbox box;
    go_project(box);
    Run r = run_restage(box, {"-"}, kGoDockerfile);
    CHECK(r.out == kGoRewritten);
    CHECK(r.code == 0);
}

TEST_CASE("cli: --context names the build context", "[cli]") {
    Sandbox box;
    go_project(box, "src");
    box.write("docker/Dockerfile", kGoDockerfile);
    CHECK(run_restage(box, {"--context", "src", "docker/Dockerfile"}).out == kGoRewritten);
    CHECK(run_restage(box, {"--context", "missing", "docker/Dockerfile"}).code == 2);
}

TEST_CASE("cli: --diff prints a diff that git apply accepts", "[cli]") {
    Sandbox box;
    go_project(box, "svc");
    Run r = run_restage(box, {"--diff", "./svc/Dockerfile"});
    CHECK(r.code == 0);
    CHECK(r.err == "");
    REQUIRE(r.out.rfind("--- a/svc/Dockerfile\n+++ b/svc/Dockerfile\n@@ -1,7 +1,14 @@\n-FROM "
                        "golang:1.22\n+FROM golang:1.22 AS build\n",
                        0) == 0);
    CHECK(r.out.find('\x1b') == std::string::npos);
    if (!have_git()) {
        WARN("git not found: apply skipped");
        return;
    }
    box.write("change.patch", r.out);
    REQUIRE(git(box, "init -q") == 0);
    CHECK(git(box, "apply --check change.patch") == 0);
    CHECK(git(box, "apply change.patch") == 0);
    CHECK(box.read("svc/Dockerfile") == kGoRewritten);
    // Standard input is named Dockerfile; nothing to do is no diff.
    CHECK(run_restage(box, {"--diff", "-"}, kGoDockerfile)
              .out.rfind("--- a/Dockerfile\n+++ b/Dockerfile\n", 0) == 0);
    Run none = run_restage(box, {"--diff", "svc/Dockerfile"});
    CHECK(none.out == "");
    CHECK(none.code == 0);
}

TEST_CASE("cli: --check exits 1 when a change would be made, and prints only a summary", "[cli]") {
    Sandbox box;
    go_project(box);
    box.write("multi/Dockerfile", kGoRewritten);
    Run same = run_restage(box, {"--check", "multi/Dockerfile"});
    CHECK(same.code == 0);
    CHECK(same.out == "");
    CHECK(same.err == "multi/Dockerfile: unchanged: already multi-stage: restage does not re-split it\n");

    Run change = run_restage(box, {"--check", "Dockerfile"});
    CHECK(change.code == 1);
    CHECK(change.out == "");
    CHECK(change.err.rfind("Dockerfile: would be rewritten (go, ", 0) == 0);
    CHECK(std::count(change.err.begin(), change.err.end(), '\n') == 1);

    Run both = run_restage(box, {"--check", "multi/Dockerfile", "Dockerfile"});
    CHECK(both.code == 1);
    CHECK(std::count(both.err.begin(), both.err.end(), '\n') == 2);
}

TEST_CASE("cli: -i writes the file, and a second run changes nothing", "[cli]") {
    Sandbox box;
    go_project(box);
    Run first = run_restage(box, {"-i", "Dockerfile"});
    CHECK(first.code == 0);
    CHECK(first.out == "");
    CHECK(first.err == "");
    CHECK(box.read("Dockerfile") == kGoRewritten);

    Run second = run_restage(box, {"-i", "Dockerfile"});
    CHECK(second.code == 0);
    CHECK(box.read("Dockerfile") == kGoRewritten);
    CHECK(run_restage(box, {"--check", "Dockerfile"}).code == 0);
    CHECK(run_restage(box, {"-i", "-"}, kGoDockerfile).code == 2);
}

TEST_CASE("cli: --format json reports every file", "[cli]") {
    Sandbox box;
    go_project(box);
    box.write("py/Dockerfile", "FROM python:3.12\nCOPY . .\nCMD [\"python\", \"app.py\"]\n");
    box.write("bad/Dockerfile", "FROM a\nCMD [\"a\", 1]\n");
    Run r = run_restage(box, {"--format", "json", "Dockerfile", "py/Dockerfile", "bad/Dockerfile"});
    CHECK(r.code == 2);  // the worst: bad input
    auto json = parse_json(r.out);
    INFO(r.out);
    REQUIRE(json);
    const Json::Array* files = field(*json, "files").array();
    REQUIRE(files != nullptr);
    REQUIRE(files->size() == 3);

    const Json& go = (*files)[0];
    CHECK(*field(go, "path").string() == "Dockerfile");
    CHECK(*field(go, "status").string() == "rewritten");
    CHECK(*field(go, "ecosystem").string() == "go");
    CHECK(std::holds_alternative<Json::Number>(field(go, "confidence").v));
    CHECK(*field(go, "builder_image").string() == "golang:1.22");
    CHECK(*field(go, "runtime_image").string() == "gcr.io/distroless/static-debian12:nonroot");
    CHECK(std::holds_alternative<Json::Number>(field(go, "size_before_mb").v));
    CHECK(std::holds_alternative<Json::Number>(field(go, "size_after_mb").v));
    const Json::Array* changes = field(go, "changes").array();
    REQUIRE(changes != nullptr);
    REQUIRE(!changes->empty());
    bool split = false;
    for (const Json& c : *changes) {
        CHECK(field(c, "rule").string() != nullptr);
        CHECK(field(c, "reason").string() != nullptr);
        field(c, "code");
        const Json& lines = field(c, "lines");
        CHECK((lines.array() != nullptr ? lines.array()->size() == 2
                                        : std::holds_alternative<std::nullptr_t>(lines.v)));
        split = split || *field(c, "rule").string() == "go-split-build";
    }
    CHECK(split);
    CHECK(field(go, "refusals").array()->empty());
    CHECK(field(go, "notes").array() != nullptr);

    const Json& py = (*files)[1];
    CHECK(*field(py, "status").string() == "refused");
    const Json::Array* refusals = field(py, "refusals").array();
    REQUIRE(refusals != nullptr);
    REQUIRE(refusals->size() == 1);
    CHECK(field((*refusals)[0], "reason").string() != nullptr);
    field((*refusals)[0], "line");
    field((*refusals)[0], "unblock");

    const Json& bad = (*files)[2];
    CHECK(*field(bad, "status").string() == "error");
    const Json& error = field(bad, "error");
    CHECK(*field(error, "file").string() == "bad/Dockerfile");
    CHECK(field(error, "line") == Json{Json::Number{"2"}});
    CHECK(*field(error, "message").string() ==
          "when using JSON array syntax, arrays must be comprised of strings only");
}

TEST_CASE("cli: --explain gives each change's lines, reason and rule, then the result", "[cli]") {
    Sandbox box;
    go_project(box);
    Run r = run_restage(box, {"--explain", "Dockerfile"});
    CHECK(r.code == 0);
    CHECK(r.err == "");
    INFO(r.out);
    CHECK(r.out.rfind("line ", 0) == 0);
    CHECK(r.out.find("[go-split-build]\n") != std::string::npos);
    CHECK(r.out.find("\nresult: Dockerfile rewritten (go): golang:1.22 ") != std::string::npos);
    CHECK(r.out.find("-> gcr.io/distroless/static-debian12:nonroot") != std::string::npos);

    box.write("multi/Dockerfile", kGoRewritten);
    CHECK(run_restage(box, {"--explain", "multi/Dockerfile"}).out ==
          "result: multi/Dockerfile unchanged: already multi-stage: restage does not re-split it\n");
}

TEST_CASE("cli: a refusal keeps the file, says why on stderr, and exits 1", "[cli]") {
    Sandbox box;
    const std::string python =
        "FROM python:3.12\nCOPY . .\nRUN pip install -r requirements.txt\nCMD [\"python\", \"app.py\"]\n";
    box.write("Dockerfile", python);
    box.write("requirements.txt", "flask\n");
    Run r = run_restage(box, {"Dockerfile"});
    CHECK(r.code == 1);
    CHECK(r.out == python);
    CHECK(r.err ==
          "Dockerfile: refused: no supported ecosystem detected (saw base image python:3.12)\n"
          "hint: restage rewrites Go, Java (Maven, Gradle), Node and static sites\n");

    Run explained = run_restage(box, {"--explain", "Dockerfile"});
    CHECK(explained.code == 1);
    CHECK(explained.out ==
          "Dockerfile: refused: no supported ecosystem detected (saw base image python:3.12)\n"
          "  hint: restage rewrites Go, Java (Maven, Gradle), Node and static sites\n"
          "result: Dockerfile refused\n");

    Run check = run_restage(box, {"--check", "Dockerfile"});
    CHECK(check.code == 1);
    CHECK(check.err == "Dockerfile: refused: no supported ecosystem detected (saw base image python:3.12)\n");

    Run in_place = run_restage(box, {"-i", "Dockerfile"});
    CHECK(in_place.code == 1);
    CHECK(box.read("Dockerfile") == python);
}

TEST_CASE("cli: bad input is reported at file:line:col with the line and a caret, exit 2", "[cli]") {
    Sandbox box;
    struct Case {
        std::string name, text, err;
    };
    const std::vector<Case> cases = {
        {"heredoc.df", "FROM alpine\nRUN <<EOF\necho hi\n",
         "heredoc.df:2:1: error: unterminated heredoc\nRUN <<EOF\n^\n"},
        {"escape.df", "# escape=x\nFROM alpine\n",
         "escape.df:1:1: error: invalid escape token 'x' does not match ` or \\\n# escape=x\n^\n"},
        {"json.df", "FROM alpine\nCMD [\"a\", 1]\n",
         "json.df:2:1: error: when using JSON array syntax, arrays must be comprised of strings only\nCMD "
         "[\"a\", 1]\n^\n"},
        {"empty.df", "# only a comment\n",
         "empty.df:1:1: error: file with no instructions\n# only a comment\n^\n"},
    };
    for (const auto& c : cases) {
        box.write(c.name, c.text);
        Run r = run_restage(box, {c.name});
        INFO(c.name);
        CHECK(r.code == 2);
        CHECK(r.out == "");
        CHECK(r.err == c.err);
    }
    Run missing = run_restage(box, {"missing.df"});
    CHECK(missing.code == 2);
    CHECK(missing.err == "missing.df: error: cannot read missing.df: No such file or directory\n");
}

TEST_CASE("cli: template and config errors name their file and line, exit 2", "[cli]") {
    Sandbox box;
    go_project(box, "svc");
    box.write("svc/.restage.yaml", "runtim: slim\n");
    Run config = run_restage(box, {"svc/Dockerfile"});
    CHECK(config.code == 2);
    CHECK(config.err.find("svc/.restage.yaml:1:1: error: unknown key 'runtim' in config (did you mean "
                          "'runtime'?)\nruntim: slim\n^\n") != std::string::npos);

    box.write("svc/.restage.yaml", "runtime: scratch\n");
    Run scratch = run_restage(box, {"svc/Dockerfile"});
    CHECK(scratch.code == 0);
    CHECK(scratch.out.find("\nFROM scratch\n") != std::string::npos);
    // The command line wins over the config.
    CHECK(run_restage(box, {"--runtime", "distroless", "svc/Dockerfile"}).out == kGoRewritten);

    box.write("tpl/go.yaml", "bogus_key: 1\n");
    Run tpl = run_restage(box, {"--templates", "tpl", "svc/Dockerfile"});
    CHECK(tpl.code == 2);
    CHECK(tpl.err == "tpl/go.yaml:1:1: error: unknown key 'bogus_key' in template\nbogus_key: 1\n^\n");
}

TEST_CASE("cli: usage errors exit 2; subcommands still work", "[cli]") {
    Sandbox box;
    go_project(box);
    Run none = run_restage(box, {});
    CHECK(none.code == 2);
    CHECK(none.out == "");
    CHECK(none.err.find("Usage:") != std::string::npos);
    CHECK(run_restage(box, {"--no-such-option", "Dockerfile"}).code == 2);
    CHECK(run_restage(box, {"--runtime", "windows", "Dockerfile"}).code == 2);
    CHECK(run_restage(box, {"--format", "yaml", "Dockerfile"}).code == 2);
    CHECK(run_restage(box, {"--check", "--diff", "Dockerfile"}).code == 2);
    CHECK(run_restage(box, {"--format", "json", "--diff", "Dockerfile"}).code == 2);
    CHECK(run_restage(box, {"--diff"}).code == 2);
    CHECK(run_restage(box, {"--diff", "fmt", "Dockerfile"}).code == 2);
    CHECK(run_restage(box, {"--help"}).code == 0);

    Run fmt = run_restage(box, {"fmt", "Dockerfile"});
    CHECK(fmt.code == 0);
    CHECK(fmt.out == kGoDockerfile);
    CHECK(run_restage(box, {"detect", "Dockerfile"}).out.rfind("ecosystem: go", 0) == 0);
}

TEST_CASE("cli: --no-nonroot and --runtime reach the rewrite", "[cli]") {
    Sandbox box;
    go_project(box);
    Run r = run_restage(box, {"--no-nonroot", "--runtime", "scratch", "Dockerfile"});
    CHECK(r.code == 0);
    CHECK(r.out.find("\nFROM scratch\n") != std::string::npos);
    CHECK(r.out.find("USER") == std::string::npos);
}
