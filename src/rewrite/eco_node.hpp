// The JavaScript planners' shared parts (Node servers and static sites): package.json, the
// Node image, the dependency install, and what the command runs.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rewrite/ecosystem.hpp"

namespace restage::rewrite::node {

/// A refusal in the making: the reason, its line, and what would unblock it.
struct Refuse {
    std::string reason;
    int line = 0;
    std::string unblock;
};

// --- project files (eco_node_project.cpp) ------------------------------------------------

/// What package.json says.
struct Package {
    bool found = false;
    std::map<std::string, std::string> scripts;
    std::map<std::string, std::string> dependencies;      ///< name -> version range
    std::map<std::string, std::string> dev_dependencies;  ///< name -> version range
    bool workspaces = false;                              ///< a "workspaces" field (a monorepo)
    std::string package_manager;                          ///< the "packageManager" field, or ""
};

/// Reads `<dir>/package.json` of the context ("" for the root); `found` is false without one.
Package read_package(const detect::Context& ctx, const std::string& dir);

/// The package whose executable `bin` is ("tsc" -> "typescript", "pm2-runtime" -> "pm2"), or `bin`.
std::string package_of_bin(const std::string& bin);

/// The context path that holds what the image has at `abs` (a folder or a file), by the stage's
/// COPY and ADD instructions (the last one that copies a folder there wins; else the folder of
/// files copied into it, as `COPY package.json index.js /app/` does): "" for the context root,
/// nullopt when no COPY brought it.
std::optional<std::string> context_dir(const StageFacts& f, const detect::Context& ctx,
                                       const std::string& abs);

/// Where the last COPY or ADD of the whole context (`COPY . DEST`) puts it, or nullopt.
std::optional<std::string> sources_dir(const StageFacts& f);

/// Whether a COPY or ADD of the stage names `abs` as its destination folder exactly.
bool copied_to(const StageFacts& f, const std::string& abs);

/// `rel` inside context folder `dir` ("" is the root).
std::string in_dir(const std::string& dir, const std::string& rel);

/// The Node major an official node image tag names: node:20-alpine -> "20", node:iron -> "20";
/// "lts" (node:lts-alpine) and "current" (node, node:alpine, node:slim) for the moving tags, whose
/// slim and alpine variants move with them; "" for a tag it does not know. `node_image` says
/// whether `image` is a node image at all.
std::string node_major(const std::string& image, bool& node_image);

/// Whether an image is built on musl (alpine).
bool musl_image(const std::string& image);

/// Whether the project uses Yarn 2 or later (.yarnrc.yml, or packageManager yarn@2+) in context folder `dir`.
bool yarn_berry(const detect::Context& ctx, const std::string& dir, const Package& pkg);

/// The stage's ENV names that the template keeps in the build stage ("NPM_CONFIG_LOGLEVEL, ..."),
/// or "" (also when the build-only-env rule is switched off).
std::string build_only_names(const PlanInput& in);

// --- the dependency install (eco_node_deps.cpp) ------------------------------------------

/// A RUN command that installs the project's dependencies: `npm install`, `npm ci`, `yarn`,
/// `yarn install`, `pnpm install` with no package names.
struct Install {
    size_t index = 0;                ///< the RUN instruction
    std::string pm;                  ///< "npm", "yarn" or "pnpm"
    std::string text;                ///< the command as written
    std::vector<std::string> flags;  ///< its flags (with their values), in order
    std::string dir;                 ///< the absolute folder it runs in
    bool alone = false;              ///< the RUN runs nothing else
    bool leads = false;              ///< it is the RUN's first command and `&&` follows it
};

/// The first RUN that installs the project's dependencies, or nullopt.
std::optional<Install> find_install(const StageFacts& f);

/// Whether the dependencies left at the end of the stage are production ones only: the last
/// install or prune omits development dependencies, or NODE_ENV=production was set before it.
bool production_only(const StageFacts& f);

/// Moves the dependency install before the sources: a COPY of the manifests (the template's
/// manifest for the install's package manager and lock file) and the install, before the first
/// COPY of the sources; the install after it is dropped (or cut from its RUN). Leaves it in
/// place when that could change the build, and says why in `in_place`.
/// `major` is the builder's Node major ("" when unknown), for npm_for().
void install_first(const PlanInput& in, const Install& install, const Package& pkg, const std::string& major,
                   const std::string& app_context, Build& b, std::string& in_place);

/// `command` as the npm of Node `major` takes it: `npm ci` needs npm 5.7 (Node 10), `--omit=dev`
/// npm 7 (Node 15); older ones get `npm install` and `--production`. Unchanged for "" (unknown).
std::string npm_for(std::string command, const std::string& major);

/// The template's manifest for `pm` and the lock files present in context folder `dir`.
const Manifest* manifest_for(const PlanInput& in, const std::string& pm, const std::string& dir);

/// The offset where a line can be added at the end of the builder stage: after its last RUN,
/// COPY or ADD that stays.
size_t end_of_build(const PlanInput& in, const Build& b);

// --- the command (eco_node_command.cpp) --------------------------------------------------

/// What the image's CMD and ENTRYPOINT run, followed through package.json scripts, `sh -c`,
/// script files from the context, npx and wrappers such as tini.
struct Launch {
    bool found = false;                              ///< there is a CMD or ENTRYPOINT
    size_t index = 0;                                ///< the CMD (or ENTRYPOINT) instruction that decides
    std::string shown;                               ///< the command as written, for reasons
    std::vector<std::vector<std::string>> commands;  ///< every program run, unwrapped, in order
    std::vector<std::string> managers;   ///< package managers it runs through (npm, yarn, pnpm, npx)
    std::string script;                  ///< the package.json script it runs, when it runs one
    std::string script_text;             ///< that script's text
    bool shell = false;                  ///< it needs /bin/sh (a shell form, operators, sh -c, a script file)
    bool bash = false;                   ///< it runs bash
    bool wrapper = false;                ///< it starts through a wrapper program: tini, dumb-init, env, nohup
    bool lifecycle = false;              ///< npm runs pre/post scripts around the one it names
    bool opaque = false;                 ///< it runs a file restage cannot read
    std::string dev_server;              ///< a development server it runs ("next dev"), or ""
    std::vector<std::string> dev_tools;  ///< programs from devDependencies
    std::vector<std::string> global_tools;  ///< programs installed globally in the builder
    std::vector<std::string> unknown;       ///< programs restage cannot place
    std::vector<std::string> os_programs;   ///< programs from the OS packages the Dockerfile installs

    /// The arguments of `node ARGS...` when that is all the image runs (no shell, no wrapper).
    std::optional<std::vector<std::string>> node_args() const;
};

/// Analyses the command of `in.facts`. `image_entrypoint` is the base image's ENTRYPOINT when
/// it prefixes CMD (klakegg/hugo: hugo); `app_dir` is where relative script files are.
Launch launch(const PlanInput& in, const Package& pkg, const std::string& app_dir,
              const std::vector<std::string>& image_entrypoint = {});

/// The development server a command starts ("next dev", "react-scripts start", "nodemon"), or "":
/// it rebuilds on change and usually needs devDependencies.
std::string dev_server(const std::vector<std::string>& words);
/// Whether a command builds into the app's folder (webpack, tsc, next build, ...), or "".
std::string build_tool(const std::vector<std::string>& words);

/// The global installs (`npm install -g`, `yarn global add`, `pnpm add -g`) of the stage that
/// bring executable `bin`, as written, or "".
std::string global_install_of(const StageFacts& f, const std::string& bin);

}  // namespace restage::rewrite::node
