// The server a static site's image runs (serve, http-server, vite preview, gatsby serve, jekyll
// serve, hugo server): what it serves, on which port, with which routing; and the nginx config
// that keeps them.
#include <algorithm>
#include <map>
#include <set>

#include "rewrite/eco_static.hpp"
#include "rewrite/sources.hpp"
#include "rewrite/text_util.hpp"

namespace restage::rewrite::site {

namespace {

struct Args {
    std::map<std::string, std::string> opts;
    std::vector<std::string> positional;
    std::string unknown;  // the first flag the server's table does not know
};

Args parse(const std::vector<std::string>& w, size_t from, const std::set<std::string>& with_value,
           const std::set<std::string>& plain) {
    Args a;
    for (size_t k = from; k < w.size(); ++k) {
        const std::string& s = w[k];
        if (s.size() < 2 || s[0] != '-') {
            a.positional.push_back(s);
            continue;
        }
        std::string name = s.substr(0, s.find('='));
        std::string value = s.find('=') == std::string::npos ? "" : s.substr(s.find('=') + 1);
        if (with_value.count(name)) {
            if (s.find('=') == std::string::npos && k + 1 < w.size()) value = w[++k];
            a.opts[name] = value;
        } else if (plain.count(name)) {
            a.opts[name] = value;
            if (k + 1 < w.size() && (w[k + 1] == "true" || w[k + 1] == "false")) a.opts[name] = w[++k];
        } else if (name.rfind("-c", 0) == 0 && name.size() > 2 && plain.count("-c")) {
            a.opts["-c"] = name.substr(2);  // http-server -c-1
        } else if (a.unknown.empty()) {
            a.unknown = s;
        }
    }
    return a;
}

std::string opt(const Args& a, std::initializer_list<const char*> names) {
    for (const char* n : names) {
        if (auto it = a.opts.find(n); it != a.opts.end()) return it->second;
    }
    return "";
}

bool has(const Args& a, std::initializer_list<const char*> names) {
    return std::any_of(names.begin(), names.end(), [&](const char* n) { return a.opts.count(n) > 0; });
}

// A port from "3000", "tcp://0.0.0.0:3000" or "0.0.0.0:3000"; 0 when it is none.
int port_of(std::string v) {
    if (v.rfind("unix:", 0) == 0 || v.rfind("pipe:", 0) == 0) return 0;
    v = v.substr(v.rfind(':') == std::string::npos ? 0 : v.rfind(':') + 1);
    if (v.empty() || v.size() > 5 || !std::all_of(v.begin(), v.end(), ::isdigit)) return 0;
    int p = std::stoi(v);
    return p > 0 && p < 65536 ? p : 0;
}

enum class Kind { None, Build, Static, Dev, Node };

struct Seen {
    Kind kind = Kind::None;
    std::string tool;
};

// What one command of the image's command line is.
Seen classify(const std::vector<std::string>& w) {
    std::string prog = base_name(w[0]);
    std::string sub;
    for (size_t k = 1; k < w.size() && sub.empty(); ++k) {
        if (w[k][0] != '-') sub = w[k];
    }
    auto is = [&](Kind k, std::string tool) { return Seen{k, std::move(tool)}; };
    if (prog == "serve" || prog == "http-server") return is(Kind::Static, prog);
    if (prog == "live-server" || prog == "lite-server" || prog == "webpack-dev-server")
        return is(Kind::Dev, prog);
    if (prog == "vite")
        return sub == "preview" ? is(Kind::Static, "vite preview")
               : sub == "build" ? is(Kind::Build, "vite build")
                                : is(Kind::Dev, "vite");
    if (prog == "gatsby")
        return sub == "serve"   ? is(Kind::Static, "gatsby serve")
               : sub == "build" ? is(Kind::Build, "gatsby build")
                                : is(Kind::Dev, "gatsby " + sub);
    if (prog == "jekyll")
        return sub == "serve" || sub == "s" || sub == "server" ? is(Kind::Static, "jekyll serve")
                                                               : is(Kind::Build, "jekyll " + sub);
    if (prog == "hugo")
        return sub == "server" || sub == "serve" ? is(Kind::Static, "hugo server") : is(Kind::Build, "hugo");
    if (prog == "react-scripts" || prog == "vue-cli-service" || prog == "ng" || prog == "parcel") {
        std::string tool = prog + (sub.empty() ? "" : " " + sub);
        return sub == "build" ? is(Kind::Build, tool) : is(Kind::Dev, tool);
    }
    if (prog == "webpack")
        return sub == "serve" ? is(Kind::Dev, "webpack serve") : is(Kind::Build, "webpack");
    if (prog == "next" || prog == "nuxt" || prog == "nuxi") {
        std::string tool = prog + (sub.empty() ? "" : " " + sub);
        if (sub == "start") return is(Kind::Node, tool);
        if (sub == "dev" || sub.empty()) return is(Kind::Dev, tool);
        return is(Kind::Build, tool);
    }
    if (prog == "node" || prog == "nodemon" || prog == "pm2" || prog == "pm2-runtime" || prog == "ts-node")
        return is(Kind::Node, joined(w, " "));
    return {};
}

std::optional<Refuse> configure(const PlanInput& in, const std::vector<std::string>& w,
                                const std::string& site, int line, Server& s) {
    const auto& f = in.facts;
    auto env_port = [&](int fallback) {
        int p = port_of(f.variable("PORT").value_or(""));
        return p != 0 ? p : fallback;
    };
    Args a;
    std::string folder;
    if (s.tool == "serve") {
        a = parse(w, 1, {"-l", "--listen", "-p", "--port"},
                  {"-s", "--single", "-d", "--debug", "-L", "--no-request-logging", "-C", "--cors", "-n",
                   "--no-clipboard", "-u", "--no-compression", "--no-etag", "--no-port-switching"});
        std::string listen = opt(a, {"-l", "--listen", "-p", "--port"});
        s.port = listen.empty() ? env_port(3000) : port_of(listen);
        s.spa = has(a, {"-s", "--single"});
        s.clean_urls = true;
        if (!a.positional.empty()) folder = a.positional.front();
    } else if (s.tool == "http-server") {
        a = parse(w, 1, {"-p", "--port", "-a", "-t", "--timeout", "-P", "--proxy"},
                  {"-s", "--silent", "-d", "-i", "-g", "--gzip", "-b", "--brotli", "--cors", "-U", "--utc",
                   "--log-ip", "-r", "--robots", "--no-dotfiles", "-c"});
        std::string p = opt(a, {"-p", "--port"});
        s.port = p.empty() ? env_port(8080) : port_of(p);
        s.clean_urls = true;  // its default extension is html
        // `--proxy http://localhost:PORT?` sends unknown paths back to itself at /: a single-page app.
        std::string proxy = opt(a, {"-P", "--proxy"});
        std::string self = ":" + std::to_string(s.port) + "?";
        bool to_self = (proxy.rfind("http://localhost", 0) == 0 || proxy.rfind("http://127.0.0.1", 0) == 0) &&
                       proxy.ends_with(self);
        if (!proxy.empty() && !to_self && a.unknown.empty()) a.unknown = "--proxy " + proxy;
        s.spa = to_self;
        folder = !a.positional.empty() ? a.positional.front() : "";
        if (folder.empty()) {
            auto rel = node::context_dir(f, in.ctx, join_path(f.final_workdir, "public"));
            folder = rel && in.ctx.is_dir(*rel) ? "public" : ".";
        }
    } else if (s.tool == "vite preview") {
        a = parse(w, 2, {"--port", "--outDir", "--mode", "-m", "--config", "-c"},
                  {"--strictPort", "--open", "--host"});
        std::string p = opt(a, {"--port"});
        s.port = p.empty() ? 4173 : port_of(p);
        s.spa = true;
        if (!opt(a, {"--outDir"}).empty()) folder = opt(a, {"--outDir"});
        if (a.positional.size() == 1 &&
            (a.positional[0].find('.') != std::string::npos || a.positional[0] == "localhost"))
            a.positional.clear();  // --host's value
    } else if (s.tool == "gatsby serve") {
        a = parse(w, 2, {"-p", "--port", "-H", "--host"}, {"-o", "--open"});
        std::string p = opt(a, {"-p", "--port"});
        s.port = p.empty() ? 9000 : port_of(p);
    } else if (s.tool == "jekyll serve") {
        a = parse(w, 2, {"-P", "--port", "-H", "--host", "-d", "--destination", "-s", "--source"},
                  {"-w", "--watch", "--no-watch", "--force_polling", "-I", "--incremental", "--trace", "-t",
                   "-V", "--verbose", "-q", "--quiet", "--skip-initial-build"});
        std::string p = opt(a, {"-P", "--port"});
        s.port = p.empty() ? 4000 : port_of(p);
        if (!opt(a, {"-d", "--destination"}).empty()) folder = opt(a, {"-d", "--destination"});
    } else if (s.tool == "hugo server") {
        a = parse(w, 2, {"-p", "--port", "--bind", "--poll", "--environment", "-e"},
                  {"--disableLiveReload", "-w", "--watch", "--appendPort", "--navigateToChanged",
                   "--renderToMemory", "--disableFastRender", "--minify", "--gc", "-D", "--buildDrafts", "-F",
                   "--buildFuture", "-E", "--buildExpired"});
        std::string p = opt(a, {"-p", "--port"});
        s.port = p.empty() ? 1313 : port_of(p);
        for (const char* flag : {"-D", "--buildDrafts", "-F", "--buildFuture", "-E", "--buildExpired"}) {
            if (a.opts.count(flag)) s.flags.push_back(flag);
        }
    }
    if (!a.unknown.empty())
        return Refuse{"`" + s.shown + "`: restage does not know what " + s.tool + "'s option " + a.unknown +
                          " does to the site, so nginx could serve it differently",
                      line, "drop the option, then run restage again"};
    if (s.port == 0)
        return Refuse{"`" + s.shown + "` listens on a port restage cannot read", line,
                      "give the port as a number"};
    if (s.tool != "vite preview" &&
        a.positional.size() > (s.tool == "serve" || s.tool == "http-server" ? 1u : 0u))
        return Refuse{"`" + s.shown + "` has arguments restage does not understand", line,
                      "serve one folder"};
    if (!folder.empty()) s.folder = join_path(site, expand(folder, f.env_entries, in.doc.escape()));
    return std::nullopt;
}

}  // namespace

std::optional<NodeProcess> node_process(const node::Launch& run) {
    if (!run.found || !run.unknown.empty() || !run.os_programs.empty() || run.commands.empty()) return std::nullopt;
    std::optional<NodeProcess> out;
    for (const auto& w : run.commands) {
        Seen seen = classify(w);
        if (seen.kind == Kind::Static || seen.kind == Kind::Build) return std::nullopt;
        if (seen.kind == Kind::Dev && (!out || !out->dev)) out = NodeProcess{true, seen.tool};
        if (!out) out = NodeProcess{false, seen.kind == Kind::Node ? seen.tool : joined(w, " ")};
    }
    return out;
}

std::variant<Server, Refuse> find_server(const PlanInput& in, const node::Launch& run,
                                         const std::optional<Built>& built, const std::string& site) {
    const auto& f = in.facts;
    int line = run.found ? f.at(run.index).first_line : 0;
    const std::string unblock =
        "build the site in a RUN (e.g. RUN npm run build), serve its output with a file server "
        "(e.g. serve -s build), then run restage again";
    for (const auto& w : run.commands) {
        Seen seen = classify(w);
        switch (seen.kind) {
            case Kind::None:
                continue;
            case Kind::Build:
                return Refuse{"the command builds the site when the container starts (`" + joined(w, " ") +
                                  "`): there is no build in the image to separate from serving",
                              line, unblock};
            case Kind::Dev:
                return Refuse{
                    "the command runs a development server (`" + seen.tool +
                        "`): serving a production build with nginx would change what the image serves",
                    line, unblock};
            case Kind::Node:
                return Refuse{"the command runs a Node server (`" + seen.tool +
                                  "`), not a file server: this is a Node app, not a static site",
                              line,
                              "export a static site and serve its folder with a file server, or run the app "
                              "with node on a node image"};
            case Kind::Static:
                break;
        }
        Server s;
        s.tool = seen.tool;
        s.shown = joined(w, " ");
        bool generator = s.tool == "jekyll serve" || s.tool == "hugo server";
        if (generator && (!built || built->tool != s.tool.substr(0, s.tool.find(' '))))
            return Refuse{"`" + s.shown +
                              "` builds the site when the container starts: there is no build in the image "
                              "to separate from serving",
                          line,
                          "build the site in a RUN (e.g. RUN " + s.tool.substr(0, s.tool.find(' ')) +
                              (s.tool == "hugo server" ? "" : " build") +
                              ") before the command, then run restage again"};
        if (auto r = configure(in, w, site, line, s)) return *r;
        for (const auto& flag : s.flags) {
            if (std::find(built->argv.begin(), built->argv.end(), flag) == built->argv.end())
                return Refuse{"`" + s.shown + "` renders with " + flag + ", which the build in the image (`" +
                                  joined(built->argv, " ") + "`) does not: the pages would differ",
                              line, "build with the same flags, then run restage again"};
        }
        return s;
    }
    if (!run.found)
        return Refuse{
            "no CMD or ENTRYPOINT: the image runs its base image's default command, which serves nothing", 0,
            "add a CMD that serves the site, e.g. CMD [\"serve\", \"-s\", \"build\"]"};
    return Refuse{"`" + run.shown +
                      "` is not a file server restage knows (serve, http-server, vite preview, gatsby serve, "
                      "jekyll serve, hugo server)",
                  line, "serve the output folder with one of them, or pass --artifact DIR"};
}

std::string nginx_config(const Server& s) {
    bool routes = s.spa || s.clean_urls;
    // Every server restage replaces answers a missing page with the site's 404.html, and
    // redirects a folder to its slash with a relative Location (nginx's absolute one names the
    // container's port, not the one published).
    std::string c = "server {\n    listen " + std::to_string(s.port) +
                    ";\n    root /usr/share/nginx/html;\n    absolute_redirect off;\n";
    if (!s.spa) c += "    error_page 404 /404.html;\n";
    if (routes) {
        c += "    location / {\n        try_files $uri " + std::string(s.clean_urls ? "$uri.html " : "") +
             "$uri/ " + (s.spa ? "/index.html" : "=404") + ";\n    }\n";
    }
    return c + "}\n";
}

std::string write_config(const std::string& config) {
    std::string text;
    for (char c : config) {
        if (c == '\n')
            text += "\\n";
        else if (c == '\\')
            text += "\\\\";
        else if (c == '%')
            text += "%%";
        else
            text += c;
    }
    return "RUN printf '" + text + "' > /etc/nginx/conf.d/default.conf";
}

}  // namespace restage::rewrite::site
