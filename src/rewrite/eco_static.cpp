// The static-site planner: build in the original image, serve only the output folder with nginx on
// the original's port, with its routing (single-page fallback, clean URLs) written as nginx config.
#include <algorithm>
#include <map>
#include <set>

#include "rewrite/command.hpp"
#include "rewrite/eco_static.hpp"
#include "rewrite/text_util.hpp"

namespace restage::rewrite {

namespace {

using model::Kind;
using site::Refuse;

constexpr const char* kWebRoot = "/usr/share/nginx/html";

bool nginx_ok(const RuntimeBase& r, const PlanInput&) { return r.has("nginx"); }

// The unprivileged image cannot bind below 1024.
bool unprivileged_ok(const RuntimeBase& r, const PlanInput&) {
    return r.has("nginx") && r.id != "nginx-unprivileged";
}

// How reasons name a generator (a Built tool or a detection flavor).
std::string generator_name(const std::string& id) {
    static const std::map<std::string, std::string> kNames = {{"ng", "Angular"},
                                                              {"angular", "Angular"},
                                                              {"vite", "Vite"},
                                                              {"react-scripts", "Create React App"},
                                                              {"create-react-app", "Create React App"},
                                                              {"vue-cli", "Vue CLI"},
                                                              {"gatsby", "Gatsby"},
                                                              {"next", "Next.js"},
                                                              {"next-export", "Next.js"},
                                                              {"hugo", "Hugo"},
                                                              {"jekyll", "Jekyll"},
                                                              {"parcel", "Parcel"},
                                                              {"webpack", "webpack"},
                                                              {"nuxt", "Nuxt"},
                                                              {"eleventy", "Eleventy"},
                                                              {"astro", "Astro"}};
    auto it = kNames.find(id);
    return it != kNames.end() ? it->second : id.empty() || id == "npm-build" ? "front-end" : id;
}

std::string what_config_does(const site::Server& s) {
    std::vector<std::string> what = {"listen on port " + std::to_string(s.port)};
    if (s.spa) what.push_back("answer unknown paths with /index.html (a single-page app)");
    if (s.clean_urls) what.push_back("serve /page from page.html");
    if (!s.spa) what.push_back("answer a missing page with the site's 404.html");
    what.push_back("redirect a folder to its slash with a relative address");
    std::string out;
    for (size_t i = 0; i < what.size(); ++i)
        out += (i == 0 ? "" : i + 1 == what.size() ? " and " : ", ") + what[i];
    return out;
}

}  // namespace

Build plan_static(const PlanInput& in) {
    Build b;
    const auto& f = in.facts;
    auto refuse = [&](const Refuse& r) {
        b.refusals.push_back({r.reason, r.line, r.unblock});
        return b;
    };
    for (const auto& s : f.steps) {
        if (f.at(s.index).kind == Kind::Onbuild)
            return refuse(
                {"ONBUILD instructions: this is a base image for other builds, whose triggers run in them",
                 f.at(s.index).first_line, "rewrite the Dockerfiles that build FROM it instead"});
    }
    std::string site = site::site_dir(f);
    auto context = node::context_dir(f, in.ctx, site);
    node::Package pkg = node::read_package(in.ctx, context.value_or(""));
    auto built = site::find_built(f, pkg, site);
    // A build over dependency manifests alone: the pages are mounted when the container runs.
    if (built) {
        static const std::set<std::string> kManifests = {"Gemfile", "Gemfile.lock", "package.json", "package-lock.json",
                                                         "yarn.lock", "pnpm-lock.yaml", "npm-shrinkwrap.json", "go.mod", "go.sum"};
        std::vector<std::string> copied;
        bool pages = false;
        for (const auto& s : f.steps) {
            const auto& i = f.at(s.index);
            if ((i.kind != Kind::Copy && i.kind != Kind::Add) || i.args.size() < 2 || f.at(s.index).first_line > f.at(built->index).first_line)
                continue;
            for (size_t k = 0; k + 1 < i.args.size(); ++k) {
                std::string src = i.args[k];
                while (src.rfind("./", 0) == 0) src.erase(0, 2);
                copied.push_back(src);
                pages = pages || !kManifests.count(src.substr(src.rfind('/') + 1));
            }
        }
        if (!copied.empty() && !pages)
            return refuse({"the build on line " + std::to_string(f.at(built->index).first_line) + " has only " +
                               joined(copied, ", ") + " to work on: the site's pages are not in the image (they are "
                               "mounted when the container runs)",
                           f.at(built->index).first_line, "copy the site into the image, then run restage again"});
    }
    if (site::web_server_image(f.base_image)) {
        if (built)
            return refuse({"the site is built inside the web server image " + f.base_image +
                               ": restage does not split that build",
                           f.at(built->index).first_line,
                           "build FROM the generator's image (e.g. node:20) and serve with " + f.base_image});
        b.notes.push_back("nothing to split: " + f.base_image +
                          " serves the files the Dockerfile copies, and nothing is built");
        return b;
    }

    node::Launch run = node::launch(in, pkg, site, site::image_entrypoint(f.base_image));
    // The command is a Node process: the image is the Node app it runs (the Node planner keeps it).
    if (auto p = site::node_process(run)) {
        std::string rule = p->dev ? "static-dev-server-node" : "static-node-process";
        if (enabled(in, rule)) {
            b.plan_as = detect::Ecosystem::Node;
            b.changes.push_back(change(in.tmpl, rule, {{"tool", p->tool}, {"command", run.shown}},
                                       f.at(run.index).first_line, f.at(run.index).last_line));
            return b;
        }
    }
    auto found = site::find_server(in, run, built, site);
    if (auto* r = std::get_if<Refuse>(&found)) return refuse(*r);
    const auto& server = std::get<site::Server>(found);

    std::string out = server.folder;
    if (in.options.artifact) {
        out = join_path(site, *in.options.artifact);
    } else if (out.empty() && built) {
        auto dir = site::output_dir(in, *built, context.value_or(""));
        if (auto* r = std::get_if<Refuse>(&dir)) return refuse(*r);
        out = std::get<std::string>(dir);
    } else if (out.empty()) {
        return refuse(
            {"`" + server.shown + "` serves the output of a build, and there is none in the Dockerfile",
             f.at(run.index).first_line, "build the site in a RUN, or pass --artifact DIR"});
    }
    if (built && !server.folder.empty() && !in.options.artifact) {
        // What the server serves should be what the build writes (or hold it, or sit in it).
        auto dir = site::output_dir(in, *built, context.value_or(""));
        const auto* writes = std::get_if<std::string>(&dir);
        auto inside = [](const std::string& a, const std::string& b) {
            return a == b || a.rfind(b + "/", 0) == 0;
        };
        auto rel = node::context_dir(f, in.ctx, out);
        bool in_context = rel && in.ctx.is_dir(*rel);
        if (writes && !inside(out, *writes) && !inside(*writes, out) && !in_context)
            return refuse({"`" + server.shown + "` serves " + out + ", but the build (line " +
                               std::to_string(f.at(built->index).first_line) + ") writes " + *writes,
                           f.at(run.index).first_line,
                           "serve the folder the build writes, or pass --artifact DIR"});
    }
    if (!built && !in.options.artifact && !node::copied_to(f, out)) {
        // Served from a COPY of a parent folder: the folder must be in the context already.
        auto rel = node::context_dir(f, in.ctx, out);
        if (!rel || !in.ctx.is_dir(*rel))
            return refuse({"`" + server.shown + "` serves " + out +
                               ", which no build in the Dockerfile writes and the context does not have",
                           f.at(run.index).first_line,
                           "build the site in the Dockerfile, or run restage where the folder exists"});
    }
    if (out == "/")
        return refuse({"the server serves / (the whole file system)", f.at(run.index).first_line,
                       "serve the site's folder, or pass --artifact DIR"});

    std::string why;
    bool low_port = server.port < 1024;
    auto accept = low_port ? unprivileged_ok : nginx_ok;
    b.runtime = choose_runtime(in, "", "", accept, why);
    if (b.runtime.empty()) {
        if (low_port)
            why += " (the unprivileged nginx cannot listen on port " + std::to_string(server.port) + ")";
        return refuse({why, 0, other_runtimes_hint(in, "", "", accept)});
    }
    const RuntimeBase* base = in.catalogue.runtime(b.runtime);
    b.artifacts.push_back({out, kWebRoot});
    if (enabled(in, "build-only-env")) b.build_only_env = in.tmpl.build_only_env;

    const auto& cmd = f.at(run.index);
    std::string split = built ? "static-serve-nginx" : "static-prebuilt-nginx";
    std::map<std::string, std::string> vars = size_vars(in, b.runtime);
    vars.insert(
        {{"flavor",
          built ? generator_name(built->tool == "npm-build" ? in.detection.flavor : built->tool) : ""},
         {"output_dir", out},
         {"server", server.shown},
         {"port", std::to_string(server.port)},
         {"user", base->user}});
    int first = built ? f.at(built->index).first_line : 0, last = built ? f.at(built->index).last_line : 0;
    b.changes.push_back(change(in.tmpl, split, vars, first, last));
    std::string config = site::nginx_config(server);
    for (const std::string& rule :
         {split, std::string("static-server-nginx"), std::string("static-nginx-config")}) {
        if (enabled(in, rule)) continue;
        b.notes.push_back("rule " + rule + " is switched off in .restage.yaml");
        return b;
    }
    if (auto names = node::build_only_names(in); !names.empty()) {
        vars["names"] = names;
        b.changes.push_back(change(in.tmpl, "build-only-env", vars));
    }

    // nginx runs instead of the original server: its own entrypoint and command.
    b.cmd = std::vector<std::string>{"nginx", "-g", "daemon off;"};
    if (f.entrypoint) b.entrypoint = base->entrypoint;
    vars["exec_form"] = json_argv(*b.cmd);
    b.changes.push_back(change(in.tmpl, "static-server-nginx", vars, cmd.first_line, cmd.last_line));

    b.runtime_setup.push_back(site::write_config(config));
    vars["what"] = what_config_does(server);
    b.changes.push_back(change(in.tmpl, "static-nginx-config", vars, cmd.first_line, cmd.last_line));
    bool nonroot = in.options.nonroot && enabled(in, "runtime-nonroot");
    if (nonroot && b.runtime == "nginx-unprivileged") {
        b.user = base->user;  // already set up to run as its user
    } else if (nonroot && (low_port || !enabled(in, "static-nginx-nonroot"))) {
        b.user = "";
        if (low_port)
            b.changes.push_back(change(in.tmpl, "static-nginx-root", vars, cmd.first_line, cmd.last_line));
    } else if (nonroot) {
        b.user = base->user;
        b.runtime_setup.push_back(
            "RUN sed -i 's,^pid .*,pid /tmp/nginx.pid;,' /etc/nginx/nginx.conf && chown -R " + base->user +
            ":" + base->user + " /var/cache/nginx /var/log/nginx");
        b.changes.push_back(change(in.tmpl, "static-nginx-nonroot", vars));
    }

    if (auto install = node::find_install(f); install && pkg.found && context) {
        std::string in_place;
        bool node_image = false;
        std::string major = node::node_major(f.base_image, node_image);
        node::install_first(in, *install, pkg, major, *context, b, in_place);
    }
    return b;
}

}  // namespace restage::rewrite
