// The Node planner's runtime: the image it picks for the builder's Node, and how the command runs there.
#include <catch2/catch.hpp>

#include "node_fixtures.hpp"
#include "rewrite/eco_node.hpp"
#include "rewrite_support.hpp"

using restage::rewrite::Outcome;
using restage::test::rewrite_text;
using namespace restage::test;

namespace {

using Files = std::map<std::string, std::string>;

}  // namespace

TEST_CASE("node: npm install and a start script that needs a shell keep npm start on node:20-slim",
          "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:20\n"
        "WORKDIR /usr/src/app\n"
        "COPY . .\n"
        "RUN npm install\n"
        "ENV NODE_ENV=production\n"
        "EXPOSE 8080\n"
        "CMD [\"npm\", \"start\"]\n";
    const Files context = {
        {"package.json",
         R"({"scripts":{"start":"NODE_OPTIONS=--enable-source-maps node server.js"},"dependencies":{"express":"^4"}})"},
        {"server.js", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:20 AS build\n"
          "WORKDIR /usr/src/app\n"
          "COPY package.json ./\n"
          "RUN npm install\n"
          "COPY . .\n"
          "RUN npm prune --omit=dev\n"
          "ENV NODE_ENV=production\n"
          "\n"
          "FROM node:20-slim\n"
          "ENV NODE_ENV=production\n"
          "WORKDIR /usr/src/app\n"
          "COPY --from=build /usr/src/app /usr/src/app\n"
          "EXPOSE 8080\n"
          "USER node\n"
          "CMD [\"npm\", \"start\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"node-split-build", "node-version", "node-keep-npm",
                                                 "deps-before-sources", "node-prod-deps", "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
    CHECK(reason(out, "node-keep-npm") ==
          "`npm start` (line 7) needs a shell and npm, so the runtime is node:20-slim rather than "
          "gcr.io/distroless/nodejs20-debian12:nonroot");
}

TEST_CASE("node: pnpm start whose script is `node index.js` runs node directly on distroless",
          "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:22\n"
        "RUN npm install -g pnpm@9\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN pnpm install --frozen-lockfile\n"
        "EXPOSE 3000\n"
        "CMD [\"pnpm\", \"start\"]\n";
    const Files context = {
        {"package.json", R"({"scripts":{"start":"node index.js"},"dependencies":{"koa":"^2"}})"},
        {"pnpm-lock.yaml", ""},
        {"index.js", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:22 AS build\n"
          "RUN npm install -g pnpm@9\n"
          "WORKDIR /app\n"
          "COPY package.json pnpm-lock.yaml ./\n"
          "RUN pnpm install --frozen-lockfile\n"
          "COPY . .\n"
          "RUN pnpm prune --prod\n"
          "\n"
          "FROM gcr.io/distroless/nodejs22-debian12:nonroot\n"
          "WORKDIR /app\n"
          "COPY --from=build /app /app\n"
          "EXPOSE 3000\n"
          "USER nonroot\n"
          "CMD [\"index.js\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"node-split-build", "node-version", "node-distroless-cmd",
                                                 "node-skip-npm", "deps-before-sources", "node-prod-deps",
                                                 "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
    CHECK(reason(out, "node-skip-npm") ==
          "`pnpm start` runs package.json's start script, `node index.js`; "
          "gcr.io/distroless/nodejs22-debian12:nonroot has "
          "no pnpm, so node runs it directly (without pnpm's npm_* environment variables)");
}

TEST_CASE("node: Next.js in server mode (`next start`) is a Node app, kept on a node image with npm",
          "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:20-slim\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN npm ci\n"
        "RUN npm run build\n"
        "EXPOSE 3000\n"
        "CMD [\"npm\", \"start\"]\n";
    const Files context = {
        {"package.json",
         R"({"scripts":{"build":"next build","start":"next start"},"dependencies":{"next":"14.2.0","react":"18","react-dom":"18"}})"},
        {"package-lock.json", "{}"},
        {"next.config.js", "module.exports = {}\n"},
        {"pages/index.js", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:20-slim AS build\n"
          "WORKDIR /app\n"
          "COPY package.json package-lock.json ./\n"
          "RUN npm ci\n"
          "COPY . .\n"
          "RUN npm run build\n"
          "RUN npm prune --omit=dev\n"
          "\n"
          "FROM node:20-slim\n"
          "WORKDIR /app\n"
          "COPY --from=build --chown=node:node /app /app\n"
          "EXPOSE 3000\n"
          "USER node\n"
          "CMD [\"npm\", \"start\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"node-split-build", "node-version", "node-keep-npm",
                                                 "deps-before-sources", "node-prod-deps", "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
    CHECK(out.detection.ecosystem == restage::detect::Ecosystem::Node);
}

TEST_CASE("node: tini from apk and an ENTRYPOINT keep an alpine runtime with tini installed",
          "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:20-alpine\n"
        "RUN apk add --no-cache tini\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN npm ci\n"
        "ENTRYPOINT [\"/sbin/tini\", \"--\"]\n"
        "CMD [\"node\", \"server.js\"]\n";
    const Files context = {{"package.json", kExpress}, {"package-lock.json", "{}"}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:20-alpine AS build\n"
          "RUN apk add --no-cache tini\n"
          "WORKDIR /app\n"
          "COPY package.json package-lock.json ./\n"
          "RUN npm ci\n"
          "COPY . .\n"
          "RUN npm prune --omit=dev\n"
          "\n"
          "FROM node:20-alpine\n"
          "WORKDIR /app\n"
          "COPY --from=build /app /app\n"
          "RUN apk add --no-cache tini\n"
          "USER node\n"
          "ENTRYPOINT [\"/sbin/tini\", \"--\"]\n"
          "CMD [\"node\", \"server.js\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"node-split-build", "node-version", "node-keep-npm",
                                                 "deps-before-sources", "node-prod-deps",
                                                 "keep-runtime-packages", "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
}

TEST_CASE("node: a shell-form HEALTHCHECK keeps a runtime with a shell", "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:22-slim\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN npm ci\n"
        "HEALTHCHECK CMD node healthcheck.js || exit 1\n"
        "CMD node server.js\n";
    const Files context = {{"package.json", kExpress}, {"package-lock.json", "{}"}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:22-slim AS build\n"
          "WORKDIR /app\n"
          "COPY package.json package-lock.json ./\n"
          "RUN npm ci\n"
          "COPY . .\n"
          "RUN npm prune --omit=dev\n"
          "\n"
          "FROM node:22-slim\n"
          "WORKDIR /app\n"
          "COPY --from=build /app /app\n"
          "HEALTHCHECK CMD node healthcheck.js || exit 1\n"
          "USER node\n"
          "CMD node server.js\n");
    CHECK(rules(out) == std::vector<std::string>{"node-split-build", "node-version", "node-keep-npm",
                                                 "deps-before-sources", "node-prod-deps", "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
}

TEST_CASE("node: without CMD or ENTRYPOINT the runtime is a node image with the same default",
          "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:20\n"
        "COPY . /app\n"
        "WORKDIR /app\n"
        "RUN [\"npm\", \"install\"]\n";
    const Files context = {{"package.json", kExpress}, {"index.js", "\n"}};
    auto out = rewrite_text(dockerfile, context);
    INFO(explain(out));
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:20 AS build\n"
          "COPY package.json /app/\n"
          "RUN cd /app && npm install\n"
          "COPY . /app\n"
          "WORKDIR /app\n"
          "\n"
          "FROM node:20-slim\n"
          "WORKDIR /app\n"
          "COPY --from=build /app /app\n"
          "USER node\n");
    REQUIRE(find_change(out, "node-image-command") != nullptr);
    CHECK(find_change(out, "node-image-command")->reason ==
          "There is no CMD or ENTRYPOINT, so node:20-slim, a node image, runs the same default command as "
          "node:20");
    REQUIRE(find_change(out, "node-dev-deps-kept") != nullptr);
}

TEST_CASE("node: a moving builder tag runs on the runtime tag that moves with it", "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:lts-alpine\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN npm ci\n"
        "CMD [\"node\", \"server.js\"]\n";
    const Files context = {{"package.json", kExpress}, {"package-lock.json", "{}"}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.runtime_image == "node:lts-alpine");
    std::string latest = dockerfile;
    latest.replace(0, 20, "FROM node");
    out = rewrite_text(latest, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.runtime_image == "node:slim");
}

TEST_CASE("node: --runtime slim is honoured even where distroless would do", "[rewrite][node]") {
    restage::rewrite::Options options;
    options.runtime = "slim";
    auto out = rewrite_text(
        "FROM node:20\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN npm ci\n"
        "CMD [\"node\", \"server.js\"]\n",
        {{"package.json", kExpress}, {"package-lock.json", "{}"}}, options);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.runtime_image == "node:20-slim");
    CHECK(out.text.ends_with("USER node\nCMD [\"node\", \"server.js\"]\n"));
    CHECK(rules(out) == std::vector<std::string>{"node-split-build", "node-version", "deps-before-sources",
                                                 "node-prod-deps", "runtime-nonroot"});
}

TEST_CASE("node: the Node major of a node image tag", "[rewrite][node]") {
    using restage::rewrite::node::node_major;
    bool node_image = false;
    CHECK(node_major("node:20-alpine3.19", node_image) == "20");
    CHECK(node_image);
    CHECK(node_major("docker.io/library/node:18.19.1-bookworm-slim", node_image) == "18");
    CHECK(node_major("node:iron", node_image) == "20");
    CHECK(node_major("node:lts-alpine", node_image) == "lts");
    CHECK(node_major("node", node_image) == "current");
    CHECK(node_major("node:alpine3.19", node_image) == "current");
    CHECK(node_major("node:chakracore", node_image).empty());
    CHECK(node_major("node:20@sha256:abcd", node_image) == "20");
    CHECK(node_major("ubuntu:22.04", node_image).empty());
    CHECK_FALSE(node_image);
}
