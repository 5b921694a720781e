// Unit tests for rewrite/config: .restage.yaml parsing, discovery, merging, and applying.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include "rewrite/config.hpp"
#include "rewrite/templates.hpp"

namespace fs = std::filesystem;
using namespace restage;
using namespace restage::rewrite;

namespace {

// A fresh folder tree under the system temp dir, removed afterwards.
struct TempTree {
    fs::path root;
    TempTree() {
        static std::atomic<int> n{0};
        root = fs::temp_directory_path() / ("restage-config-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(root);
        fs::create_directories(root);
        root = fs::canonical(root);
    }
    ~TempTree() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
    fs::path write(const std::string& rel, const std::string& text) const {
        fs::create_directories((root / rel).parent_path());
        std::ofstream(root / rel, std::ios::binary) << text;
        return root / rel;
    }
};

Error parse_error(const std::string& text) {
    auto r = parse_config(text, "dir/.restage.yaml");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::Usage);
    CHECK(r.error().hint == "dir/.restage.yaml");
    return r.error();
}

Catalogue builtins() {
    auto r = load_catalogue();
    REQUIRE(r.ok());
    return *r;
}

}  // namespace

TEST_CASE("parse_config reads every key", "[templates]") {
    auto r = parse_config(R"(runtime: distroless
runtime_for:
  java: slim
  node: alpine
images:
  distroless-static: registry.internal/static:nonroot
disabled_rules: [debug-stage, cache-mounts]
templates: ci/templates
nonroot: false
cache_mounts: true
debug_stage: false
root: true
)",
                          ".restage.yaml");
    REQUIRE(r.ok());
    const Config& c = *r;
    CHECK(c.runtime == "distroless");
    CHECK(c.runtime_for == std::map<std::string, std::string>{{"java", "slim"}, {"node", "alpine"}});
    CHECK(c.images.at("distroless-static") == "registry.internal/static:nonroot");
    CHECK(c.disabled_rules == std::set<std::string>{"cache-mounts", "debug-stage"});
    CHECK(c.templates == fs::path("ci/templates"));
    CHECK(c.nonroot == false);
    CHECK(c.cache_mounts == true);
    CHECK(c.debug_stage == false);
    CHECK(c.root);
    CHECK(c.files == std::vector<fs::path>{".restage.yaml"});
    CHECK(c.origins.at("runtime_for.node").where.line == 4);
    CHECK(c.origins.at("runtime_for.node").where.column == 3);
    CHECK(c.origins.at("disabled_rules.cache-mounts").where.column == 31);

    CHECK(c.variant_for("maven") == "slim");
    CHECK(c.variant_for("gradle") == "slim");
    CHECK(c.variant_for("node") == "alpine");
    CHECK(c.variant_for("go") == "distroless");
}

TEST_CASE("parse_config: an empty file sets nothing", "[templates]") {
    auto r = parse_config("# nothing yet\n", ".restage.yaml");
    REQUIRE(r.ok());
    CHECK_FALSE(r->runtime);
    CHECK_FALSE(r->variant_for("go"));
    CHECK(r->files.size() == 1);
}

TEST_CASE("parse_config errors name the file, line and column", "[templates]") {
    Error e = parse_error("runtime: slim\nruntim: alpine\n");
    CHECK(e.message == "unknown key 'runtim' in config (did you mean 'runtime'?)");
    CHECK(e.where.line == 2);
    CHECK(e.where.column == 1);
    CHECK(format_load_error(e) == "dir/.restage.yaml:2:1: error: unknown key 'runtim' in config (did you mean 'runtime'?)");

    e = parse_error("disabled_rule: [x]\n");
    CHECK(e.message == "unknown key 'disabled_rule' in config (did you mean 'disabled_rules'?)");

    e = parse_error("nonroot: yes\n");
    CHECK(e.message == "expected true or false for 'nonroot' in config, got 'yes'");
    CHECK(e.where.line == 1);
    CHECK(e.where.column == 10);

    e = parse_error("disabled_rules: debug-stage\n");
    CHECK(e.message == "expected a list for 'disabled_rules' in config, got a string");

    e = parse_error("runtime_for:\n  java: [slim]\n");
    CHECK(e.message == "expected a string for 'java' in runtime_for, got a list");
    CHECK(e.where.line == 2);
    CHECK(e.where.column == 9);

    e = parse_error("runtime: a\nruntime: b\n");
    CHECK(e.message == "duplicate key 'runtime' in config");
    CHECK(e.where.line == 2);

    e = parse_error("- runtime\n");
    CHECK(e.message == "expected a map for config, got a list");
}

TEST_CASE("load_config_for walks up and the nearest file wins key by key", "[templates]") {
    TempTree t;
    t.write(".restage.yaml", R"(runtime: slim
runtime_for: {java: alpine, go: scratch}
images: {alpine: registry.internal/alpine:3.20}
disabled_rules: [debug-stage]
templates: shared/templates
cache_mounts: true
)");
    t.write("services/.restage.yaml", R"(runtime: distroless
runtime_for: {go: distroless}
disabled_rules: [cache-mounts]
nonroot: false
)");
    const fs::path dockerfile = t.write("services/api/Dockerfile", "FROM golang:1.22\n");

    auto r = load_config_for(dockerfile, t.root);
    INFO((r.ok() ? std::string() : format_load_error(r.error())));
    REQUIRE(r.ok());
    const Config& c = *r;
    CHECK(c.files == std::vector<fs::path>{t.root / "services/.restage.yaml", t.root / ".restage.yaml"});
    CHECK(c.runtime == "distroless");
    CHECK(c.runtime_for == std::map<std::string, std::string>{{"go", "distroless"}, {"java", "alpine"}});
    CHECK(c.images.at("alpine") == "registry.internal/alpine:3.20");
    CHECK(c.disabled_rules == std::set<std::string>{"cache-mounts", "debug-stage"});
    CHECK(c.templates == t.root / "shared/templates");
    CHECK(c.nonroot == false);
    CHECK(c.cache_mounts == true);
    CHECK_FALSE(c.debug_stage);
    CHECK(c.origins.at("runtime").file == t.root / "services/.restage.yaml");
    CHECK(c.origins.at("runtime_for.java").file == t.root / ".restage.yaml");
}

TEST_CASE("load_config_for stops at stop_at and at root: true", "[templates]") {
    TempTree t;
    t.write(".restage.yaml", "runtime: slim\nimages: {alpine: x/alpine}\n");
    t.write("repo/.restage.yaml", "root: true\ncache_mounts: false\n");
    t.write("repo/app/.restage.yaml", "runtime: alpine\n");
    const fs::path dockerfile = t.write("repo/app/Dockerfile", "FROM node:20\n");

    auto r = load_config_for(dockerfile, t.root);
    REQUIRE(r.ok());
    CHECK(r->runtime == "alpine");
    CHECK(r->cache_mounts == false);
    CHECK(r->images.empty());  // above the root: true file
    CHECK(r->root);
    CHECK(r->files.size() == 2);

    r = load_config_for(dockerfile, t.root / "repo/app");
    REQUIRE(r.ok());
    CHECK(r->files == std::vector<fs::path>{t.root / "repo/app/.restage.yaml"});
    CHECK_FALSE(r->cache_mounts);

    // No file at all.
    const fs::path bare = t.write("other/Dockerfile", "FROM alpine\n");
    r = load_config_for(bare, t.root / "other");
    REQUIRE(r.ok());
    CHECK(r->files.empty());
}

TEST_CASE("load_config_for reports the file with the error", "[templates]") {
    TempTree t;
    t.write(".restage.yaml", "runtime: slim\ndebug: true\n");
    const fs::path dockerfile = t.write("app/Dockerfile", "FROM alpine\n");
    auto r = load_config_for(dockerfile, t.root);
    REQUIRE_FALSE(r.ok());
    CHECK(format_load_error(r.error()) == (t.root / ".restage.yaml").string() + ":2:1: error: unknown key 'debug' in config");
}

TEST_CASE("apply_config replaces images and switches rules off", "[templates]") {
    Catalogue cat = builtins();
    auto c = parse_config(R"(images:
  distroless-static: registry.internal/distroless/static:nonroot
  gcr.io/distroless/java17-debian12:nonroot: "@sha256:abc"
disabled_rules: [debug-stage, go-static-binary]
runtime_for: {java: alpine}
runtime: scratch
)",
                          ".restage.yaml");
    REQUIRE(c.ok());
    auto r = apply_config(*c, cat);
    INFO((r.ok() ? std::string() : format_load_error(r.error())));
    REQUIRE(r.ok());
    CHECK(cat.runtime("distroless-static")->image == "registry.internal/distroless/static:nonroot");
    CHECK(cat.runtime("distroless-java17")->image == "gcr.io/distroless/java17-debian12:nonroot@sha256:abc");
    CHECK_FALSE(cat.find(detect::Ecosystem::Go)->rule("go-static-binary")->enabled);
    CHECK_FALSE(cat.find(detect::Ecosystem::Node)->rule("debug-stage")->enabled);
    CHECK_FALSE(cat.rule("debug-stage")->enabled);
    CHECK(cat.find(detect::Ecosystem::Go)->rule("go-split-build")->enabled);
}

TEST_CASE("apply_config errors point at the config value", "[templates]") {
    auto check = [](const std::string& text, const std::string& message, int line, int column) {
        Catalogue cat = builtins();
        auto c = parse_config(text, "a/.restage.yaml");
        REQUIRE(c.ok());
        auto r = apply_config(*c, cat);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == ErrorKind::Usage);
        CHECK(r.error().message == message);
        CHECK(r.error().where.line == line);
        CHECK(r.error().where.column == column);
        CHECK(r.error().hint == "a/.restage.yaml");
    };
    check("runtime: distroles\n", "runtime 'distroles' is not a variant of any template (did you mean 'distroless'?)", 1, 10);
    check("runtime_for:\n  jav: slim\n", "unknown template 'jav' in runtime_for (did you mean 'java'?)", 2, 3);
    check("runtime_for:\n  java: scratch\n",
          "'scratch' is not a runtime variant of template 'maven' (variants: distroless, slim, alpine)", 2, 3);
    check("images:\n  distroles-static: x\n",
          "'distroles-static' in images is neither a runtime id nor a runtime's image (did you mean 'distroless-static'?)", 2,
          3);
    check("disabled_rules: [go-split]\n", "unknown rule 'go-split' in disabled_rules", 1, 18);
    check("disabled_rules: [debug-stag]\n", "unknown rule 'debug-stag' in disabled_rules (did you mean 'debug-stage'?)", 1,
          18);
}
