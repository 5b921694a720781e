// The Java planner (Maven and Gradle): build the jar in the builder, run it on a JRE.
#include <fnmatch.h>

#include <algorithm>

#include "rewrite/command.hpp"
#include "rewrite/eco_java.hpp"
#include "rewrite/sources.hpp"
#include "rewrite/text_util.hpp"

namespace restage::rewrite {

namespace {

using model::Kind;
using java::Refuse;

// Commands that install or arrange files but build nothing.
const std::vector<std::string> kNotBuilding = {"apt-get", "apt", "apk", "yum", "dnf", "microdnf", "mkdir", "chmod",
                                              "chown", "useradd", "adduser", "groupadd", "addgroup", "ln", "rm",
                                              "echo", "touch", "curl", "wget", "cp", "mv", "true", "set", "export",
                                              "update-ca-certificates", "keytool", "sed", "unzip", "tar", "ls",
                                              "cd", "pwd", "cat", "sleep", "printf", "test", "["};

bool builds(const std::vector<std::string>& words) {
    if (words.empty()) return false;
    if ((words[0] == "sh" || words[0] == "bash") && words.size() == 3 && words[1] == "-c") {
        auto inner = simple_commands(words[2]);
        return std::any_of(inner.begin(), inner.end(), [](const std::string& c) { return builds(command_words(c)); });
    }
    std::string name = words[0].substr(words[0].rfind('/') + 1);
    return std::find(kNotBuilding.begin(), kNotBuilding.end(), name) == kNotBuilding.end();
}

bool builds_something(const StageFacts& f) {
    for (const auto& s : f.steps) {
        const auto& i = f.at(s.index);
        if (i.kind != Kind::Run) continue;
        auto cmds = run_commands(i);
        if (std::any_of(cmds.begin(), cmds.end(), builds)) return true;
    }
    return false;
}

bool java_runtime_ok(const RuntimeBase& r, const PlanInput& in) {
    if (!r.has("java")) return false;
    java::Requirements req = java::requirements(in);
    if (req.shell && !r.shell) return false;
    if (req.bash && (r.family == "alpine" || !r.shell)) return false;  // busybox has no bash
    // Without the rule that clears it, an image's own ENTRYPOINT (distroless: java -jar) would prefix the CMD.
    if (!r.entrypoint.empty() && !in.facts.entrypoint && !enabled(in, in.tmpl.id + "-clear-entrypoint")) return false;
    if (req.java_path == "/usr/bin/java") return r.family == "distroless";
    if (req.java_path.rfind("/opt/java/openjdk/", 0) == 0) return r.image.find("temurin") != std::string::npos;
    return req.java_path.empty();
}


// The Java release the builder compiles for, and what says so; a Refuse when nothing does.
std::variant<std::pair<std::string, std::string>, Refuse> java_version(const PlanInput& in, const java::BuildStep* build,
                                                                      const java::Project& project) {
    const auto& f = in.facts;
    bool gradle = in.detection.ecosystem == detect::Ecosystem::Gradle;
    if (auto v = java::java_from_image(f.base_image); !v.empty()) return std::pair{v, "the builder image " + f.base_image};
    if (auto v = java::java_from_packages(f.os_packages); !v.empty()) return std::pair{v, "the JDK package the Dockerfile installs"};
    if (!project.java.empty()) return std::pair{project.java, project.java_source};
    std::string file = project.found ? project.file : gradle ? "build.gradle" : "pom.xml";
    std::string sets = gradle ? "a toolchain, targetCompatibility or sourceCompatibility" : "maven.compiler.release, maven.compiler.source or java.version";
    return Refuse{"Java version unknown: the builder image " + f.base_image + " does not name a JDK, and " +
                      (project.found || build == nullptr ? file + " sets no " + sets : "there is no " + file + " in the context"),
                  f.at(f.from).first_line,
                  std::string("use a builder image whose tag names the JDK (e.g. ") +
                      (gradle ? "gradle:8-jdk17" : "maven:3.9-eclipse-temurin-17") + "), or set " +
                      (gradle ? "java.toolchain.languageVersion in build.gradle" : "maven.compiler.release in pom.xml")};
}

// No Maven or Gradle build in the Dockerfile: nothing to split, or a build restage cannot see.
void without_build(const PlanInput& in, Build& b) {
    const auto& f = in.facts;
    bool gradle = in.detection.ecosystem == detect::Ecosystem::Gradle;
    std::string prog = base_name(java::program(in));
    auto prebuilt = java::plan_prebuilt(in, b);
    if (auto* r = std::get_if<Refuse>(&prebuilt)) {
        b.refusals.push_back({r->reason, r->line, r->unblock});
        return;
    }
    if (std::get<bool>(prebuilt)) return;
    if (prog == "mvn" || prog == "mvnw" || prog == "gradle" || prog == "gradlew") {
        b.refusals.push_back({"the image runs `" + prog + "` at start: it builds when the container starts, so the final image needs the build tool",
                              f.at(f.entrypoint ? f.entrypoint->index : f.cmd->index).first_line,
                              "build the jar in a RUN step and run it with `java -jar`, then run restage again"});
    } else if (java::runtime_only_image(f.base_image)) {
        b.notes.push_back("nothing is built in the Dockerfile: it runs a prebuilt artifact on " + f.base_image +
                          ", so it is runtime-only already");
    } else if (!builds_something(f)) {
        b.notes.push_back("nothing is built in the Dockerfile: no Maven or Gradle build runs in it, so there is no builder to split off");
    } else {
        std::string tool = gradle ? "`gradle` or `./gradlew`" : "`mvn` or `./mvnw`";
        b.refusals.push_back({"no " + tool + " build in the Dockerfile: the build is hidden (in a script?) so the artifact is unknown", 0,
                              "pass --artifact PATH (the jar the build writes)"});
    }
}

// The runtime for Java `v` under the policy, or a refusal that says which need ruled it out.
std::optional<Refuse> pick_runtime(const PlanInput& in, const std::string& v, const java::Requirements& req,
                                   const model::Instruction& cmd, Build& b) {
    std::string names = joined(in.tmpl.policy, "|");
    if (in.options.runtime && in.tmpl.variant(*in.options.runtime) == nullptr) {
        return Refuse{"the " + in.tmpl.id + " template has no '" + *in.options.runtime + "' runtime", 0, "choose one of --runtime " + names};
    }
    std::string why;
    b.runtime = choose_runtime(in, v, "", java_runtime_ok, why);
    if (!b.runtime.empty()) return std::nullopt;
    std::string wanted = in.options.runtime ? *in.options.runtime : in.options.config.variant_for(in.tmpl.id).value_or("");
    const RuntimeVariant* rv = wanted.empty() ? nullptr : in.tmpl.variant(wanted);
    const RuntimeBase* r = rv != nullptr ? in.catalogue.runtime_for(*rv, v) : nullptr;
    if (r != nullptr && !r->shell && (req.shell || in.needs.shell)) {
        return Refuse{"the " + wanted + " runtime (" + r->image + ") has no shell, and the " +
                          (cmd.kind == Kind::Cmd ? "CMD" : "ENTRYPOINT") + " needs one",
                      cmd.first_line, "choose --runtime slim or alpine, or write the command in exec form"};
    }
    return Refuse{why, 0, other_runtimes_hint(in, v, "", java_runtime_ok)};
}

}  // namespace

Build plan_java(const PlanInput& in) {
    Build b;
    const auto& f = in.facts;
    bool gradle = in.detection.ecosystem == detect::Ecosystem::Gradle;
    std::string eco = gradle ? "gradle" : "maven";
    auto refuse = [&](const Refuse& r) {
        b.refusals.push_back({r.reason, r.line, r.unblock});
        return b;
    };

    auto build = java::find_build(f, gradle);
    if (!build && !in.options.artifact) {
        without_build(in, b);
        return b;
    }
    const java::BuildStep* step = build ? &*build : nullptr;

    auto run = java::plan_run(in, step);
    if (auto* r = std::get_if<Refuse>(&run)) return refuse(*r);
    const auto& plan = std::get<java::RunPlan>(run);

    java::Project project;
    if (step != nullptr) {
        if (auto dir = context_path(f, in.ctx, step->dir, step->index)) {
            project = gradle ? java::read_gradle(in.ctx, *dir, step->dir, step->properties, step->goals)
                             : java::read_maven(in.ctx, *dir, step->properties);
        }
    }
    auto version = java_version(in, step, project);
    if (auto* r = std::get_if<Refuse>(&version)) return refuse(*r);
    const auto& [v, v_source] = std::get<std::pair<std::string, std::string>>(version);
    bool available = std::any_of(in.tmpl.variants.begin(), in.tmpl.variants.end(),
                                 [&, &v = v](const RuntimeVariant& rv) { return in.catalogue.runtime_for(rv, v) != nullptr; });
    if (!available) {
        return refuse({"Java " + v + " (from " + v_source + "): the runtime catalogue has no Java " + v + " runtime (it has " +
                           versions_text(in.tmpl.versions) + ")",
                       f.at(f.from).first_line,
                       "add a Java " + v + " runtime with --templates DIR (runtimes.yaml, and the variants of " + eco + ".yaml)"});
    }
    java::Requirements req = java::requirements(in);
    if (!req.java_path.empty() && req.java_path != "/usr/bin/java" && req.java_path.rfind("/opt/java/openjdk/", 0) != 0) {
        return refuse({"the command runs java by its path " + req.java_path + ", which no JRE runtime in the catalogue has",
                       f.at(plan.line_index).first_line, "run `java` from PATH in the command"});
    }
    const auto& cmd = f.at(plan.line_index);
    if (auto r = pick_runtime(in, v, req, cmd, b)) return refuse(*r);
    const RuntimeBase* base = in.catalogue.runtime(b.runtime);

    b.artifacts = plan.ship;
    std::vector<std::string> build_only;
    for (const auto& key : f.env_keys) {
        bool match = std::any_of(in.tmpl.build_only_env.begin(), in.tmpl.build_only_env.end(),
                                 [&](const std::string& p) { return fnmatch(p.c_str(), key.c_str(), 0) == 0; });
        if (match && std::find(build_only.begin(), build_only.end(), key) == build_only.end()) build_only.push_back(key);
    }
    if (enabled(in, "build-only-env")) {
        b.build_only_env = in.tmpl.build_only_env;
        b.build_only_env.insert(b.build_only_env.end(), build_only.begin(), build_only.end());
    } else {
        build_only.clear();
    }

    std::map<std::string, std::string> vars = size_vars(in, b.runtime);
    vars["artifact"] = plan.artifact;
    vars["version"] = v;
    vars["version_source"] = v_source;
    int first = step ? f.at(step->index).first_line : 0, last = step ? f.at(step->index).last_line : 0;
    b.changes.push_back(change(in.tmpl, eco + "-split-build", vars, first, last));
    if (!enabled(in, eco + "-split-build")) {
        b.notes.push_back("rule " + eco + "-split-build is switched off in .restage.yaml");
        return b;
    }
    b.changes.push_back(change(in.tmpl, eco + "-java-version", vars));
    for (const auto& extra : plan.extras) {
        vars["file"] = extra;
        b.changes.push_back(change(in.tmpl, eco + "-runtime-files", vars));
    }
    if (!enabled(in, eco + "-runtime-files")) {
        std::erase_if(b.artifacts, [&](const ArtifactCopy& a) {
            return std::find(plan.extras.begin(), plan.extras.end(), a.from) != plan.extras.end() &&
                   !under(plan.artifact, a.from);
        });
        std::erase_if(b.changes, [&](const Change& c) { return c.rule == eco + "-runtime-files"; });
    }
    if (!build_only.empty()) {
        vars["names"] = joined(build_only, ", ");
        b.changes.push_back(change(in.tmpl, "build-only-env", vars));
    }

    // A shell kept for the command, rather than the policy's first choice.
    bool forced = in.options.runtime || in.options.config.variant_for(in.tmpl.id);
    const RuntimeVariant* first_choice = in.tmpl.policy.empty() ? nullptr : in.tmpl.variant(in.tmpl.policy.front());
    const RuntimeBase* preferred = first_choice ? in.catalogue.runtime_for(*first_choice, v) : nullptr;
    if (!forced && req.shell && preferred != nullptr && !preferred->shell && base->shell) {
        vars["instruction"] = cmd.kind == Kind::Cmd ? "CMD" : "ENTRYPOINT";
        vars["line"] = std::to_string(cmd.first_line);
        vars["preferred_image"] = runtime_image(in, preferred->id);
        b.changes.push_back(change(in.tmpl, "keep-shell", vars, cmd.first_line, cmd.last_line));
    }
    // Distroless java images start `java -jar` themselves: clear that so the command runs as written.
    if (!base->entrypoint.empty() && !f.entrypoint) {
        b.entrypoint = std::vector<std::string>{};
        vars["image_entrypoint"] = joined(base->entrypoint, " ");
        b.changes.push_back(change(in.tmpl, eco + "-clear-entrypoint", vars, cmd.first_line, cmd.last_line));
    }

    if (step != nullptr && enabled(in, "deps-before-sources")) {
        std::string in_place;
        java::order_dependencies(in, *step, project.modules, project.modules_why, b, in_place);
        if (!in_place.empty()) {
            vars["why"] = in_place;
            b.changes.push_back(change(in.tmpl, eco + "-deps-in-place", vars, first, last));
        }
    }
    return b;
}

}  // namespace restage::rewrite
