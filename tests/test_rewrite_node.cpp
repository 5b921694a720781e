// The Node planner: what it ships, how it installs, which runtime it picks, when it refuses.
#include <catch2/catch.hpp>

#include <algorithm>

#include "rewrite/eco_node.hpp"
#include "rewrite_support.hpp"

using restage::rewrite::Outcome;
using restage::test::rewrite_text;
using namespace restage::test;

namespace {

using Files = std::map<std::string, std::string>;

const std::string kExpress =
    R"({"name":"api","scripts":{"start":"node server.js"},"dependencies":{"express":"^4.19.0"}})";

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

TEST_CASE("node: a development server (`next dev`) keeps development dependencies and owns the app", "[rewrite][node]") {
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

TEST_CASE("node: without CMD or ENTRYPOINT the runtime is a node image with the same default", "[rewrite][node]") {
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
          "There is no CMD or ENTRYPOINT, so node:20-slim, a node image, runs the same default command as node:20");
    REQUIRE(find_change(out, "node-dev-deps-kept") != nullptr);
}

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
          "node:chakracore is a tag restage does not know: the Node major it brings is unknown, so no runtime can "
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
          "Node 0.12 (from the builder image node:0.12): the runtime catalogue has no Node 0.12 runtime (it has "
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

TEST_CASE("node: npm commands for old npm (npm ci needs Node 10, --omit=dev Node 15)", "[rewrite][node]") {
    using restage::rewrite::node::npm_for;
    CHECK(npm_for("npm ci", "8") == "npm install");
    CHECK(npm_for("npm ci --legacy-peer-deps", "8") == "npm install --legacy-peer-deps");
    CHECK(npm_for("npm prune --omit=dev", "14") == "npm prune --production");
    CHECK(npm_for("npm prune --omit=dev", "20") == "npm prune --omit=dev");
    CHECK(npm_for("npm ci", "") == "npm ci");
    CHECK(npm_for("yarn install --production", "8") == "yarn install --production");
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
