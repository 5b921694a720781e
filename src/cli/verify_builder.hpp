// The container tools `restage verify` drives: docker (BuildKit), podman or buildah, through their
// command lines. A Session removes every image and container it made when it ends.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/process.hpp"

namespace restage::cli {

enum class BuilderKind { Docker, Podman, Buildah };

struct Builder {
    BuilderKind kind = BuilderKind::Buildah;
    std::string exe;  ///< the program's path
    std::string_view name() const;
};

/// The builder `requested` names ("" for the first usable of docker, podman, buildah, looked up
/// on PATH; docker counts only when its daemon answers). nullopt with `why` set when there is none.
std::optional<Builder> find_builder(std::string_view requested, std::string& why);

/// What `image inspect` says about an image.
struct ImageFacts {
    long long size = 0;  ///< bytes, uncompressed
    int layers = 0;
    std::string user;  ///< "" means root
    std::vector<std::string> entrypoint, cmd, env;
};

/// What the probe saw: an HTTP answer (code = status) or a command's result (code = exit status).
struct Observed {
    bool answered = false;  ///< false: the server never answered, or the command could not start
    int code = 0;
    std::string output;  ///< the body or stdout
    std::string log;     ///< the container's own output, for reports
};

/// The behaviour probe: `--http PORT[/PATH]` or `--run ARGS`.
struct Probe {
    bool http = false;
    int port = 0;
    std::string path = "/";
    std::vector<std::string> args;
};

class Session {
public:
    Session(Builder builder, std::filesystem::path scratch);
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;
    ~Session();

    /// Builds `dockerfile` with `context` as `tag`; the builder's output goes to `log_file`.
    ProcessResult build(const std::string& dockerfile, const std::string& context, const std::string& tag,
                        const std::string& pull, const std::vector<std::string>& extra,
                        const std::string& log_file);
    std::optional<ImageFacts> inspect(const std::string& tag, std::string& error);
    /// Starts the image's ENTRYPOINT+CMD and asks it over HTTP, or runs it with the probe's args.
    Observed observe(const std::string& tag, const ImageFacts& facts, const Probe& probe, int timeout_s);
    /// Which of `names` are programs on the image's PATH (or the usual bin folders).
    std::optional<std::vector<std::string>> programs(const std::string& tag, const ImageFacts& facts,
                                                     const std::vector<std::string>& names,
                                                     std::string& error);

private:
    ProcessResult tool(std::vector<std::string> args, int timeout_s = 120);
    std::string new_name(std::string_view what);
    Observed observe_buildah(const std::string& tag, const ImageFacts& facts, const Probe& probe,
                             int timeout_s);
    Observed observe_engine(const std::string& tag, const Probe& probe, int timeout_s);
    Observed ask_http(const std::vector<std::string>& prefix, const std::string& url, Background& server,
                      const std::string& log_file, int timeout_s);

    Builder builder_;
    std::filesystem::path scratch_;
    std::vector<std::string> images_, containers_, netns_;
    int counter_ = 0;
};

}  // namespace restage::cli
