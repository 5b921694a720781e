// .dockerignore with BuildKit's rules: order, parent folders, `!` exceptions, `**`.
#include <catch2/catch.hpp>

#include "rewrite/dockerignore.hpp"

using restage::detect::Context;
using restage::rewrite::dockerignored;

namespace {

bool ignored(const std::string& dockerignore, const std::string& rel) {
    return dockerignored(Context::in_memory({{".dockerignore", dockerignore}, {rel, ""}}), rel);
}

}  // namespace

TEST_CASE("dockerignore: a pattern leaves out a path or everything under a folder it matches",
          "[dockerignore]") {
    CHECK(ignored("node_modules\n", "node_modules"));
    CHECK(ignored("node_modules\n", "node_modules/express/index.js"));
    CHECK(ignored("/node_modules/\n", "node_modules/express"));
    CHECK_FALSE(ignored("node_modules\n", "web/node_modules"));
    CHECK(ignored("*/node_modules\n", "web/node_modules"));
    CHECK(ignored("**/node_modules\n", "node_modules"));
    CHECK(ignored("**/node_modules\n", "a/b/node_modules/x"));
    CHECK(ignored("*.md\n", "README.md"));
    CHECK_FALSE(ignored("*.md\n", "docs/README.md"));
    CHECK(ignored("./target\n", "target/app.jar"));
    CHECK_FALSE(ignored("# node_modules\n\n", "node_modules"));
    CHECK_FALSE(dockerignored(Context::in_memory({{"pom.xml", ""}}), "pom.xml"));
}

TEST_CASE("dockerignore: the last matching pattern wins, and `!` lets a path back in", "[dockerignore]") {
    const std::string quarkus =
        "*\n!target/*-runner\n!target/*-runner.jar\n!target/lib/*\n!target/quarkus-app/\n";
    CHECK(ignored(quarkus, "pom.xml"));
    CHECK(ignored(quarkus, "src/main/java/App.java"));
    CHECK_FALSE(ignored(quarkus, "target/quarkus-app/quarkus-run.jar"));
    CHECK_FALSE(ignored(quarkus, "target/app-runner.jar"));
    CHECK(ignored(quarkus, "target/classes/App.class"));
    CHECK(ignored("!src\nsrc\n", "src/a"));
    CHECK_FALSE(ignored("src\n!src\n", "src/a"));
    CHECK(ignored("docs\r\n", "docs/index.md"));
}
