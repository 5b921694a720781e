// The detector reading shell words: wrappers, sh -c, exec form, heredocs, and OS packages.
#include <catch2/catch.hpp>

#include "detect_fixtures.hpp"

using namespace restage::detect;
using namespace restage::test;

TEST_CASE("commands: wrappers, sh -c, exec form, heredocs, continuations", "[detect]") {
    CHECK(fires(detect("FROM golang\nRUN sudo -u app env GOOS=linux go build .\n"), "go build in RUN",
                Ecosystem::Go));
    CHECK(fires(detect("FROM node\nRUN sh -c 'npm install && npm run build'\n"), "npm install in RUN",
                Ecosystem::Node));
    CHECK(fires(detect("FROM node\nENTRYPOINT [\"/sbin/tini\", \"--\", \"node\", \"index.js\"]\n"),
                "ENTRYPOINT runs node index.js (a Node server)", Ecosystem::Node));
    CHECK(fires(detect("FROM golang\nRUN <<EOF\nset -e\ngo build -o /app\nEOF\n"), "go build in RUN",
                Ecosystem::Go));
    CHECK(fires(detect("FROM golang\nRUN apk add git \\\n# a comment\n    && go install ./...\n"),
                "go install in RUN", Ecosystem::Go));
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
