// The static-site planner's parts: the server the original runs, the build, the output folder.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "rewrite/eco_node.hpp"

namespace restage::rewrite::site {

using node::Refuse;

/// The file server the original image runs, and how it serves.
struct Server {
    std::string
        tool;  ///< "serve", "http-server", "vite preview", "gatsby serve", "jekyll serve", "hugo server"
    std::string shown;   ///< the command as it runs, for reasons
    std::string folder;  ///< the absolute folder it serves when the command names it, or ""
    int port = 0;
    bool spa = false;                ///< unknown paths answer with /index.html
    bool clean_urls = false;         ///< /about answers with about.html
    std::vector<std::string> flags;  ///< flags that must match the build's (hugo -D)
};

/// The RUN that builds the site, and the generator's command in it.
struct Built {
    size_t index = 0;
    std::string tool;  ///< "ng", "vite", "hugo", "jekyll", "react-scripts", "gatsby", "npm-build", ...
    std::vector<std::string> argv;  ///< the generator's words (the script's, through npm run)
    std::string dir;                ///< the absolute folder it runs in
};

/// The site's working folder: WORKDIR, or the generator image's own (klakegg/hugo: /src).
std::string site_dir(const StageFacts& f);

/// The base image's ENTRYPOINT when CMD only gives its arguments (klakegg/hugo: hugo).
std::vector<std::string> image_entrypoint(const std::string& image);

/// Whether the image is a web server (nginx, httpd, caddy): the site is served as it is.
bool web_server_image(const std::string& image);

/// The last RUN that builds the site, or nullopt.
std::optional<Built> find_built(const StageFacts& f, const node::Package& pkg, const std::string& site);

/// A Node process that nginx cannot stand in for: a development server (`react-scripts start`), a
/// Node server (`next start`, `node server.js`), or a program of the app's own that is no file
/// server restage knows (`docusaurus serve`).
struct NodeProcess {
    bool dev = false;  ///< a development server
    std::string tool;  ///< what it is ("react-scripts start", "docusaurus serve --port 3000")
};
/// The Node process the command runs, or nullopt: a file server or a build at start (which
/// find_server handles), or a program restage cannot place.
std::optional<NodeProcess> node_process(const node::Launch& run);

/// The server the command runs, or why restage cannot serve the site with nginx instead.
std::variant<Server, Refuse> find_server(const PlanInput& in, const node::Launch& run,
                                         const std::optional<Built>& built, const std::string& site);

/// The absolute folder the build writes (by generator, its flags and its config files), or a refusal.
std::variant<std::string, Refuse> output_dir(const PlanInput& in, const Built& built,
                                             const std::string& context_dir);

/// The nginx server block that keeps the port and routing of `s`, answers a missing page with
/// the site's 404.html (a single-page app's routes go to /index.html instead) and redirects a
/// folder to its slash with a relative Location, as the servers restage replaces do.
std::string nginx_config(const Server& s);

/// The Dockerfile RUN that writes `config` to /etc/nginx/conf.d/default.conf.
std::string write_config(const std::string& config);

}  // namespace restage::rewrite::site
