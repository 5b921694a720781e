// Unit tests for rewrite/templates: the built-in catalogue, validation errors, user overlays.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "rewrite/templates.hpp"

namespace fs = std::filesystem;
using namespace restage;
using namespace restage::rewrite;

namespace {

// A fresh folder under the system temp dir, removed afterwards.
struct TempDir {
    fs::path path;
    TempDir() {
        static std::atomic<int> n{0};
        path = fs::temp_directory_path() / ("restage-templates-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name, std::ios::binary) << text;
        return (path / name).string();
    }
};

// Loads the built-ins overlaid with one user file; returns the error.
Error overlay_error(const std::string& name, const std::string& text, std::string* file = nullptr) {
    TempDir dir;
    const std::string path = dir.write(name, text);
    if (file) *file = path;
    auto r = load_catalogue(dir.path);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::Usage);
    return r.error();
}

const char* kMinimalTemplate = R"(id: extra
description: An extra template
build:
  manifests: []
runtime:
  policy: [small]
  variants:
    small: alpine
rules:
  - id: extra-split
    code: XX001
    description: Split
    reason: Ships ${artifact}
    variables: [artifact]
)";

}  // namespace

TEST_CASE("the built-in templates load and validate", "[templates]") {
    auto r = load_catalogue();
    INFO((r.ok() ? std::string() : format_load_error(r.error())));
    REQUIRE(r.ok());
    const Catalogue& c = *r;
    for (auto e : {detect::Ecosystem::Go, detect::Ecosystem::Maven, detect::Ecosystem::Gradle, detect::Ecosystem::Node,
                   detect::Ecosystem::Static}) {
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
    CHECK(maven.manifest_for([](const std::string& f) { return f == "pom.xml"; })->fetch == "mvn -B dependency:go-offline");
    const Template& gradle = *r->find(detect::Ecosystem::Gradle);
    CHECK(gradle.manifest_for([](const std::string&) { return false; })->fetch == "gradle dependencies --no-daemon");
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
                                       {"size_before_mb", "300"},
                                       {"size_after_mb", "2"}}) ==
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

TEST_CASE("template errors: unknown key with a suggestion", "[templates]") {
    std::string file;
    Error e = overlay_error("go.yaml", "build:\n  manifest: []\n", &file);
    CHECK(e.message == "unknown key 'manifest' in build (did you mean 'manifests'?)");
    CHECK(e.where.line == 2);
    CHECK(e.where.column == 3);
    CHECK(e.hint == file);
    CHECK(format_load_error(e) == file + ":2:3: error: unknown key 'manifest' in build (did you mean 'manifests'?)");

    e = overlay_error("go.yaml", "descripton: x\n");
    CHECK(e.message == "unknown key 'descripton' in template (did you mean 'description'?)");
    e = overlay_error("go.yaml", "flavour: x\n");
    CHECK(e.message == "unknown key 'flavour' in template");
    e = overlay_error("runtimes.yaml", "runtimes:\n  - id: alpine\n    imgae: x\n");
    CHECK(e.message == "unknown key 'imgae' in runtime 'alpine' (did you mean 'image'?)");
    CHECK(e.where.line == 3);
    CHECK(e.where.column == 5);
}

TEST_CASE("template errors: missing keys and wrong types", "[templates]") {
    Error e = overlay_error("extra.yaml", "id: extra\ndescription: x\nruntime: {policy: [a], variants: {a: alpine}}\nrules: []\n");
    CHECK(e.message == "missing required key 'build' in template");
    CHECK(e.where.line == 1);
    CHECK(e.where.column == 1);

    e = overlay_error("go.yaml", "detect:\n  commands: go build\n");
    CHECK(e.message == "expected a list for 'commands' in detect, got a string");
    CHECK(e.where.line == 2);
    CHECK(e.where.column == 13);

    e = overlay_error("runtimes.yaml", "runtimes:\n  - id: alpine\n    shell: yes\n");
    CHECK(e.message == "expected true or false for 'shell' in runtime 'alpine', got 'yes'");
    CHECK(e.where.line == 3);
    CHECK(e.where.column == 12);

    e = overlay_error("runtimes.yaml", "runtimes:\n  - id: alpine\n    uid: \"10001\"\n");
    CHECK(e.message == "expected an integer for 'uid' in runtime 'alpine', got '10001'");

    e = overlay_error("runtimes.yaml", "runtimes:\n  - id: tiny\n    image: tiny:1\n    family: tiny\n    shell: false\n    size_mb: 1\n");
    CHECK(e.message == "missing required key 'uid' in runtime 'tiny'");
    CHECK(e.where.line == 2);
    CHECK(e.where.column == 5);

    e = overlay_error("go.yaml", "build:\n  stage_name:\n");
    CHECK(e.message == "expected a string for 'stage_name' in build, got nothing");
    CHECK(e.where.line == 2);
    CHECK(e.where.column == 3);
}

TEST_CASE("template errors: undefined ${variables} in reasons", "[templates]") {
    std::string text = kMinimalTemplate;
    text.replace(text.find("Ships ${artifact}"), 17, "Ships ${artifcat} now");
    Error e = overlay_error("extra.yaml", text);
    CHECK(e.message == "reason of rule 'extra-split' uses undefined variable 'artifcat' (did you mean 'artifact'?)");
    CHECK(e.where.line == 13);
    CHECK(e.where.column == 19);  // at the ${

    text = kMinimalTemplate;
    text.replace(text.find("Ships ${artifact}"), 17, "\"Ships ${size}\"");
    e = overlay_error("extra.yaml", text);
    CHECK(e.message == "reason of rule 'extra-split' uses undefined variable 'size' (add it to the rule's variables)");
    CHECK(e.where.line == 13);
    CHECK(e.where.column == 20);

    // An overlay changing a reason is checked against the built-in variables.
    e = overlay_error("go.yaml", "rules:\n  - id: go-static-binary\n    reason: Uses ${gcc}\n");
    CHECK(e.message == "reason of rule 'go-static-binary' uses undefined variable 'gcc' (add it to the rule's variables)");
    CHECK(e.where.line == 3);
    CHECK(e.where.column == 18);
}

TEST_CASE("template errors: duplicate rule ids and codes across templates", "[templates]") {
    std::string text = kMinimalTemplate;
    text.replace(text.find("extra-split"), 11, "go-split-build");
    std::string file;
    Error e = overlay_error("extra.yaml", text, &file);
    CHECK(e.message.rfind("duplicate rule id 'go-split-build' (first in templates/", 0) == 0);
    CHECK(e.hint == file);
    CHECK(e.where.line == 10);
    CHECK(e.where.column == 9);

    text = kMinimalTemplate;
    text.replace(text.find("XX001"), 5, "RS101");
    e = overlay_error("extra.yaml", text);
    CHECK(e.message.rfind("duplicate rule code 'RS101' (first used by rule 'go-split-build' in templates/go.yaml:", 0) == 0);

    text = kMinimalTemplate;
    text.replace(text.find("XX001"), 5, "X1");
    e = overlay_error("extra.yaml", text);
    CHECK(e.message == "code 'X1' of rule 'extra-split' must be two capitals and three digits, like 'RS101'");
}

TEST_CASE("template errors: variants, policy, ids", "[templates]") {
    Error e = overlay_error("go.yaml", "runtime:\n  variants:\n    alpine: alpne\n");
    CHECK(e.message == "variant 'alpine' names unknown runtime 'alpne' (did you mean 'alpine'?)");
    CHECK(e.where.line == 3);
    CHECK(e.where.column == 13);

    e = overlay_error("maven.yaml", "runtime:\n  versions: [\"17\", \"19\"]\n  variants:\n    distroless: distroless-java${version}\n");
    CHECK(e.message == "variant 'distroless' names unknown runtime 'distroless-java19' (for version 19)");

    e = overlay_error("maven.yaml", "runtime:\n  versions: [\"17\", \"21\"]\n");
    CHECK(e.message == "version '11' of variant 'distroless' is not in the runtime's versions");
    CHECK(e.where.line == 41);

    e = overlay_error("go.yaml", "runtime:\n  variants:\n    slim: debian-${version}\n");
    CHECK(e.message == "variant 'slim' uses ${version} but runtime has no 'versions'");

    e = overlay_error("go.yaml", "runtime:\n  policy: [distroless, slm]\n");
    CHECK(e.message == "policy names unknown variant 'slm' (did you mean 'slim'?)");
    CHECK(e.where.line == 2);
    CHECK(e.where.column == 24);

    e = overlay_error("go.yaml", "id: golang\n");
    CHECK(e.message == "template id 'golang' does not match its file name 'go.yaml'");

    e = overlay_error("go.yaml", "rules:\n  - id: Go_Split\n    code: RS199\n    description: x\n    reason: y\n");
    CHECK(e.message == "rule id 'Go_Split' must be kebab-case (a-z, 0-9, '-')");

    e = overlay_error("runtimes.yaml", "runtimes:\n  - id: alpine\n    user: root2\n");
    CHECK(e.message == "runtime 'alpine' has a user already; new_user and add_user are for images without one");

    e = overlay_error("runtimes.yaml", "runtimes:\n  - id: alpine\n    add_user: adduser ${name}\n");
    CHECK(e.message == "add_user of runtime 'alpine' uses undefined variable 'name' (add it to nothing: only ${user} and "
                       "${uid} are filled)");
}

TEST_CASE("template errors: bad YAML and a missing folder", "[templates]") {
    Error e = overlay_error("go.yaml", "build: [1\nruntime: 2\n");
    CHECK(e.message.rfind("invalid YAML: ", 0) == 0);
    CHECK(e.where.line == 2);

    auto r = load_catalogue(fs::path("/nonexistent/restage-templates"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::Usage);
    CHECK(r.error().message == "templates folder '/nonexistent/restage-templates' does not exist");
}

TEST_CASE("a user folder overlays the built-ins", "[templates]") {
    TempDir dir;
    dir.write("runtimes.yaml", R"(runtimes:
  - id: distroless-static
    image: registry.internal/distroless/static:nonroot
  - id: distroless-base
    image: gcr.io/distroless/base-debian12:nonroot@sha256:0123456789abcdef
  - id: busybox
    image: registry.internal/busybox:1.36
    family: busybox
    shell: true
    uid: 65534
    size_mb: 2
)");
    dir.write("go.yaml", R"(runtime:
  policy: [scratch, distroless]
rules:
  - id: go-split-build
    reason: Splits ${artifact} out of ${builder_image}
)");
    dir.write("extra.yaml", kMinimalTemplate);
    dir.write("notes.txt", "not a template");
    auto r = load_catalogue(dir.path);
    INFO((r.ok() ? std::string() : format_load_error(r.error())));
    REQUIRE(r.ok());
    const Catalogue& c = *r;
    CHECK(c.runtime("distroless-static")->image == "registry.internal/distroless/static:nonroot");
    CHECK(c.runtime("distroless-static")->uid == 65532);  // other keys kept
    CHECK(c.runtime("distroless-base")->image == "gcr.io/distroless/base-debian12:nonroot@sha256:0123456789abcdef");
    CHECK(c.runtime("busybox")->uid == 65534);
    CHECK(c.runtime("alpine")->image == "alpine:3.20");

    const Template& go = *c.find(detect::Ecosystem::Go);
    CHECK(go.policy == std::vector<std::string>{"scratch", "distroless"});  // lists replace
    CHECK(go.variants.size() == 4);                                         // maps merge
    CHECK(go.rule("go-split-build")->reason == "Splits ${artifact} out of ${builder_image}");
    CHECK(go.rule("go-split-build")->code == "RS101");
    CHECK(go.rule("go-static-binary") != nullptr);  // rules merge by id
    CHECK(go.source == fs::path("templates/go.yaml"));

    REQUIRE(c.templates.count("extra"));
    const Template& extra = c.templates.at("extra");
    CHECK(extra.signals.ecosystem == detect::Ecosystem::Unknown);
    CHECK(extra.stage_name == "build");
    CHECK(extra.variant("small")->runtime == "alpine");
    CHECK(extra.rule("runtime-nonroot") != nullptr);
    CHECK(extra.source == dir.path / "extra.yaml");
}

TEST_CASE("format_load_error leaves out what it does not know", "[templates]") {
    CHECK(format_load_error(Error{ErrorKind::Usage, "m", {3, 0}, "a.yaml"}) == "a.yaml:3: error: m");
    CHECK(format_load_error(Error{ErrorKind::Usage, "m", {}, "a.yaml"}) == "a.yaml: error: m");
    CHECK(format_load_error(Error{ErrorKind::Usage, "m", {}, ""}) == "restage: error: m");
}
