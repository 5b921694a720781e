// StageFacts: roles, working directories, variables, the command and the packages of a stage.
#include "rewrite/stage_facts.hpp"

#include <sstream>

#include "model/bk_text.hpp"
#include "model/shell_lex.hpp"
#include "rewrite/image_defaults.hpp"

namespace restage::rewrite {

namespace {

using model::Kind;

Role role_of(Kind k) {
    switch (k) {
        case Kind::Cmd: case Kind::Entrypoint: case Kind::Expose: case Kind::User: case Kind::Healthcheck:
        case Kind::Volume: case Kind::Stopsignal: case Kind::Label: case Kind::Maintainer:
            return Role::Runtime;
        case Kind::Workdir: case Kind::Env: case Kind::Arg: case Kind::Shell:
            return Role::Both;
        default:
            return Role::Build;
    }
}

void set_entry(std::vector<std::string>& env, const std::string& key, const std::string& value) {
    std::string prefix = key + "=";
    for (auto& e : env) {
        if (e.compare(0, prefix.size(), prefix) == 0) {
            e = prefix + value;
            return;
        }
    }
    env.push_back(prefix + value);
}

// Packages named after `apt-get install`, `apt install`, `apk add`, `yum/dnf/microdnf install`.
void collect_packages(const std::string& command, std::vector<std::string>& out) {
    std::istringstream in(command);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    for (size_t i = 0; i + 1 < words.size(); ++i) {
        const auto& tool = words[i];
        const auto& verb = words[i + 1];
        bool installs = ((tool == "apt-get" || tool == "apt" || tool == "yum" || tool == "dnf" || tool == "microdnf") &&
                         verb == "install") ||
                        (tool == "apk" && verb == "add");
        if (!installs) continue;
        for (size_t j = i + 2; j < words.size(); ++j) {
            const auto& w = words[j];
            if (w == "&&" || w == ";" || w == "||" || w == "|" || w == "\\") break;
            if (w.empty() || w[0] == '-') continue;
            out.push_back(w);
        }
    }
}

}  // namespace

std::string join_path(const std::string& base, const std::string& path) {
    std::string full = !path.empty() && path[0] == '/' ? path : base + "/" + path;
    std::vector<std::string> parts;
    std::istringstream in(full);
    for (std::string p; std::getline(in, p, '/');) {
        if (p.empty() || p == ".") continue;
        if (p == "..") {
            if (!parts.empty()) parts.pop_back();
            continue;
        }
        parts.push_back(p);
    }
    std::string out;
    for (const auto& p : parts) out += "/" + p;
    return out.empty() ? "/" : out;
}

std::string expand(const std::string& word, const std::vector<std::string>& env, char escape) {
    model::LexOptions opts;
    opts.escape = static_cast<unsigned char>(escape);
    opts.skip_unset_env = true;
    auto r = model::process_word(word, model::env_from_entries(env), opts);
    return r ? *r : word;
}

std::optional<std::string> StageFacts::variable(const std::string& name) const {
    std::string prefix = name + "=";
    for (const auto& e : env_entries) {
        if (e.compare(0, prefix.size(), prefix) == 0) return e.substr(prefix.size());
    }
    return std::nullopt;
}

StageFacts analyse(const model::Document& doc) {
    StageFacts f;
    f.doc = &doc;
    const auto& ins = doc.instructions();
    char esc = doc.escape();

    // Global ARG defaults are visible to FROM lines.
    std::vector<std::string> global;
    for (size_t i = 0; i < ins.size() && ins[i].kind != Kind::From; ++i) {
        if (ins[i].kind != Kind::Arg) continue;
        for (const auto& a : ins[i].args) {
            auto eq = a.find('=');
            if (eq != std::string::npos) set_entry(global, a.substr(0, eq), expand(a.substr(eq + 1), global, esc));
        }
    }
    for (size_t i = 0; i < ins.size(); ++i) {
        if (ins[i].kind == Kind::From) f.from = i;
    }
    f.base_image = ins.empty() || ins[f.from].args.empty() ? "" : expand(ins[f.from].args[0], global, esc);

    std::vector<std::string>& env = f.env_entries;
    ImageDefaults defaults = image_defaults(f.base_image);
    env = defaults.env;
    std::string workdir = defaults.workdir;
    f.image_workdir = defaults.workdir;
    for (size_t i = f.from + 1; i < ins.size(); ++i) {
        const auto& in = ins[i];
        Step step{i, role_of(in.kind), workdir, ""};
        switch (in.kind) {
            case Kind::Workdir:
                if (!in.args.empty()) workdir = join_path(workdir, expand(in.args[0], env, esc));
                f.has_workdir = true;
                step.workdir = workdir;
                break;
            case Kind::Arg:
                for (const auto& a : in.args) {
                    auto eq = a.find('=');
                    std::string key = a.substr(0, eq);
                    if (eq != std::string::npos) {
                        set_entry(env, key, expand(a.substr(eq + 1), env, esc));
                    } else {
                        for (const auto& g : global) {
                            if (g.compare(0, key.size() + 1, key + "=") == 0) set_entry(env, key, g.substr(key.size() + 1));
                        }
                    }
                }
                break;
            case Kind::Env:
                for (size_t k = 0; k + 2 < in.args.size(); k += 3) {
                    const auto& key = in.args[k];
                    set_entry(env, key, expand(in.args[k + 1], env, esc));
                    f.env_keys.push_back(key);
                }
                break;
            case Kind::Cmd:
            case Kind::Entrypoint: {
                Command c{in.json, {}, "", i};
                if (in.json) {
                    c.argv = in.args;
                } else if (!in.args.empty()) {
                    c.shell = in.args[0];
                }
                (in.kind == Kind::Cmd ? f.cmd : f.entrypoint) = c;
                break;
            }
            case Kind::User:
                f.user = i;
                f.user_name = in.args.empty() ? "" : in.args[0];
                break;
            case Kind::Expose:
                for (const auto& p : in.args) f.ports.push_back(p);
                break;
            case Kind::Run:
                if (!in.args.empty()) collect_packages(in.json ? "" : in.args[0], f.os_packages);
                break;
            default:
                break;
        }
        f.steps.push_back(step);
    }
    f.final_workdir = workdir;
    return f;
}

}  // namespace restage::rewrite
