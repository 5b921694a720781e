// The final stage's user: non-root by default, root kept where only root can run the app.
#include <catch2/catch.hpp>

#include "rewrite_support.hpp"

using restage::rewrite::Outcome;
using restage::test::rewrite_text;
using namespace restage::test;

namespace {

const std::map<std::string, std::string> kGo = {{"go.mod", "module example.com/redirect\n\ngo 1.22\n"},
                                                {"main.go", "package main\n\nfunc main() {}\n"}};

std::string go_exposing(const std::string& ports, const std::string& user = "") {
    return "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /redirect .\n" + user +
           "EXPOSE " + ports + "\nCMD [\"/redirect\"]\n";
}

}  // namespace

TEST_CASE("user: a port below 1024 keeps root, and says why", "[rewrite][user]") {
    for (const std::string ports : {"80", "8080 443/tcp", "53/udp"}) {
        auto out = rewrite_text(go_exposing(ports), kGo);
        INFO(explain(out));
        REQUIRE(out.status == Outcome::Status::Rewritten);
        // distroless:nonroot starts as nonroot: the stage says root.
        CHECK(out.text.find("USER root\nCMD") != std::string::npos);
        CHECK(out.text.find("USER nonroot") == std::string::npos);
        CHECK(find_change(out, "runtime-nonroot") == nullptr);
        std::string port = ports == "80" ? "80" : ports == "53/udp" ? "53" : "443";
        CHECK(reason(out, "low-port-root-kept") ==
              "Keeps running as root, because the image exposes port " + port +
                  ", below 1024, which only root may bind where the kernel's default stands (Kubernetes, "
                  "Docker "
                  "before 20.10); serve on a port of 1024 or more to run it as a non-root user");
        CHECK(again(out, kGo) == Outcome::Status::Unchanged);
    }
}

TEST_CASE("user: ports of 1024 or more run as non-root", "[rewrite][user]") {
    auto out = rewrite_text(go_exposing("8080 1024"), kGo);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text.find("USER nonroot\n") != std::string::npos);
    CHECK(find_change(out, "low-port-root-kept") == nullptr);
}

TEST_CASE("user: what the original gave its non-root user stays writable by the runtime's",
          "[rewrite][user]") {
    const std::map<std::string, std::string> context = {
        {"package.json", R"({"dependencies":{"express":"^4"}})"},
        {"package-lock.json", "{}"},
        {"server.js", ""}};
    const std::string chowned =
        "FROM node:20-slim\nWORKDIR /home/node/app\nCOPY . .\nRUN npm ci && chown -R node:node "
        "/home/node/app\nUSER node\nCMD [\"node\", \"server.js\"]\n";
    auto out = rewrite_text(chowned, context);
    INFO(explain(out));
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text.find("COPY --from=build --chown=nonroot:nonroot /home/node/app /home/node/app\n") !=
          std::string::npos);

    // As root, the original's chown gave nothing the app used: the copy stays root's.
    std::string as_root = chowned;
    as_root.erase(as_root.find("USER node\n"), 10);
    auto root = rewrite_text(as_root, context);
    REQUIRE(root.status == Outcome::Status::Rewritten);
    CHECK(root.text.find("COPY --from=build /home/node/app /home/node/app\n") != std::string::npos);
}

TEST_CASE("size: the explanation says when the runtime is no smaller", "[rewrite]") {
    auto out =
        rewrite_text("FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"npm\", \"start\"]\n",
                     {{"package.json", R"({"scripts":{"start":"node server.js"},"dependencies":{}})"},
                      {"package-lock.json", "{}"},
                      {"server.js", ""}});
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(reason(out, "node-split-build") ==
          "Builds in node:20-alpine and runs /app on node:20-alpine (about 45 MB, as before)");
}
