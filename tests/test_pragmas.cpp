// Pragmas: `# restage: ...` comments read by the model, and honoured by rewrite().
#include <catch2/catch.hpp>

#include <string>

#include "cli_support.hpp"
#include "model/document.hpp"

using restage::Position;
using restage::model::Document;
using restage::test::run_restage;
using restage::test::Run;
using restage::test::Sandbox;

namespace {

const Document parsed(const std::string& text) {
    auto doc = Document::parse(text);
    REQUIRE(doc);
    return std::move(*doc);
}

std::string pragma_error(const std::string& text) {
    Document doc = parsed(text);
    REQUIRE_FALSE(doc.pragmas());
    const auto& e = doc.pragmas().error();
    return std::to_string(e.where.line) + ":" + std::to_string(e.where.column) + ": " + e.message;
}

const char* const kGo = restage::test::kGoDockerfile;

void go_project_with(const Sandbox& box, const std::string& dockerfile) {
    box.write("go.mod", "module example.com/hello\n\ngo 1.22\n");
    box.write("go.sum", "");
    box.write("Dockerfile", dockerfile);
}

}  // namespace

TEST_CASE("pragmas: the model reads each kind", "[pragmas]") {
    Document doc = parsed(
        "# restage: runtime=slim\n"
        "FROM golang:1.22\n"
        "#restage:ignore = go-static-binary, deps-before-sources\n"
        "RUN go build \\\n"
        "    -o main .\n"
        "# a comment that says restage: nothing\n"
        "CMD [\"./main\"]\n");
    REQUIRE(doc.pragmas());
    const auto& p = *doc.pragmas();
    CHECK(p.ignore_file == 0);
    REQUIRE(p.runtime);
    CHECK(*p.runtime == "slim");
    CHECK(p.runtime_at.line == 1);
    CHECK(p.runtime_at.column == 20);
    REQUIRE(p.ignored.size() == 2);
    CHECK(p.ignored[0].rule == "go-static-binary");
    CHECK(p.ignored[0].line == 3);
    CHECK(p.ignored[0].column == 19);
    CHECK(p.ignored[0].instruction == 4);
    CHECK(p.ignored[0].last_line == 5);
    CHECK(p.ignored[1].rule == "deps-before-sources");
    CHECK(p.ignored[1].column == 37);

    Document whole = parsed("FROM alpine\n  # restage: ignore\nCMD [\"sh\"]\n");
    REQUIRE(whole.pragmas());
    CHECK(whole.pragmas()->ignore_file == 2);
    CHECK(whole.pragmas()->ignored.empty());

    // Not a pragma: inside a heredoc body, or another tool's comment.
    Document none = parsed("FROM alpine\nRUN <<EOF\n# restage: ignore\nEOF\n# hadolint ignore=DL3006\n");
    REQUIRE(none.pragmas());
    CHECK(none.pragmas()->ignore_file == 0);
}

TEST_CASE("pragmas: errors name the line and column", "[pragmas]") {
    CHECK(pragma_error("# restage: ignor\nFROM a\n") ==
          "1:12: unknown restage pragma 'ignor' (expected ignore, ignore=RULE or runtime=VARIANT)");
    CHECK(pragma_error("FROM a\n# restage: skip=x\nRUN a\n") ==
          "2:12: unknown restage pragma 'skip' (expected ignore, ignore=RULE or runtime=VARIANT)");
    CHECK(pragma_error("# restage: runtime=\nFROM a\n") == "1:12: 'runtime=' needs a value");
    CHECK(pragma_error("# restage: runtime=slim\n# restage: runtime=alpine\nFROM a\n") ==
          "2:12: a second runtime pragma (the first is on line 1)");
    CHECK(pragma_error("FROM a\n# restage: ignore=x\n") == "2:12: 'ignore=' has no instruction after it to apply to");
    CHECK(pragma_error("# restage: ignore=a,,b\nFROM a\n") == "1:21: empty rule id in 'ignore='");
}

TEST_CASE("pragmas: ignore leaves the whole file as it is", "[pragmas]") {
    Sandbox box;
    const std::string text = std::string("# restage: ignore\n") + kGo;
    go_project_with(box, text);
    Run r = run_restage(box, {"--check", "Dockerfile"});
    CHECK(r.code == 0);
    CHECK(r.err == "Dockerfile: unchanged: ignored: `# restage: ignore` on line 1\n");
    CHECK(run_restage(box, {"Dockerfile"}).out == text);
}

TEST_CASE("pragmas: ignore=<rule-id> switches the rule off for the next instruction", "[pragmas]") {
    Sandbox box;
    go_project_with(box, kGo);
    Run plain = run_restage(box, {"Dockerfile"});
    REQUIRE(plain.out.find("ENV CGO_ENABLED=0\n") != std::string::npos);

    // The rule changes the `go build` line: ignored there, the binary keeps cgo and the runtime has glibc.
    std::string text = kGo;
    text.insert(text.find("RUN go build"), "# restage: ignore=go-static-binary\n");
    go_project_with(box, text);
    Run ignored = run_restage(box, {"--format", "json", "Dockerfile"});
    INFO(ignored.out << ignored.err);
    CHECK(ignored.code == 0);
    CHECK(ignored.out.find("go-static-binary") == std::string::npos);
    CHECK(run_restage(box, {"Dockerfile"}).out.find("CGO_ENABLED") == std::string::npos);

    // Before another instruction, the pragma does not touch the rule.
    text = kGo;
    text.insert(text.find("WORKDIR"), "# restage: ignore=go-static-binary\n");
    go_project_with(box, text);
    CHECK(run_restage(box, {"Dockerfile"}).out.find("ENV CGO_ENABLED=0\n") != std::string::npos);

    go_project_with(box, std::string("# restage: ignore=go-static-binay\n") + kGo);
    Run unknown = run_restage(box, {"Dockerfile"});
    CHECK(unknown.code == 2);
    CHECK(unknown.err ==
          "Dockerfile:1:19: error: unknown rule 'go-static-binay' in ignore= (did you mean 'go-static-binary'?)\n"
          "# restage: ignore=go-static-binay\n                  ^\n");
}

TEST_CASE("pragmas: runtime=<variant> chooses the runtime; --runtime wins over it", "[pragmas]") {
    Sandbox box;
    go_project_with(box, std::string("# restage: runtime=alpine\n") + kGo);
    box.write(".restage.yaml", "root: true\nruntime: scratch\n");
    Run r = run_restage(box, {"Dockerfile"});
    INFO(r.out << r.err);
    CHECK(r.code == 0);
    CHECK(r.out.find("\nFROM alpine") != std::string::npos);
    CHECK(run_restage(box, {"--runtime", "scratch", "Dockerfile"}).out.find("\nFROM scratch\n") != std::string::npos);

    go_project_with(box, std::string("# restage: runtime=slimm\n") + kGo);
    Run bad = run_restage(box, {"Dockerfile"});
    CHECK(bad.code == 2);
    CHECK(bad.err.rfind("Dockerfile:1:20: error: runtime 'slimm' is not a variant of any template (did you mean "
                        "'slim'?)\n",
                        0) == 0);
}
