// The dependency install: which RUN installs, moving it before the sources, and where the build ends.
#include <algorithm>

#include "rewrite/command.hpp"
#include "rewrite/dockerignore.hpp"
#include "rewrite/eco_node.hpp"
#include "rewrite/sources.hpp"
#include "rewrite/text_util.hpp"

namespace restage::rewrite::node {

namespace {

using model::Kind;

// npm, yarn and pnpm flags that take the next word as their value.
const std::vector<std::string> kValueFlags = {
    "--loglevel",     "--registry", "--network-timeout",     "--cache",
    "--cache-folder", "--mutex",    "--modules-folder",      "--userconfig",
    "--omit",         "--only",     "--network-concurrency", "--fetch-timeout"};
// Flags that move the install elsewhere: such an install is not the project's.
const std::vector<std::string> kElsewhere = {"-g", "--global", "--location=global", "--prefix", "--cwd",
                                             "-C", "--dir"};
// Lifecycle scripts an install runs in the project itself.
const std::vector<std::string> kInstallScripts = {"preinstall", "install", "postinstall", "prepare"};

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}


// The install a command's words make, or nullopt: npm install|i|ci, yarn [install], pnpm install|i.
std::optional<Install> as_install(const std::vector<std::string>& words) {
    if (words.empty()) return std::nullopt;
    const std::string& pm = words[0];
    if (pm != "npm" && pm != "yarn" && pm != "pnpm") return std::nullopt;
    Install in;
    in.pm = pm;
    bool verb = false;
    for (size_t k = 1; k < words.size(); ++k) {
        const std::string& w = words[k];
        std::string name = w.substr(0, w.find('='));
        if (contains(kElsewhere, name)) return std::nullopt;
        if (!w.empty() && w[0] == '-') {
            in.flags.push_back(w);
            if (contains(kValueFlags, w) && k + 1 < words.size()) in.flags.push_back(words[++k]);
            continue;
        }
        if (verb) return std::nullopt;  // package names: it adds packages
        bool install = w == "install" || (pm != "yarn" && w == "i") || (pm == "npm" && w == "ci");
        if (!install) return std::nullopt;
        verb = true;
    }
    if (!verb && pm != "yarn") return std::nullopt;  // bare `yarn` installs
    in.text = joined(words, " ");
    return in;
}

bool prod_flags(const std::vector<std::string>& flags) {
    for (size_t k = 0; k < flags.size(); ++k) {
        const std::string& f = flags[k];
        std::string next = k + 1 < flags.size() ? flags[k + 1] : "";
        if (f == "--production" || f == "--prod" || f == "-P" || f == "--omit=dev" || f == "--only=prod" ||
            f == "--only=production" ||
            ((f == "--omit" || f == "--only") && (next == "dev" || next.rfind("prod", 0) == 0)))
            return true;
    }
    return false;
}

// The text the manifests COPY goes to, as the source COPY writes its destination.
// A folder, always: `COPY package.json /app` would make /app a file when the folder does not exist yet.
std::string manifest_dest(std::string dest) {
    if (dest.back() != '/') dest += "/";
    return dest;
}

// Where pnpm comes from: `npm install -g pnpm` or corepack; SIZE_MAX when nothing installs it.
size_t pnpm_installed_at(const StageFacts& f) {
    for (const auto& s : f.steps) {
        for (const auto& words : run_commands(f.at(s.index))) {
            std::string line = joined(words, " ");
            if (line.rfind("corepack", 0) == 0 ||
                (line.find("-g") != std::string::npos && line.find("pnpm") != std::string::npos))
                return s.index;
        }
    }
    return SIZE_MAX;
}

// Why moving the install before the sources could change the build, or "".
std::string cannot_move(const PlanInput& in, const Install& install, const Package& pkg,
                        const std::string& dir) {
    const auto& ctx = in.ctx;
    if (pkg.workspaces || ctx.exists(in_dir(dir, "pnpm-workspace.yaml")))
        return "the project has workspaces, whose package.json files the install needs too";
    for (const auto& s : kInstallScripts) {
        if (pkg.scripts.count(s))
            return "package.json's `" + s + "` script runs during the install and may need the sources";
    }
    for (const auto* deps : {&pkg.dependencies, &pkg.dev_dependencies}) {
        for (const auto& [name, range] : *deps) {
            if (range.rfind("file:", 0) == 0 || range.rfind("link:", 0) == 0 ||
                range.rfind("workspace:", 0) == 0)
                return "dependency " + name + " is a local path (" + range + ") the install needs";
        }
    }
    if (install.pm == "yarn" && yarn_berry(ctx, dir, pkg))
        return "the project uses Yarn 2 or later, whose install needs .yarn/ and .yarnrc.yml";
    if (ctx.is_dir(in_dir(dir, "node_modules")) && !dockerignored(ctx, in_dir(dir, "node_modules")))
        return "the context has node_modules/ and .dockerignore does not exclude it: copying the sources "
               "would replace the installed dependencies";
    if (!install.alone && !install.leads) return "it shares its RUN with other commands";
    return "";
}

}  // namespace

std::optional<Install> find_install(const StageFacts& f) {
    for (const auto& s : f.steps) {
        const auto& i = f.at(s.index);
        if (i.kind != Kind::Run) continue;
        auto cmds = run_commands(i);
        std::string dir = s.workdir;
        for (size_t c = 0; c < cmds.size(); ++c) {
            const auto& words = cmds[c];
            if (words.size() > 1 && words[0] == "cd") dir = join_path(dir, words[1]);
            auto in = as_install(words);
            if (!in) continue;
            in->index = s.index;
            in->dir = dir;
            in->alone = cmds.size() == 1 && i.heredocs.empty();
            if (c == 0 && !i.json && i.heredocs.empty() && cmds.size() > 1) {
                std::string line = i.args.empty() ? "" : i.args[0];
                auto simple = simple_commands(line);
                size_t first = simple.empty() ? std::string::npos : line.find(simple[0]);
                size_t after = first == std::string::npos
                                   ? first
                                   : line.find_first_not_of(" \t", first + simple[0].size());
                in->leads = after != std::string::npos && line.compare(after, 2, "&&") == 0;
            }
            return in;
        }
    }
    return std::nullopt;
}

bool production_only(const StageFacts& f) {
    bool prod = false, node_env = false;
    for (const auto& s : f.steps) {
        const auto& i = f.at(s.index);
        if (i.kind == Kind::Env) {
            for (size_t k = 0; k + 2 < i.args.size(); k += 3) {
                if (i.args[k] == "NODE_ENV") node_env = i.args[k + 1] == "production";
            }
        }
        if (i.kind != Kind::Run) continue;
        for (const auto& words : run_commands(i)) {
            if (auto in = as_install(words)) prod = node_env || prod_flags(in->flags);
            bool prune = words.size() > 1 && (words[0] == "npm" || words[0] == "pnpm") && words[1] == "prune";
            if (prune && prod_flags({words.begin() + 2, words.end()})) prod = true;
        }
    }
    return prod;
}

std::string npm_for(std::string command, const std::string& major) {
    if (major.empty() || !std::isdigit(static_cast<unsigned char>(major[0])) || command.rfind("npm ", 0) != 0)
        return command;  // a moving tag brings a current npm
    int v = std::stoi(major);
    if (v < 10 && command.rfind("npm ci", 0) == 0) command = "npm install" + command.substr(6);
    if (auto at = command.find("--omit=dev"); v < 15 && at != std::string::npos)
        command.replace(at, 10, "--production");
    return command;
}

const Manifest* manifest_for(const PlanInput& in, const std::string& pm, const std::string& dir) {
    for (const auto& m : in.tmpl.manifests) {
        if (m.when != pm && m.when != pm + "-no-lock") continue;
        bool ok = std::all_of(m.required.begin(), m.required.end(),
                              [&](const std::string& r) { return in.ctx.exists(in_dir(dir, r)); });
        if (ok) return &m;
    }
    return nullptr;
}

void install_first(const PlanInput& in, const Install& install, const Package& pkg, const std::string& major,
                   const std::string& app_context, Build& b, std::string& in_place) {
    const auto& f = in.facts;
    const Manifest* m = manifest_for(in, install.pm, app_context);
    if (m == nullptr || !enabled(in, "deps-before-sources")) return;
    auto src = first_source_copy(f, *m, install.index);
    if (!src || manifests_copied_before(f, *m, *src))
        return;  // no sources before it, or manifests first already
    const auto& copy = f.at(*src);
    std::string copy_dir = f.steps.front().workdir;
    for (const auto& s : f.steps) {
        if (s.index == *src) copy_dir = s.workdir;
    }
    std::string dest = copy.args.back();
    if (join_path(copy_dir, expand(dest, f.env_entries, in.doc.escape())) != install.dir) {
        in_place = "the sources (line " + std::to_string(copy.first_line) + ") are not copied to " +
                   install.dir + ", where it runs";
        return;
    }
    if (install.pm == "pnpm" && pnpm_installed_at(f) > *src) {
        in_place = "pnpm is not installed before the sources are copied";
        return;
    }
    in_place = cannot_move(in, install, pkg, app_context);
    if (!in_place.empty()) return;

    std::vector<std::string> files;
    for (const auto& file : m->files) {
        if (in.ctx.exists(in_dir(app_context, file))) files.push_back(in_dir(app_context, file));
    }
    std::vector<std::string> fetch = command_words(npm_for(m->fetch, major));
    for (const auto& flag : install.flags) {
        if (!contains(fetch, flag) || flag[0] != '-') fetch.push_back(flag);
    }
    std::string fetch_text = joined(fetch, " ");
    // The install ran in its own folder; here, before the sources, the working directory may differ.
    std::string run = (copy_dir == install.dir ? "" : "cd " + install.dir + " && ") + fetch_text;
    bool mount = in.options.cache_mounts && enabled(in, "cache-mounts") && !m->cache_mount.empty();
    if (mount) run = "--mount=type=cache,target=" + m->cache_mount + " " + run;

    std::string_view source = in.doc.bytes();
    std::string eol = eol_of(source);
    std::string flags;
    for (const auto& fl : copy.flags) flags += fl + " ";
    size_t at = comments_above(source, line_begin(source, copy.range.begin));
    b.builder_edits.push_back(
        {at, at, "COPY " + flags + joined(files, " ") + " " + manifest_dest(dest) + eol + "RUN " + run + eol});
    if (install.alone) {
        b.drop_from_builder.push_back(install.index);
    } else {
        // Cut `install && ` from the front of its RUN, continuation lines included.
        const auto& run_ins = f.at(install.index);
        size_t p = source.find(install.text, run_ins.range.begin);
        if (p == std::string_view::npos || p >= run_ins.range.end) {
            b.builder_edits.pop_back();
            in_place = "its RUN is written in a way restage cannot cut";
            return;
        }
        size_t q = source.find("&&", p + install.text.size()) + 2;
        while (q < source.size()) {
            if (source[q] == ' ' || source[q] == '\t' || source[q] == '\r' || source[q] == '\n')
                ++q;
            else if (source[q] == '\\' && q + 1 < source.size() &&
                     (source[q + 1] == '\n' || source[q + 1] == '\r'))
                ++q;
            else
                break;
        }
        b.builder_edits.push_back({p, q, ""});
    }
    std::map<std::string, std::string> vars = {
        {"manifests", joined(files, " ")}, {"fetch", fetch_text}, {"targets", m->cache_mount}};
    b.changes.push_back(change(in.tmpl, "deps-before-sources", vars, copy.first_line, copy.last_line));
    if (mount) b.changes.push_back(change(in.tmpl, "cache-mounts", vars, copy.first_line, copy.last_line));
}

size_t end_of_build(const PlanInput& in, const Build& b) {
    size_t at = in.facts.at(in.facts.from).range.end;
    for (const auto& s : in.facts.steps) {
        const auto& i = in.facts.at(s.index);
        bool build = i.kind == Kind::Run || i.kind == Kind::Copy || i.kind == Kind::Add;
        if (build && std::find(b.drop_from_builder.begin(), b.drop_from_builder.end(), s.index) ==
                         b.drop_from_builder.end())
            at = i.range.end;
    }
    return at;
}

}  // namespace restage::rewrite::node
