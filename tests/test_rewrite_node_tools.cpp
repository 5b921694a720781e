// The Node planner and the programs a command runs: global installs against dependencies.
#include <catch2/catch.hpp>

#include "rewrite_support.hpp"

using restage::rewrite::Outcome;
using restage::test::rewrite_text;
using namespace restage::test;

namespace {

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
