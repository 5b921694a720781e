// What the Dockerfile says: base images (builder stages included), RUN commands, the files
// COPY/ADD bring in or put in a web root, CMD/ENTRYPOINT, and ONBUILD triggers.
#include <algorithm>
#include <set>

#include "detect/signals.hpp"
#include "model/shell_lex.hpp"

namespace restage::detect::internal {

namespace {

// An instruction, or the trigger of an ONBUILD, reduced to what the detector reads.
struct View {
    model::Kind kind = model::Kind::Unknown;
    std::vector<std::string> flags;
    std::vector<std::string> args;
    bool json = false;
    std::vector<std::string> heredocs;
    int line = 0;
};

View view_of(const model::Instruction& ins) {
    View v{ins.kind, ins.flags, ins.args, ins.json, {}, ins.first_line};
    for (const auto& h : ins.heredocs) v.heredocs.push_back(h.content);
    if (ins.kind == model::Kind::Onbuild && !ins.node.next.empty() && !ins.node.next[0].children.empty()) {
        const auto& trigger = ins.node.next[0].children[0];
        v.kind = model::kind_of(trigger.value);
        v.flags = trigger.flags;
        v.json = trigger.json;
        v.args.clear();
        for (const auto& n : trigger.next) v.args.push_back(n.value);
        v.heredocs.clear();
        for (const auto& h : trigger.heredocs) v.heredocs.push_back(h.content);
    }
    return v;
}

std::string expand(const std::string& word, const std::vector<std::string>& env) {
    auto r = model::process_word(word, model::env_from_entries(env));
    return r ? *r : word;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

class Walker {
public:
    Walker(const Project& p, const std::vector<Signals>& extra, std::vector<Finding>& out)
        : project_(p), extra_(extra), out_(out) {}

    void global_arg(const View& v) {
        for (const auto& a : v.args) {
            if (a.find('=') != std::string::npos) global_env_.push_back(a);
        }
    }

    void from(const View& v) {
        end_stage();
        if (v.args.empty()) return;
        std::string ref = expand(v.args[0], global_env_);
        std::string name = image_name(ref);
        bool derived = stages_.count(name) != 0;
        if (v.args.size() >= 3) stages_.insert(lower(v.args[2]));
        env_.clear();
        stage_target_.reset();
        if (derived || name == "scratch") {
            // FROM <stage> keeps the parent's base (approximated by the stage before it).
            if (!derived) plain_ = true;
            return;
        }
        auto kind = image_kind(name);
        if (kind) {
            stage_target_ = kind->target;
            add(v.line, kind->target, kStrong, "base image " + ref, kind->flavor, kind->language);
        }
        // Template signals name images the rules here do not know (an in-house builder image):
        // an image they already read counts once.
        for (const auto& s : extra_) {
            auto t = target_of(s.ecosystem);
            if (!t || kind) continue;
            for (const auto& pattern : s.base_images) {
                bool hit = glob_match(pattern, name) ||
                           (pattern.find('/') == std::string::npos && glob_match(pattern, program_name(name)));
                if (!hit) continue;
                add(v.line, *t, kStrong, "base image " + ref + " matches " + pattern);
                kind = ImageKind{*t, "", ""};
                break;
            }
        }
        plain_ = !kind.has_value();
    }

    void env(const View& v) {
        if (v.kind == model::Kind::Arg) {
            for (const auto& a : v.args) {
                if (a.find('=') != std::string::npos) {
                    env_.push_back(a);
                } else {
                    for (const auto& g : global_env_) {
                        if (starts_with(g, a + "=")) env_.push_back(g);
                    }
                }
            }
        } else {
            for (std::size_t i = 0; i + 1 < v.args.size(); i += 2) env_.push_back(v.args[i] + "=" + v.args[i + 1]);
        }
    }

    void run(const View& v) {
        std::string text;
        std::vector<std::vector<std::string>> cmds;
        if (v.json) {
            cmds = exec_commands(v.args);
            for (const auto& a : v.args) text += a + " ";
        } else if (!v.args.empty()) {
            cmds = shell_commands(v.args[0]);
            text = v.args[0];
        }
        for (const auto& h : v.heredocs) {
            for (auto& c : shell_commands(h)) cmds.push_back(std::move(c));
            text += "\n" + h;
        }
        std::size_t seen = out_.size();
        commands(cmds, Phase::Build, "RUN", v.line);
        // Template signals name commands the rules here do not know (an in-house build wrapper):
        // a RUN they already read counts once.
        if (out_.size() > seen) return;
        for (const auto& s : extra_) {
            auto t = target_of(s.ecosystem);
            if (!t) continue;
            for (const auto& pattern : s.commands) {
                if (!pattern.empty() && text.find(pattern) != std::string::npos) {
                    add(v.line, *t, kStrong, "RUN matches " + pattern);
                    break;
                }
            }
        }
    }

    void copy(const View& v) {
        if (v.args.size() < 2) return;
        for (const auto& f : v.flags) {
            if (!starts_with(f, "--from=")) continue;
            std::string from = lower(f.substr(7));
            if (stages_.count(from) != 0 || from.find_first_not_of("0123456789") == std::string::npos) continue;
            if (auto kind = image_kind(image_name(from))) {
                add(v.line, kind->target, kWeak, "copies from image " + f.substr(7), kind->flavor, kind->language);
            }
        }
        std::string dest = lower(expand(v.args.back(), env_));
        for (std::size_t i = 0; i + 1 < v.args.size(); ++i) {
            if (starts_with(v.args[i], "<<")) continue;
            std::string src = expand(v.args[i], env_);
            source(v.line, src);
            destination(v.line, src, dest);
        }
    }

    // The effective CMD and ENTRYPOINT of the stage being read (earlier ones are overridden).
    void remember(const View& v) { (v.kind == model::Kind::Cmd ? cmd_ : entrypoint_) = v; }

    void end_stage() {
        if (!cmd_ && !entrypoint_) return;
        for (auto& f : out_) f.command = false;  // a later stage's command is what the image runs
        for (auto* slot : {&entrypoint_, &cmd_}) {
            if (!*slot) continue;
            const View& v = **slot;
            std::vector<std::vector<std::string>> cmds;
            if (v.json) cmds = exec_commands(v.args);
            else if (!v.args.empty()) cmds = shell_commands(v.args[0]);
            std::size_t first = out_.size();
            commands(cmds, Phase::Run, v.kind == model::Kind::Cmd ? "CMD" : "ENTRYPOINT", v.line);
            for (std::size_t i = first; i < out_.size(); ++i) out_[i].command = true;
            slot->reset();
        }
    }

private:
    void add(int line, Target t, int weight, std::string fact, std::string flavor = "", std::string language = "") {
        Finding f;
        f.target = t;
        f.weight = weight;
        f.fact = std::move(fact);
        f.line = line;
        f.flavor = std::move(flavor);
        f.language = std::move(language);
        out_.push_back(std::move(f));
    }

    void commands(const std::vector<std::vector<std::string>>& cmds, Phase phase, std::string_view where, int line) {
        for (const auto& c : cmds) {
            std::size_t first = out_.size();
            command_findings(c, phase, where, plain_, project_, out_);
            for (std::size_t i = first; i < out_.size(); ++i) out_[i].line = line;
        }
    }

    // Manifests, sources and build outputs named by a COPY source.
    void source(int line, const std::string& src) {
        std::string path = lower(src);
        while (starts_with(path, "./") || starts_with(path, "/")) path = path.substr(starts_with(path, "/") ? 1 : 2);
        while (!path.empty() && path.back() == '/') path.pop_back();
        const std::string base = program_name(path);
        const std::string copies = "copies " + src;
        if (base == "go.mod" || base == "go.sum") add(line, Target::Go, kMedium, copies);
        else if (ends_with(base, ".go")) add(line, Target::Go, kMedium, copies + " (Go sources)");
        else if (base == "pom.xml") add(line, Target::Maven, kMedium, copies);
        else if (base == "mvnw" || base == ".mvn") add(line, Target::Maven, kWeak, copies);
        else if (starts_with(base, "build.gradle") || starts_with(base, "settings.gradle")) add(line, Target::Gradle, kMedium, copies);
        else if (base == "gradlew" || base == "gradle") add(line, Target::Gradle, kWeak, copies);
        else if ((starts_with(path, "target/") || path.find("/target/") != std::string::npos) &&
                 path.find("/release") == std::string::npos && path.find("/debug") == std::string::npos) {
            // target/release and target/debug are Cargo's, not Maven's.
            add(line, Target::Maven, kMedium, copies + " (Maven's output folder)");
        } else if (path.find("build/libs") != std::string::npos || path.find("build/install") != std::string::npos) {
            add(line, Target::Gradle, kMedium, copies + " (Gradle's output folder)");
        } else if (ends_with(base, ".jar") || ends_with(base, ".war") || ends_with(base, ".ear")) {
            add(line, Target::Jvm, kMedium, copies + " (a Java archive)");
        } else if (glob_match("package*.json", base)) {
            add(line, Target::Js, kMedium, copies);
        } else if (base == "yarn.lock" || base == "package-lock.json" || base == "pnpm-lock.yaml") {
            add(line, Target::Js, kWeak, copies);
            out_.back().pm = base == "yarn.lock" ? "yarn" : base == "pnpm-lock.yaml" ? "pnpm" : "npm";
            out_.back().pm_rank = PmRank::Lock;
        } else if (glob_match("requirements*.txt", base) || starts_with(base, "pipfile") || base == "pyproject.toml") {
            add(line, Target::Other, kMedium, copies, "", "python");
        } else if (starts_with(base, "gemfile")) {
            if (project_.gemfile_jekyll) add(line, Target::Static, kWeak, copies, "jekyll");
            else add(line, Target::Other, kMedium, copies, "", "ruby");
        } else if (starts_with(base, "composer.")) {
            add(line, Target::Other, kMedium, copies, "", "php");
        } else if (ends_with(base, ".csproj") || ends_with(base, ".sln") || ends_with(base, ".fsproj")) {
            add(line, Target::Other, kMedium, copies, "", "dotnet");
        } else if (base == "cargo.toml") {
            add(line, Target::Other, kMedium, copies, "", "rust");
        }
    }

    // Web roots (a static site) and application-server deployment folders (Java).
    void destination(int line, const std::string& src, const std::string& dest) {
        static const std::vector<std::string> kWebRoots{"/usr/share/nginx/html", "/usr/local/apache2/htdocs",
                                                         "/srv/jekyll", "/usr/share/caddy"};
        static const std::vector<std::string> kDeployments{"/usr/local/tomcat/webapps", "/opt/jboss/wildfly/standalone/deployments",
                                                            "/deployments", "/config/dropins"};
        auto under = [&](const std::vector<std::string>& roots) {
            return std::any_of(roots.begin(), roots.end(), [&](const std::string& r) { return starts_with(dest, r); });
        };
        bool web_root = under(kWebRoots) || (stage_target_ == Target::Static && starts_with(dest, "/var/www"));
        if (web_root) {
            bool whole = src == "." || src == "./" || src == "*" || ends_with(lower(src), ".html");
            std::string flavor = starts_with(dest, "/srv/jekyll") ? "jekyll" : whole ? "plain-html" : "";
            add(line, Target::Static, kMedium, "copies " + src + " into the web root " + dest, flavor);
        } else if (under(kDeployments)) {
            add(line, Target::Jvm, kMedium, "copies " + src + " into " + dest);
        }
    }

    const Project& project_;
    const std::vector<Signals>& extra_;
    std::vector<Finding>& out_;
    std::vector<std::string> global_env_;
    std::vector<std::string> env_;
    std::set<std::string> stages_;
    bool plain_ = true;
    std::optional<Target> stage_target_;
    std::optional<View> cmd_, entrypoint_;
};

}  // namespace

std::vector<Finding> dockerfile_findings(const model::Document& doc, const Project& p, const std::vector<Signals>& extra) {
    std::vector<Finding> out;
    Walker w(p, extra, out);
    bool in_stage = false;
    for (const auto& ins : doc.instructions()) {
        View v = view_of(ins);
        switch (v.kind) {
            case model::Kind::From: w.from(v); in_stage = true; break;
            case model::Kind::Arg: in_stage ? w.env(v) : w.global_arg(v); break;
            case model::Kind::Env: w.env(v); break;
            case model::Kind::Run: w.run(v); break;
            case model::Kind::Copy:
            case model::Kind::Add: w.copy(v); break;
            case model::Kind::Cmd:
            case model::Kind::Entrypoint: w.remember(v); break;
            default: break;
        }
    }
    w.end_stage();
    return out;
}

}  // namespace restage::detect::internal
