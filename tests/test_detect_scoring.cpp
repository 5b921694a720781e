// How the detector weighs its evidence: unknown and mixed files, confidence, tie-breaks, extra signals.
#include <catch2/catch.hpp>

#include "detect_fixtures.hpp"

using namespace restage::detect;
using namespace restage::test;

TEST_CASE("unknown: other languages win over incidental JavaScript", "[detect]") {
    auto py = detect(
        "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n"
        "CMD [\"gunicorn\", \"app:app\"]\n",
        {{"requirements.txt", "flask\n"}});
    CHECK(id(py) == "unknown");
    CHECK(fires(py, "base image python:3.12-slim", Ecosystem::Unknown));
    CHECK(fires(py, "pip install in RUN (python)", Ecosystem::Unknown));
    CHECK(py.confidence == Approx(1.0));
    auto rails =
        detect("FROM ruby:3.2\nRUN apt-get install -y nodejs\nRUN bundle install\nCMD [\"rails\", \"s\"]\n",
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
    auto d = detect(
        "FROM golang:1.22 AS api\nRUN go build -o /api\nFROM node:20 AS web\nRUN npm ci && npm run build\n",
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
    CHECK(fires(d, "base image registry.corp/tools/gobuilder:2 matches registry.corp/*/gobuilder",
                Ecosystem::Go));
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
    auto d =
        detect("FROM node:20-alpine\nRUN npm install -g serve\nCOPY public/ /app\nCMD serve -l 80 /app\n",
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
