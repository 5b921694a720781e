// test_detect.cpp: the build context, each detector signal firing and not firing, the
// tie-breaks, and the exact output of `restage detect`.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "detect/detect.hpp"

using namespace restage::detect;

namespace {

using Files = std::map<std::string, std::string>;

Detection detect(std::string dockerfile, Files files = {}, const std::vector<Signals>& extra = {}) {
    auto doc = restage::model::Document::parse(std::move(dockerfile));
    REQUIRE(doc.ok());
    return classify(*doc, Context::in_memory(std::move(files)), extra);
}

std::string id(const Detection& d) { return std::string(ecosystem_id(d.ecosystem)); }

// Whether some evidence pointing to `e` has a fact containing `fragment`.
bool fires(const Detection& d, std::string_view fragment, Ecosystem e) {
    for (const auto& ev : d.evidence) {
        if (ev.points_to == e && ev.fact.find(fragment) != std::string::npos) return true;
    }
    return false;
}

// Whether any evidence has a fact containing `fragment`.
bool seen(const Detection& d, std::string_view fragment) {
    for (const auto& ev : d.evidence) {
        if (ev.fact.find(fragment) != std::string::npos) return true;
    }
    return false;
}

// A fresh folder under the system's temp folder, removed at the end of the scope.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "restage-detect-XXXXXX").string();
        REQUIRE(mkdtemp(tmpl.data()) != nullptr);
        path = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    void write(const std::string& rel, const std::string& text) const {
        std::filesystem::create_directories((path / rel).parent_path());
        std::ofstream(path / rel, std::ios::binary) << text;
    }
};

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

// --- Context -------------------------------------------------------------------------------

TEST_CASE("context: in memory", "[detect][context]") {
    auto ctx = Context::in_memory({{"go.mod", "module x\n"}, {"src/main/App.java", ""}, {"src/b.txt", "b"}});
    CHECK(ctx.exists("go.mod"));
    CHECK(ctx.exists("./go.mod"));
    CHECK(ctx.exists("src"));
    CHECK(ctx.is_dir("src/"));
    CHECK_FALSE(ctx.is_dir("go.mod"));
    CHECK(ctx.read("go.mod") == "module x\n");
    CHECK_FALSE(ctx.read("src").has_value());
    CHECK(ctx.list() == std::vector<std::string>{"go.mod", "src/"});
    CHECK(ctx.list("src") == std::vector<std::string>{"b.txt", "main/"});
    CHECK(ctx.root().empty());
}

TEST_CASE("context: paths out of the root are refused", "[detect][context]") {
    auto ctx = Context::in_memory({{"a", "x"}});
    CHECK_FALSE(ctx.exists("../a"));
    CHECK_FALSE(ctx.read("/a").has_value());
    CHECK_FALSE(ctx.read("sub/../a").has_value());
    CHECK(ctx.list("..").empty());
}

TEST_CASE("context: on disk", "[detect][context]") {
    TempDir dir;
    dir.write("ctx/package.json", "{}");
    dir.write("ctx/src/index.js", "");
    dir.write("ctx/big.txt", std::string((1 << 20) + 10, 'x'));
    dir.write("secret.txt", "secret");
    std::filesystem::create_symlink(dir.path / "secret.txt", dir.path / "ctx/link.txt");
    auto ctx = Context::from_dir(dir.path / "ctx");
    CHECK(ctx.list() == std::vector<std::string>{"big.txt", "link.txt", "package.json", "src/"});
    CHECK(ctx.read("package.json") == "{}");
    CHECK(ctx.read("big.txt")->size() == std::size_t{1} << 20);
    CHECK(ctx.is_dir("src"));
    CHECK_FALSE(ctx.read("link.txt").has_value());  // a link out of the root
    CHECK_FALSE(ctx.read("../secret.txt").has_value());
    auto missing = Context::from_dir(dir.path / "nope");
    CHECK(missing.list().empty());
    CHECK_FALSE(missing.exists("package.json"));
}

// --- Go ------------------------------------------------------------------------------------

TEST_CASE("go: base image, build commands, manifests", "[detect]") {
    auto d = detect("FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY *.go ./\n"
                    "RUN CGO_ENABLED=0 go build -o /app\n",
                    {{"go.mod", "module example.com/app\n\ngo 1.22\n"}, {"go.sum", ""}, {"main.go", ""}});
    CHECK(id(d) == "go");
    CHECK(fires(d, "base image golang:1.22", Ecosystem::Go));
    CHECK(fires(d, "go build in RUN", Ecosystem::Go));
    CHECK(fires(d, "go mod download in RUN", Ecosystem::Go));
    CHECK(fires(d, "copies go.mod", Ecosystem::Go));
    CHECK(fires(d, "copies *.go (Go sources)", Ecosystem::Go));
    CHECK(fires(d, "declares module example.com/app", Ecosystem::Go));
    CHECK(fires(d, "Go module checksums", Ecosystem::Go));
    CHECK(fires(d, "Go source at the root", Ecosystem::Go));
    CHECK(d.flavor.empty());
    CHECK(d.also_seen.empty());
}

TEST_CASE("go: does not fire on mentions, OS images or other words", "[detect]") {
    auto d = detect("FROM alpine:3.19\nRUN echo go build && apk add curl\nCMD [\"./go\"]\n");
    CHECK(id(d) == "unknown");
    CHECK(d.evidence.empty());
}

TEST_CASE("go: the builder stage's base counts in a multi-stage file", "[detect]") {
    auto d = detect("ARG GO=1.22\nFROM golang:${GO} AS build\nRUN go build -o /app\n"
                    "FROM gcr.io/distroless/static\nCOPY --from=build /app /app\nCMD [\"/app\"]\n");
    CHECK(id(d) == "go");
    CHECK(fires(d, "base image golang:1.22", Ecosystem::Go));
}

TEST_CASE("go: registry mirrors, ONBUILD triggers and go-wrapper", "[detect]") {
    auto d = detect("FROM index.example.cn/library/golang:1.8\nONBUILD RUN go-wrapper install\n");
    CHECK(id(d) == "go");
    CHECK(fires(d, "go-wrapper install in RUN", Ecosystem::Go));
}

TEST_CASE("go: repeated facts count once", "[detect]") {
    auto d = detect("FROM golang\nRUN go get a\nRUN go get b\nRUN go get c\n");
    int count = 0;
    for (const auto& e : d.evidence) count += e.fact == "go get in RUN";
    CHECK(count == 1);
    CHECK(d.confidence == Approx(5.0 / 8.0));
}

// --- Java ----------------------------------------------------------------------------------

TEST_CASE("maven: image, mvn, pom.xml, target/", "[detect]") {
    auto d = detect("FROM maven:3.9-eclipse-temurin-21\nCOPY pom.xml .\nRUN mvn -B package\n", {{"pom.xml", "<project/>"}});
    CHECK(id(d) == "maven");
    CHECK(fires(d, "base image maven:3.9-eclipse-temurin-21", Ecosystem::Maven));
    CHECK(fires(d, "mvn package in RUN", Ecosystem::Maven));
    CHECK(fires(d, "copies pom.xml", Ecosystem::Maven));
    CHECK(fires(d, "Maven project", Ecosystem::Maven));
}

TEST_CASE("maven: a JAR from target/ named through an ARG default", "[detect]") {
    auto d = detect("FROM eclipse-temurin:17-jre\nARG JAR_FILE=target/*.jar\nCOPY ${JAR_FILE} app.jar\n"
                    "ENTRYPOINT [\"java\",\"-jar\",\"/app.jar\"]\n");
    CHECK(id(d) == "maven");
    CHECK(fires(d, "copies target/*.jar (Maven's output folder)", Ecosystem::Maven));
    CHECK(fires(d, "ENTRYPOINT runs java -jar", Ecosystem::Maven));
}

TEST_CASE("gradle: wrapper, build/libs, manifests", "[detect]") {
    auto d = detect("FROM amazoncorretto:17\nCOPY build/libs/app.jar app.jar\nCMD [\"java\",\"-jar\",\"app.jar\"]\n",
                    {{"build.gradle.kts", ""}, {"settings.gradle", ""}, {"gradlew", ""}});
    CHECK(id(d) == "gradle");
    CHECK(fires(d, "copies build/libs/app.jar (Gradle's output folder)", Ecosystem::Gradle));
    CHECK(fires(d, "Gradle build script", Ecosystem::Gradle));
    CHECK(fires(d, "Gradle wrapper", Ecosystem::Gradle));
    CHECK(fires(d, "base image amazoncorretto:17", Ecosystem::Gradle));  // JVM facts follow the decision
    auto run = detect("FROM openjdk:17\nCOPY . .\nRUN ./gradlew build -x test\n");
    CHECK(id(run) == "gradle");
    CHECK(fires(run, "./gradlew build in RUN", Ecosystem::Gradle));
}

TEST_CASE("java: application servers; Cargo's target/ is not Maven's", "[detect]") {
    auto d = detect("FROM tomcat:9\nCOPY ROOT.war /usr/local/tomcat/webapps/\n");
    CHECK(id(d) == "maven");
    CHECK(fires(d, "into /usr/local/tomcat/webapps", Ecosystem::Maven));
    auto rust = detect("FROM rust:1.80\nRUN cargo build --release\nCOPY target/release/app /app\n");
    CHECK(id(rust) == "unknown");
    CHECK_FALSE(seen(rust, "Maven"));
}

TEST_CASE("tie-break: Maven and Gradle equal -> Maven", "[detect]") {
    auto d = detect("FROM openjdk:17\nCMD [\"java\",\"-jar\",\"app.jar\"]\n", {{"pom.xml", ""}, {"build.gradle", ""}});
    CHECK(id(d) == "maven");
}

// --- Node and static -------------------------------------------------------------------------

TEST_CASE("node: a server file run by node", "[detect]") {
    auto d = detect("FROM node:20-alpine\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD [\"node\", \"server.js\"]\n",
                    {{"package.json", R"({"name":"api","dependencies":{"express":"^4"}})"}, {"package-lock.json", ""}});
    CHECK(id(d) == "node");
    CHECK(d.flavor == "npm");
    CHECK(d.package_manager == "npm");
    CHECK(fires(d, "CMD runs node server.js (a Node server)", Ecosystem::Node));
    CHECK(fires(d, "depends on express (a server framework)", Ecosystem::Node));
    CHECK(fires(d, "npm ci in RUN", Ecosystem::Node));
    CHECK(fires(d, "declares package api", Ecosystem::Node));
}

TEST_CASE("node: npm start follows the start script, and npm's default", "[detect]") {
    auto www = detect("FROM node:18\nCMD [\"npm\", \"start\"]\n", {{"package.json", R"({"scripts":{"start":"node ./bin/www"}})"}});
    CHECK(id(www) == "node");
    CHECK(fires(www, "CMD runs npm start: node ./bin/www (a Node server)", Ecosystem::Node));
    auto dflt = detect("FROM node:18\nCMD npm start\n", {{"package.json", "{}"}});
    CHECK(fires(dflt, "CMD runs npm start: node server.js (a Node server)", Ecosystem::Node));
    auto none = detect("FROM node:18\nCMD npm start\n");
    CHECK(fires(none, "CMD runs npm start (no package.json in the context)", Ecosystem::Node));
}

TEST_CASE("node: package.json with tabs, escapes and no trailing newline", "[detect]") {
    auto d = detect("FROM node\n", {{"package.json", "{\n\t\"name\": \"caf\\u00e9\\/api\",\n\t\"dependencies\": {\"koa\": \"2\"}}"}});
    CHECK(fires(d, "declares package caf\u00e9/api", Ecosystem::Node));
    CHECK(fires(d, "depends on koa (a server framework)", Ecosystem::Node));
    auto broken = detect("FROM node\n", {{"package.json", "{\"name\": "}});
    CHECK(fires(broken, "a JavaScript package", Ecosystem::Node));
}

TEST_CASE("node: nothing else said -> Node (tie-break inside the web family)", "[detect]") {
    auto d = detect("FROM node:18\nCOPY . .\n");
    CHECK(id(d) == "node");
    CHECK(d.flavor == "npm");
}

TEST_CASE("static: a front-end dev server behind npm start", "[detect]") {
    auto d = detect("FROM node:16\nCOPY . .\nRUN yarn\nCMD [\"yarn\", \"start\"]\n",
                    {{"package.json", R"({"scripts":{"start":"react-scripts start","build":"react-scripts build"},
                        "dependencies":{"react":"18","react-scripts":"5"}})"},
                     {"yarn.lock", ""}});
    CHECK(id(d) == "static");
    CHECK(d.flavor == "create-react-app");
    CHECK(d.package_manager == "yarn");
    CHECK(fires(d, "CMD runs yarn start: react-scripts start (serves a front-end)", Ecosystem::Static));
    CHECK(fires(d, "depends on react-scripts (a front-end framework)", Ecosystem::Static));
    CHECK(fires(d, "build script runs react-scripts build", Ecosystem::Static));
}

TEST_CASE("static: a build served by serve or http-server", "[detect]") {
    auto serve = detect("FROM node:alpine\nCOPY ./build build\nRUN [\"npm\",\"install\",\"-g\",\"serve\"]\nCMD [\"serve\", \"-s\", \"build\"]\n");
    CHECK(id(serve) == "static");
    CHECK(serve.flavor == "npm-build");
    CHECK(fires(serve, "installs serve with npm", Ecosystem::Static));
    CHECK(fires(serve, "CMD runs serve build (serves a front-end)", Ecosystem::Static));
    auto npx = detect("FROM node\nCMD [\"npx\", \"http-server\", \"dist\"]\n");
    CHECK(id(npx) == "static");
}

TEST_CASE("static: a front-end dependency without a server framework, and with one", "[detect]") {
    Files vite{{"package.json", R"({"scripts":{"build":"vite build"},"devDependencies":{"vite":"5","vue":"3"}})"}};
    auto d = detect("FROM node:20 AS build\nRUN npm ci && npm run build\nFROM nginx:alpine\n"
                    "COPY --from=build /app/dist /usr/share/nginx/html\n",
                    vite);
    CHECK(id(d) == "static");
    CHECK(d.flavor == "vite");
    CHECK(fires(d, "npm run build runs vite build (a front-end build)", Ecosystem::Static));
    CHECK(fires(d, "copies /app/dist into the web root /usr/share/nginx/html", Ecosystem::Static));
    auto full = detect("FROM node:20\nCMD [\"node\", \"server.js\"]\n",
                       {{"package.json", R"({"dependencies":{"react":"18","express":"4"}})"}});
    CHECK(id(full) == "node");
    CHECK_FALSE(seen(full, "depends on react"));
}

TEST_CASE("static: Next.js exported or not", "[detect]") {
    Files next{{"package.json", R"({"scripts":{"build":"next build","start":"next start"},"dependencies":{"next":"14","react":"18"}})"}};
    auto server = detect("FROM node:20\nRUN npm run build\nCMD [\"npm\", \"start\"]\n", next);
    CHECK(id(server) == "node");
    CHECK(fires(server, "depends on next (a server framework)", Ecosystem::Node));
    next["next.config.js"] = "module.exports = { output: 'export' }\n";
    auto exported = detect("FROM node:20\nRUN npm run build\nFROM nginx\nCOPY --from=0 /out /usr/share/nginx/html\n", next);
    CHECK(id(exported) == "static");
    CHECK(exported.flavor == "next-export");
}

TEST_CASE("static: generators and their CLIs", "[detect]") {
    auto gatsby = detect("FROM node:16\nRUN yarn global add gatsby-cli\nCMD [\"gatsby\", \"develop\", \"-H\", \"0.0.0.0\"]\n");
    CHECK(id(gatsby) == "static");
    CHECK(gatsby.flavor == "gatsby");
    auto ng = detect("FROM node:16\nRUN npm install -g @angular/cli\nRUN ng build\n");
    CHECK(ng.flavor == "angular");
    CHECK(fires(ng, "ng build in RUN (a front-end build)", Ecosystem::Static));
    auto vue = detect("FROM node:16\nCMD [\"npm\", \"run\", \"serve\"]\n",
                      {{"package.json", R"({"scripts":{"serve":"vue-cli-service serve"},"devDependencies":{"@vue/cli-service":"5"}})"}});
    CHECK(id(vue) == "static");
    CHECK(vue.flavor == "vue-cli");
}

TEST_CASE("static: Hugo", "[detect]") {
    auto d = detect("FROM alpine:3\nRUN apk add hugo\nCOPY . /site\nCMD hugo server --bind 0.0.0.0\n");
    CHECK(id(d) == "static");
    CHECK(d.flavor == "hugo");
    CHECK(d.package_manager.empty());
    CHECK(fires(d, "installs hugo with apk", Ecosystem::Static));
    CHECK(fires(d, "CMD runs hugo server", Ecosystem::Static));
    auto site = detect("FROM klakegg/hugo:0.95.0-onbuild AS hugo\nFROM nginx\nCOPY --from=hugo /target /usr/share/nginx/html\n",
                       {{"config.toml", ""}, {"content/a.md", ""}});
    CHECK(site.flavor == "hugo");
    CHECK(fires(site, "Hugo site config (with content/ or themes/)", Ecosystem::Static));
    CHECK_FALSE(seen(detect("FROM alpine\n", {{"config.toml", "[x]\n"}}), "Hugo"));
    CHECK(seen(detect("FROM alpine\n", {{"hugo.toml", ""}}), "Hugo site config"));
}

TEST_CASE("static: Jekyll", "[detect]") {
    auto d = detect("FROM jekyll/jekyll:4\nCOPY . /srv/jekyll\nRUN bundle exec jekyll build\n",
                    {{"_config.yml", "title: x\n"}, {"Gemfile", "gem \"jekyll\"\n"}});
    CHECK(id(d) == "static");
    CHECK(d.flavor == "jekyll");
    CHECK(fires(d, "jekyll build in RUN", Ecosystem::Static));
    CHECK(fires(d, "Jekyll site config (the Gemfile names jekyll)", Ecosystem::Static));
    CHECK_FALSE(seen(d, "Ruby dependencies"));
}

TEST_CASE("static: plain HTML in nginx", "[detect]") {
    auto d = detect("FROM nginx\nCOPY . /usr/share/nginx/html\n", {{"index.html", "<html></html>"}});
    CHECK(id(d) == "static");
    CHECK(d.flavor == "plain-html");
    CHECK(d.package_manager.empty());
    CHECK(fires(d, "a plain HTML page", Ecosystem::Static));
    CHECK(fires(d, "copies . into the web root /usr/share/nginx/html", Ecosystem::Static));
}

TEST_CASE("package manager: commands beat lock files, pnpm and yarn locks", "[detect]") {
    CHECK(detect("FROM node\nRUN npm ci\n", {{"yarn.lock", ""}}).package_manager == "npm");
    CHECK(detect("FROM node\nCOPY . .\n", {{"pnpm-lock.yaml", ""}}).flavor == "pnpm");
    CHECK(detect("FROM node\nCOPY . .\n", {{"yarn.lock", ""}}).flavor == "yarn");
    CHECK(detect("FROM node\nRUN pnpm install --frozen-lockfile\n").flavor == "pnpm");
}

// --- Unknown, mixed, thresholds, tie-breaks ----------------------------------------------------

TEST_CASE("unknown: other languages win over incidental JavaScript", "[detect]") {
    auto py = detect("FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n"
                     "CMD [\"gunicorn\", \"app:app\"]\n",
                     {{"requirements.txt", "flask\n"}});
    CHECK(id(py) == "unknown");
    CHECK(fires(py, "base image python:3.12-slim", Ecosystem::Unknown));
    CHECK(fires(py, "pip install in RUN (python)", Ecosystem::Unknown));
    CHECK(py.confidence == Approx(1.0));
    auto rails = detect("FROM ruby:3.2\nRUN apt-get install -y nodejs\nRUN bundle install\nCMD [\"rails\", \"s\"]\n",
                        {{"Gemfile", "gem 'rails'\n"}, {"package.json", "{}"}});
    CHECK(id(rails) == "unknown");
}

TEST_CASE("unknown: weak evidence is not convincing", "[detect]") {
    auto d = detect("FROM ubuntu\nRUN echo hi\n", {{"index.html", ""}});
    CHECK(id(d) == "unknown");
    CHECK(fires(d, "a plain HTML page", Ecosystem::Static));
    CHECK(d.confidence == Approx(1.0 - 1.0 / 8.0));
    auto nothing = detect("FROM ubuntu\n");
    CHECK(nothing.evidence.empty());
    CHECK(nothing.confidence == Approx(1.0));
}

TEST_CASE("mixed: the other family is also seen", "[detect]") {
    auto d = detect("FROM golang:1.22 AS api\nRUN go build -o /api\nFROM node:20 AS web\nRUN npm ci && npm run build\n",
                    {{"go.mod", "module x\n"}});
    CHECK(id(d) == "go");
    REQUIRE(d.also_seen.size() == 1);
    CHECK(d.also_seen[0] == Ecosystem::Node);
}

TEST_CASE("tie-break: equal totals -> the larger Dockerfile share, then Go, Java, web", "[detect]") {
    // go 3 (Dockerfile) against web 3 (context: package.json 2 + yarn.lock 1)
    auto d = detect("FROM golang\n", {{"package.json", "{}"}, {"yarn.lock", ""}});
    CHECK(id(d) == "go");
    // both 3 from the Dockerfile: the fixed order
    CHECK(id(detect("FROM node AS a\nFROM golang AS b\n")) == "go");
    CHECK(id(detect("FROM node AS a\nFROM maven AS b\n")) == "maven");
}

TEST_CASE("confidence: share of the evidence, damped while thin", "[detect]") {
    CHECK(detect("FROM golang\nRUN go build\n").confidence == Approx(6.0 / 8.0));
    // go 6 of 8: share 0.75, full strength
    auto d = detect("FROM golang\nRUN go build\nRUN go test ./...\n", {{"package.json", "{}"}});
    CHECK(d.confidence == Approx(8.0 / 10.0));
}

TEST_CASE("extra signals: configured images, commands and files", "[detect]") {
    Signals corp;
    corp.ecosystem = Ecosystem::Go;
    corp.base_images = {"registry.corp/*/gobuilder"};
    corp.commands = {"make binary"};
    corp.context_files = {"BUILD.corp"};
    auto d = detect("FROM registry.corp/tools/gobuilder:2\nRUN make binary\n", {{"BUILD.corp", ""}}, {corp});
    CHECK(id(d) == "go");
    CHECK(fires(d, "base image registry.corp/tools/gobuilder:2 matches registry.corp/*/gobuilder", Ecosystem::Go));
    CHECK(fires(d, "RUN matches make binary", Ecosystem::Go));
    CHECK(fires(d, "configured context file", Ecosystem::Go));
    CHECK(id(detect("FROM registry.corp/tools/gobuilder:2\nRUN make binary\n")) == "unknown");
}

TEST_CASE("extra signals: a RUN or a file the built-in rules read counts once", "[detect]") {
    Signals node;
    node.ecosystem = Ecosystem::Node;
    node.commands = {"npm install"};
    node.context_files = {"package.json"};
    // `npm install -g serve` is read as installing a file server: the template's "npm install"
    // must not add a Node vote to it, nor package.json a second one.
    auto d = detect("FROM node:20-alpine\nRUN npm install -g serve\nCOPY public/ /app\nCMD serve -l 80 /app\n",
                    {{"package.json", "{}"}}, {node});
    CHECK_FALSE(seen(d, "RUN matches npm install"));
    CHECK_FALSE(seen(d, "configured context file"));
    CHECK(id(d) == "static");
}

TEST_CASE("web family: what the image runs decides between a Node app and a static site", "[detect]") {
    const std::map<std::string, std::string> sveltekit = {
        {"package.json",
         R"({"scripts":{"build":"vite build"},"devDependencies":{"vite":"^5.0.0","@sveltejs/kit":"^2.0.0"}})"}};
    // A front-end build (vite) outweighs one server command, but the command is what runs.
    CHECK(id(detect("FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n"
                    "CMD [\"node\", \"build/index.js\"]\n",
                    sveltekit)) == "node");
    CHECK(id(detect("FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n"
                    "CMD [\"npx\", \"serve\", \"dist\"]\n",
                    sveltekit)) == "static");
}

// --- shell words -----------------------------------------------------------------------------

TEST_CASE("commands: wrappers, sh -c, exec form, heredocs, continuations", "[detect]") {
    CHECK(fires(detect("FROM golang\nRUN sudo -u app env GOOS=linux go build .\n"), "go build in RUN", Ecosystem::Go));
    CHECK(fires(detect("FROM node\nRUN sh -c 'npm install && npm run build'\n"), "npm install in RUN", Ecosystem::Node));
    CHECK(fires(detect("FROM node\nENTRYPOINT [\"/sbin/tini\", \"--\", \"node\", \"index.js\"]\n"),
                "ENTRYPOINT runs node index.js (a Node server)", Ecosystem::Node));
    CHECK(fires(detect("FROM golang\nRUN <<EOF\nset -e\ngo build -o /app\nEOF\n"), "go build in RUN", Ecosystem::Go));
    CHECK(fires(detect("FROM golang\nRUN apk add git \\\n# a comment\n    && go install ./...\n"), "go install in RUN",
                Ecosystem::Go));
    CHECK_FALSE(seen(detect("FROM alpine\nRUN echo 'go build' # go build\n"), "go build"));
}

TEST_CASE("commands: OS packages weigh more on a plain OS image", "[detect]") {
    auto plain = detect("FROM ubuntu\nRUN apt-get update && apt-get install -y openjdk-17-jdk maven\n");
    CHECK(id(plain) == "maven");
    for (const auto& e : plain.evidence) CHECK(e.weight == 2);
    auto on_node = detect("FROM node:20\nRUN apt-get install -y default-jre\n");
    CHECK(id(on_node) == "node");
    CHECK(fires(on_node, "installs default-jre with apt-get", Ecosystem::Maven));
}

// --- restage detect --------------------------------------------------------------------------

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
    CHECK(run_restage(dir.path, "detect Dockerfile --format json") ==
          R"({"file":"Dockerfile","ecosystem":"go","confidence":0.62,"flavor":"","package_manager":"",)"
          R"("evidence":[{"ecosystem":"go","fact":"base image golang:1.22","line":1,"file":null,"weight":3},)"
          R"({"ecosystem":"go","fact":"declares module example.com/app","line":null,"file":"go.mod","weight":2}],)"
          R"("also_seen":[]})"
          "\n");
}

TEST_CASE("cli: bad arguments and files", "[detect][cli]") {
    TempDir dir;
    dir.write("Dockerfile", "FROM golang\n");
    CHECK(run_restage(dir.path, "detect Dockerfile --format yaml; echo rc=$?").find("rc=2") != std::string::npos);
    CHECK(run_restage(dir.path, "detect Dockerfile --context nope; echo rc=$?").find("rc=2") != std::string::npos);
    CHECK(run_restage(dir.path, "detect missing; echo rc=$?").find("rc=2") != std::string::npos);
}
