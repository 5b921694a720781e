// signals.hpp: the detector's internals: findings, the project files it reads, the collectors.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "detect/context.hpp"
#include "detect/detect.hpp"
#include "model/document.hpp"

namespace restage::detect::internal {

/// What a finding points to. Finer than Ecosystem: a JDK image says "Java" but not Maven or
/// Gradle (Jvm), a node image or `npm install` says "JavaScript" but not Node or static (Js);
/// classify() resolves those once it has decided the family. Other is a language restage does
/// not rewrite (Python, Ruby, ...): it can win, and then the answer is Unknown.
enum class Target { Go, Maven, Gradle, Jvm, Node, Static, Js, Other };

/// The standard weights (see detect.hpp for the scoring).
inline constexpr int kStrong = 3;  ///< a toolchain base image, a build command, a server command
inline constexpr int kMedium = 2;  ///< a manifest, a dependency fetch, a framework dependency
inline constexpr int kWeak = 1;    ///< a wrapper, a lock file, a source file, a secondary hint

/// How sure a package-manager hint is: a command that installs or runs beats a lock file, which
/// beats a global tool install.
enum class PmRank { None = 0, Global = 1, Lock = 2, Command = 3 };

/// One observation, before the family is decided.
struct Finding {
    Target target = Target::Other;
    std::string fact;
    int line = 0;          ///< Dockerfile line, or 0
    std::string file;      ///< context file, or empty
    int weight = 0;
    std::string flavor;    ///< a static-site generator ("hugo", "vite", "plain-html", ...), or ""
    std::string language;  ///< Target::Other: "python", "ruby", ...
    std::string pm;        ///< "npm", "yarn", "pnpm", or ""
    PmRank pm_rank = PmRank::None;
    bool command = false;  ///< read from the last stage's CMD or ENTRYPOINT: what the image runs
};

/// What package.json and the other project files say, read once per classify().
struct Project {
    bool has_package_json = false;
    std::string package_name;
    std::map<std::string, std::string> scripts;
    std::set<std::string> dependencies;  ///< dependencies and devDependencies
    bool next_export = false;            ///< `next export` in a script, or output: 'export'
    bool gemfile_jekyll = false;         ///< a Gemfile that names jekyll or github-pages
};

/// Reads package.json and next.config.* from the context root.
Project load_project(const Context& ctx);

/// What a package.json script (or a command line) does when it runs.
enum class Role { None, FrontendBuild, DevServer, StaticServer, NodeServer };

struct ScriptUse {
    Role role = Role::None;
    std::string flavor;  ///< the front-end tool's flavor, or ""
    std::string what;    ///< the command that decided the role, e.g. "react-scripts start"
};

/// The role of one command line (argv[0] already unwrapped).
ScriptUse command_role(const std::vector<std::string>& argv, const Project& p, int depth = 0);
/// The role of a script's text (split into commands; `npm run x` inside is followed).
ScriptUse script_role(std::string_view text, const Project& p, int depth = 0);

/// A front-end framework the project depends on: its name and flavor ("create-react-app", ...).
struct Frontend {
    std::string dependency;
    std::string flavor;
};
/// The most specific front-end dependency, or nullopt.
std::optional<Frontend> frontend_dependency(const Project& p);
/// The first server framework the project depends on (express, next, ...), or "".
std::string server_dependency(const Project& p);

// --- shell words -------------------------------------------------------------------------

/// The simple commands of a shell script: split on ; && || | & newlines and subshells, quotes
/// removed, then unwrapped (see unwrap_command); `sh -c '...'` is followed into its script.
std::vector<std::vector<std::string>> shell_commands(std::string_view script);
/// The same for an exec-form argument list.
std::vector<std::vector<std::string>> exec_commands(const std::vector<std::string>& argv);
/// Drops what only wraps the real program: VAR=value, sudo, exec, env, nohup, time, tini,
/// dumb-init, npx, `bundle exec`, `yarn dlx`.
std::vector<std::string> unwrap_command(std::vector<std::string> argv);
/// The program name of a word: "/usr/bin/node" -> "node", "./mvnw" -> "mvnw".
std::string program_name(std::string_view word);
/// The arguments that are not flags (do not start with '-').
std::vector<std::string> operands(const std::vector<std::string>& argv, std::size_t from = 1);
/// A glob where '*' matches any run of characters (slashes too) and '?' one character.
bool glob_match(std::string_view pattern, std::string_view text);
/// Lower-case ASCII.
std::string lower(std::string_view s);

// --- images and commands -----------------------------------------------------------------

/// What a base image name (no tag or digest) says, or nullopt for an OS or unknown image.
struct ImageKind {
    Target target = Target::Other;
    std::string flavor;
    std::string language;
};
std::optional<ImageKind> image_kind(std::string_view name);
/// "registry:5000/ns/img:tag@sha256:..." -> "registry:5000/ns/img".
std::string image_name(std::string_view ref);

/// Where a command runs: a RUN (build time) or CMD/ENTRYPOINT (run time).
enum class Phase { Build, Run };

/// Findings for one simple command. `where` is "RUN", "CMD" or "ENTRYPOINT"; `plain_base` is
/// true when the stage's base is an OS image (packages installed there weigh more).
void command_findings(const std::vector<std::string>& argv, Phase phase, std::string_view where,
                      bool plain_base, const Project& p, std::vector<Finding>& out);

// --- collectors --------------------------------------------------------------------------

/// Everything the Dockerfile says: base images of every stage, RUN, COPY/ADD, CMD/ENTRYPOINT,
/// ONBUILD triggers, and the extra signals' image and command patterns.
std::vector<Finding> dockerfile_findings(const model::Document& doc, const Project& p,
                                         const std::vector<Signals>& extra);
/// Everything the build context says, and the extra signals' context files.
std::vector<Finding> context_findings(const Context& ctx, const Project& p, const std::vector<Signals>& extra);

/// The Target an Ecosystem maps to (Unknown has none).
std::optional<Target> target_of(Ecosystem e);

}  // namespace restage::detect::internal
