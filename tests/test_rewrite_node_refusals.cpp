// The Node planner's refusals: a command, a builder tag or a Node install no runtime can be matched to.
#include <catch2/catch.hpp>

#include "node_fixtures.hpp"
#include "rewrite_support.hpp"

using restage::rewrite::Outcome;
using restage::test::rewrite_text;
using namespace restage::test;

namespace {

using Files = std::map<std::string, std::string>;

}  // namespace

TEST_CASE("node: refuses a command it cannot place in the runtime", "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:20\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN npm install\n"
        "CMD [\"forever\", \"server.js\"]\n";
    const Files context = {{"package.json", kExpress}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Refused);
    CHECK(out.text == dockerfile);
    CHECK(out.refusals.front().line == 5);
    CHECK(out.refusals.front().reason ==
          "the command runs `forever`, which is neither node, npm, a dependency in package.json nor a file "
          "of the app: restage cannot tell whether the runtime image has it");
    CHECK(out.refusals.front().unblock ==
          "add it to package.json's dependencies, or run it from a script in the app");
}

TEST_CASE("node: refuses a builder tag it does not know", "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:chakracore\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN npm ci\n"
        "CMD [\"node\", \"server.js\"]\n";
    const Files context = {{"package.json", kExpress}, {"package-lock.json", "{}"}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Refused);
    CHECK(out.text == dockerfile);
    CHECK(out.refusals.front().line == 1);
    CHECK(out.refusals.front().reason ==
          "node:chakracore is a tag restage does not know: the Node major it brings is unknown, so no "
          "runtime can "
          "be matched to it");
    CHECK(out.refusals.front().unblock ==
          "pin the major in the builder image, e.g. node:20 or node:20-alpine");
}

TEST_CASE("node: refuses a Node major the catalogue has no runtime for", "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:0.12\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN npm ci\n"
        "CMD [\"node\", \"server.js\"]\n";
    const Files context = {{"package.json", kExpress}, {"package-lock.json", "{}"}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Refused);
    CHECK(out.text == dockerfile);
    CHECK(out.refusals.front().line == 1);
    CHECK(out.refusals.front().reason ==
          "Node 0.12 (from the builder image node:0.12): the runtime catalogue has no Node 0.12 runtime (it "
          "has "
          "4 to 24, current, lts)");
    CHECK(out.refusals.front().unblock ==
          "add a Node 0.12 runtime with --templates DIR (runtimes.yaml, and the variants of node.yaml)");
}

TEST_CASE("node: refuses Node installed from OS packages", "[rewrite][node]") {
    const std::string dockerfile =
        "FROM ubuntu:22.04\n"
        "RUN apt-get update && apt-get install -y nodejs npm\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN npm install\n"
        "CMD [\"node\", \"server.js\"]\n";
    const Files context = {{"package.json", kExpress}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Refused);
    CHECK(out.text == dockerfile);
    CHECK(out.refusals.front().line == 1);
    CHECK(out.refusals.front().reason ==
          "Node comes from ubuntu:22.04 and what the Dockerfile installs, not a node image: its version is "
          "unknown, so no Node runtime can match it");
    CHECK(out.refusals.front().unblock ==
          "build FROM an official node image with a major version, e.g. node:20");
}

TEST_CASE("node: --runtime distroless is refused when the command needs npm", "[rewrite][node]") {
    restage::rewrite::Options options;
    options.runtime = "distroless";
    auto out = rewrite_text(
        "FROM node:20\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN npm ci\n"
        "CMD [\"npm\", \"run\", \"serve\"]\n",
        {{"package.json", R"({"scripts":{"serve":"node a.js && node b.js"},"dependencies":{}})"},
         {"package-lock.json", "{}"}},
        options);
    REQUIRE(out.status == Outcome::Status::Refused);
    CHECK(out.refusals.front().reason ==
          "the distroless runtime (gcr.io/distroless/nodejs20-debian12:nonroot) cannot run this image's "
          "command as written");
}
