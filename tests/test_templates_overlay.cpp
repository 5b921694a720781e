// A user's templates folder: how it overlays the built-ins, and the errors its files are reported with.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
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
        path = fs::temp_directory_path() /
               ("restage-templates-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
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

TEST_CASE("template errors: unknown key with a suggestion", "[templates]") {
    std::string file;
    Error e = overlay_error("go.yaml", "build:\n  manifest: []\n", &file);
    CHECK(e.message == "unknown key 'manifest' in build (did you mean 'manifests'?)");
    CHECK(e.where.line == 2);
    CHECK(e.where.column == 3);
    CHECK(e.hint == file);
    CHECK(format_load_error(e) ==
          file + ":2:3: error: unknown key 'manifest' in build (did you mean 'manifests'?)");

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
    Error e = overlay_error(
        "extra.yaml",
        "id: extra\ndescription: x\nruntime: {policy: [a], variants: {a: alpine}}\nrules: []\n");
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

    e = overlay_error(
        "runtimes.yaml",
        "runtimes:\n  - id: tiny\n    image: tiny:1\n    family: tiny\n    shell: false\n    size_mb: 1\n");
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
    CHECK(e.message ==
          "reason of rule 'extra-split' uses undefined variable 'artifcat' (did you mean 'artifact'?)");
    CHECK(e.where.line == 13);
    CHECK(e.where.column == 19);  // at the ${

    text = kMinimalTemplate;
    text.replace(text.find("Ships ${artifact}"), 17, "\"Ships ${size}\"");
    e = overlay_error("extra.yaml", text);
    CHECK(e.message ==
          "reason of rule 'extra-split' uses undefined variable 'size' (add it to the rule's variables)");
    CHECK(e.where.line == 13);
    CHECK(e.where.column == 20);

    // An overlay changing a reason is checked against the built-in variables.
    e = overlay_error("go.yaml", "rules:\n  - id: go-static-binary\n    reason: Uses ${gcc}\n");
    CHECK(e.message ==
          "reason of rule 'go-static-binary' uses undefined variable 'gcc' (add it to the rule's variables)");
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
    CHECK(e.message.rfind(
              "duplicate rule code 'RS101' (first used by rule 'go-split-build' in templates/go.yaml:", 0) ==
          0);

    text = kMinimalTemplate;
    text.replace(text.find("XX001"), 5, "X1");
    e = overlay_error("extra.yaml", text);
    CHECK(e.message == "code 'X1' of rule 'extra-split' must be two capitals and three digits, like 'RS101'");

    for (const char* bad : {"Rs101", "RS10", "RS1011", "R1101", "RSX01"}) {
        text = kMinimalTemplate;
        text.replace(text.find("XX001"), 5, bad);
        e = overlay_error("extra.yaml", text);
        CHECK(e.message == "code '" + std::string(bad) +
                               "' of rule 'extra-split' must be two capitals and three digits, like 'RS101'");
    }
}

TEST_CASE("template errors: kebab-case ids and lower_snake_case variables", "[templates]") {
    auto rule = [](const std::string& id, const std::string& variables) {
        return "rules:\n  - id: " + id +
               "\n    code: RS199\n    description: x\n    reason: y\n    variables: " + variables + "\n";
    };
    for (const char* bad : {"-go", "go-", "go--split", "go_split", "Go", "go split"}) {
        CHECK(overlay_error("go.yaml", rule(bad, "[]")).message ==
              "rule id '" + std::string(bad) + "' must be kebab-case (a-z, 0-9, '-')");
    }
    auto loads = [](const std::string& text) {
        TempDir dir;
        dir.write("go.yaml", text);
        return load_catalogue(dir.path).ok();
    };
    CHECK(loads(rule("go-2-x", "[]")));
    for (const char* bad : {"9lives", "Name", "a-b", "a b"}) {
        CHECK(overlay_error("go.yaml", rule("go-extra", "['" + std::string(bad) + "']")).message ==
              "variable '" + std::string(bad) + "' of rule 'go-extra' must be lower_snake_case");
    }
    CHECK(loads(rule("go-extra", "[_x, a_9]")));
}

TEST_CASE("template errors: variants, policy, ids", "[templates]") {
    Error e = overlay_error("go.yaml", "runtime:\n  variants:\n    alpine: alpne\n");
    CHECK(e.message == "variant 'alpine' names unknown runtime 'alpne' (did you mean 'alpine'?)");
    CHECK(e.where.line == 3);
    CHECK(e.where.column == 13);

    e = overlay_error(
        "maven.yaml",
        "runtime:\n  versions: [\"17\", \"19\"]\n  variants:\n    distroless: distroless-java${version}\n");
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

    e = overlay_error("go.yaml",
                      "rules:\n  - id: Go_Split\n    code: RS199\n    description: x\n    reason: y\n");
    CHECK(e.message == "rule id 'Go_Split' must be kebab-case (a-z, 0-9, '-')");

    e = overlay_error("runtimes.yaml", "runtimes:\n  - id: alpine\n    user: root2\n");
    CHECK(e.message ==
          "runtime 'alpine' has a user already; new_user and add_user are for images without one");

    e = overlay_error("runtimes.yaml", "runtimes:\n  - id: alpine\n    add_user: adduser ${name}\n");
    CHECK(e.message ==
          "add_user of runtime 'alpine' uses undefined variable 'name' (add it to nothing: only ${user} and "
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
    CHECK(c.runtime("distroless-base")->image ==
          "gcr.io/distroless/base-debian12:nonroot@sha256:0123456789abcdef");
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
