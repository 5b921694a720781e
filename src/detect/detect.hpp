// classify: which ecosystem a Dockerfile builds, with the evidence for it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "detect/context.hpp"
#include "model/document.hpp"

namespace restage::detect {

/// The ecosystems restage rewrites, and Unknown.
enum class Ecosystem { Go, Maven, Gradle, Node, Static, Unknown };

/// Stable ids: "go", "maven", "gradle", "node", "static", "unknown".
std::string_view ecosystem_id(Ecosystem e);
/// The inverse of ecosystem_id (Unknown for anything else).
Ecosystem ecosystem_from_id(std::string_view id);

/// One observation, with where it was made: a Dockerfile line or a context file.
struct Evidence {
    Ecosystem points_to = Ecosystem::Unknown;
    std::string fact;   ///< e.g. "base image golang:1.22", "go build in RUN", "go.mod declares module x"
    int line = 0;       ///< Dockerfile line (1-based), or 0
    std::string file;   ///< context file, or empty
    int weight = 0;     ///< how strongly it points (base image 3, build command 3, manifest 2, ...)
};

/// Extra signals from templates and configuration (e.g. an internal registry's image names).
struct Signals {
    Ecosystem ecosystem = Ecosystem::Unknown;
    std::vector<std::string> base_images;    ///< glob patterns on the image name, e.g. "*/golang"
    std::vector<std::string> commands;       ///< substrings of RUN commands, e.g. "go build"
    std::vector<std::string> context_files;  ///< e.g. "go.mod"
};

/// The result of classify().
struct Detection {
    Ecosystem ecosystem = Ecosystem::Unknown;
    double confidence = 0.0;            ///< 0..1
    std::vector<Evidence> evidence;     ///< everything seen, strongest first
    std::vector<Ecosystem> also_seen;   ///< other ecosystems with real evidence (mixed builds)
    /// Static sites: the generator ("vite", "create-react-app", "vue-cli", "angular", "next-export",
    /// "gatsby", "hugo", "jekyll", "plain-html", "npm-build"); Node: the package manager
    /// ("npm", "yarn", "pnpm"); empty otherwise.
    std::string flavor;
    /// Node and static sites built with JavaScript: "npm", "yarn" or "pnpm" (the commands the
    /// Dockerfile runs first, then the lock files; Node defaults to "npm"); empty otherwise.
    std::string package_manager;
};

/// Classifies the build from its instructions (every stage: a builder's base image counts) and
/// the context. Deterministic.
///
/// Scoring. Every observation has a weight: 3 for a toolchain base image, a build command or a
/// server command; 2 for a manifest, a dependency fetch, a framework dependency or a copied
/// build output; 1 for a wrapper, a lock file, a source file or another hint. The same fact
/// counts once. Weights are summed per family: Go; Java (Maven, Gradle, and JVM facts that name
/// neither); JavaScript and the web (Node, static, and JavaScript facts that name neither); and
/// one family per other language (Python, Ruby, PHP, .NET, ...). The highest sum wins (ties: the
/// larger sum from the Dockerfile alone, then Go, Java, web, others); it must reach 3, and an
/// other language winning gives Unknown. Inside Java, Gradle needs more than Maven's sum;
/// inside the web family, static needs more than Node's sum (a front-end built and served:
/// serve, http-server, nginx, a dev server; a front-end dependency without a server framework).
///
/// confidence = (winner / all sums) * min(1, winner / 8): the share of the evidence, damped
/// while the evidence is thin. For Unknown it is 1 minus what the best known family would get.
/// also_seen holds the other known families whose sum reaches 4.
Detection classify(const model::Document& doc, const Context& ctx, const std::vector<Signals>& extra = {});

}  // namespace restage::detect
