// The Node planner's install: manifests first, the package manager's commands, which dependencies ship.
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

TEST_CASE("node: npm ci and `node server.js` run on distroless with production dependencies only",
          "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:20\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN npm ci\n"
        "EXPOSE 3000\n"
        "CMD [\"node\", \"server.js\"]\n";
    const Files context = {{"package.json", kExpress}, {"package-lock.json", "{}"}, {"server.js", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:20 AS build\n"
          "WORKDIR /app\n"
          "COPY package.json package-lock.json ./\n"
          "RUN npm ci\n"
          "COPY . .\n"
          "RUN npm prune --omit=dev\n"
          "\n"
          "FROM gcr.io/distroless/nodejs20-debian12:nonroot\n"
          "WORKDIR /app\n"
          "COPY --from=build /app /app\n"
          "EXPOSE 3000\n"
          "USER nonroot\n"
          "CMD [\"server.js\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"node-split-build", "node-version", "node-distroless-cmd",
                                                 "deps-before-sources", "node-prod-deps", "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
    CHECK(reason(out, "node-distroless-cmd") ==
          "gcr.io/distroless/nodejs20-debian12:nonroot starts node as its ENTRYPOINT, so `node server.js` "
          "(line 6) becomes "
          "CMD [\"server.js\"]");
}

TEST_CASE(
    "node: yarn with yarn.lock installs frozen first and prunes with yarn; an alpine builder keeps alpine",
    "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:20-alpine\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN yarn install --frozen-lockfile\n"
        "RUN yarn build\n"
        "EXPOSE 3000\n"
        "CMD [\"yarn\", \"start\"]\n";
    const Files context = {
        {"package.json",
         R"({"scripts":{"build":"tsc","start":"node dist/main.js"},"dependencies":{"fastify":"^4"},"devDependencies":{"typescript":"^5"}})"},
        {"yarn.lock", ""},
        {"tsconfig.json", "{}"},
        {"src/main.ts", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:20-alpine AS build\n"
          "WORKDIR /app\n"
          "COPY package.json yarn.lock ./\n"
          "RUN yarn install --frozen-lockfile\n"
          "COPY . .\n"
          "RUN yarn build\n"
          "RUN yarn install --production --frozen-lockfile --ignore-scripts --prefer-offline\n"
          "\n"
          "FROM node:20-alpine\n"
          "WORKDIR /app\n"
          "COPY --from=build /app /app\n"
          "EXPOSE 3000\n"
          "USER node\n"
          "CMD [\"yarn\", \"start\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"node-split-build", "node-version", "node-keep-npm",
                                                 "deps-before-sources", "node-prod-deps", "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
}

TEST_CASE("node: a TypeScript build to dist, then `node dist/index.js`; manifests already come first",
          "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:20-bookworm\n"
        "WORKDIR /app\n"
        "COPY package*.json ./\n"
        "RUN npm ci\n"
        "COPY . .\n"
        "RUN npm run build\n"
        "EXPOSE 3000\n"
        "USER node\n"
        "CMD [\"node\", \"dist/index.js\"]\n";
    const Files context = {
        {"package.json",
         R"({"scripts":{"build":"tsc -p .","start":"node dist/index.js"},"dependencies":{"express":"^4"},"devDependencies":{"typescript":"^5","@types/express":"^4"}})"},
        {"package-lock.json", "{}"},
        {"tsconfig.json", "{}"}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:20-bookworm AS build\n"
          "WORKDIR /app\n"
          "COPY package*.json ./\n"
          "RUN npm ci\n"
          "COPY . .\n"
          "RUN npm run build\n"
          "RUN npm prune --omit=dev\n"
          "\n"
          "FROM gcr.io/distroless/nodejs20-debian12:nonroot\n"
          "WORKDIR /app\n"
          "COPY --from=build /app /app\n"
          "EXPOSE 3000\n"
          "USER nonroot\n"
          "CMD [\"dist/index.js\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"node-split-build", "node-version", "node-distroless-cmd",
                                                 "node-prod-deps", "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
}

TEST_CASE("node: an install that starts the build RUN moves before the sources and leaves the build",
          "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:20\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN npm ci && \\\n"
        "    npm run build\n"
        "CMD [\"node\", \"dist/index.js\"]\n";
    const Files context = {
        {"package.json",
         R"({"scripts":{"build":"tsc"},"dependencies":{"express":"^4"},"devDependencies":{"typescript":"^5"}})"},
        {"package-lock.json", "{}"}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:20 AS build\n"
          "WORKDIR /app\n"
          "COPY package.json package-lock.json ./\n"
          "RUN npm ci\n"
          "COPY . .\n"
          "RUN npm run build\n"
          "RUN npm prune --omit=dev\n"
          "\n"
          "FROM gcr.io/distroless/nodejs20-debian12:nonroot\n"
          "WORKDIR /app\n"
          "COPY --from=build /app /app\n"
          "USER nonroot\n"
          "CMD [\"dist/index.js\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"node-split-build", "node-version", "node-distroless-cmd",
                                                 "deps-before-sources", "node-prod-deps", "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
}

TEST_CASE("node: a start script that runs a devDependency keeps development dependencies",
          "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:20\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN npm ci\n"
        "CMD [\"npm\", \"start\"]\n";
    const Files context = {
        {"package.json",
         R"({"scripts":{"start":"nodemon server.js"},"dependencies":{"express":"^4"},"devDependencies":{"nodemon":"^3"}})"},
        {"package-lock.json", "{}"}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:20 AS build\n"
          "WORKDIR /app\n"
          "COPY package.json package-lock.json ./\n"
          "RUN npm ci\n"
          "COPY . .\n"
          "\n"
          "FROM node:20-slim\n"
          "WORKDIR /app\n"
          "COPY --from=build /app /app\n"
          "USER node\n"
          "CMD [\"npm\", \"start\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"node-split-build", "node-version", "node-keep-npm",
                                                 "deps-before-sources", "node-dev-deps-kept",
                                                 "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
    CHECK(reason(out, "node-dev-deps-kept") ==
          "Keeps development dependencies: the command runs nodemon from devDependencies");
}

TEST_CASE("node: without a WORKDIR the folder `COPY .` fills is shipped, and prune runs there",
          "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:20\n"
        "COPY . /srv/app\n"
        "RUN cd /srv/app && npm install\n"
        "CMD node /srv/app/server.js\n";
    const Files context = {{"package.json", kExpress}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:20 AS build\n"
          "COPY . /srv/app\n"
          "RUN cd /srv/app && npm install\n"
          "RUN cd /srv/app && npm prune --omit=dev\n"
          "\n"
          "FROM gcr.io/distroless/nodejs20-debian12:nonroot\n"
          "COPY --from=build /srv/app /srv/app\n"
          "WORKDIR /\n"
          "USER nonroot\n"
          "CMD [\"/srv/app/server.js\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"node-split-build", "node-version", "node-distroless-cmd",
                                                 "node-deps-in-place", "node-prod-deps", "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
    CHECK(reason(out, "node-deps-in-place") ==
          "Leaves `npm install` (line 3) after the sources: it shares its RUN with other commands");
}

TEST_CASE("node: a postinstall script keeps the install after the sources", "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:20\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN npm ci\n"
        "CMD [\"node\", \"server.js\"]\n";
    const Files context = {
        {"package.json",
         R"({"scripts":{"postinstall":"node scripts/setup.js"},"dependencies":{"express":"^4"}})"},
        {"package-lock.json", "{}"}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:20 AS build\n"
          "WORKDIR /app\n"
          "COPY . .\n"
          "RUN npm ci\n"
          "RUN npm prune --omit=dev\n"
          "\n"
          "FROM gcr.io/distroless/nodejs20-debian12:nonroot\n"
          "WORKDIR /app\n"
          "COPY --from=build /app /app\n"
          "USER nonroot\n"
          "CMD [\"server.js\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"node-split-build", "node-version", "node-distroless-cmd",
                                                 "node-deps-in-place", "node-prod-deps", "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
}

TEST_CASE("node: a development server (`next dev`) keeps development dependencies and owns the app",
          "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:22\n"
        "WORKDIR /app\n"
        "COPY package.json yarn.lock ./\n"
        "RUN yarn install\n"
        "COPY . .\n"
        "EXPOSE 3000\n"
        "CMD [\"yarn\", \"dev\"]\n";
    const Files context = {
        {"package.json",
         R"({"scripts":{"dev":"next dev","build":"next build"},"dependencies":{"next":"14.2.0","react":"18"},"devDependencies":{"typescript":"^5"}})"},
        {"yarn.lock", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:22 AS build\n"
          "WORKDIR /app\n"
          "COPY package.json yarn.lock ./\n"
          "RUN yarn install\n"
          "COPY . .\n"
          "\n"
          "FROM node:22-slim\n"
          "WORKDIR /app\n"
          "COPY --from=build --chown=node:node /app /app\n"
          "EXPOSE 3000\n"
          "USER node\n"
          "CMD [\"yarn\", \"dev\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"node-split-build", "node-version", "node-keep-npm",
                                                 "node-dev-deps-kept", "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
    CHECK(reason(out, "node-dev-deps-kept") ==
          "Keeps development dependencies: the command runs a development server (`next dev`)");
}

TEST_CASE("node: an app copied file by file that installs production dependencies only needs no prune",
          "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:22-alpine\n"
        "WORKDIR /app\n"
        "COPY package.json package-lock.json index.js ./\n"
        "RUN npm ci --omit=dev\n"
        "CMD [\"node\", \"index.js\"]\n";
    const Files context = {{"package.json", kExpress}, {"package-lock.json", "{}"}, {"index.js", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:22-alpine AS build\n"
          "WORKDIR /app\n"
          "COPY package.json package-lock.json ./\n"
          "RUN npm ci --omit=dev\n"
          "COPY package.json package-lock.json index.js ./\n"
          "\n"
          "FROM node:22-alpine\n"
          "WORKDIR /app\n"
          "COPY --from=build /app /app\n"
          "USER node\n"
          "CMD [\"node\", \"index.js\"]\n");
    CHECK(rules(out) == std::vector<std::string>{"node-split-build", "node-version", "node-keep-npm",
                                                 "deps-before-sources", "runtime-nonroot"});
    CHECK(again(out, context) == Outcome::Status::Unchanged);
}

TEST_CASE("node: --cache-mounts mounts the package manager's cache on the moved install", "[rewrite][node]") {
    restage::rewrite::Options options;
    options.cache_mounts = true;
    auto out = rewrite_text(
        "FROM node:20\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN npm ci\n"
        "CMD [\"node\", \"server.js\"]\n",
        {{"package.json", kExpress}, {"package-lock.json", "{}"}}, options);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text.find("COPY package.json package-lock.json ./\nRUN --mount=type=cache,target=/root/.npm "
                        "npm ci\nCOPY . .\n") != std::string::npos);
    CHECK(
        reason(out, "cache-mounts") ==
        "Mounts /root/.npm as BuildKit caches, so downloads survive across builds without entering a layer");
}

TEST_CASE("node: npm commands for old npm (npm ci needs Node 10, --omit=dev Node 15)", "[rewrite][node]") {
    using restage::rewrite::node::npm_for;
    CHECK(npm_for("npm ci", "8") == "npm install");
    CHECK(npm_for("npm ci --legacy-peer-deps", "8") == "npm install --legacy-peer-deps");
    CHECK(npm_for("npm prune --omit=dev", "14") == "npm prune --production");
    CHECK(npm_for("npm prune --omit=dev", "20") == "npm prune --omit=dev");
    CHECK(npm_for("npm ci", "") == "npm ci");
    CHECK(npm_for("yarn install --production", "8") == "yarn install --production");
}
