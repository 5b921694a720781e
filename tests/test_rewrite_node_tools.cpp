// The Node planner and the programs a command runs: global installs against dependencies.
#include <catch2/catch.hpp>

#include "node_fixtures.hpp"
#include "rewrite/eco_node.hpp"
#include "rewrite_support.hpp"

using restage::rewrite::Outcome;
using restage::test::rewrite_text;
using namespace restage::test;

namespace {

using Files = std::map<std::string, std::string>;

const std::map<std::string, std::string> kGatsby = {
    {"package.json",
     R"({"scripts":{"develop":"gatsby develop"},"dependencies":{"gatsby":"^5.13.0","react":"^18"}})"},
    {"yarn.lock", ""},
    {"gatsby-config.js", ""}};

std::string gatsby_with(const std::string& cmd) {
    return "FROM node:20\n"
           "RUN yarn global add gatsby-cli\n"
           "WORKDIR /app\n"
           "COPY . .\n"
           "RUN yarn install\n"
           "EXPOSE 8000\n"
           "CMD " +
           cmd + "\n";
}

}  // namespace

TEST_CASE(
    "node: the image's PATH finds a global CLI (gatsby from gatsby-cli) before a dependency's executable",
    "[rewrite][node]") {
    auto out = rewrite_text(gatsby_with(R"(["gatsby", "develop", "-H", "0.0.0.0"])"), kGatsby);
    INFO(explain(out));
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text.find("COPY --from=build --chown=node:node /app /app\nRUN yarn global add gatsby-cli\n") !=
          std::string::npos);
    CHECK(find_change(out, "node-global-tools") != nullptr);
}

TEST_CASE(
    "node: inside a package.json script the dependency's executable runs, so no global install is needed",
    "[rewrite][node]") {
    auto out = rewrite_text(gatsby_with(R"(["yarn", "develop"])"), kGatsby);
    INFO(explain(out));
    REQUIRE(out.status == Outcome::Status::Rewritten);
    const std::string runtime = out.text.substr(out.text.rfind("FROM "));
    CHECK(runtime.find("gatsby-cli") == std::string::npos);
    CHECK(find_change(out, "node-global-tools") == nullptr);
}

TEST_CASE("node: a start script that builds (webpack) owns the app folder it writes to", "[rewrite][node]") {
    const std::map<std::string, std::string> context = {
        {"package.json",
         R"({"scripts":{"start":"npm run build && node app.js","build":"webpack"},"dependencies":{"express":"^4","webpack":"^5","webpack-cli":"^5"}})"},
        {"package-lock.json", "{}"}};
    auto out = rewrite_text(
        "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install\nEXPOSE 3000\nCMD [\"npm\", \"run\", "
        "\"start\"]\n",
        context);
    INFO(explain(out));
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text.find("COPY --from=build --chown=node:node /app /app\n") != std::string::npos);
    CHECK(restage::rewrite::node::build_tool({"webpack", "--mode", "production"}) == "webpack");
    CHECK(restage::rewrite::node::build_tool({"next", "build"}) == "next build");
    CHECK(restage::rewrite::node::build_tool({"next", "start"}).empty());
    CHECK(restage::rewrite::node::build_tool({"webpack", "serve"}).empty());
}

TEST_CASE("node: `npm ci` without package-lock.json in the context is refused, not turned into npm install",
          "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:22-alpine\nWORKDIR /app/\nCOPY package.json package-lock.json ./\n"
        "RUN npm ci\nCOPY . .\nCMD [\"node\", \"server.js\"]\n";
    auto out = rewrite_text(dockerfile, {{"package.json", R"({"dependencies":{"express":"^4"}})"},
                                         {"pnpm-lock.yaml", ""},
                                         {"server.js", ""}});
    REQUIRE(out.status == Outcome::Status::Refused);
    CHECK(out.text == dockerfile);
    CHECK(out.refusals.front().line == 4);
    CHECK(out.refusals.front().reason ==
          "line 4 runs `npm ci`, which installs from package-lock.json, and the context has none");
}

TEST_CASE("node: a global tool the command runs (pm2-runtime) is installed in the runtime stage too",
          "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:20\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm ci\n"
        "COPY . .\n"
        "RUN npm install -g pm2\n"
        "EXPOSE 3000\n"
        "CMD [\"pm2-runtime\", \"ecosystem.config.js\"]\n";
    const Files context = {
        {"package.json", kExpress}, {"package-lock.json", "{}"}, {"ecosystem.config.js", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:20 AS build\n"
          "WORKDIR /app\n"
          "COPY package.json package-lock.json ./\n"
          "RUN npm ci\n"
          "COPY . .\n"
          "RUN npm install -g pm2\n"
          "RUN npm prune --omit=dev\n"
          "\n"
          "FROM node:20-slim\n"
          "WORKDIR /app\n"
          "COPY --from=build /app /app\n"
          "RUN npm install -g pm2\n"
          "EXPOSE 3000\n"
          "USER node\n"
          "CMD [\"pm2-runtime\", \"ecosystem.config.js\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"node-split-build", "node-version", "node-keep-npm",
                                                 "node-global-tools", "node-prod-deps", "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
}

TEST_CASE(
    "node: npm-run-all is followed into its scripts; the global pm2 they run is installed in the runtime",
    "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:20\n"
        "RUN npm install -g pm2\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm ci\n"
        "COPY . .\n"
        "CMD [\"npm\", \"start\"]\n";
    const Files context = {
        {"package.json",
         R"({"scripts":{"start":"npm-run-all -s migrate serve","migrate":"node migrate.js","serve":"pm2-runtime app.js"},"dependencies":{"npm-run-all":"^4.1.5","express":"^4"}})"},
        {"package-lock.json", "{}"}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:20 AS build\n"
          "RUN npm install -g pm2\n"
          "WORKDIR /app\n"
          "COPY package.json package-lock.json ./\n"
          "RUN npm ci\n"
          "COPY . .\n"
          "RUN npm prune --omit=dev\n"
          "\n"
          "FROM node:20-slim\n"
          "WORKDIR /app\n"
          "COPY --from=build /app /app\n"
          "RUN npm install -g pm2\n"
          "USER node\n"
          "CMD [\"npm\", \"start\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"node-split-build", "node-version", "node-keep-npm",
                                                 "node-global-tools", "node-prod-deps", "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
    CHECK(reason(out, "node-global-tools") ==
          "`npm start` runs pm2-runtime, installed globally in the build stage, so the runtime stage "
          "runs `npm install -g pm2` too");
}

TEST_CASE("node: an OS package the command runs is installed in the runtime, and the reason names its line",
          "[rewrite][node]") {
    auto out = rewrite_text(
        "FROM node:20-alpine\nWORKDIR /app\nRUN apk add --no-cache tini\nCOPY . .\nRUN npm ci\n"
        "ENTRYPOINT [\"/sbin/tini\", \"--\"]\nCMD [\"node\", \"server.js\"]\n",
        {{"package.json", R"({"dependencies":{"express":"^4"}})"},
         {"package-lock.json", "{}"},
         {"server.js", ""}});
    INFO(explain(out));
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(reason(out, "keep-runtime-packages") ==
          "Keeps tini in the runtime stage, installed as line 3 installs them; the application uses them at "
          "run time");
}
