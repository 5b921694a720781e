// The Go planner: what it ships, how it builds, when it refuses.
#include <catch2/catch.hpp>

#include "rewrite_support.hpp"

using restage::rewrite::Outcome;
using restage::test::rewrite_text;

namespace {
const std::map<std::string, std::string> kGoContext = {
    {"go.mod", "module example.com/hello\n\ngo 1.22\n"}, {"go.sum", ""}, {"main.go", "package main\n"}};
}

TEST_CASE("go: a tutorial Dockerfile becomes a distroless two-stage build", "[rewrite][go]") {
    auto out = rewrite_text(
        "FROM golang:1.22\n"
        "WORKDIR /app\n"
        "COPY . .\n"
        "RUN go mod download\n"
        "RUN go build -o main .\n"
        "EXPOSE 8080\n"
        "CMD [\"./main\"]\n",
        kGoContext);
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text ==
          "FROM golang:1.22 AS build\n"
          "WORKDIR /app\n"
          "COPY go.mod go.sum ./\n"
          "RUN go mod download\n"
          "COPY . .\n"
          "ENV CGO_ENABLED=0\n"
          "RUN go build -o main .\n"
          "\n"
          "FROM gcr.io/distroless/static-debian12:nonroot\n"
          "WORKDIR /app\n"
          "COPY --from=build /app/main /app/main\n"
          "EXPOSE 8080\n"
          "USER nonroot\n"
          "CMD [\"./main\"]\n");
}

TEST_CASE("go: `cd DIR && go install` names the binary after DIR in GOPATH mode", "[rewrite][go]") {
    const std::string dockerfile =
        "FROM golang:1.8\nCOPY . /go/src/gateway\nRUN cd /go/src/gateway && go install\n"
        "EXPOSE 8080\nCMD [\"/go/bin/gateway\"]\n";
    auto out = rewrite_text(dockerfile, {{"main.go", "package main\n"}});
    INFO(restage::test::explain(out));
    REQUIRE(out.status == Outcome::Status::Rewritten);
    CHECK(out.text.find("COPY --from=build /go/bin/gateway /go/bin/gateway\n") != std::string::npos);
}
