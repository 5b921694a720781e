// The built-in template catalogue: it loads and validates, and its variants, manifests and reasons.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>

#include "rewrite/templates.hpp"

namespace fs = std::filesystem;
using namespace restage;
using namespace restage::rewrite;

TEST_CASE("the built-in templates load and validate", "[templates]") {
    auto r = load_catalogue();
    INFO((r.ok() ? std::string() : format_load_error(r.error())));
    REQUIRE(r.ok());
    const Catalogue& c = *r;
    for (auto e : {detect::Ecosystem::Go, detect::Ecosystem::Maven, detect::Ecosystem::Gradle,
                   detect::Ecosystem::Node, detect::Ecosystem::Static}) {
        const Template* t = c.find(e);
        REQUIRE(t != nullptr);
        CHECK(t->signals.ecosystem == e);
        CHECK(t->source == fs::path("templates/" + std::string(detect::ecosystem_id(e)) + ".yaml"));
        CHECK_FALSE(t->policy.empty());
        // Every policy name resolves, for every version it supports; every version has a runtime.
        for (const auto& version : t->versions.empty() ? std::vector<std::string>{""} : t->versions) {
            int found = 0;
            for (const auto& name : t->policy) {
                const RuntimeVariant* v = t->variant(name);
                REQUIRE(v != nullptr);
                INFO(name << " " << version);
                CHECK(v->supports(version) == (c.runtime_for(*v, version) != nullptr));
                found += c.runtime_for(*v, version) != nullptr;
            }
            CHECK(found > 0);
        }
        // Common rules are reachable from every template.
        CHECK(t->rule("runtime-nonroot") != nullptr);
        CHECK(t->rule("deps-before-sources") != nullptr);
    }
    CHECK(c.find(detect::Ecosystem::Unknown) == nullptr);
    CHECK(c.templates.size() == 5);
}

TEST_CASE("the runtime catalogue names the images the e2e stand-ins provide", "[templates]") {
    auto r = load_catalogue();
    REQUIRE(r.ok());
    const Catalogue& c = *r;
    const std::map<std::string, std::string> expected{
        {"distroless-static", "gcr.io/distroless/static-debian12:nonroot"},
        {"distroless-base", "gcr.io/distroless/base-debian12:nonroot"},
        {"distroless-java17", "gcr.io/distroless/java17-debian12:nonroot"},
        {"distroless-nodejs20", "gcr.io/distroless/nodejs20-debian12:nonroot"},
        {"scratch", "scratch"},
        {"alpine", "alpine:3.20"},
        {"debian-slim", "debian:bookworm-slim"},
        {"temurin-17-jre", "eclipse-temurin:17-jre"},
        {"temurin-17-jre-alpine", "eclipse-temurin:17-jre-alpine"},
        {"node-20-slim", "node:20-slim"},
        {"node-20-alpine", "node:20-alpine"},
        {"nginx-alpine", "nginx:alpine"},
    };
    for (const auto& [id, image] : expected) {
        const RuntimeBase* b = c.runtime(id);
        REQUIRE(b != nullptr);
        CHECK(b->image == image);
    }
    const RuntimeBase& ds = *c.runtime("distroless-static");
    CHECK(ds.user == "nonroot");
    CHECK(ds.uid == 65532);
    CHECK_FALSE(ds.shell);
    const RuntimeBase& scratch = *c.runtime("scratch");
    CHECK(scratch.user.empty());
    CHECK(scratch.add_user.empty());
    CHECK(scratch.uid == 65532);
    const RuntimeBase& alpine = *c.runtime("alpine");
    CHECK(alpine.user.empty());
    CHECK(alpine.new_user == "app");
    CHECK(expand_reason(alpine.add_user, {{"user", alpine.new_user}, {"uid", std::to_string(alpine.uid)}}) ==
          "addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app");
    CHECK(c.runtime("temurin-17-jre")->user.empty());
    CHECK(c.runtime("node-20-alpine")->user == "node");
    CHECK(c.runtime("node-20-alpine")->uid == 1000);
    CHECK(c.runtime("nginx-alpine")->user == "nginx");
    CHECK(c.runtime("nginx-alpine")->uid == 101);
    CHECK(c.runtime("distroless-java17")->entrypoint == std::vector<std::string>{"/usr/bin/java", "-jar"});
    CHECK(c.runtime("distroless-base")->has("glibc"));
    CHECK_FALSE(ds.has("glibc"));

    CHECK(c.image_size("nginx:alpine") == Approx(20));
    CHECK(c.image_size("golang:1.22-alpine") == Approx(90));
    CHECK(c.image_size("docker.io/library/golang:1.22") == Approx(300));
    CHECK_FALSE(c.image_size("example.com/unknown:1").has_value());
}

TEST_CASE("variants fill ${version} and supply needs", "[templates]") {
    auto r = load_catalogue();
    REQUIRE(r.ok());
    const Template& maven = *r->find(detect::Ecosystem::Maven);
    CHECK(maven.versions == std::vector<std::string>{"8", "11", "17", "21", "25"});
    CHECK(maven.variant("distroless")->versions == std::vector<std::string>{"11", "17", "21"});
    CHECK(r->runtime_for(*maven.variant("distroless"), "8") == nullptr);
    CHECK(r->runtime_for(*maven.variant("slim"), "8")->image == "eclipse-temurin:8-jre");
    CHECK(maven.default_version == "17");
    CHECK(maven.variant("distroless")->runtime_id("21") == "distroless-java21");
    CHECK(r->runtime_for(*maven.variant("alpine"), "17")->image == "eclipse-temurin:17-jre-alpine");
    const Template& node = *r->find(detect::Ecosystem::Node);
    CHECK(r->runtime_for(*node.variant("slim"), "20")->image == "node:20-slim");
    const Template& go = *r->find(detect::Ecosystem::Go);
    CHECK(go.policy == std::vector<std::string>{"distroless", "scratch", "alpine", "slim"});
    CHECK(go.variant("distroless")->runtime == "distroless-static");
    CHECK(go.variant("distroless")->needs.at("glibc") == "distroless-base");
    CHECK(go.manifests.at(0).fetch == "go mod download");
}

TEST_CASE("manifests pick the first whose required files exist", "[templates]") {
    auto r = load_catalogue();
    REQUIRE(r.ok());
    const Template& node = *r->find(detect::Ecosystem::Node);
    auto pick = [&](std::set<std::string> files) {
        const Manifest* m = node.manifest_for([&](const std::string& f) { return files.count(f) > 0; });
        return m ? m->fetch : std::string("none");
    };
    CHECK(pick({"package.json", "package-lock.json"}) == "npm ci");
    CHECK(pick({"package.json", "yarn.lock"}) == "yarn install --frozen-lockfile");
    CHECK(pick({"package.json", "pnpm-lock.yaml"}) == "pnpm install --frozen-lockfile");
    CHECK(pick({"package.json"}) == "npm install");
    CHECK(pick({}) == "none");
    const Template& maven = *r->find(detect::Ecosystem::Maven);
    CHECK(maven.manifest_for([](const std::string& f) { return f == "pom.xml" || f == "mvnw"; })->fetch ==
          "./mvnw -B dependency:go-offline");
    CHECK(maven.manifest_for([](const std::string& f) { return f == "pom.xml"; })->fetch ==
          "mvn -B dependency:go-offline");
    const Template& gradle = *r->find(detect::Ecosystem::Gradle);
    CHECK(gradle.manifest_for([](const std::string&) { return false; })->fetch ==
          "gradle dependencies --no-daemon");
}

TEST_CASE("rule reasons expand with their variables", "[templates]") {
    auto r = load_catalogue();
    REQUIRE(r.ok());
    const Rule* rule = r->rule("go-split-build");
    REQUIRE(rule != nullptr);
    CHECK(rule->code == "RS101");
    CHECK(expand_reason(rule->reason, {{"builder_image", "golang:1.22"},
                                       {"artifact", "/app/server"},
                                       {"runtime_image", "gcr.io/distroless/static-debian12:nonroot"},
                                       {"size", "about 2 MB instead of 300 MB"}}) ==
          "Builds in golang:1.22 and ships only /app/server on gcr.io/distroless/static-debian12:nonroot "
          "(about 2 MB instead of 300 MB)");
    CHECK(r->rule("no-such-rule") == nullptr);
}

TEST_CASE("built-in files are embedded, sorted by name", "[templates]") {
    auto files = builtin_files();
    REQUIRE(files.size() == 7);
    CHECK(files.front().name == "common.yaml");
    CHECK(files.back().name == "static.yaml");
    for (std::size_t i = 1; i < files.size(); ++i) CHECK(files[i - 1].name < files[i].name);
}
