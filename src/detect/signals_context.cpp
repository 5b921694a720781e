// What the build context says: manifests, wrappers, lock files, framework dependencies,
// site-generator configs and plain HTML, each file at the context root.
#include <algorithm>

#include "detect/signals.hpp"

namespace restage::detect::internal {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "module example.com/app" -> "example.com/app".
std::string go_module(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        auto end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(at, end - at);
        at = end + 1;
        auto first = line.find_first_not_of(" \t");
        if (first == std::string_view::npos || line.substr(first, 7) != "module ") continue;
        line = line.substr(first + 7);
        auto b = line.find_first_not_of(" \t\"");
        auto e = line.find_last_not_of(" \t\r\"");
        if (b != std::string_view::npos && e >= b) return std::string(line.substr(b, e - b + 1));
    }
    return "";
}

class Collector {
public:
    Collector(const Context& ctx, std::vector<Finding>& out) : ctx_(ctx), out_(out), names_(ctx.list("")) {}

    /// The listing is sorted.
    bool has(std::string_view name) const { return std::binary_search(names_.begin(), names_.end(), name); }
    const std::vector<std::string>& names() const { return names_; }
    const Context& ctx() const { return ctx_; }

    Finding& add(std::string file, Target t, int weight, std::string fact, std::string flavor = "", std::string language = "") {
        Finding f;
        f.file = std::move(file);
        f.target = t;
        f.weight = weight;
        f.fact = std::move(fact);
        f.flavor = std::move(flavor);
        f.language = std::move(language);
        out_.push_back(std::move(f));
        return out_.back();
    }

private:
    const Context& ctx_;
    std::vector<Finding>& out_;
    std::vector<std::string> names_;
};

void go_files(Collector& c) {
    if (c.has("go.mod")) {
        std::string module = go_module(c.ctx().read("go.mod").value_or(""));
        c.add("go.mod", Target::Go, kMedium, module.empty() ? "a Go module" : "declares module " + module);
    }
    if (c.has("go.sum")) c.add("go.sum", Target::Go, kWeak, "Go module checksums");
    if (c.has("go.work")) c.add("go.work", Target::Go, kWeak, "a Go workspace");
    for (const char* name : {"Gopkg.toml", "glide.yaml", "vendor.conf"}) {
        if (c.has(name)) c.add(name, Target::Go, kMedium, "Go dependency manifest");
    }
    auto go_source = std::find_if(c.names().begin(), c.names().end(), [](const std::string& n) { return ends_with(n, ".go"); });
    if (go_source != c.names().end()) c.add(*go_source, Target::Go, kWeak, "Go source at the root");
}

void java_files(Collector& c) {
    if (c.has("pom.xml")) c.add("pom.xml", Target::Maven, kMedium, "Maven project");
    if (c.has("mvnw")) c.add("mvnw", Target::Maven, kWeak, "Maven wrapper");
    for (const char* name : {"build.gradle", "build.gradle.kts"}) {
        if (c.has(name)) c.add(name, Target::Gradle, kMedium, "Gradle build script");
    }
    for (const char* name : {"settings.gradle", "settings.gradle.kts"}) {
        if (c.has(name)) c.add(name, Target::Gradle, kWeak, "Gradle settings");
    }
    if (c.has("gradlew")) c.add("gradlew", Target::Gradle, kWeak, "Gradle wrapper");
}

void js_files(Collector& c, const Project& p) {
    if (p.has_package_json) {
        c.add("package.json", Target::Js, kMedium, p.package_name.empty() ? "a JavaScript package" : "declares package " + p.package_name);
        std::string server = server_dependency(p);
        auto fe = frontend_dependency(p);
        if (!server.empty()) {
            c.add("package.json", Target::Node, kMedium, "depends on " + server + " (a server framework)");
        } else if (fe) {
            c.add("package.json", Target::Static, kMedium, "depends on " + fe->dependency + " (a front-end framework)", fe->flavor);
        }
        for (const char* name : {"build", "start"}) {
            auto it = p.scripts.find(name);
            if (it == p.scripts.end()) continue;
            ScriptUse r = script_role(it->second, p);
            std::string fact = std::string(name) + " script runs " + r.what;
            if (r.role == Role::NodeServer) c.add("package.json", Target::Node, kWeak, fact + " (a Node server)");
            else if (r.role != Role::None) c.add("package.json", Target::Static, kWeak, fact + " (a front-end tool)", r.flavor);
        }
    }
    struct Lock {
        const char* file;
        const char* pm;
    };
    for (const Lock& lock : {Lock{"package-lock.json", "npm"}, Lock{"yarn.lock", "yarn"}, Lock{"pnpm-lock.yaml", "pnpm"}}) {
        if (!c.has(lock.file)) continue;
        Finding& f = c.add(lock.file, Target::Js, kWeak, std::string(lock.pm) + " lock file");
        f.pm = lock.pm;
        f.pm_rank = PmRank::Lock;
    }
}

void site_files(Collector& c, const Project& p) {
    bool content = c.has("content/") || c.has("themes/") || c.has("archetypes/");
    for (const char* name : {"hugo.toml", "hugo.yaml", "hugo.json"}) {
        if (c.has(name)) c.add(name, Target::Static, kMedium, "Hugo site config", "hugo");
    }
    for (const char* name : {"config.toml", "config.yaml", "config.yml", "config.json"}) {
        if (!c.has(name)) continue;
        if (content) {
            c.add(name, Target::Static, kMedium, "Hugo site config (with content/ or themes/)", "hugo");
        } else if (lower(c.ctx().read(name).value_or("")).find("baseurl") != std::string::npos) {
            c.add(name, Target::Static, kWeak, "sets baseURL (a Hugo setting)", "hugo");
        }
    }
    if (c.has("_config.yml")) {
        if (p.gemfile_jekyll) c.add("_config.yml", Target::Static, kMedium, "Jekyll site config (the Gemfile names jekyll)", "jekyll");
        else c.add("_config.yml", Target::Static, kWeak, "Jekyll-style site config", "jekyll");
    } else if (p.gemfile_jekyll) {
        c.add("Gemfile", Target::Static, kWeak, "names jekyll", "jekyll");
    }
    if (c.has("index.html")) c.add("index.html", Target::Static, kWeak, "a plain HTML page", "plain-html");
}

void other_files(Collector& c, const Project& p) {
    struct Row {
        const char* file;
        const char* language;
        const char* fact;
    };
    for (const Row& r : {Row{"requirements.txt", "python", "Python dependencies"}, Row{"pyproject.toml", "python", "a Python project"},
                         Row{"Pipfile", "python", "Python dependencies"}, Row{"setup.py", "python", "a Python package"},
                         Row{"composer.json", "php", "PHP dependencies"}, Row{"Cargo.toml", "rust", "a Rust crate"},
                         Row{"mix.exs", "elixir", "an Elixir project"}}) {
        if (c.has(r.file)) c.add(r.file, Target::Other, kMedium, r.fact, "", r.language);
    }
    if (c.has("Gemfile") && !p.gemfile_jekyll) c.add("Gemfile", Target::Other, kMedium, "Ruby dependencies", "", "ruby");
    for (const auto& n : c.names()) {
        if (ends_with(n, ".csproj") || ends_with(n, ".sln") || ends_with(n, ".fsproj")) {
            c.add(n, Target::Other, kMedium, "a .NET project", "", "dotnet");
            break;
        }
    }
}

}  // namespace

std::vector<Finding> context_findings(const Context& ctx, const Project& p, const std::vector<Signals>& extra) {
    std::vector<Finding> out;
    Collector c(ctx, out);
    go_files(c);
    java_files(c);
    js_files(c, p);
    site_files(c, p);
    other_files(c, p);
    for (const auto& s : extra) {
        auto t = target_of(s.ecosystem);
        if (!t) continue;
        for (const auto& file : s.context_files) {
            // A file the rules here already read counts once.
            bool read = std::any_of(out.begin(), out.end(), [&](const Finding& f) { return f.file == file; });
            if (!read && ctx.exists(file)) c.add(file, *t, kMedium, "configured context file");
        }
    }
    return out;
}

}  // namespace restage::detect::internal
