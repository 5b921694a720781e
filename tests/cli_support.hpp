// Helpers for end-to-end tests: a temp folder, and the built restage binary run in it.
#pragma once

#include <stdlib.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "json_value.hpp"

namespace restage::test {

namespace fs = std::filesystem;

/// A Go Dockerfile restage rewrites (with go_project's go.mod and go.sum beside it)...
inline constexpr const char* kGoDockerfile =
    "FROM golang:1.22\n"
    "WORKDIR /app\n"
    "COPY . .\n"
    "RUN go mod download\n"
    "RUN go build -o main .\n"
    "EXPOSE 8080\n"
    "CMD [\"./main\"]\n";

/// ...and its rewrite.
inline constexpr const char* kGoRewritten =
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
    "CMD [\"./main\"]\n";

/// A temp folder holding a `.restage.yaml` with `root: true`, so no config above it is read.
class Sandbox {
public:
    Sandbox() {
        std::string tmpl = (fs::temp_directory_path() / "restage-cli-XXXXXX").string();
        REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
        path_ = tmpl;
        write(".restage.yaml", "root: true\n");
    }
    Sandbox(const Sandbox&) = delete;
    Sandbox& operator=(const Sandbox&) = delete;
    ~Sandbox() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }
    void write(const std::string& name, std::string_view bytes) const {
        fs::create_directories((path_ / name).parent_path());
        std::ofstream out(path_ / name, std::ios::binary);
        out << bytes;
    }
    std::string read(const std::string& name) const {
        std::ifstream in(path_ / name, std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }

private:
    fs::path path_;
};

struct Run {
    int code = -1;
    std::string out, err;
};

/// Runs restage in the sandbox with `args`, `input` on stdin, NO_COLOR=1, HOME and LC_ALL=C.
Run run_restage(const Sandbox& box, const std::vector<std::string>& args, const std::string& input = "");

/// A Go project in folder `dir` of the sandbox ("" for its root): go.mod, go.sum, main.go and
/// kGoDockerfile as `name`.
void go_project(const Sandbox& box, const std::string& dir = "", const std::string& name = "Dockerfile");

/// The member `key` of a JSON object (a failed REQUIRE when there is none).
const Json& field(const Json& object, const std::string& key);

/// Whether git can be run.
bool have_git();

/// Runs `git ARGS` in the sandbox with no user or system config; returns its status.
int git(const Sandbox& box, const std::string& args);

}  // namespace restage::test
