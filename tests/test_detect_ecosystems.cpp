// Each ecosystem's detector signals (Go, Maven, Gradle, Node, static sites), firing and not firing.
#include <catch2/catch.hpp>

#include "detect_fixtures.hpp"

using namespace restage::detect;
using namespace restage::test;

namespace {

using Files = std::map<std::string, std::string>;

}  // namespace

// --- Go ------------------------------------------------------------------------------------

TEST_CASE("go: base image, build commands, manifests", "[detect]") {
    auto d = detect(
        "FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY *.go ./\n"
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
    auto d = detect(
        "ARG GO=1.22\nFROM golang:${GO} AS build\nRUN go build -o /app\n"
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
    auto d = detect("FROM maven:3.9-eclipse-temurin-21\nCOPY pom.xml .\nRUN mvn -B package\n",
                    {{"pom.xml", "<project/>"}});
    CHECK(id(d) == "maven");
    CHECK(fires(d, "base image maven:3.9-eclipse-temurin-21", Ecosystem::Maven));
    CHECK(fires(d, "mvn package in RUN", Ecosystem::Maven));
    CHECK(fires(d, "copies pom.xml", Ecosystem::Maven));
    CHECK(fires(d, "Maven project", Ecosystem::Maven));
}

TEST_CASE("maven: a JAR from target/ named through an ARG default", "[detect]") {
    auto d = detect(
        "FROM eclipse-temurin:17-jre\nARG JAR_FILE=target/*.jar\nCOPY ${JAR_FILE} app.jar\n"
        "ENTRYPOINT [\"java\",\"-jar\",\"/app.jar\"]\n");
    CHECK(id(d) == "maven");
    CHECK(fires(d, "copies target/*.jar (Maven's output folder)", Ecosystem::Maven));
    CHECK(fires(d, "ENTRYPOINT runs java -jar", Ecosystem::Maven));
}

TEST_CASE("gradle: wrapper, build/libs, manifests", "[detect]") {
    auto d = detect(
        "FROM amazoncorretto:17\nCOPY build/libs/app.jar app.jar\nCMD [\"java\",\"-jar\",\"app.jar\"]\n",
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
    auto d = detect("FROM openjdk:17\nCMD [\"java\",\"-jar\",\"app.jar\"]\n",
                    {{"pom.xml", ""}, {"build.gradle", ""}});
    CHECK(id(d) == "maven");
}

// --- Node and static -------------------------------------------------------------------------

TEST_CASE("node: a server file run by node", "[detect]") {
    auto d = detect(
        "FROM node:20-alpine\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD [\"node\", \"server.js\"]\n",
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
    auto www = detect("FROM node:18\nCMD [\"npm\", \"start\"]\n",
                      {{"package.json", R"({"scripts":{"start":"node ./bin/www"}})"}});
    CHECK(id(www) == "node");
    CHECK(fires(www, "CMD runs npm start: node ./bin/www (a Node server)", Ecosystem::Node));
    auto dflt = detect("FROM node:18\nCMD npm start\n", {{"package.json", "{}"}});
    CHECK(fires(dflt, "CMD runs npm start: node server.js (a Node server)", Ecosystem::Node));
    auto none = detect("FROM node:18\nCMD npm start\n");
    CHECK(fires(none, "CMD runs npm start (no package.json in the context)", Ecosystem::Node));
}

TEST_CASE("node: package.json with tabs, escapes and no trailing newline", "[detect]") {
    auto d = detect(
        "FROM node\n",
        {{"package.json", "{\n\t\"name\": \"caf\\u00e9\\/api\",\n\t\"dependencies\": {\"koa\": \"2\"}}"}});
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
    auto d =
        detect("FROM node:16\nCOPY . .\nRUN yarn\nCMD [\"yarn\", \"start\"]\n",
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
    auto serve = detect(
        "FROM node:alpine\nCOPY ./build build\nRUN [\"npm\",\"install\",\"-g\",\"serve\"]\nCMD [\"serve\", "
        "\"-s\", \"build\"]\n");
    CHECK(id(serve) == "static");
    CHECK(serve.flavor == "npm-build");
    CHECK(fires(serve, "installs serve with npm", Ecosystem::Static));
    CHECK(fires(serve, "CMD runs serve build (serves a front-end)", Ecosystem::Static));
    auto npx = detect("FROM node\nCMD [\"npx\", \"http-server\", \"dist\"]\n");
    CHECK(id(npx) == "static");
}

TEST_CASE("static: a front-end dependency without a server framework, and with one", "[detect]") {
    Files vite{
        {"package.json", R"({"scripts":{"build":"vite build"},"devDependencies":{"vite":"5","vue":"3"}})"}};
    auto d = detect(
        "FROM node:20 AS build\nRUN npm ci && npm run build\nFROM nginx:alpine\n"
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
    Files next{
        {"package.json",
         R"({"scripts":{"build":"next build","start":"next start"},"dependencies":{"next":"14","react":"18"}})"}};
    auto server = detect("FROM node:20\nRUN npm run build\nCMD [\"npm\", \"start\"]\n", next);
    CHECK(id(server) == "node");
    CHECK(fires(server, "depends on next (a server framework)", Ecosystem::Node));
    next["next.config.js"] = "module.exports = { output: 'export' }\n";
    auto exported = detect(
        "FROM node:20\nRUN npm run build\nFROM nginx\nCOPY --from=0 /out /usr/share/nginx/html\n", next);
    CHECK(id(exported) == "static");
    CHECK(exported.flavor == "next-export");
}

TEST_CASE("static: generators and their CLIs", "[detect]") {
    auto gatsby = detect(
        "FROM node:16\nRUN yarn global add gatsby-cli\nCMD [\"gatsby\", \"develop\", \"-H\", \"0.0.0.0\"]\n");
    CHECK(id(gatsby) == "static");
    CHECK(gatsby.flavor == "gatsby");
    auto ng = detect("FROM node:16\nRUN npm install -g @angular/cli\nRUN ng build\n");
    CHECK(ng.flavor == "angular");
    CHECK(fires(ng, "ng build in RUN (a front-end build)", Ecosystem::Static));
    auto vue = detect(
        "FROM node:16\nCMD [\"npm\", \"run\", \"serve\"]\n",
        {{"package.json",
          R"({"scripts":{"serve":"vue-cli-service serve"},"devDependencies":{"@vue/cli-service":"5"}})"}});
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
    auto site = detect(
        "FROM klakegg/hugo:0.95.0-onbuild AS hugo\nFROM nginx\nCOPY --from=hugo /target "
        "/usr/share/nginx/html\n",
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
