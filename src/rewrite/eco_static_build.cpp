// The static site's build: the generator image, the RUN that builds, and the folder it writes.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <regex>

#include "rewrite/command.hpp"
#include "rewrite/eco_static.hpp"
#include "rewrite/sources.hpp"

namespace restage::rewrite::site {

namespace {

using model::Kind;

std::string image_name(const std::string& image) {
    std::string ref = image.substr(0, image.find('@'));
    auto slash = ref.rfind('/');
    auto colon = ref.rfind(':');
    return colon != std::string::npos && (slash == std::string::npos || colon > slash) ? ref.substr(0, colon)
                                                                                       : ref;
}

std::string first_operand(const std::vector<std::string>& w) {
    for (size_t k = 1; k < w.size(); ++k) {
        if (!w[k].empty() && w[k][0] != '-') return w[k];
    }
    return "";
}

// The value of a flag given as `-d X`, `--dest X` or `--dest=X`, or "".
std::string flag_value(const std::vector<std::string>& w, std::initializer_list<const char*> names) {
    for (size_t k = 1; k < w.size(); ++k) {
        for (const char* n : names) {
            std::string name = n;
            if (w[k] == name && k + 1 < w.size()) return w[k + 1];
            if (w[k].rfind(name + "=", 0) == 0) return w[k].substr(name.size() + 1);
        }
    }
    return "";
}

// Drops npx and `bundle exec` in front of a generator.
std::vector<std::string> unwrap(std::vector<std::string> w) {
    while (!w.empty()) {
        if (w[0] == "npx") {
            w.erase(w.begin());
            while (!w.empty() && !w[0].empty() && w[0][0] == '-') w.erase(w.begin());
        } else if (w.size() > 1 && w[0] == "bundle" && w[1] == "exec") {
            w.erase(w.begin(), w.begin() + 2);
        } else {
            break;
        }
    }
    return w;
}

// The generator a command runs ("vite", "hugo", ...) with its words, following package.json scripts.
std::optional<std::pair<std::string, std::vector<std::string>>> generator(std::vector<std::string> w,
                                                                          const node::Package& pkg,
                                                                          int depth) {
    w = unwrap(std::move(w));
    if (w.empty() || depth > 4) return std::nullopt;
    std::string prog = base_name(w[0]), sub = first_operand(w);
    auto is = [&](const char* tool) { return std::make_pair(std::string(tool), w); };
    if (prog == "npm" || prog == "yarn" || prog == "pnpm") {
        std::string name = sub == "run" || sub == "run-script"
                               ? (w.size() > 2 ? first_operand({w.begin() + 1, w.end()}) : "")
                               : sub;
        if (prog == "npm" && sub != "run" && sub != "run-script") return std::nullopt;
        auto it = pkg.scripts.find(name);
        if (it == pkg.scripts.end()) {
            if (name == "build") return is("npm-build");
            return std::nullopt;
        }
        for (const auto& simple : simple_commands(it->second)) {
            if (auto g = generator(command_words(simple), pkg, depth + 1)) return g;
        }
        if (name.find("build") != std::string::npos) return is("npm-build");
        return std::nullopt;
    }
    if (prog == "ng" && sub == "build") return is("ng");
    if (prog == "vite" && sub == "build") return is("vite");
    if (prog == "vue-cli-service" && sub == "build") return is("vue-cli");
    if (prog == "react-scripts" && sub == "build") return is("react-scripts");
    if (prog == "gatsby" && sub == "build") return is("gatsby");
    if (prog == "next" && (sub == "build" || sub == "export")) return is("next");
    if ((prog == "nuxt" || prog == "nuxi") && sub == "generate") return is("nuxt");
    if (prog == "parcel" && sub == "build") return is("parcel");
    if (prog == "webpack" && sub != "serve") return is("webpack");
    if ((prog == "eleventy" || prog == "@11ty/eleventy")) return is("eleventy");
    if (prog == "astro" && sub == "build") return is("astro");
    if (prog == "jekyll" && (sub == "build" || sub == "b")) return is("jekyll");
    static const std::vector<std::string> kHugoCommands = {"server", "serve",      "new", "mod",  "version",
                                                           "env",    "config",     "gen", "list", "deploy",
                                                           "import", "completion", "help"};
    if (prog == "hugo" && std::find(kHugoCommands.begin(), kHugoCommands.end(), sub) == kHugoCommands.end())
        return is("hugo");
    return std::nullopt;
}

std::optional<std::string> config_value(const detect::Context& ctx, const std::string& dir,
                                        std::initializer_list<const char*> files, const std::regex& re) {
    for (const char* file : files) {
        auto text = ctx.read(node::in_dir(dir, file));
        std::smatch m;
        if (text && std::regex_search(*text, m, re)) return m[1].str();
    }
    return std::nullopt;
}

// angular.json's output folder for the application it builds.
std::optional<std::string> angular_output(const detect::Context& ctx, const std::string& dir) {
    auto text = ctx.read(node::in_dir(dir, "angular.json"));
    if (!text) return std::nullopt;
    try {
        YAML::Node root = YAML::Load(*text);
        YAML::Node projects = root["projects"];
        if (!projects || !projects.IsMap() || projects.size() == 0) return std::nullopt;
        std::string name;
        if (root["defaultProject"] && root["defaultProject"].IsScalar())
            name = root["defaultProject"].as<std::string>();
        for (const auto& kv : projects) {
            if (!name.empty()) break;
            const YAML::Node type = kv.second["projectType"];
            if (type && type.IsScalar() && type.as<std::string>() == "application")
                name = kv.first.as<std::string>();
        }
        if (name.empty()) name = projects.begin()->first.as<std::string>();
        YAML::Node project = projects[name];
        YAML::Node build = project["architect"] ? project["architect"]["build"] : project["targets"]["build"];
        std::string builder = build && build["builder"] ? build["builder"].as<std::string>() : "";
        bool application = builder.ends_with(":application");
        YAML::Node out = build && build["options"] ? build["options"]["outputPath"] : YAML::Node();
        if (out && out.IsMap()) {
            std::string base = out["base"] ? out["base"].as<std::string>() : "dist/" + name;
            std::string browser = out["browser"] ? out["browser"].as<std::string>() : "browser";
            return browser.empty() ? base : base + "/" + browser;
        }
        std::string path = out && out.IsScalar() ? out.as<std::string>() : "dist/" + name;
        return application ? path + "/browser" : path;
    } catch (const YAML::Exception&) {
        return std::nullopt;
    }
}

// The output folder static.yaml gives a generator (its `artifacts` by `when`), or `fallback`.
std::string standard(const PlanInput& in, const std::string& flavor, const std::string& fallback) {
    for (const auto& a : in.tmpl.artifacts) {
        if (a.when == flavor && a.path.find('*') == std::string::npos) return a.path;
    }
    return fallback;
}

}  // namespace

std::string site_dir(const StageFacts& f) {
    if (f.has_workdir) return f.final_workdir;
    std::string name = image_name(f.base_image);
    if (name.ends_with("klakegg/hugo") || name.ends_with("hugomods/hugo")) return "/src";
    if (name.ends_with("jekyll/jekyll") || name.ends_with("jekyll/builder")) return "/srv/jekyll";
    return f.final_workdir;
}

std::vector<std::string> image_entrypoint(const std::string& image) {
    if (image_name(image).ends_with("klakegg/hugo")) return {"hugo"};
    return {};
}

bool web_server_image(const std::string& image) {
    static const std::vector<std::string> kServers = {"nginx",
                                                      "nginx-unprivileged",
                                                      "httpd",
                                                      "caddy",
                                                      "openresty",
                                                      "static-web-server",
                                                      "docker-static-website",
                                                      "lighttpd"};
    std::string name = base_name(image_name(image));
    return std::find(kServers.begin(), kServers.end(), name) != kServers.end();
}

std::optional<Built> find_built(const StageFacts& f, const node::Package& pkg, const std::string& site) {
    std::optional<Built> found;
    for (const auto& s : f.steps) {
        const auto& i = f.at(s.index);
        if (i.kind != Kind::Run) continue;
        std::string dir = f.has_workdir ? s.workdir : site;
        for (const auto& words : run_commands(i)) {
            if (words.size() > 1 && words[0] == "cd") dir = join_path(dir, words[1]);
            if (auto g = generator(words, pkg, 0)) found = Built{s.index, g->first, g->second, dir};
        }
    }
    return found;
}

std::variant<std::string, Refuse> output_dir(const PlanInput& in, const Built& built,
                                             const std::string& context_dir) {
    const auto& ctx = in.ctx;
    const auto& w = built.argv;
    std::string tool = built.tool;
    int line = in.facts.at(built.index).first_line;
    std::string dir = built.dir;
    if (tool == "npm-build") {
        // The script hides the tool: the generator the project depends on decides.
        static const std::map<std::string, std::string> kFlavors = {
            {"vite", "vite"},       {"create-react-app", "react-scripts"},
            {"vue-cli", "vue-cli"}, {"angular", "ng"},
            {"gatsby", "gatsby"},   {"next-export", "next"}};
        auto it = kFlavors.find(in.detection.flavor);
        if (it == kFlavors.end())
            return Refuse{
                "`" + w.front() + " " + first_operand(w) +
                    " ...` runs a build restage does not recognise, so its output folder is unknown",
                line, "pass --artifact DIR (the folder the build writes)"};
        tool = it->second;
    }
    std::string rel;
    if (tool == "ng") {
        rel = flag_value(w, {"--output-path", "--outputPath"});
        if (rel.empty()) {
            auto out = angular_output(ctx, context_dir);
            if (!out)
                return Refuse{
                    "no angular.json with an application project in the context: the Angular output folder "
                    "is unknown",
                    line, "pass --artifact DIR (the folder ng build writes)"};
            rel = *out;
        }
    } else if (tool == "vite") {
        static const std::regex re(R"(outDir\s*:\s*['"`]([^'"`]+))");
        rel = flag_value(w, {"--outDir"});
        if (rel.empty())
            rel = config_value(ctx, context_dir,
                               {"vite.config.js", "vite.config.ts", "vite.config.mjs", "vite.config.mts"}, re)
                      .value_or(standard(in, "vite", "dist"));
    } else if (tool == "vue-cli") {
        static const std::regex re(R"(outputDir\s*:\s*['"`]([^'"`]+))");
        rel = flag_value(w, {"--dest"});
        if (rel.empty())
            rel = config_value(ctx, context_dir, {"vue.config.js"}, re)
                      .value_or(standard(in, "vue-cli", "dist"));
    } else if (tool == "react-scripts") {
        rel = in.facts.variable("BUILD_PATH").value_or(standard(in, "create-react-app", "build"));
    } else if (tool == "next") {
        rel = flag_value(w, {"-o", "--outdir"});
        if (rel.empty()) rel = standard(in, "next-export", "out");
    } else if (tool == "hugo" || tool == "jekyll") {
        static const std::regex hugo_re(R"(publishDir\s*[:=]\s*['"]?([^'"\s]+))");
        static const std::regex jekyll_re(R"((?:^|\n)destination\s*:\s*['"]?([^'"\s]+))");
        std::string source = flag_value(w, {"-s", "--source"});
        if (!source.empty()) dir = join_path(dir, source);
        rel = flag_value(w, {"-d", "--destination"});
        if (rel.empty() && tool == "hugo")
            rel =
                config_value(ctx, context_dir,
                             {"hugo.toml", "hugo.yaml", "config.toml", "config.yaml", "config.yml"}, hugo_re)
                    .value_or(standard(in, "hugo", "public"));
        if (rel.empty())
            rel = config_value(ctx, context_dir, {"_config.yml", "_config.yaml"}, jekyll_re)
                      .value_or(standard(in, "jekyll", "_site"));
    } else if (tool == "gatsby") {
        rel = standard(in, "gatsby", "public");
    } else if (tool == "parcel") {
        rel = flag_value(w, {"--dist-dir", "-d"});
        if (rel.empty()) rel = "dist";
    } else if (tool == "eleventy") {
        rel = flag_value(w, {"--output"});
        if (rel.empty()) rel = "_site";
    } else {
        rel = standard(in, "npm-build", "dist");  // webpack, nuxt generate, astro
    }
    return join_path(dir, rel);
}

}  // namespace restage::rewrite::site
