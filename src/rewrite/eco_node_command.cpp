// What a Node image's command runs: followed through npm scripts, shells, script files and wrappers.
#include <fnmatch.h>

#include <algorithm>
#include <set>

#include "rewrite/command.hpp"
#include "rewrite/eco_node.hpp"
#include "rewrite/sources.hpp"
#include "rewrite/text_util.hpp"

namespace restage::rewrite::node {

namespace {

constexpr int kMaxDepth = 6;  // npm start -> sh -c -> npm run x -> ... followed this deep

// Shell builtins, keywords and the basic tools every image with a shell has.
const std::set<std::string> kShellWords = {
    "echo", "cd",    "export", "set",  "sleep", "test", "[",      "true",  "false", "exit",   "printf",
    "cat",  "ls",    "mkdir",  "rm",   "cp",    "mv",   "chmod",  "chown", "touch", "wait",   "trap",
    "ln",   "sed",   "grep",   "tail", "head",  "date", "whoami", "id",    "umask", "ulimit", "source",
    ".",    "unset", "read",   "eval", "shift", "kill", "if",     "then",  "else",  "elif",   "fi",
    "for",  "while", "until",  "do",   "done",  "case", "esac",   "{",     "}",     "!",      "mkdirp"};
const std::set<std::string> kShells = {"sh", "bash", "ash", "dash", "zsh"};
// Programs that run their arguments; the node images' docker-entrypoint.sh is one (it adds `node`
// in front of a file or flag, but restage only follows it when a program follows).
const std::set<std::string> kWrappers = {"tini", "dumb-init", "docker-init", "docker-entrypoint.sh"};
const std::set<std::string> kNodes = {"node", "nodejs"};
// Package manager commands that are not scripts.
const std::set<std::string> kPmBuiltins = {
    "install", "i",   "ci",   "add",     "remove",   "rm",   "uninstall", "global", "cache",
    "config",  "set", "link", "upgrade", "update",   "info", "init",      "audit",  "prune",
    "rebuild", "why", "list", "ls",      "outdated", "pack", "publish"};

bool is_assignment(const std::string& w) {
    auto eq = w.find('=');
    return eq != std::string::npos && eq > 0 && w.find('/') > eq && w[0] != '-';
}

std::vector<std::string> operands(const std::vector<std::string>& w, size_t from) {
    std::vector<std::string> out;
    for (size_t k = from; k < w.size(); ++k) {
        if (w[k] == "--") break;
        if (!w[k].empty() && w[k][0] != '-') out.push_back(w[k]);
    }
    return out;
}

// npx and dlx take a package with a version: serve@14 runs serve, @scope/cli@2 runs @scope/cli.
std::vector<std::string> without_version(std::vector<std::string> w) {
    if (w.empty()) return w;
    size_t at = w[0].find('@', w[0].rfind('/') == std::string::npos ? 1 : w[0].rfind('/'));
    if (at != std::string::npos && at > 0) w[0].resize(at);
    return w;
}

struct Walker {
    const PlanInput& in;
    const Package& pkg;
    const std::string& app_dir;
    Launch& l;
    int in_scripts = 0;  // how many package.json scripts the words being read run inside

    // Drops what only wraps the program: VAR=value, exec, nohup, env, tini, dumb-init.
    std::vector<std::string> unwrap(std::vector<std::string> w) {
        for (bool again = true; again && !w.empty();) {
            again = false;
            std::string p = base_name(w[0]);
            if (is_assignment(w[0])) {
                w.erase(w.begin());
                again = true;
            } else if (p == "exec" || p == "nohup" || p == "time") {
                l.wrapper = l.wrapper || p != "exec";
                w.erase(w.begin());
                again = true;
            } else if (p == "env" || kWrappers.count(p)) {
                l.wrapper = true;
                size_t k = 1;
                while (k < w.size() && !w[k].empty() && w[k][0] == '-' && w[k] != "--") ++k;
                if (k < w.size() && w[k] == "--") ++k;
                w.erase(w.begin(), w.begin() + static_cast<long>(k));
                again = true;
            }
        }
        return w;
    }

    void classify(const std::vector<std::string>& w, int depth) {
        std::string prog = base_name(w[0]);
        if (kNodes.count(prog)) {
            for (size_t k = 1; k + 1 < w.size(); ++k) {
                if (w[k] != "-r" && w[k] != "--require" && w[k] != "--loader" && w[k] != "--import") continue;
                std::string mod =
                    w[k + 1].substr(0, w[k + 1].find('/', w[k + 1][0] == '@' ? w[k + 1].find('/') + 1 : 0));
                if (pkg.dev_dependencies.count(mod)) l.dev_tools.push_back(mod);
            }
            l.commands.push_back(w);
            return;
        }
        if (kShellWords.count(prog)) {
            l.shell = true;
            return;
        }
        bool path = w[0].find('/') != std::string::npos || w[0].ends_with(".sh");
        std::string abs = join_path(in.facts.final_workdir, w[0]);
        if (path && (w[0][0] != '/' || abs.rfind(app_dir + "/", 0) == 0)) {
            file(w, depth);
            return;
        }
        l.commands.push_back(w);
        if (auto dev = dev_server(w); !dev.empty()) l.dev_server = dev;
        place(prog);
    }

    // Where a program comes from: a dependency, a devDependency, a global install, an OS package.
    void place(const std::string& prog) {
        std::string package = package_of_bin(prog);
        // Outside package.json scripts, which put node_modules/.bin first on PATH, the image's PATH
        // finds a global install before a dependency's executable: the runtime installs it too.
        if (in_scripts == 0 && !global_install_of(in.facts, prog).empty()) {
            l.global_tools.push_back(prog);
            return;
        }
        if (pkg.dependencies.count(package) || pkg.dependencies.count(prog)) return;
        if (pkg.dev_dependencies.count(package) || pkg.dev_dependencies.count(prog)) {
            l.dev_tools.push_back(prog);
        } else if (!global_install_of(in.facts, prog).empty()) {
            l.global_tools.push_back(prog);
        } else if (std::find(in.needs.packages.begin(), in.needs.packages.end(), prog) ==
                   in.needs.packages.end()) {
            l.unknown.push_back(prog);
        } else {
            l.os_programs.push_back(prog);
        }
    }

    // npm-run-all, run-s, run-p: their operands name scripts (globs allowed); concurrently: commands.
    void script_runner(const std::vector<std::string>& w, const std::string& prog, int depth) {
        place(prog);
        if (std::find(l.managers.begin(), l.managers.end(), "npm") == l.managers.end())
            l.managers.push_back("npm");
        for (const auto& op : operands(w, 1)) {
            if (prog == "concurrently") {
                if (op.rfind("npm:", 0) == 0)
                    run_script("npm", op.substr(4), {}, depth);
                else
                    script(op, depth);
                continue;
            }
            for (const auto& [name, text] : pkg.scripts) {
                if (fnmatch(op.c_str(), name.c_str(), 0) == 0) run_script("npm", name, {}, depth);
            }
        }
    }

    // A script file of the app: read from the context and followed.
    void file(const std::vector<std::string>& w, int depth) {
        std::string abs = join_path(in.facts.final_workdir, w[0]);
        auto rel = context_dir(in.facts, in.ctx, abs);
        auto text = rel ? in.ctx.read(*rel) : std::nullopt;
        if (!text) {
            l.opaque = true;
            l.shell = true;
            l.commands.push_back(w);
            return;
        }
        std::string first = text->substr(0, text->find('\n'));
        if (first.rfind("#!", 0) == 0 && first.find("node") != std::string::npos) {
            std::vector<std::string> as_node = {"node"};
            as_node.insert(as_node.end(), w.begin(), w.end());
            l.commands.push_back(as_node);
            return;
        }
        l.shell = true;
        l.bash = l.bash || first.find("bash") != std::string::npos;
        std::string body;
        for (size_t at = 0; at < text->size();) {
            size_t nl = text->find('\n', at);
            std::string line = text->substr(at, nl == std::string::npos ? std::string::npos : nl - at);
            auto b = line.find_first_not_of(" \t");
            if (b != std::string::npos && line[b] != '#') body += line + "\n";
            at = nl == std::string::npos ? text->size() : nl + 1;
        }
        script(body, depth + 1);
    }

    void script(const std::string& text, int depth) {
        auto argv = exec_form(text);
        // exec_form keeps `VAR=value cmd` as words; only a shell sets VAR for cmd.
        if (!argv || is_assignment(argv->front())) l.shell = true;
        for (const auto& simple : simple_commands(text)) {
            if (simple[0] == '#') continue;
            words(command_words(simple), depth + 1);
        }
    }

    void run_script(const std::string& pm, const std::string& name, const std::vector<std::string>& extra,
                    int depth) {
        auto it = pkg.scripts.find(name);
        std::string text = it != pkg.scripts.end()          ? it->second
                           : pm == "npm" && name == "start" ? "node server.js"
                                                            : "";
        if (text.empty()) {
            l.unknown.push_back(pm + " run " + name);
            return;
        }
        if (l.script.empty()) {
            l.script = name;
            l.script_text = text;
        }
        if (!extra.empty()) text += " " + joined(extra, " ");
        for (const char* phase : {"pre", "post"}) {
            auto hook = pkg.scripts.find(phase + name);
            if (hook == pkg.scripts.end() || pm == "pnpm") continue;  // pnpm 7+ runs no pre/post scripts
            l.lifecycle = true;
            ++in_scripts;
            script(hook->second, depth);
            --in_scripts;
        }
        ++in_scripts;
        script(text, depth);
        --in_scripts;
    }

    void words(std::vector<std::string> w, int depth) {
        w = unwrap(std::move(w));
        if (w.empty()) return;
        if (depth > kMaxDepth) {
            l.opaque = true;
            return;
        }
        std::string prog = base_name(w[0]);
        if (kShells.count(prog)) {
            l.shell = true;
            l.bash = l.bash || prog == "bash";
            for (size_t k = 1; k < w.size(); ++k) {
                if (w[k].size() > 1 && w[k][0] == '-' && w[k].find('c') != std::string::npos &&
                    k + 1 < w.size()) {
                    script(w[k + 1], depth);
                    return;
                }
                if (w[k][0] != '-') {
                    file({w.begin() + static_cast<long>(k), w.end()}, depth);
                    return;
                }
            }
            return;
        }
        if (prog == "npm" || prog == "yarn" || prog == "pnpm" || prog == "npx") {
            if (std::find(l.managers.begin(), l.managers.end(), prog) == l.managers.end())
                l.managers.push_back(prog);
        }
        auto ops = operands(w, 1);
        auto extra = [&] {
            auto dash = std::find(w.begin(), w.end(), "--");
            return dash == w.end() ? std::vector<std::string>{} : std::vector<std::string>(dash + 1, w.end());
        };
        auto rest_from = [&](const std::string& op) {
            auto at = std::find(w.begin() + 1, w.end(), op);
            return std::vector<std::string>(at + 1, w.end());
        };
        if (prog == "npx") {
            std::vector<std::string> rest;
            for (size_t k = 1; k < w.size(); ++k) {
                if (!rest.empty() || w[k].empty() || w[k][0] != '-')
                    rest.push_back(w[k]);
                else if (w[k] == "-p" || w[k] == "--package")
                    ++k;  // npx's own flags come first
            }
            words(without_version(rest), depth + 1);
            return;
        }
        if (prog == "npm" || prog == "yarn" || prog == "pnpm") {
            std::string sub = ops.empty() ? "" : ops[0];
            if ((sub == "run" || sub == "run-script") && ops.size() > 1)
                return run_script(prog, ops[1], extra(), depth);
            if (sub == "start" || sub == "test" || sub == "restart" || sub == "stop")
                return run_script(prog, sub, extra(), depth);
            if (sub == "exec" || sub == "x" || sub == "dlx") return words(without_version(rest_from(sub)), depth + 1);
            if (prog != "npm" && !sub.empty() && !kPmBuiltins.count(sub)) {
                if (pkg.scripts.count(sub)) return run_script(prog, sub, rest_from(sub), depth);
                if (sub == "node") return words({w.begin() + 1, w.end()}, depth + 1);
                return words(std::vector<std::string>(std::find(w.begin(), w.end(), sub), w.end()),
                             depth + 1);
            }
            l.commands.push_back(w);  // npm install and the like, at run time
            return;
        }
        if (prog == "npm-run-all" || prog == "run-s" || prog == "run-p" || prog == "concurrently")
            return script_runner(w, prog, depth);
        classify(w, depth);
    }
};

}  // namespace

std::optional<std::vector<std::string>> Launch::node_args() const {
    if (commands.size() != 1 || shell || wrapper || lifecycle || opaque || !unknown.empty())
        return std::nullopt;
    const auto& c = commands.front();
    if (c.size() < 2 || !kNodes.count(base_name(c[0]))) return std::nullopt;
    return std::vector<std::string>(c.begin() + 1, c.end());
}

Launch launch(const PlanInput& in, const Package& pkg, const std::string& app_dir,
              const std::vector<std::string>& image_entrypoint) {
    const auto& f = in.facts;
    Launch l;
    Walker walk{in, pkg, app_dir, l};
    l.found = f.cmd || f.entrypoint;
    if (f.entrypoint && !f.entrypoint->json) {
        l.index = f.entrypoint->index;
        l.shown = f.entrypoint->shell;
        walk.script(f.entrypoint->shell, 0);
        return l;
    }
    std::vector<std::string> argv = f.entrypoint ? f.entrypoint->argv : image_entrypoint;
    l.index = f.cmd ? f.cmd->index : f.entrypoint ? f.entrypoint->index : 0;
    if (f.cmd && !f.cmd->json) {
        if (argv.empty()) {
            l.shown = f.cmd->shell;
            walk.script(f.cmd->shell, 0);
            return l;
        }
        argv.insert(argv.end(), {"/bin/sh", "-c", f.cmd->shell});
    } else if (f.cmd) {
        argv.insert(argv.end(), f.cmd->argv.begin(), f.cmd->argv.end());
    }
    l.shown = joined(argv, " ");
    walk.words(argv, 0);
    return l;
}

}  // namespace restage::rewrite::node
