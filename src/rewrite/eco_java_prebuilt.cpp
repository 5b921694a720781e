// A Dockerfile that copies what Maven or Gradle wrote outside it (target/*.jar, build/libs/app.jar):
// the build moves into a builder stage in front of it, and the original becomes the final stage,
// copying the same files from that stage.
#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <regex>

#include "rewrite/dockerignore.hpp"
#include "rewrite/eco_java.hpp"
#include "rewrite/runtime_stage.hpp"
#include "rewrite/sources.hpp"
#include "rewrite/text_util.hpp"

namespace restage::rewrite::java {

using model::Kind;

namespace {

constexpr const char* kWorkdir = "/src";

// Whether a context path (as written in COPY, variables expanded) is what the build writes:
// jars and wars in target/ (and Quarkus's target/quarkus-app/), or in build/libs/.
bool build_output(const std::string& path, bool gradle) {
    static const std::regex maven(R"(target/[^/]*\.(jar|war)|target/quarkus-app(/.*)?)");
    static const std::regex gradle_libs(R"(build/libs/[^/]*\.(jar|war))");
    return std::regex_match(path, gradle ? gradle_libs : maven);
}

// A COPY source as a context path: BuildKit resolves "./x" and "/x" alike, from the context's root.
std::string clean(std::string p) {
    while (p.rfind("./", 0) == 0 || p.rfind('/', 0) == 0) p.erase(0, p[0] == '/' ? 1 : 2);
    return p;
}

// Whether a COPY pattern (Go's filepath.Match, per path segment) matches a file or folder of the context.
bool context_has(const detect::Context& ctx, std::string_view pattern, const std::string& dir = "") {
    size_t slash = pattern.find('/');
    std::string segment(pattern.substr(0, slash));
    for (const auto& entry : ctx.list(dir)) {
        bool folder = entry.back() == '/';
        std::string name = folder ? entry.substr(0, entry.size() - 1) : entry;
        if (fnmatch(segment.c_str(), name.c_str(), FNM_PATHNAME) != 0) continue;
        if (slash == std::string_view::npos) return true;
        if (folder && context_has(ctx, pattern.substr(slash + 1), dir + entry)) return true;
    }
    return false;
}

// The shell-form instruction again, with --from, the builder's path for each source, and its flags.
std::string from_builder(const model::Instruction& i, const std::string& stage) {
    std::string out = i.kind == Kind::Copy ? std::string(i.keyword) : "COPY";  // ADD has no --from
    out += " --from=" + stage;
    for (const auto& flag : i.flags) out += " " + flag;
    for (size_t k = 0; k + 1 < i.args.size(); ++k) out += " " + join_path(kWorkdir, clean(i.args[k]));
    return out + " " + i.args.back();
}

// On a base of the runtime catalogue (eclipse-temurin:17-jre), a stage without USER gets the
// catalogue's non-root user before its command, as a split stage would.
void add_user(const PlanInput& in, Build& b, const std::string& eol) {
    const auto& f = in.facts;
    if (f.user || !in.options.nonroot || !enabled(in, "runtime-nonroot")) return;
    const RuntimeBase* base = nullptr;
    for (const auto& [id, r] : in.catalogue.runtimes) {
        if (r.image == f.base_image) base = &r;
    }
    if (base == nullptr || (base->user.empty() && base->add_user.empty())) return;
    std::optional<size_t> command;
    for (const auto& c : {f.cmd, f.entrypoint}) {
        if (c && (!command || c->index < *command)) command = c->index;
    }
    if (!command || !root_home_path(f.final_workdir, {}).empty()) return;
    std::string user = base->user, text;
    if (user.empty()) {
        user = base->new_user.empty() ? "app" : base->new_user;
        text = "RUN " + expand_reason(base->add_user, {{"user", user}, {"uid", std::to_string(base->uid)}}) + eol;
    }
    text += "USER " + user + eol;
    std::string_view src = in.doc.bytes();
    size_t at = comments_above(src, line_begin(src, f.at(*command).range.begin));
    b.builder_edits.push_back({at, at, text});
    b.user = user;
    b.changes.push_back(change(in.tmpl, "runtime-nonroot", {{"user", user}, {"uid", std::to_string(base->uid)}, {"previous_user", "root"}}));
}

}  // namespace

std::variant<bool, Refuse> plan_prebuilt(const PlanInput& in, Build& b) {
    const auto& f = in.facts;
    bool gradle = in.detection.ecosystem == detect::Ecosystem::Gradle;
    const std::string tool = gradle ? "Gradle" : "Maven";
    bool build_file = gradle ? in.ctx.exists("build.gradle") || in.ctx.exists("build.gradle.kts") : in.ctx.exists("pom.xml");
    const std::string out_dir = gradle ? "build/" : "target/";

    // A pattern outside the output folder (`**/*.war`) that matches nothing in the context but
    // what the build writes is build output too.
    std::optional<Project> project_read;
    auto project = [&]() -> const Project& {
        if (!project_read)
            project_read = gradle ? read_gradle(in.ctx, "", kWorkdir, {}, {"build"}) : read_maven(in.ctx, "", {});
        return *project_read;
    };
    auto matches_output = [&](const std::string& pattern) {
        if (!build_file || !has_glob(pattern) || context_has(in.ctx, pattern)) return false;
        const auto& outputs = project().outputs;
        return std::any_of(outputs.begin(), outputs.end(), [&](const std::string& name) {
            std::string path = (gradle ? "build/libs/" : "target/") + name;
            return fnmatch(pattern.c_str(), path.c_str(), FNM_PATHNAME) == 0;
        });
    };

    // Spring's Docker guide copies the jar's layers from <output>/dependency/, where it was unpacked.
    const std::string unpacked = out_dir + "dependency";
    auto exploded = [&](const std::string& path) {
        return (path == unpacked || path.rfind(unpacked + "/", 0) == 0) && build_file && !in.tmpl.prebuilt_unpack.empty() &&
               project().spring_boot;
    };
    bool unpack = false;

    std::vector<size_t> copies;
    std::optional<std::pair<std::string, int>> by_argument;  // a source only a --build-arg names
    for (const auto& s : f.steps) {
        const auto& i = f.at(s.index);
        if ((i.kind != Kind::Copy && i.kind != Kind::Add) || i.args.size() < 2 || !i.heredocs.empty()) continue;
        bool from_stage = false;
        for (const auto& flag : i.flags) from_stage = from_stage || flag.rfind("--from=", 0) == 0;
        if (from_stage) continue;
        size_t outputs = 0;
        std::string other;
        for (size_t k = 0; k + 1 < i.args.size(); ++k) {
            std::string src = clean(expand(i.args[k], f.env_entries, in.doc.escape()));
            if (src.find('$') != std::string::npos && !by_argument)  // unset: left as written
                by_argument = {i.args[k], i.first_line};
            if (src.rfind(out_dir, 0) != 0) {
                outputs += matches_output(src);
                continue;
            }
            if (exploded(src)) {
                ++outputs;
                unpack = true;
                continue;
            }
            if (build_output(src, gradle)) ++outputs;
            else if (other.empty()) other = src;
        }
        if (!other.empty()) {
            if (!build_file) return false;
            return Refuse{"line " + std::to_string(i.first_line) + " copies " + other + ", which `" +
                              (gradle ? "gradle build" : "mvn package") + "` does not write by itself",
                          i.first_line, "build it in a RUN step of the Dockerfile, then run restage again"};
        }
        if (outputs == 0) continue;
        if (outputs + 1 != i.args.size()) {
            return Refuse{"line " + std::to_string(i.first_line) + " copies build output and context files together",
                          i.first_line, "copy the build output in a COPY of its own"};
        }
        copies.push_back(s.index);
    }
    if (copies.empty() && build_file && by_argument) {
        const auto& [word, line] = *by_argument;
        size_t at = word.find('$') + 1;
        at += at < word.size() && word[at] == '{';
        size_t end = at;
        while (end < word.size() && (std::isalnum(static_cast<unsigned char>(word[end])) || word[end] == '_')) ++end;
        const std::string name = word.substr(at, end - at);
        return Refuse{"line " + std::to_string(line) + " copies " + word +
                          ", a build argument with no default: which file it is is only known when the image is built",
                      line,
                      "give the argument a default naming what `" + std::string(gradle ? "gradle build" : "mvn package") +
                          "` writes (e.g. ARG " + name + "=" + (gradle ? "build/libs/*.jar" : "target/*.jar") +
                          "), then run restage again"};
    }
    if (copies.empty() || !build_file) return false;

    // The builder stage sees only what .dockerignore lets into the context (Quarkus's lets only target/ in).
    for (const std::string& needed : {project().file, std::string("src")}) {
        if (!needed.empty() && in.ctx.exists(needed) && dockerignored(in.ctx, needed)) {
            return Refuse{".dockerignore leaves " + needed + " out of the build context, so a builder stage could not "
                              "build what line " + std::to_string(f.at(copies.front()).first_line) + " copies",
                          f.at(copies.front()).first_line,
                          "let " + project().file + " and src/ into the context in .dockerignore, then run restage again"};
        }
    }
    std::string version = project().java, source = project().java_source;
    if (version.empty()) {
        version = java_from_image(f.base_image);
        source = "the image " + f.base_image;
    }
    if (version.empty()) {
        return Refuse{"Java version unknown: neither " + std::string(gradle ? "build.gradle" : "pom.xml") +
                          " nor the image " + f.base_image + " names the Java release",
                      f.at(f.from).first_line,
                      gradle ? "set java.toolchain.languageVersion in build.gradle"
                             : "set maven.compiler.release in pom.xml"};
    }
    if (project().modules) {
        return Refuse{"the " + tool + " build has several modules (" + project().modules_why +
                          "): restage cannot tell which one writes the copied files",
                      f.at(copies.front()).first_line, "build the module in the Dockerfile, then run restage again"};
    }
    for (size_t index : copies) {
        const auto& i = f.at(index);
        for (size_t k = 0; k + 1 < i.args.size(); ++k) {
            std::string name = base_name(clean(expand(i.args[k], f.env_entries, in.doc.escape())));
            const Project& p = project();
            if (has_glob(name) || !p.found || !p.unresolved.empty() || p.outputs.empty() ||
                std::find(p.outputs.begin(), p.outputs.end(), name) != p.outputs.end() ||
                name.find('.') == std::string::npos)
                continue;
            return Refuse{"line " + std::to_string(i.first_line) + " copies " + name + ", but " + p.file +
                              " builds " + joined(p.outputs, ", "),
                          i.first_line, "copy the file the build writes, then run restage again"};
        }
    }
    // A wrapper (mvnw, gradlew) runs only with its folder (.mvn/, gradle/): without it in the
    // context, the builder image's own tool builds.
    const Manifest* manifest = nullptr;
    for (const auto& m : in.tmpl.manifests) {
        bool usable = std::all_of(m.required.begin(), m.required.end(), [&](const std::string& p) { return in.ctx.exists(p); });
        if (m.when.find("wrapper") != std::string::npos) {
            for (const auto& p : m.files) usable = usable && (p.back() != '/' || in.ctx.is_dir(p.substr(0, p.size() - 1)));
        }
        if (usable) {
            manifest = &m;
            break;
        }
    }
    const std::string image = expand_reason(in.tmpl.prebuilt_image, {{"version", version}});
    const bool wrapper = manifest != nullptr && manifest->when.find("wrapper") != std::string::npos;
    std::string build = wrapper ? in.tmpl.prebuilt_wrapper_build : in.tmpl.prebuilt_build;
    // A pattern copied to one file must match one jar: Spring Boot 2.5+ also writes a -plain jar,
    // which the builder then leaves out (-x jar); other builds that write several are refused.
    for (size_t index : copies) {
        const auto& i = f.at(index);
        const std::string& dest = i.args.back();
        if (i.args.size() != 2 || dest.ends_with("/") || dest == "." || unpack) continue;
        std::string pattern = clean(expand(i.args[0], f.env_entries, in.doc.escape()));
        std::vector<std::string> matched;
        for (const auto& name : project().outputs) {
            std::string path = (gradle ? "build/libs/" : "target/") + name;
            if (fnmatch(pattern.c_str(), path.c_str(), FNM_PATHNAME) == 0) matched.push_back(name);
        }
        if (matched.size() < 2) continue;
        bool plain = gradle && project().spring_boot && matched.size() == 2 &&
                     std::any_of(matched.begin(), matched.end(), [](const std::string& n) { return n.find("-plain.") != std::string::npos; });
        if (plain) {
            size_t at = build.find(" --no-daemon");
            build.insert(at == std::string::npos ? build.size() : at, " -x jar");
            continue;
        }
        return Refuse{"line " + std::to_string(i.first_line) + " copies " + pattern + " to one file, but " + project().file +
                          " builds " + joined(matched, " and "),
                      i.first_line, "copy the one file by name, then run restage again"};
    }
    if (unpack) {
        // The executable jar: Gradle's Spring Boot plugin also writes a -plain jar.
        const auto& outputs = project().outputs;
        auto jar = std::find_if(outputs.begin(), outputs.end(), [](const std::string& n) {
            return n.ends_with(".jar") && n.find("-plain.") == std::string::npos && n.rfind("original-", 0) != 0;
        });
        if (jar == outputs.end() || !project().unresolved.empty()) {
            return Refuse{"line " + std::to_string(f.at(copies.front()).first_line) + " copies the unpacked jar from " +
                              unpacked + ", but " + project().file + " does not say the jar's name" +
                              (project().unresolved.empty() ? "" : " (" + project().unresolved + ")"),
                          f.at(copies.front()).first_line, "unpack the jar in a RUN step of the Dockerfile, then run restage again"};
        }
        build += " && " + expand_reason(in.tmpl.prebuilt_unpack, {{"jar", *jar}});
    }

    std::string_view src = in.doc.bytes();
    std::string eol = eol_of(src);
    std::string stage = in.tmpl.stage_name.empty() ? "build" : in.tmpl.stage_name;
    std::string text = "FROM " + image + " AS " + stage + eol + "WORKDIR " + kWorkdir + eol;
    std::map<std::string, std::string> vars = {{"builder_image", image}, {"runtime_image", f.base_image},
                                               {"version", version}, {"version_source", source},
                                               {"build", build}, {"line", std::to_string(f.at(copies.front()).first_line)},
                                               {"artifact", f.at(copies.front()).args.front()}};
    if (manifest != nullptr && enabled(in, "deps-before-sources")) {
        std::vector<std::string> present;
        for (const auto& p : manifest->files) {
            if (in.ctx.exists(p.back() == '/' ? p.substr(0, p.size() - 1) : p)) present.push_back(p);
        }
        std::string fetch = manifest->fetch;
        if (in.options.cache_mounts && !manifest->cache_mount.empty()) fetch = "--mount=type=cache,target=" + manifest->cache_mount + " " + fetch;
        text += manifest_copies(present, "./", eol) + "RUN " + fetch + eol;
        vars["manifests"] = joined(present, " ");
        vars["fetch"] = manifest->fetch;
        b.changes.push_back(change(in.tmpl, "deps-before-sources", vars));
    }
    std::string run = build;
    if (in.options.cache_mounts && manifest != nullptr && !manifest->cache_mount.empty())
        run = "--mount=type=cache,target=" + manifest->cache_mount + " " + run;
    text += "COPY . ." + eol + "RUN " + run + eol + eol;
    b.prepended_builder = text;

    for (size_t index : copies) {
        const auto& i = f.at(index);
        std::string line = from_builder(i, stage);
        if (i.range.end > i.range.begin && src[i.range.end - 1] == '\n') line += eol;
        b.builder_edits.push_back({i.range.begin, i.range.end, line});
    }
    b.changes.insert(b.changes.begin(), change(in.tmpl, in.tmpl.id + "-build-in-image", vars, f.at(copies.front()).first_line,
                                               f.at(copies.back()).last_line));
    b.user = "";  // the final stage is the original: its base stays, and so does its user...
    add_user(in, b, eol);  // ...unless it is root on a base the catalogue knows
    return true;
}

}  // namespace restage::rewrite::java
