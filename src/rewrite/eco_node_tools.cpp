// The programs a Node image runs: which package brings an executable, which are development
// servers, and which the Dockerfile installs globally.
#include <algorithm>
#include <map>
#include <set>

#include "rewrite/eco_node.hpp"
#include "rewrite/sources.hpp"
#include "rewrite/text_util.hpp"

namespace restage::rewrite::node {

namespace {

std::vector<std::string> operands(const std::vector<std::string>& w, size_t from) {
    std::vector<std::string> out;
    for (size_t k = from; k < w.size(); ++k) {
        if (w[k] == "--") break;
        if (!w[k].empty() && w[k][0] != '-') out.push_back(w[k]);
    }
    return out;
}

}  // namespace

std::string package_of_bin(const std::string& bin) {
    // Executables whose package has another name.
    static const std::map<std::string, std::string> kBins = {{"tsc", "typescript"},
                                                             {"tsserver", "typescript"},
                                                             {"nest", "@nestjs/cli"},
                                                             {"ng", "@angular/cli"},
                                                             {"vue-cli-service", "@vue/cli-service"},
                                                             {"pm2-runtime", "pm2"},
                                                             {"pm2-docker", "pm2"},
                                                             {"babel-node", "@babel/node"},
                                                             {"dotenv", "dotenv-cli"},
                                                             {"sequelize", "sequelize-cli"},
                                                             {"webpack-dev-server", "webpack-dev-server"},
                                                             {"vue", "@vue/cli"},
                                                             {"gatsby", "gatsby"},
                                                             {"nuxi", "nuxi"},
                                                             {"tsx", "tsx"},
                                                             {"docusaurus", "@docusaurus/core"},
                                                             {"remix-serve", "@remix-run/serve"},
                                                             {"astro", "astro"}};
    auto it = kBins.find(bin);
    return it == kBins.end() ? bin : it->second;
}

std::string dev_server(const std::vector<std::string>& w) {
    std::string prog = base_name(w[0]);
    auto ops = operands(w, 1);
    std::string sub = ops.empty() ? "" : ops[0];
    std::string shown = prog + (sub.empty() ? "" : " " + sub);
    if (prog == "nodemon" || prog == "ts-node-dev" || prog == "webpack-dev-server") return prog;
    if ((prog == "next" || prog == "nuxt" || prog == "nuxi") && (sub.empty() || sub == "dev")) return shown;
    if (prog == "vite" && (sub.empty() || sub == "dev" || sub == "serve")) return shown;
    if ((prog == "react-scripts" && sub == "start") || (prog == "ng" && sub == "serve") ||
        (prog == "gatsby" && sub == "develop") || (prog == "webpack" && sub == "serve") ||
        (prog == "vue-cli-service" && sub == "serve") || (prog == "parcel" && sub != "build"))
        return shown;
    return "";
}

namespace {

// The command-line package installed globally for a framework's executable, where it has a name
// of its own (the framework's package is the app's dependency, the CLI a global tool).
std::string cli_of(const std::string& bin) {
    static const std::map<std::string, std::string> kCli = {{"gatsby", "gatsby-cli"}, {"vue", "vue-cli"}};
    auto it = kCli.find(bin);
    return it == kCli.end() ? "" : it->second;
}

}  // namespace

std::string build_tool(const std::vector<std::string>& w) {
    std::string prog = base_name(w[0]);
    auto ops = operands(w, 1);
    std::string sub = ops.empty() ? "" : ops[0];
    static const std::set<std::string> kAlways = {"tsc", "babel", "rollup", "esbuild", "tsup"};
    static const std::set<std::string> kWithBuild = {"vite", "next", "nuxt", "nuxi", "ng", "react-scripts",
                                                     "vue-cli-service", "parcel", "gatsby", "nest", "astro"};
    if (kAlways.count(prog) || (prog == "webpack" && sub != "serve")) return prog;
    if (kWithBuild.count(prog) && sub == "build") return prog + " build";
    return "";
}

std::string global_install_of(const StageFacts& f, const std::string& bin) {
    for (const auto& s : f.steps) {
        for (const auto& w : run_commands(f.at(s.index))) {
            if (w.size() < 3) continue;
            bool global = std::any_of(w.begin(), w.end(), [](const std::string& x) {
                return x == "-g" || x == "--global" || x == "--location=global";
            });
            bool yarn_global = w[0] == "yarn" && w[1] == "global";
            if (!((w[0] == "npm" || w[0] == "pnpm") && global) && !yarn_global) continue;
            for (const auto& spec : operands(w, yarn_global ? 3 : 2)) {
                std::string name = spec.substr(0, spec.find('@', 1));
                if (name == package_of_bin(bin) || base_name(name) == bin || cli_of(bin) == name) return joined(w, " ");
            }
        }
    }
    return "";
}

}  // namespace restage::rewrite::node
