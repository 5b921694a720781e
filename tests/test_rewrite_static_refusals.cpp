// The static-site planner's refusals: no build, nothing serving it, a folder or option it cannot follow.
#include <catch2/catch.hpp>

#include "rewrite_support.hpp"
#include "static_fixtures.hpp"

using restage::rewrite::Outcome;
using restage::test::rewrite_text;
using namespace restage::test;

namespace {

using Files = std::map<std::string, std::string>;

}  // namespace

TEST_CASE("static: refuses serving a folder other than the one angular.json says the build writes",
          "[rewrite][static]") {
    const std::string dockerfile =
        "FROM node:20-alpine\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN npm ci && npm run build\n"
        "EXPOSE 8080\n"
        "CMD [\"npx\", \"http-server\", \"dist/store/browser\", \"-p\", \"8080\"]\n";
    const Files context = {{"package.json", kNg},
                           {"package-lock.json", "{}"},
                           {"angular.json", kAngularJson},
                           {"src/index.html", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Refused);
    CHECK(out.text == dockerfile);
    CHECK(out.refusals.front().line == 6);
    CHECK(out.refusals.front().reason ==
          "`http-server dist/store/browser -p 8080` serves /app/dist/store/browser, but the build (line 4) "
          "writes /app/dist/shop/browser");
    CHECK(out.refusals.front().unblock == "serve the folder the build writes, or pass --artifact DIR");
}

TEST_CASE("static: refuses `hugo server` with no build in the image", "[rewrite][static]") {
    const std::string dockerfile =
        "FROM alpine:3.19\n"
        "RUN apk add --no-cache hugo\n"
        "WORKDIR /site\n"
        "COPY . .\n"
        "EXPOSE 1313\n"
        "CMD [\"hugo\", \"server\", \"--bind\", \"0.0.0.0\"]\n";
    const Files context = {{"hugo.toml", "title = 'x'\n"}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Refused);
    CHECK(out.text == dockerfile);
    CHECK(out.refusals.front().line == 6);
    CHECK(out.refusals.front().reason ==
          "`hugo server --bind 0.0.0.0` builds the site when the container starts: there is no build in the "
          "image to separate from serving");
    CHECK(out.refusals.front().unblock ==
          "build the site in a RUN (e.g. RUN hugo) before the command, then run restage again");
}

TEST_CASE("static: refuses a build with nothing that serves it", "[rewrite][static]") {
    const std::string dockerfile =
        "FROM node:20-alpine\n"
        "RUN npm install -g @angular/cli\n"
        "WORKDIR /app\n"
        "COPY . /app\n"
        "RUN npm install\n"
        "RUN ng build\n";
    const Files context = {{"package.json", kNg},
                           {"package-lock.json", "{}"},
                           {"angular.json", kAngularJson},
                           {"src/index.html", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Refused);
    CHECK(out.text == dockerfile);
    CHECK(out.refusals.front().line == 0);
    CHECK(out.refusals.front().reason ==
          "no CMD or ENTRYPOINT: the image runs its base image's default command, which serves nothing");
    CHECK(out.refusals.front().unblock ==
          "add a CMD that serves the site, e.g. CMD [\"serve\", \"-s\", \"build\"]");
}

TEST_CASE("static: refuses a serve option it does not understand", "[rewrite][static]") {
    const std::string dockerfile =
        "FROM node:20\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN npm ci && npm run build\n"
        "CMD [\"npx\", \"serve\", \"-c\", \"serve.json\", \"build\"]\n";
    const Files context = {{"package.json", kCra}, {"package-lock.json", "{}"}, {"public/index.html", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Refused);
    CHECK(out.text == dockerfile);
    CHECK(out.refusals.front().line == 5);
    CHECK(out.refusals.front().reason ==
          "`serve -c serve.json build`: restage does not know what serve's option -c does to the site, so "
          "nginx could serve it differently");
    CHECK(out.refusals.front().unblock == "drop the option, then run restage again");
}

TEST_CASE("static: refuses serving a folder that neither the build nor the context provides",
          "[rewrite][static]") {
    const std::string dockerfile =
        "FROM node:20\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "CMD [\"npx\", \"serve\", \"build\"]\n";
    const Files context = {{"package.json", kCra}, {"package-lock.json", "{}"}, {"public/index.html", ""}};
    auto out = rewrite_text(dockerfile, context);
    REQUIRE(out.status == Outcome::Status::Refused);
    CHECK(out.text == dockerfile);
    CHECK(out.refusals.front().line == 4);
    CHECK(out.refusals.front().reason ==
          "`serve build` serves /app/build, which no build in the Dockerfile writes and the context does not "
          "have");
    CHECK(out.refusals.front().unblock ==
          "build the site in the Dockerfile, or run restage where the folder exists");
}
