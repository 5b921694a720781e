// The Node planner: install and build in the node image, then run the app folder, with production
// dependencies only, on a Node runtime of the same major and libc.
//
// Production dependencies: the builder ends with a prune (`npm prune --omit=dev`, or the yarn and
// pnpm equivalents from node.yaml's prod_fetch) rather than a separate deps stage, so the one
// folder shipped holds the build output and the pruned node_modules together, and native modules
// built once are not built again.
#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>
#include <variant>

#include "rewrite/command.hpp"
#include "rewrite/eco_node.hpp"
#include "rewrite/text_util.hpp"

namespace restage::rewrite {

namespace {

using model::Kind;
using node::Refuse;

// What the planner and the runtime filter both need to know.
struct App {
    std::string dir;                     // the app folder in the image
    std::optional<std::string> context;  // where it came from in the context
    node::Package pkg;
    node::Launch run;
};

// An app in / (no WORKDIR) builds in kAppFolder instead, and the runtime gets that folder's
// contents in /, where the original had them: shipping / itself would copy the builder's whole
// file system. Safe while the move is invisible to the build: nothing copies to an absolute
// path, no RUN or ENV names / or a folder of it other than the system's own, and the context has
// no top-level folder that `COPY . .` would merge into one of those (etc/, usr/).
constexpr std::string_view kAppFolder = "/app";

bool system_dir(std::string_view name) {
    static const std::set<std::string_view> dirs = {"bin",  "boot",  "dev",   "etc", "home", "lib",  "lib32",
                                                    "lib64", "libx32", "media", "mnt", "opt",  "proc", "root",
                                                    "run",  "sbin",  "srv",   "sys", "tmp",  "usr",  "var"};
    return dirs.count(name) > 0;
}

// The first absolute path in `text` that may name the app's files: / itself (`cd /`, `/*`), or
// /NAME where NAME is not a system folder.
std::optional<std::string> app_path_in(std::string_view text) {
    auto in = [](char c, std::string_view set) { return set.find(c) != std::string_view::npos; };
    for (size_t k = 0; k < text.size(); ++k) {
        if (text[k] != '/' || (k > 0 && !in(text[k - 1], " \t\n\"'=:;(|&<>"))) continue;
        size_t e = k + 1;
        while (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])) || in(text[e], "._-@+"))) ++e;
        std::string_view name = text.substr(k + 1, e - k - 1);
        bool root = name.empty() && (e == text.size() || in(text[e], " \t\n\"';)|&*"));
        if (root || (!name.empty() && !system_dir(name))) return std::string(text.substr(k, e - k + (root && e < text.size() && text[e] == '*')));
    }
    return std::nullopt;
}

// Why the app in / cannot move to kAppFolder in the builder, or "".
std::string app_root_blocker(const PlanInput& in) {
    const auto& f = in.facts;
    if (f.has_workdir) return "WORKDIR / puts it there on purpose";
    for (const auto& name : in.ctx.list()) {
        std::string_view n = std::string_view(name).substr(0, name.size() - (name.back() == '/' ? 1 : 0));
        if (name.back() == '/' && system_dir(n))
            return "the context's " + name + " folder is merged into the image's /" + std::string(n);
    }
    for (const auto& s : f.steps) {
        const auto& i = f.at(s.index);
        std::string at = "line " + std::to_string(i.first_line);
        if ((i.kind == Kind::Copy || i.kind == Kind::Add) && !i.args.empty() &&
            (i.args.back().starts_with('/') || i.args.back().starts_with('$')))
            return at + " copies to " + i.args.back() + ", an absolute path";
        if (i.kind != Kind::Run && i.kind != Kind::Env) continue;
        for (const auto& arg : i.args) {
            if (auto p = app_path_in(arg)) return at + " names " + *p;
        }
    }
    return "";
}

App gather(const PlanInput& in) {
    App a;
    const auto& f = in.facts;
    a.dir = in.options.artifact ? join_path(f.final_workdir, *in.options.artifact) : f.final_workdir;
    if (a.dir == "/" && !in.options.artifact)
        a.dir = node::sources_dir(f).value_or("/");  // no WORKDIR: where `COPY .` put them
    a.context = node::context_dir(f, in.ctx, a.dir);
    a.pkg = node::read_package(in.ctx, a.context.value_or(""));
    a.run = node::launch(in, a.pkg, a.dir);
    return a;
}



// Whether a HEALTHCHECK runs node by name: distroless has node only as its ENTRYPOINT's path.
bool healthcheck_runs_node(const StageFacts& f) {
    for (const auto& s : f.steps) {
        const auto& i = f.at(s.index);
        if (i.kind != Kind::Healthcheck || i.args.size() < 2) continue;
        std::string first = i.json ? i.args[1] : i.args[1].substr(0, i.args[1].find(' '));
        if (first == "node") return true;
    }
    return false;
}

// Why distroless (no shell, no npm, node as ENTRYPOINT) cannot run the command, or "".
std::string distroless_blocker(const PlanInput& in, const App& a) {
    std::vector<std::string> needs;
    if (node::musl_image(in.facts.base_image))
        needs.push_back("a musl runtime (its alpine builder builds native modules for musl)");
    if (a.run.shell) needs.push_back("a shell");
    if (in.needs.shell && !a.run.shell) needs.push_back("a shell for its HEALTHCHECK");
    if (healthcheck_runs_node(in.facts)) needs.push_back("node on PATH for its HEALTHCHECK");
    if (a.run.wrapper) needs.push_back("the program it starts through");
    if (in.facts.entrypoint) needs.push_back("its own ENTRYPOINT");
    if (!a.run.global_tools.empty()) needs.push_back(listed(a.run.global_tools));
    if (!a.run.node_args() && !a.run.managers.empty()) needs.push_back(listed(a.run.managers));
    if (!in.needs.packages.empty())
        needs.push_back("its OS packages (" + joined(in.needs.packages, ", ") + ")");
    if (needs.empty() && !a.run.node_args()) needs.push_back("more than `node FILE`");
    return listed(needs);
}

bool node_runtime_ok(const RuntimeBase& r, const PlanInput& in) {
    if (!r.has("node")) return false;
    if (!r.has("npm") && healthcheck_runs_node(in.facts)) return false;
    if (node::musl_image(in.facts.base_image) != r.has("musl"))
        return false;  // native modules are built for one libc
    App a = gather(in);
    if (!r.has("npm")) {
        bool via_manager = !a.run.managers.empty();
        return distroless_blocker(in, a).empty() && enabled(in, "node-distroless-cmd") &&
               (!via_manager || enabled(in, "node-skip-npm"));
    }
    if (!a.run.global_tools.empty() && !enabled(in, "node-global-tools")) return false;
    return r.shell || !a.run.shell;
}

// The runtime for Node `version`, or a refusal.
std::variant<std::string, Refuse> node_version(const PlanInput& in) {
    const auto& f = in.facts;
    int line = f.at(f.from).first_line;
    bool node_image = false;
    std::string v = node::node_major(f.base_image, node_image);
    if (!node_image) {
        return Refuse{"Node comes from " + f.base_image +
                          " and what the Dockerfile installs, not a node image: its version is unknown, "
                          "so no Node runtime can match it",
                      line, "build FROM an official node image with a major version, e.g. node:20"};
    }
    if (v.empty()) {
        return Refuse{f.base_image + " is a tag restage does not know: the Node major it brings is unknown, so no "
                          "runtime can be matched to it",
                      line, "pin the major in the builder image, e.g. node:20 or node:20-alpine"};
    }
    bool available =
        std::any_of(in.tmpl.variants.begin(), in.tmpl.variants.end(),
                    [&](const RuntimeVariant& rv) { return in.catalogue.runtime_for(rv, v) != nullptr; });
    if (!available) {
        return Refuse{"Node " + v + " (from the builder image " + f.base_image +
                          "): the runtime catalogue has no Node " + v + " runtime (it has " +
                          versions_text(in.tmpl.versions) + ")",
                      line,
                      "add a Node " + v +
                          " runtime with --templates DIR (runtimes.yaml, and the variants of node.yaml)"};
    }
    return v;
}

// Without CMD or ENTRYPOINT the image runs the node image's own (docker-entrypoint.sh node):
// only a runtime that is a node image runs the same.
bool node_image_runtime(const RuntimeBase& r, const PlanInput& in) {
    return r.has("node") && r.has("npm") && r.entrypoint == std::vector<std::string>{"docker-entrypoint.sh"} &&
           node::musl_image(in.facts.base_image) == r.has("musl");
}

std::optional<Refuse> check_app(const PlanInput& in, const App& a) {
    const auto& f = in.facts;
    for (const auto& s : f.steps) {
        if (f.at(s.index).kind == Kind::Onbuild)
            return Refuse{
                "ONBUILD instructions: this is a base image for other builds, whose triggers run in them",
                f.at(s.index).first_line, "rewrite the Dockerfiles that build FROM it instead"};
    }
    if (a.dir == "/") {
        if (std::string why = app_root_blocker(in); !why.empty())
            return Refuse{"the app is in / (there is no WORKDIR), and building it in a folder of its own "
                          "could change the build: " + why,
                          0, "set a WORKDIR (e.g. WORKDIR /app) before copying the sources, or pass --artifact DIR"};
    }
    if (!a.context)
        return Refuse{"no COPY or ADD brings the app into " + a.dir + ": its files are not in the image", 0,
                      "copy the sources into the working directory, or pass --artifact DIR"};
    if (!a.run.found) return std::nullopt;  // the node image's own command, kept by a node runtime
    int line = f.at(a.run.index).first_line;
    if (!a.run.unknown.empty())
        return Refuse{"the command runs `" + a.run.unknown.front() +
                          "`, which is neither node, npm, a dependency in package.json nor a file of the "
                          "app: restage cannot tell "
                          "whether the runtime image has it",
                      line, "add it to package.json's dependencies, or run it from a script in the app"};
    bool pnpm = std::find(a.run.managers.begin(), a.run.managers.end(), "pnpm") != a.run.managers.end();
    if (pnpm && !a.run.node_args() && node::global_install_of(f, "pnpm").empty())
        return Refuse{
            "the command runs pnpm, which the Node runtime images do not have", line,
            "install pnpm with `npm install -g pnpm` in the Dockerfile, or run node directly in CMD"};
    return std::nullopt;
}

}  // namespace

Build plan_node(const PlanInput& in) {
    Build b;
    const auto& f = in.facts;
    auto refuse = [&](const Refuse& r) {
        b.refusals.push_back({r.reason, r.line, r.unblock});
        return b;
    };
    App a = gather(in);
    if (auto r = check_app(in, a)) return refuse(*r);
    auto version = node_version(in);
    if (auto* r = std::get_if<Refuse>(&version)) return refuse(*r);
    const std::string& v = std::get<std::string>(version);

    std::string why;
    const bool image_cmd = !a.run.found;
    auto accept = image_cmd ? node_image_runtime : node_runtime_ok;
    b.runtime = choose_runtime(in, v, "", accept, why);
    if (b.runtime.empty()) {
        std::string hint = other_runtimes_hint(in, v, "", accept);
        // An explicit runtime of the other libc: say so, and where the builder could change.
        std::string wanted = in.options.runtime.value_or(in.options.config.variant_for(in.tmpl.id).value_or(""));
        const RuntimeVariant* rv = wanted.empty() ? nullptr : in.tmpl.variant(wanted);
        const RuntimeBase* r = rv != nullptr ? in.catalogue.runtime_for(*rv, v) : nullptr;
        bool musl = node::musl_image(f.base_image);
        if (r != nullptr && r->has("node") && musl != r->has("musl")) {
            std::string libc = r->has("musl") ? "musl" : "glibc", other = musl ? "musl" : "glibc";
            std::string builder = r->has("npm") ? r->image : "";  // a node image builds too
            return refuse({"the " + wanted + " runtime (" + r->image + ") has " + libc + ", but the builder " +
                               f.base_image + " builds native modules for " + other,
                           f.at(f.from).first_line, hint + (builder.empty() ? "" : ", or build FROM " + builder)});
        }
        return refuse({why, 0, hint});
    }
    const RuntimeBase* base = in.catalogue.runtime(b.runtime);
    b.artifacts.push_back({a.dir, a.dir});
    if (a.dir == "/") {
        b.builder_workdir = std::string(kAppFolder);
        b.artifacts.back().from = kAppFolder;
    }
    // `next start` writes its cache under .next in the app, a development server its own caches
    // (node_modules/.cache, .cache), a build at start its output: the app belongs to the runtime user.
    const std::string& dev = a.run.dev_server;
    if (!dev.empty() && dev != "nodemon" && dev != "ts-node-dev") b.artifacts.back().owned = true;
    for (const auto& w : a.run.commands) {
        if ((w.size() >= 2 && w[0] == "next" && w[1] == "start") || !node::build_tool(w).empty())
            b.artifacts.back().owned = true;
    }
    // Distroless nonroot images start in /home/nonroot; the original, without a WORKDIR, in /.
    if (!f.has_workdir && base->family == "distroless") b.runtime_setup.push_back("WORKDIR /");
    if (enabled(in, "build-only-env")) b.build_only_env = in.tmpl.build_only_env;

    auto install = node::find_install(f);
    // `npm ci` installs from the lock file only: without one in the context, the build fails.
    if (install && install->pm == "npm" && a.context) {
        auto words = command_words(install->text);
        bool ci = words.size() >= 2 && (words[1] == "ci" || words[1] == "clean-install");
        bool locked = in.ctx.exists(node::in_dir(*a.context, "package-lock.json")) ||
                      in.ctx.exists(node::in_dir(*a.context, "npm-shrinkwrap.json"));
        if (ci && !locked) {
            int line = f.at(install->index).first_line;
            return refuse({"line " + std::to_string(line) + " runs `" + install->text +
                               "`, which installs from package-lock.json, and the context has none",
                           line, "run restage where package-lock.json is (--context DIR), or commit it"});
        }
    }
    const int cmd_first = image_cmd ? 0 : f.at(a.run.index).first_line,
              cmd_last = image_cmd ? 0 : f.at(a.run.index).last_line;
    int first = install ? f.at(install->index).first_line : 0,
        last = install ? f.at(install->index).last_line : 0;
    std::map<std::string, std::string> vars = size_vars(in, b.runtime);
    vars.insert({{"artifact", a.dir},
                 {"version", v},
                 {"version_source", "the builder image " + f.base_image},
                 {"command", image_cmd ? std::string("node (the node image's own command)") : a.run.shown},
                 {"line", std::to_string(cmd_first)}});
    b.changes.push_back(change(in.tmpl, "node-split-build", vars, first, last));
    if (!enabled(in, "node-split-build")) {
        b.notes.push_back("rule node-split-build is switched off in .restage.yaml");
        return b;
    }
    b.changes.push_back(change(in.tmpl, "node-version", vars));
    if (b.builder_workdir) {
        vars["folder"] = *b.builder_workdir;
        b.changes.push_back(change(in.tmpl, "node-app-folder", vars));
    }
    if (auto names = node::build_only_names(in); !names.empty()) {
        vars["names"] = names;
        b.changes.push_back(change(in.tmpl, "build-only-env", vars));
    }

    if (image_cmd) {
        vars["needs"] = "the node image's own command";
        b.changes.push_back(change(in.tmpl, "node-image-command", vars));
    } else if (!base->has("npm")) {
        // Distroless: its ENTRYPOINT is node, so CMD holds node's arguments.
        b.cmd = *a.run.node_args();
        vars["exec_form"] = json_argv(*b.cmd);
        b.changes.push_back(change(in.tmpl, "node-distroless-cmd", vars, cmd_first, cmd_last));
        if (!a.run.script.empty()) {
            vars["script"] = a.run.script_text;
            vars["name"] = a.run.script;
            vars["pm"] = a.run.managers.front();
            b.changes.push_back(change(in.tmpl, "node-skip-npm", vars, cmd_first, cmd_last));
        }
    } else {
        bool forced = in.options.runtime || in.options.config.variant_for(in.tmpl.id);
        const RuntimeVariant* top =
            in.tmpl.policy.empty() ? nullptr : in.tmpl.variant(in.tmpl.policy.front());
        const RuntimeBase* preferred = top ? in.catalogue.runtime_for(*top, v) : nullptr;
        std::string blocker = distroless_blocker(in, a);
        if (!forced && preferred && !preferred->has("npm") && !blocker.empty()) {
            vars["needs"] = blocker;
            vars["preferred_image"] = runtime_image(in, preferred->id);
            b.changes.push_back(change(in.tmpl, "node-keep-npm", vars, cmd_first, cmd_last));
        }
        for (const auto& tool : a.run.global_tools) {
            std::string line = "RUN " + node::global_install_of(f, tool);
            if (std::find(b.runtime_setup.begin(), b.runtime_setup.end(), line) != b.runtime_setup.end())
                continue;
            b.runtime_setup.push_back(line);
            vars["tools"] = tool;
            vars["install"] = line.substr(4);
            b.changes.push_back(change(in.tmpl, "node-global-tools", vars, cmd_first, cmd_last));
        }
    }

    if (!install) return b;
    std::string in_place;
    node::install_first(in, *install, a.pkg, v, *a.context, b, in_place);
    if (!in_place.empty()) {
        vars["install"] = install->text;
        vars["line"] = std::to_string(first);
        vars["why"] = in_place;
        b.changes.push_back(change(in.tmpl, "node-deps-in-place", vars, first, last));
    }

    // Production dependencies only, unless the command needs development ones.
    if (node::production_only(f) || !enabled(in, "node-prod-deps")) return b;
    std::string keep;
    if (image_cmd) keep = "there is no CMD, so whatever the container is told to run may need them";
    if (!a.run.dev_server.empty())
        keep = "the command runs a development server (`" + a.run.dev_server + "`)";
    if (!a.run.dev_tools.empty())
        keep = "the command runs " + joined(a.run.dev_tools, ", ") + " from devDependencies";
    if (a.run.opaque) keep = "the command runs a script restage cannot read";
    if (install->pm == "yarn" && node::yarn_berry(in.ctx, *a.context, a.pkg))
        keep = "Yarn 2 or later has no `install --production`";
    const Manifest* m = node::manifest_for(in, install->pm, *a.context);
    if (keep.empty() && m != nullptr && m->prod_fetch.empty())
        keep = "the template has no production-only install for " + install->pm;
    if (m == nullptr) return b;
    if (!keep.empty()) {
        vars["why"] = keep;
        b.changes.push_back(change(in.tmpl, "node-dev-deps-kept", vars));
        return b;
    }
    std::string_view src = in.doc.bytes();
    std::string eol = eol_of(src);
    size_t at = node::end_of_build(in, b);
    bool newline = at > 0 && src[at - 1] == '\n';
    // The prune runs where the install ran.
    std::string prune = (install->dir == f.final_workdir ? "" : "cd " + install->dir + " && ") +
                        node::npm_for(m->prod_fetch, v);
    b.builder_edits.push_back({at, at, (newline ? "" : eol) + "RUN " + prune + (newline ? eol : "")});
    vars["prod_fetch"] = prune;
    b.changes.push_back(change(in.tmpl, "node-prod-deps", vars));
    return b;
}

}  // namespace restage::rewrite
