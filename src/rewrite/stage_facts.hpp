// StageFacts: what a single-stage Dockerfile does, instruction by instruction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace restage::rewrite {

/// When an instruction matters: only while building, only in the final image, or both.
enum class Role { Build, Runtime, Both };

/// An instruction of the last stage with what rewriting needs to know about it.
struct Step {
    size_t index = 0;       ///< into Document::instructions()
    Role role = Role::Build;
    std::string workdir;    ///< absolute working directory in force at this instruction
    std::string reason;     ///< why this role
};

/// A CMD or ENTRYPOINT: exec-form argv, or a shell-form command line.
struct Command {
    bool json = false;
    std::vector<std::string> argv;  ///< exec form
    std::string shell;              ///< shell form, as BuildKit joined it
    size_t index = 0;
};

/// The last stage of a document and what each of its instructions does.
struct StageFacts {
    const model::Document* doc = nullptr;
    size_t from = 0;                 ///< the FROM's index
    std::string base_image;          ///< the FROM image, global ARG defaults expanded
    std::vector<Step> steps;         ///< the instructions after FROM, in order
    std::string final_workdir = "/"; ///< the working directory at the end
    bool has_workdir = false;        ///< the stage sets one
    std::string image_workdir = "/"; ///< the base image's own WORKDIR
    std::optional<Command> cmd;
    std::optional<Command> entrypoint;
    std::optional<size_t> user;      ///< the last USER
    std::string user_name;           ///< its value ("" when none)
    std::vector<std::string> ports;  ///< EXPOSE arguments
    std::vector<std::string> env_keys;     ///< every ENV key, in order
    std::vector<std::string> os_packages;  ///< installed with apt-get/apk/yum in the stage

    const model::Instruction& at(size_t index) const { return doc->instructions()[index]; }
    /// The value of an ENV or ARG visible at the end of the stage, expanded; nullopt if unset.
    std::optional<std::string> variable(const std::string& name) const;
    std::vector<std::string> env_entries;  ///< KEY=VALUE in force at the end (ARG and ENV)
};

/// Analyses the last stage of `doc`. Roles: CMD, ENTRYPOINT, EXPOSE, USER, HEALTHCHECK,
/// VOLUME, STOPSIGNAL, LABEL, MAINTAINER are runtime; WORKDIR, ENV, ARG, SHELL are both;
/// RUN, COPY, ADD and ONBUILD are build.
/// The base image's own ENV and WORKDIR (image_defaults: golang's GOPATH=/go and /go) are in
/// force before the first instruction.
StageFacts analyse(const model::Document& doc);

/// Expands $VAR references in `word` with `env` entries (KEY=VALUE); unset ones stay as written.
std::string expand(const std::string& word, const std::vector<std::string>& env, char escape);

/// Joins `path` to `base` and normalises "." and ".." (both absolute results).
std::string join_path(const std::string& base, const std::string& path);

}  // namespace restage::rewrite
