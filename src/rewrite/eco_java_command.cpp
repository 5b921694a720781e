// What the Java image runs: the jar (or class path) of its command, resolved to builder paths.
#include <algorithm>

#include "model/shell_lex.hpp"
#include "rewrite/command.hpp"
#include "rewrite/dockerignore.hpp"
#include "rewrite/eco_java.hpp"
#include "rewrite/sources.hpp"

namespace restage::rewrite::java {

namespace {

// Folders and files a JVM application (Spring Boot in particular) reads from its working directory.
const std::vector<std::string> kWorkdirFiles = {"config", "application.properties", "application.yml", "application.yaml"};

// java options that take the next word as their value.
const std::vector<std::string> kJavaValueOptions = {"-p", "--module-path", "--add-modules", "--add-opens",
                                                   "--add-exports", "--add-reads", "--patch-module",
                                                   "--limit-modules", "--upgrade-module-path"};

// The words of the command the image runs: exec-form argv, or the simple command of a shell
// line that runs java (its `cd` applied to `dir`).
struct Words {
    std::vector<std::string> argv;
    bool shell = false;  // a shell runs it (globs and variables are expanded)
    std::string dir;
};

Words command_of(const PlanInput& in, RunPlan& plan, Requirements& req) {
    const auto& f = in.facts;
    Words w{{}, false, f.final_workdir};
    std::string text;
    if (f.entrypoint && f.entrypoint->json) {
        w.argv = f.entrypoint->argv;
        if (f.cmd) {
            std::vector<std::string> rest = f.cmd->json ? f.cmd->argv : std::vector<std::string>{"/bin/sh", "-c", f.cmd->shell};
            w.argv.insert(w.argv.end(), rest.begin(), rest.end());
        }
    } else if (f.entrypoint) {
        text = f.entrypoint->shell;
    } else if (f.cmd && f.cmd->json) {
        w.argv = f.cmd->argv;
    } else if (f.cmd) {
        text = f.cmd->shell;
    }
    plan.line_index = f.entrypoint ? f.entrypoint->index : f.cmd ? f.cmd->index : 0;
    if (w.argv.size() > 2 && (base_name(w.argv[0]) == "sh" || base_name(w.argv[0]) == "bash") && w.argv[1] == "-c") {
        req.shell = true;
        req.bash = base_name(w.argv[0]) == "bash";
        text = w.argv[2];
        w.argv.clear();
    }
    if (text.empty()) return w;
    w.shell = true;
    if (!exec_form(text)) req.shell = true;
    model::LexOptions opts;
    opts.skip_unset_env = true;
    std::vector<std::string> first;
    for (const auto& simple : simple_commands(text)) {
        auto words = model::process_words(simple, model::env_from_entries(f.env_entries), opts);
        if (!words) continue;
        std::vector<std::string> ws = *words;
        while (!ws.empty() && (ws[0] == "exec" || (ws[0].find('=') != std::string::npos && ws[0][0] != '-'))) ws.erase(ws.begin());
        if (ws.size() > 1 && ws[0] == "cd") w.dir = join_path(w.dir, ws[1]);
        if (ws.empty() || ws[0] == "cd") continue;
        if (first.empty()) first = ws;
        if (base_name(ws[0]) == "java") {
            w.argv = ws;
            return w;
        }
    }
    w.argv = first;
    return w;
}

// The jar or class path a java command line loads (`paths`), and the words after it and its
// options' values that may name files (`args`).
std::optional<Refuse> parse_java(const std::vector<std::string>& argv, std::vector<std::string>& paths,
                                 std::vector<std::string>& args) {
    bool jar_mode = false;
    for (size_t k = 1; k < argv.size(); ++k) {
        const std::string& a = argv[k];
        if (a == "-jar") {  // the jar is the first word that is not an option: `java -jar -Dx=y app.jar` works
            jar_mode = true;
            continue;
        }
        std::string cp = a == "-cp" || a == "-classpath" || a == "--class-path" ? (k + 1 < argv.size() ? argv[++k] : "")
                         : a.rfind("--class-path=", 0) == 0 ? a.substr(13) : "";
        if (!cp.empty()) {
            for (size_t b = 0, e; b <= cp.size(); b = e + 1) {
                e = std::min(cp.find(':', b), cp.size());
                if (e > b) paths.push_back(cp.substr(b, e - b));
            }
        } else if (a == "-m" || a == "--module") {
            return Refuse{"the command runs a Java module (" + a + "): restage ships jars and class paths only", 0,
                          "pass --artifact PATH (the module path to ship)"};
        } else if (std::find(kJavaValueOptions.begin(), kJavaValueOptions.end(), a) != kJavaValueOptions.end()) {
            ++k;
        } else if (!a.empty() && a[0] == '$') {
            continue;  // options from a variable set at run time ($JAVA_OPTS)
        } else if (!a.empty() && a[0] == '-') {
            args.push_back(a);
        } else {
            if (jar_mode) paths = {a};  // else `a` is the main class
            args.insert(args.end(), argv.begin() + static_cast<long>(k) + 1, argv.end());
            break;
        }
    }
    return std::nullopt;
}

// Adds `abs` to what the runtime gets, unless it is there already (a folder takes the place of
// the files inside it); whether it was added.
bool ship(RunPlan& plan, const std::string& abs) {
    for (const auto& s : plan.ship) {
        if (s.from == abs || under(abs, s.from)) return false;
    }
    std::erase_if(plan.extras, [&](const std::string& e) { return under(e, abs); });
    std::erase_if(plan.ship, [&](const ArtifactCopy& s) { return under(s.from, abs); });
    plan.ship.push_back({abs, abs});
    return true;
}

}  // namespace

std::string program(const PlanInput& in) {
    RunPlan plan;
    Requirements req;
    Words w = command_of(in, plan, req);
    return w.argv.empty() ? "" : w.argv[0];
}

Requirements requirements(const PlanInput& in) {
    RunPlan plan;
    Requirements req;
    Words w = command_of(in, plan, req);
    std::string argv0 = w.argv.empty() ? "" : w.argv[0];
    if (argv0.find('/') != std::string::npos) {
        if (base_name(argv0) == "java") req.java_path = argv0;
        else req.shell = true;  // a start script (Gradle's installDist writes #!/bin/sh ones)
    }
    return req;
}

std::variant<RunPlan, Refuse> plan_run(const PlanInput& in, const BuildStep* build) {
    const auto& f = in.facts;
    RunPlan plan;
    if (!f.cmd && !f.entrypoint)
        return Refuse{"no CMD or ENTRYPOINT: nothing says what the final image runs", 0, "add a CMD that runs the jar, e.g. CMD [\"java\", \"-jar\", \"target/app.jar\"]"};
    Requirements req;
    Words w = command_of(in, plan, req);
    int line = f.at(plan.line_index).first_line;
    std::string argv0 = w.argv.empty() ? "" : w.argv[0];
    std::string name = base_name(argv0);
    if (argv0.empty()) {
        return Refuse{w.shell ? "cannot tell what the command runs: it is not valid shell (an unclosed quote?)"
                              : "the command is empty, so the image runs nothing restage can follow",
                      line, "fix the command, then run restage again"};
    }
    if (name == "mvn" || name == "mvnw" || name == "gradle" || name == "gradlew") {
        return Refuse{"the image runs `" + argv0 + "` at start, so the final image would need the build tool and the sources", line,
                      "build a jar and run it with `java -jar`, then run restage again"};
    }
    std::vector<std::string> paths;  // what the command loads: the jar, or class path entries
    std::vector<std::string> args;   // option values and arguments that may name files
    if (name == "java") {
        if (auto refuse = parse_java(w.argv, paths, args)) return Refuse{refuse->reason, line, refuse->unblock};
    }
    if (in.options.artifact) {
        paths = {*in.options.artifact};
        if (name != "java" && argv0.find('/') == std::string::npos) {
            return Refuse{"the command runs `" + argv0 + "` from PATH, which a JRE runtime image would not have", line,
                          "run the jar with `java -jar` in the command"};
        }
        if (name != "java") {  // a start script: ship it too when it comes from the context
            auto from = context_path(f, in.ctx, join_path(w.dir, argv0), f.steps.back().index + 1);
            if (from && in.ctx.exists(*from)) ship(plan, join_path(w.dir, argv0));
        }
    } else if (name != "java") {
        std::string abs = join_path(w.dir, argv0);
        auto at = abs.find("/build/install/");
        if (argv0.find('/') != std::string::npos && at != std::string::npos && under_output(abs, build) && parent_dir(parent_dir(abs)).size() > at + 15) {
            plan.artifact = parent_dir(parent_dir(abs));
            ship(plan, plan.artifact);
            paths.clear();
        } else {
            return Refuse{"the command runs `" + argv0 + "`, not `java -jar`: which build output it needs is unknown", line,
                          "pass --artifact PATH (the jar or folder the command needs)"};
        }
    } else if (paths.empty()) {
        return Refuse{"the command runs java without -jar or -cp, so its class path is the working directory: which files it needs is unknown", line,
                      "pass --artifact PATH (the jar or folder to ship)"};
    }

    for (auto p : paths) {
        if (p.find('$') != std::string::npos) {
            return Refuse{"the command runs `" + p + "`, a variable restage cannot resolve at build time", line, "pass --artifact PATH (the jar the build writes)"};
        }
        if (p.ends_with("/*")) p = p.substr(0, p.size() - 2);
        std::string abs = join_path(w.dir, p);
        if (in.options.artifact) abs = join_path(f.final_workdir, p);
        if (has_glob(base_name(abs)) && !in.options.artifact) {
            if (!w.shell) {
                return Refuse{"the exec-form command passes `" + p + "` to java unexpanded (no shell expands the pattern)", line,
                              "name the jar in the command, or pass --artifact PATH"};
            }
            auto r = resolve_glob(in, build, abs, line);
            if (auto* refuse = std::get_if<Refuse>(&r)) return *refuse;
            abs = std::get<std::string>(r);
        }
        if (!in.options.artifact && !under_output(abs, build) && !moved_from_output(f, abs, build)) {
            std::string where = build != nullptr && build->gradle ? "build/libs/" : "target/";
            return Refuse{"the command runs `" + p + "`" + (p == abs ? "" : " (" + abs + ")") +
                              ", which the build does not write: it is not in " + where +
                              " nor copied there from it", line, "pass --artifact PATH (the jar the build writes)"};
        }
        if (plan.artifact.empty()) plan.artifact = abs;
        ship(plan, base_name(parent_dir(abs)) == "quarkus-app" ? parent_dir(abs) : abs);  // Quarkus' fast-jar needs its folder
    }

    // Files the command names, and the files a JVM application reads from its working directory.
    std::vector<std::string> candidates;
    for (const auto& a : args) {
        std::string v = a[0] == '-' ? (a.find('=') == std::string::npos ? "" : a.substr(a.find('=') + 1)) : a;
        for (size_t b = 0, e; b < v.size(); b = e + 1) {
            e = std::min(v.find(',', b), v.size());
            std::string piece = v.substr(b, e - b);
            for (const char* prefix : {"optional:file:", "file:"}) {
                if (piece.rfind(prefix, 0) == 0) piece = piece.substr(std::string(prefix).size());
            }
            if (!piece.empty() && piece != "." && piece.find_first_of("$:") == std::string::npos) candidates.push_back(piece);
        }
    }
    for (const auto& file : kWorkdirFiles) candidates.push_back(file);
    size_t end = f.steps.back().index + 1;
    for (const auto& c : candidates) {
        std::string abs = join_path(w.dir, c);
        auto from = context_path(f, in.ctx, abs, end);
        if (abs == "/" || abs == f.final_workdir || !from || from->empty() || !in.ctx.exists(*from) || dockerignored(in.ctx, *from)) continue;
        if (ship(plan, abs)) plan.extras.push_back(abs);
    }
    return plan;
}

}  // namespace restage::rewrite::java
