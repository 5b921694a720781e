// The Node planner with an app in / (no WORKDIR): the builder works in /app, the runtime gets its
// contents in /, unless something in the build names / or a folder of it by absolute path.
#include <catch2/catch.hpp>

#include "rewrite_support.hpp"

using restage::rewrite::Outcome;
using restage::test::rewrite_text;
using namespace restage::test;

namespace {

using Files = std::map<std::string, std::string>;

const std::string kNest =
    R"({"name":"api","scripts":{"build":"nest build","start:prod":"node dist/main"},)"
    R"("dependencies":{"@nestjs/core":"^10.0.0"},"devDependencies":{"@nestjs/cli":"^10.0.0"}})";

const std::string kUnblock =
    "set a WORKDIR (e.g. WORKDIR /app) before copying the sources, or pass --artifact DIR";

}  // namespace

TEST_CASE("node: an app in / builds in /app and the runtime gets its contents in /", "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:18-alpine\n"
        "COPY . .\n"
        "RUN npm install && npm run build\n"
        "RUN rm -rf /var/cache/apk/* /tmp/*\n"
        "CMD [ \"node\", \"dist/main.js\" ]\n";
    const Files context = {{"package.json", kNest}, {"package-lock.json", "{}"}, {"src/main.ts", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:18-alpine AS build\n"
          "WORKDIR /app\n"
          "COPY package.json package-lock.json ./\n"
          "RUN npm ci\n"
          "COPY . .\n"
          "RUN npm run build\n"
          "RUN rm -rf /var/cache/apk/* /tmp/*\n"
          "RUN npm prune --omit=dev\n"
          "\n"
          "FROM node:18-alpine\n"
          "COPY --from=build /app /\n"
          "USER node\n"
          "CMD [ \"node\", \"dist/main.js\" ]\n");
    CHECK(rules(out) == std::vector<std::string>{"node-split-build", "node-version", "node-app-folder",
                                                 "node-keep-npm", "deps-before-sources", "node-prod-deps",
                                                 "runtime-nonroot"});
    CHECK(reason(out, "node-app-folder") ==
          "The app is in / (there is no WORKDIR), so the builder works in /app and the runtime gets that "
          "folder's contents in /, where the original had them; shipping / itself would copy the builder's "
          "whole file system");
    CHECK(again(out, context) == Outcome::Status::Unchanged);
}

TEST_CASE("node: an app in / on distroless keeps / as the working directory", "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:20\n"
        "COPY package.json package-lock.json ./\n"
        "RUN npm ci\n"
        "COPY server.js .\n"
        "CMD [\"node\", \"server.js\"]\n";
    const Files context = {{"package.json", R"({"name":"api","dependencies":{"express":"^4.19.0"}})"},
                           {"package-lock.json", "{}"},
                           {"server.js", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM node:20 AS build\n"
          "WORKDIR /app\n"
          "COPY package.json package-lock.json ./\n"
          "RUN npm ci\n"
          "COPY server.js .\n"
          "RUN npm prune --omit=dev\n"
          "\n"
          "FROM gcr.io/distroless/nodejs20-debian12:nonroot\n"
          "COPY --from=build /app /\n"
          "WORKDIR /\n"
          "USER nonroot\n"
          "CMD [\"server.js\"]\n");
    CHECK(again(out, context) == Outcome::Status::Unchanged);
}

TEST_CASE("node: an app in / is refused when moving its build to /app could change it", "[rewrite][node]") {
    const Files context = {{"package.json", kNest}, {"src/main.ts", ""}};
    struct Case {
        std::string lines;  // after FROM node:20 and before CMD
        Files extra;
        std::string why;
    };
    const std::vector<Case> cases = {
        {"COPY . /\nRUN npm install\n", {}, "line 2 copies to /, an absolute path"},
        {"COPY . .\nRUN npm install && node /scripts/seed.js\n", {}, "line 3 names /scripts"},
        {"COPY . .\nRUN cd / && npm install\n", {}, "line 3 names /"},
        {"COPY . .\nENV PATH=/node_modules/.bin:$PATH\nRUN npm install\n", {}, "line 3 names /node_modules"},
        {"COPY . .\nRUN npm install\n",
         {{"etc/app.conf", ""}},
         "the context's etc/ folder is merged into the image's /etc"},
        {"WORKDIR /\nCOPY . .\nRUN npm install\n", {}, "WORKDIR / puts it there on purpose"},
    };
    for (const auto& c : cases) {
        const std::string dockerfile = "FROM node:20\n" + c.lines + "CMD [\"node\", \"dist/main.js\"]\n";
        Files files = context;
        files.insert(c.extra.begin(), c.extra.end());
        auto out = rewrite_text(dockerfile, files);
        INFO(dockerfile);
        REQUIRE(out.status == Outcome::Status::Refused);
        CHECK(out.text == dockerfile);
        CHECK(
            out.refusals.front().reason ==
            "the app is in / (there is no WORKDIR), and building it in a folder of its own could change the "
            "build: " +
                c.why);
        CHECK(out.refusals.front().unblock == kUnblock);
    }
}

TEST_CASE("node: sources copied to / before WORKDIR /app are not an app in /app", "[rewrite][node]") {
    const std::string dockerfile =
        "FROM node:20-slim\n"
        "COPY . .\n"
        "WORKDIR /app\n"
        "RUN npm install -g @google/clasp@2.3.1\n"
        "USER node\n";
    auto out = rewrite_text(dockerfile, {{"package.json", kNest}, {"package-lock.json", "{}"}});
    REQUIRE(out.status == Outcome::Status::Refused);
    CHECK(out.text == dockerfile);
    CHECK(out.refusals.front().reason == "no COPY or ADD brings the app into /app: its files are not in the image");
}
