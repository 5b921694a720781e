// The Go planner: ship the binary `go build` writes; static unless the build uses cgo.
#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

#include "model/shell_lex.hpp"
#include "rewrite/command.hpp"
#include "rewrite/sources.hpp"
#include "rewrite/text_util.hpp"

namespace restage::rewrite {

namespace {

using model::Kind;

// go build flags that take a value (cmd/go's build flags).
const std::vector<std::string> kValueFlags = {"-o", "-ldflags", "-gcflags", "-asmflags", "-tags", "-mod", "-modfile",
                                             "-pkgdir", "-p", "-buildmode", "-compiler", "-installsuffix",
                                             "-overlay", "-pgo", "-gccgoflags", "-toolexec", "-C", "-coverpkg",
                                             "-buildvcs", "-covermode"};

// Modules known to need cgo.
const std::vector<std::string> kCgoModules = {"github.com/mattn/go-sqlite3", "github.com/confluentinc/confluent-kafka-go",
                                             "gopkg.in/gographics/imagick", "github.com/tecbot/gorocksdb",
                                             "github.com/go-gl/", "github.com/veandco/go-sdl2"};

// Folders and files a Go program commonly reads at run time from its working directory.
const std::vector<std::string> kAssets = {"templates/", "static/", "public/", "views/", "assets/", "web/",
                                         "migrations/", "config/", "configs/", ".env", "config.yaml",
                                         "config.yml", "config.json", "config.toml"};

struct GoBuild {
    size_t index = 0;
    bool install = false;
    std::string output;            // -o value, or ""
    std::vector<std::string> packages;
    std::string cgo;               // CGO_ENABLED assignment on the command, or ""
    std::string workdir;
    bool hidden = false;           // --artifact names what a script builds: its cgo use is unknown
};

// Whether a RUN's command line hands its heredoc to a shell as the script: `<<EOF`, `sh <<EOF`.
bool heredoc_script(const std::string& command) {
    std::istringstream words(command);
    std::string first, second, rest;
    words >> first >> second >> rest;
    if (first.rfind("<<", 0) == 0) return second.empty();
    static const std::vector<std::string> shells = {"sh", "bash", "/bin/sh", "/bin/bash", "ash", "dash"};
    return std::find(shells.begin(), shells.end(), first) != shells.end() && second.rfind("<<", 0) == 0 && rest.empty();
}

std::optional<GoBuild> find_build(const StageFacts& f) {
    std::optional<GoBuild> found;
    for (const auto& s : f.steps) {
        const auto& i = f.at(s.index);
        if (i.kind != Kind::Run || i.args.empty()) continue;
        std::vector<std::string> simple = i.json ? std::vector<std::string>{} : simple_commands(i.args[0]);
        if (!i.json && heredoc_script(i.args[0])) {  // RUN <<EOF: the heredoc is the script the shell runs
            for (const auto& h : i.heredocs) {
                for (auto& c : simple_commands(h.content)) simple.push_back(std::move(c));
            }
        }
        std::string dir = s.workdir;  // `cd DIR &&` moves it for the commands after
        for (size_t c = 0; c < (i.json ? 1 : simple.size()); ++c) {
            std::string text = i.json ? "" : simple[c];
            std::vector<std::string> all = i.json ? i.args : std::vector<std::string>{};
            if (!i.json) {
                if (auto w = model::process_words(text, model::empty_env(), {})) all = *w;
            }
            std::vector<std::string> words = i.json ? i.args : command_words(text);
            if (words.size() == 2 && words[0] == "cd") dir = join_path(dir, expand(words[1], f.env_entries, f.doc->escape()));
            bool wrapper = words.size() >= 2 && words[0] == "go-wrapper" && words[1] == "install";
            if (!wrapper && (words.size() < 2 || words[0] != "go" || (words[1] != "build" && words[1] != "install"))) continue;
            GoBuild g{s.index, words[1] == "install", "", {}, "", dir};
            if (wrapper) words.resize(2);  // its arguments go to `go install` flags, not packages
            for (const auto& w : all) {
                if (w.rfind("CGO_ENABLED=", 0) == 0) g.cgo = w.substr(12);
            }
            for (size_t k = 2; k < words.size(); ++k) {
                const auto& w = words[k];
                if (w == "-o" && k + 1 < words.size()) {
                    g.output = words[++k];
                } else if (w.rfind("-o=", 0) == 0) {
                    g.output = w.substr(3);
                } else if (!w.empty() && w[0] == '-') {
                    std::string name = w.substr(0, w.find('='));
                    if (name.rfind("--", 0) == 0) name = name.substr(1);
                    if (w.find('=') == std::string::npos &&
                        std::find(kValueFlags.begin(), kValueFlags.end(), name) != kValueFlags.end()) ++k;
                } else {
                    g.packages.push_back(w);
                }
            }
            found = g;
        }
    }
    return found;
}

std::string last_element(std::string p) {
    while (!p.empty() && p.back() == '/') p.pop_back();
    auto at = p.find('@');
    if (at != std::string::npos) p = p.substr(0, at);
    auto slash = p.rfind('/');
    std::string name = slash == std::string::npos ? p : p.substr(slash + 1);
    // A major-version suffix (example.com/app/v2) names the element before it.
    if (name.size() > 1 && name[0] == 'v' && std::all_of(name.begin() + 1, name.end(), ::isdigit) && slash != std::string::npos)
        return last_element(p.substr(0, slash));
    return name;
}

std::string module_path(const detect::Context& ctx) {
    auto gomod = ctx.read("go.mod");
    if (!gomod) return "";
    std::istringstream in(*gomod);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("module ", 0) == 0) {
            std::string m = line.substr(7);
            m.erase(0, m.find_first_not_of(" \t\""));
            return m.substr(0, m.find_first_of(" \t\"\r"));
        }
    }
    return "";
}

// The Go minor release an image tag names (golang:1.10 -> 10), or -1 when it names none.
int go_minor(const std::string& image) {
    auto colon = image.rfind(':');
    if (colon == std::string::npos || image.compare(colon + 1, 2, "1.") != 0) return -1;
    int minor = -1;
    for (size_t i = colon + 3; i < image.size() && std::isdigit(static_cast<unsigned char>(image[i])); ++i) {
        minor = (minor < 0 ? 0 : minor * 10) + (image[i] - '0');
    }
    return minor;
}

// Whether `go build` runs in module mode: go.mod is there and GO111MODULE (or the release's
// default for it: on from 1.13, outside GOPATH/src only in 1.11 and 1.12) says so.
bool module_mode(const PlanInput& in, const GoBuild& g) {
    if (!in.ctx.exists("go.mod")) return false;
    std::string setting = in.facts.variable("GO111MODULE").value_or("");
    if (setting == "off") return false;
    if (setting == "on") return true;
    int minor = go_minor(in.facts.base_image);
    if (minor < 0 || minor >= 13) return true;
    if (minor < 11) return false;
    return !(g.workdir == "/go/src" || g.workdir.rfind("/go/src/", 0) == 0);
}

// The binary's file name when -o does not give it.
std::string binary_name(const GoBuild& g, const PlanInput& in) {
    const detect::Context& ctx = in.ctx;
    if (g.packages.size() == 1 && g.packages[0].size() > 3 && g.packages[0].ends_with(".go")) {
        std::string f = last_element(g.packages[0]);
        return f.substr(0, f.size() - 3);
    }
    if (g.packages.size() == 1 && g.packages[0] != "." && g.packages[0] != "./" && g.packages[0] != "./...") {
        return last_element(g.packages[0]);
    }
    std::string mod = module_mode(in, g) ? module_path(ctx) : "";
    if (!mod.empty()) return last_element(mod);
    return last_element(g.workdir);
}

// Why the build uses cgo, or "" when it does not.
std::string cgo_evidence(const PlanInput& in, const GoBuild& g) {
    if (g.hidden) return "the build on line " + std::to_string(in.facts.at(g.index).first_line) + " is a script restage cannot read";
    if (g.cgo == "1") return "CGO_ENABLED=1 on the build command";
    if (g.cgo.empty() && in.facts.variable("CGO_ENABLED").value_or("") == "1") return "ENV CGO_ENABLED=1";
    if (auto gomod = in.ctx.read("go.mod")) {
        for (const auto& m : kCgoModules) {
            if (gomod->find(m) != std::string::npos) return "go.mod requires " + m;
        }
    }
    for (const auto& name : in.ctx.list("")) {
        if (!name.ends_with(".go")) continue;
        auto src = in.ctx.read(name);
        if (src && src->find("import \"C\"") != std::string::npos) return name + " imports \"C\"";
    }
    return "";
}


// --cache-mounts: the build RUN keeps Go's build cache (and the module cache) in BuildKit caches,
// where the image's own locations hold them and the build runs as root.
void mount_build_caches(const PlanInput& in, Build& b, size_t index, bool modules) {
    const auto& f = in.facts;
    const auto& run = f.at(index);
    if (!in.options.cache_mounts || !enabled(in, "cache-mounts") || in.tmpl.build_cache_mounts.empty()) return;
    for (const auto& flag : run.flags) {
        if (flag.rfind("--mount", 0) == 0) return;
    }
    for (const auto& s : f.steps) {
        if (s.index >= index) break;
        if (f.at(s.index).kind == Kind::User) return;  // another user's home holds the cache
    }
    if (f.variable("GOCACHE") || f.variable("GOMODCACHE")) return;
    std::vector<std::string> targets;
    const Manifest* m = modules ? pick_manifest(in) : nullptr;
    if (m != nullptr && !m->cache_mount.empty()) targets.push_back(m->cache_mount);
    for (const auto& t : in.tmpl.build_cache_mounts) targets.push_back(t);
    std::string mounts;
    for (const auto& t : targets) mounts += "--mount=type=cache,target=" + t + " ";
    std::string_view src = in.doc.bytes();
    size_t at = run.range.begin + run.keyword.size();
    while (at < src.size() && (src[at] == ' ' || src[at] == '\t')) ++at;
    b.builder_edits.push_back({at, at, mounts});
    b.changes.push_back(change(in.tmpl, "cache-mounts", {{"targets", joined(targets, " ")}}, run.first_line, run.last_line));
}

Refusal refusal(std::string reason, int line, std::string unblock) { return {std::move(reason), line, std::move(unblock)}; }

}  // namespace

Build plan_go(const PlanInput& in) {
    Build b;
    const auto& f = in.facts;
    b.build_only_env = in.tmpl.build_only_env;

    auto g = find_build(f);
    if (!g && in.options.artifact) {
        // --artifact: the last RUN builds it, in a way restage cannot see.
        for (const auto& s : f.steps) {
            if (f.at(s.index).kind == Kind::Run) g = GoBuild{s.index, false, "", {}, "", s.workdir, true};
        }
    }
    const auto* run_cmd = f.entrypoint ? &*f.entrypoint : f.cmd ? &*f.cmd : nullptr;
    if (run_cmd) {
        // Live-reload tools build the sources when the container starts, as `go run` does.
        static const std::set<std::string> kReloaders = {"gin", "air", "reflex", "CompileDaemon", "fresh",
                                                         "realize", "modd", "gow", "wgo"};
        std::string first = run_cmd->json ? (run_cmd->argv.empty() ? "" : run_cmd->argv[0])
                                           : run_cmd->shell.substr(0, run_cmd->shell.find_first_of(" \t"));
        std::string prog = first.substr(first.rfind('/') + 1);
        if (kReloaders.count(prog)) {
            b.refusals.push_back(refusal("the image runs `" + prog + "`, a live-reload tool that compiles the sources when "
                                         "the container starts: the final image would need the Go toolchain and the sources",
                                         f.at(run_cmd->index).first_line,
                                         "build a binary with `go build -o PATH` and run it, then run restage again"));
            return b;
        }
    }
    if (!g) {
        bool go_run = run_cmd && ((run_cmd->json && run_cmd->argv.size() > 1 && run_cmd->argv[0] == "go" && run_cmd->argv[1] == "run") ||
                                  (!run_cmd->json && run_cmd->shell.find("go run") != std::string::npos));
        if (go_run) {
            b.refusals.push_back(refusal("the image runs `go run`, which compiles at start: the final image would need the Go toolchain",
                                         f.at(run_cmd->index).first_line, "build a binary with `go build -o PATH` and run it, then run restage again"));
        } else {
            b.refusals.push_back(refusal("no `go build` or `go install` in the Dockerfile: the build is hidden (in a script?) so the artifact is unknown",
                                         0, "pass --artifact PATH (the binary the build writes)"));
        }
        return b;
    }
    const auto& build_ins = f.at(g->index);

    // Where the binary lands.
    std::string built;  // "" for a hidden build: only --artifact names it
    if (g->hidden) {
        built = "";
    } else if (g->install) {
        std::string gobin = f.variable("GOBIN").value_or("");
        std::string dir = gobin.empty() ? join_path(f.variable("GOPATH").value_or("/go"), "bin") : gobin;
        built = join_path(dir, binary_name(*g, in));
    } else if (!g->output.empty()) {
        built = join_path(g->workdir, g->output);
        if (g->output.back() == '/') built = join_path(built, binary_name(*g, in));
    } else {
        built = join_path(g->workdir, binary_name(*g, in));
    }
    std::string artifact = in.options.artifact ? join_path(f.final_workdir, *in.options.artifact) : built;
    // --artifact naming a script from the context: it needs a shell and whatever it runs.
    if (in.options.artifact && run_cmd) {
        auto rel = context_path(f, in.ctx, artifact, f.steps.back().index + 1);
        auto text = rel ? in.ctx.read(*rel) : std::nullopt;
        if (text && text->rfind("#!", 0) == 0) {
            b.refusals.push_back(refusal(
                "the command runs " + artifact + ", a shell script (" + text->substr(0, text->find('\n')) +
                    "): the final image would need a shell and the files the script uses, which restage cannot see",
                f.at(run_cmd->index).first_line,
                "make the " + std::string(run_cmd == &*f.entrypoint ? "ENTRYPOINT" : "CMD") + " run the binary" +
                    (built.empty() ? "" : " (" + built + ")") + ", then run restage again"));
            return b;
        }
    }

    // The command must run that binary. `go-wrapper run` (old golang images) runs the binary
    // `go-wrapper install` wrote: the runtime runs it directly.
    std::string target = artifact;
    std::string name = artifact.substr(artifact.rfind('/') + 1);
    if (run_cmd && run_cmd->json && run_cmd->argv.size() >= 2 && run_cmd->argv[0] == "go-wrapper" &&
        run_cmd->argv[1] == "run") {
        target = "/usr/local/bin/" + name;
        std::vector<std::string> argv{target};
        argv.insert(argv.end(), run_cmd->argv.begin() + 2, run_cmd->argv.end());
        (run_cmd == &*f.entrypoint ? b.entrypoint : b.cmd) = argv;
        b.changes.push_back(change(in.tmpl, "go-wrapper-run", {{"artifact", target}}, f.at(run_cmd->index).first_line,
                                   f.at(run_cmd->index).last_line));
    } else if (run_cmd) {
        std::string argv0;
        if (run_cmd->json && !run_cmd->argv.empty()) argv0 = run_cmd->argv[0];
        if (!run_cmd->json) {
            auto cmds = simple_commands(run_cmd->shell);
            auto words = cmds.empty() ? std::vector<std::string>{} : command_words(cmds[0]);
            if (!words.empty()) argv0 = words[0] == "exec" && words.size() > 1 ? words[1] : words[0];
        }
        if (argv0.empty()) {
            b.refusals.push_back(refusal("cannot tell what the command runs: it is not valid shell (an unclosed quote?)",
                                         f.at(run_cmd->index).first_line, "fix the command, then run restage again"));
            return b;
        }
        if (argv0.find('/') == std::string::npos && argv0 == name) {
            target = "/usr/local/bin/" + name;  // found on PATH: put it on the runtime's PATH
        } else if (join_path(f.final_workdir, argv0) != artifact) {
            b.refusals.push_back(refusal("the command runs `" + argv0 + "`, not the binary the build writes (" + artifact + ")",
                                         f.at(run_cmd->index).first_line, "pass --artifact PATH for the file the command runs"));
            return b;
        }
    } else {
        b.refusals.push_back(refusal("no CMD or ENTRYPOINT: nothing says what the final image runs", 0,
                                     "add a CMD that runs the binary"));
        return b;
    }

    bool cgo = !cgo_evidence(in, *g).empty() || !enabled(in, "go-static-binary");
    std::string why;
    bool musl_builder = f.base_image.find("alpine") != std::string::npos;
    const std::string need = cgo ? (musl_builder ? "musl" : "glibc") : "";
    b.runtime = choose_runtime(in, "", need, nullptr, why);
    if (b.runtime.empty()) {
        b.refusals.push_back(refusal(why, 0, other_runtimes_hint(in, "", need, nullptr)));
        return b;
    }
    const RuntimeBase* base = in.catalogue.runtime(b.runtime);
    std::map<std::string, std::string> vars = size_vars(in, b.runtime);
    vars["artifact"] = artifact;
    b.artifacts.push_back({artifact, target});
    if (base->family == "scratch") {
        b.artifacts.push_back({"/etc/ssl/certs/ca-certificates.crt", "/etc/ssl/certs/ca-certificates.crt"});
    }
    for (const auto& asset : kAssets) {
        if (!in.ctx.exists(asset.back() == '/' ? asset.substr(0, asset.size() - 1) : asset)) continue;
        std::string rel = asset.back() == '/' ? asset.substr(0, asset.size() - 1) : asset;
        b.artifacts.push_back({join_path(f.final_workdir, rel), join_path(f.final_workdir, rel)});
        vars["asset"] = rel;
        b.changes.push_back(change(in.tmpl, "go-runtime-assets", vars));
    }
    // Files the stage writes with `COPY <<EOF PATH` that the command names (a config file).
    std::string command_text;
    for (const auto* c : {&f.entrypoint, &f.cmd}) {
        if (!*c) continue;
        for (const auto& w : (*c)->argv) command_text += w + " ";
        command_text += (*c)->shell + " ";
    }
    for (const auto& s : f.steps) {
        const auto& i = f.at(s.index);
        if (i.kind != Kind::Copy || i.heredocs.empty() || i.args.empty() || i.args.back().back() == '/') continue;
        std::string dest = join_path(s.workdir, expand(i.args.back(), f.env_entries, in.doc.escape()));
        if (command_text.find(dest) == std::string::npos) continue;
        b.artifacts.push_back({dest, dest});
        vars["asset"] = dest;
        b.changes.push_back(change(in.tmpl, "go-runtime-assets", vars, i.first_line, i.last_line));
    }
    b.changes.insert(b.changes.begin(), change(in.tmpl, "go-split-build", vars, build_ins.first_line, build_ins.last_line));
    if (!enabled(in, "go-split-build")) {
        b.notes.push_back("rule go-split-build is switched off in .restage.yaml");
        return b;
    }

    std::string cgo_now = g->cgo.empty() ? f.variable("CGO_ENABLED").value_or("") : g->cgo;
    if (cgo) {
        vars["evidence"] = cgo_evidence(in, *g);
        if (vars["evidence"].empty()) vars["evidence"] = "the rule that sets CGO_ENABLED=0 is switched off";
        vars["libc"] = musl_builder ? "musl" : "glibc";
        b.changes.push_back(change(in.tmpl, "go-cgo-runtime", vars, build_ins.first_line, build_ins.last_line));
    } else if (cgo_now != "0") {
        std::string_view src = in.doc.bytes();
        size_t at = comments_above(src, line_begin(src, build_ins.range.begin));
        b.builder_edits.push_back({at, at, "ENV CGO_ENABLED=0" + eol_of(src)});
        b.changes.push_back(change(in.tmpl, "go-static-binary", vars, build_ins.first_line, build_ins.last_line));
    }
    // `go mod download` only where the build uses modules (Go 1.11 and later, go.mod, GO111MODULE).
    const bool modules = module_mode(in, *g);
    if (modules) order_manifests(in, b, g->index, pick_manifest(in));
    mount_build_caches(in, b, g->index, modules);
    return b;
}

}  // namespace restage::rewrite
