// The JavaScript project in a build context: package.json's scripts and dependencies, what a
// script does when it runs (front-end build, dev server, Node server), and the framework tables.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>

#include "detect/signals.hpp"

namespace restage::detect::internal {

namespace {

constexpr int kMaxScriptDepth = 4;  // npm run a -> npm run b -> ... followed this deep

// Front-end dependencies, most specific first: the first one present names the flavor.
struct FrontendRow {
    std::string_view dependency;
    std::string_view flavor;
};
constexpr std::array kFrontends{
    FrontendRow{"react-scripts", "create-react-app"}, FrontendRow{"@angular/core", "angular"},
    FrontendRow{"@vue/cli-service", "vue-cli"},       FrontendRow{"gatsby", "gatsby"},
    FrontendRow{"vite", "vite"},                      FrontendRow{"react", "npm-build"},
    FrontendRow{"vue", "npm-build"},                  FrontendRow{"svelte", "npm-build"},
    FrontendRow{"preact", "npm-build"},
};

// Frameworks whose app is a server run by node. `next` is one unless the site is exported.
constexpr std::array<std::string_view, 13> kServers{
    "express", "fastify", "koa", "@nestjs/core", "hapi", "@hapi/hapi", "restify",
    "next", "nuxt", "@remix-run/serve", "sails", "@adonisjs/core", "@loopback/core",
};

void read_map(const YAML::Node& n, std::map<std::string, std::string>& out) {
    if (!n || !n.IsMap()) return;
    for (const auto& kv : n) {
        if (kv.first.IsScalar() && kv.second.IsScalar()) out[kv.first.as<std::string>()] = kv.second.as<std::string>();
    }
}

// `output: 'export'` in next.config.*, spaces and quote style free.
bool next_config_exports(std::string_view text) {
    for (auto at = text.find("output"); at != std::string_view::npos; at = text.find("output", at + 1)) {
        std::size_t i = at + 6;
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '"' || text[i] == '\'')) ++i;
        if (i >= text.size() || text[i] != ':') continue;
        ++i;
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        if (i < text.size() && (text[i] == '\'' || text[i] == '"' || text[i] == '`') && text.substr(i + 1, 7) == "export" + std::string(1, text[i])) {
            return true;
        }
    }
    return false;
}

ScriptUse run_script(const std::string& name, const Project& p, int depth) {
    auto it = p.scripts.find(name);
    if (it != p.scripts.end()) return script_role(it->second, p, depth + 1);
    // npm's own default: `npm start` with no start script runs `node server.js`.
    if (name == "start") return {Role::NodeServer, "", "node server.js"};
    return {};
}

bool is_pm_builtin(std::string_view sub) {
    static constexpr std::array<std::string_view, 16> kBuiltins{
        "install", "i", "ci", "add", "remove", "global", "cache", "config", "set", "link",
        "upgrade", "update", "info", "init", "exec", "dlx",
    };
    return std::find(kBuiltins.begin(), kBuiltins.end(), sub) != kBuiltins.end();
}

}  // namespace

Project load_project(const Context& ctx) {
    Project p;
    if (auto text = ctx.read("package.json")) {
        p.has_package_json = true;
        std::string json = *text;
        // JSON strings cannot hold a raw tab, so every tab is white space; YAML rejects tabs there.
        std::replace(json.begin(), json.end(), '\t', ' ');
        try {
            YAML::Node root = YAML::Load(json);
            if (root.IsMap()) {
                if (root["name"] && root["name"].IsScalar()) p.package_name = root["name"].as<std::string>();
                read_map(root["scripts"], p.scripts);
                std::map<std::string, std::string> deps;
                read_map(root["dependencies"], deps);
                read_map(root["devDependencies"], deps);
                for (auto& [name, version] : deps) p.dependencies.insert(name);
            }
        } catch (const YAML::Exception&) {
            // A malformed package.json still says "a JavaScript project"; nothing more.
        }
    }
    for (const auto& [name, script] : p.scripts) {
        if (script.find("next export") != std::string::npos) p.next_export = true;
    }
    for (const char* name : {"next.config.js", "next.config.mjs", "next.config.cjs", "next.config.ts"}) {
        if (auto text = ctx.read(name); text && next_config_exports(*text)) p.next_export = true;
    }
    if (auto gemfile = ctx.read("Gemfile")) {
        p.gemfile_jekyll = gemfile->find("jekyll") != std::string::npos || gemfile->find("github-pages") != std::string::npos;
    }
    return p;
}

ScriptUse command_role(const std::vector<std::string>& argv, const Project& p, int depth) {
    if (argv.empty() || depth > kMaxScriptDepth) return {};
    // Views, so the chain of comparisons below compares lengths first: most programs match none.
    const std::string prog_name = program_name(argv[0]);
    const std::string_view prog = prog_name;
    const auto ops = operands(argv);
    const std::string sub = ops.empty() ? "" : ops[0];
    auto use = [&](Role r, std::string_view flavor) {
        return ScriptUse{r, std::string(flavor), prog_name + (sub.empty() ? "" : " " + sub)};
    };

    if (prog == "npm") {
        if ((sub == "run" || sub == "run-script") && ops.size() > 1) return run_script(ops[1], p, depth);
        if (sub == "start" || sub == "test") return run_script(sub, p, depth);
        return {};
    }
    if (prog == "yarn" || prog == "pnpm") {
        if (sub == "run" && ops.size() > 1) return run_script(ops[1], p, depth);
        if (sub.empty() || is_pm_builtin(sub)) return {};
        if (p.scripts.count(sub) != 0) return run_script(sub, p, depth);
        return command_role({argv.begin() + 1, argv.end()}, p, depth + 1);  // a binary in node_modules/.bin
    }
    if (prog == "react-scripts") return use(sub == "build" ? Role::FrontendBuild : Role::DevServer, "create-react-app");
    if (prog == "vite") return use(sub == "build" ? Role::FrontendBuild : Role::DevServer, "vite");
    if (prog == "vue-cli-service") return use(sub == "build" ? Role::FrontendBuild : Role::DevServer, "vue-cli");
    if (prog == "ng" && (sub == "build" || sub == "serve")) {
        return use(sub == "build" ? Role::FrontendBuild : Role::DevServer, "angular");
    }
    if (prog == "gatsby" && (sub == "build" || sub == "develop" || sub == "serve")) {
        return use(sub == "build" ? Role::FrontendBuild : Role::DevServer, "gatsby");
    }
    if (prog == "next") {
        if (sub == "export" || (sub == "build" && p.next_export)) return use(Role::FrontendBuild, "next-export");
        if (sub == "start" || sub == "dev") return use(Role::NodeServer, "");
        return {};
    }
    if (prog == "nuxt" || prog == "nuxi") {
        if (sub == "generate") return use(Role::FrontendBuild, "npm-build");
        if (sub == "start" || sub == "dev" || sub == "preview") return use(Role::NodeServer, "");
        return {};
    }
    if (prog == "serve" || prog == "http-server" || prog == "live-server" || prog == "lite-server") {
        return use(Role::StaticServer, "");
    }
    if ((prog == "node" || prog == "nodemon" || prog == "ts-node" || prog == "ts-node-dev" || prog == "babel-node" ||
         prog == "forever" || prog == "pm2" || prog == "pm2-runtime" || prog == "pm2-docker") && !ops.empty()) {
        return use(Role::NodeServer, "");
    }
    if (prog == "nest" && sub == "start") return use(Role::NodeServer, "");
    return {};
}

ScriptUse script_role(std::string_view text, const Project& p, int depth) {
    ScriptUse out;
    for (const auto& cmd : shell_commands(text)) {
        ScriptUse r = command_role(cmd, p, depth);
        if (r.role == Role::None) continue;
        bool server = r.role != Role::FrontendBuild;
        bool have_server = out.role != Role::None && out.role != Role::FrontendBuild;
        std::string flavor = r.flavor.empty() ? out.flavor : r.flavor;
        // What ends up serving decides: a server after a build wins, a build never hides a server.
        if (server || !have_server) out = r;
        out.flavor = flavor;
    }
    return out;
}

std::optional<Frontend> frontend_dependency(const Project& p) {
    if (p.next_export && p.dependencies.count("next") != 0) return Frontend{"next", "next-export"};
    for (const auto& row : kFrontends) {
        if (p.dependencies.count(std::string(row.dependency)) != 0) {
            return Frontend{std::string(row.dependency), std::string(row.flavor)};
        }
    }
    return std::nullopt;
}

std::string server_dependency(const Project& p) {
    for (std::string_view name : kServers) {
        if (name == "next" && p.next_export) continue;
        if (p.dependencies.count(std::string(name)) != 0) return std::string(name);
    }
    return "";
}

}  // namespace restage::detect::internal
