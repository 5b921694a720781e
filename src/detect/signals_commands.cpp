// Commands: what one program run in a RUN, CMD or ENTRYPOINT says about the build.
#include <algorithm>
#include <array>
#include <map>

#include "detect/signals.hpp"

namespace restage::detect::internal {

namespace {

struct Emit {
    std::vector<Finding>& out;
    void operator()(Target t, int weight, std::string fact, std::string flavor = "", std::string language = "") const {
        Finding f;
        f.target = t;
        f.weight = weight;
        f.fact = std::move(fact);
        f.flavor = std::move(flavor);
        f.language = std::move(language);
        out.push_back(std::move(f));
    }
};

// "go build", "./mvnw clean package": the program as written and up to `n` operands, from the
// first one to the next flag ("./gradlew build -x test" shows "./gradlew build").
std::string shown(const std::vector<std::string>& argv, std::size_t n) {
    std::string s = argv[0];
    std::size_t i = 1;
    while (i < argv.size() && argv[i].rfind('-', 0) == 0) ++i;
    for (std::size_t taken = 0; i < argv.size() && taken < n && argv[i].rfind('-', 0) != 0; ++i, ++taken) s += " " + argv[i];
    return s;
}

// OS packages that bring a toolchain. Site generators weigh as much as a build command.
struct PackageRow {
    std::string_view pattern;
    Target target;
    std::string_view flavor;
    std::string_view language;
};
constexpr std::array kPackages{
    PackageRow{"golang*", Target::Go, "", ""},           PackageRow{"go", Target::Go, "", ""},
    PackageRow{"maven", Target::Maven, "", ""},          PackageRow{"gradle", Target::Gradle, "", ""},
    PackageRow{"openjdk*", Target::Jvm, "", ""},         PackageRow{"default-jdk*", Target::Jvm, "", ""},
    PackageRow{"default-jre*", Target::Jvm, "", ""},     PackageRow{"java-*-openjdk*", Target::Jvm, "", ""},
    PackageRow{"nodejs*", Target::Js, "", ""},           PackageRow{"npm", Target::Js, "", ""},
    PackageRow{"yarn", Target::Js, "", ""},              PackageRow{"hugo", Target::Static, "hugo", ""},
    PackageRow{"jekyll", Target::Static, "jekyll", ""},  PackageRow{"python*", Target::Other, "", "python"},
    PackageRow{"ruby", Target::Other, "", "ruby"},       PackageRow{"ruby-dev", Target::Other, "", "ruby"},
    PackageRow{"php*", Target::Other, "", "php"},        PackageRow{"dotnet-sdk*", Target::Other, "", "dotnet"},
    PackageRow{"cargo", Target::Other, "", "rust"},      PackageRow{"rustc", Target::Other, "", "rust"},
};

void os_packages(const std::vector<std::string>& argv, bool plain_base, const Emit& emit) {
    const std::string prog = program_name(argv[0]);
    auto ops = operands(argv);
    if (ops.empty() || (ops[0] != "install" && ops[0] != "add")) return;
    // One finding per target, naming the packages: "installs nodejs, npm with apt-get".
    std::map<std::pair<Target, std::string>, std::pair<std::string, const PackageRow*>> seen;
    for (std::size_t i = 1; i < ops.size(); ++i) {
        std::string pkg = lower(ops[i].substr(0, ops[i].find_first_of("=@<>~")));
        for (const auto& row : kPackages) {
            if (!glob_match(row.pattern, pkg)) continue;
            auto& [names, r] = seen[{row.target, std::string(row.language)}];
            names += (names.empty() ? "" : ", ") + pkg;
            r = &row;
            break;
        }
    }
    for (const auto& [key, value] : seen) {
        const auto& [names, row] = value;
        int weight = row->target == Target::Static ? kStrong : plain_base ? kMedium : kWeak;
        emit(row->target, weight, "installs " + names + " with " + prog, std::string(row->flavor), std::string(row->language));
    }
}

// Global tools installed with a package manager.
struct ToolRow {
    std::string_view package;
    Target target;
    std::string_view flavor;
};
constexpr std::array kTools{
    ToolRow{"serve", Target::Static, ""},           ToolRow{"http-server", Target::Static, ""},
    ToolRow{"live-server", Target::Static, ""},     ToolRow{"gatsby-cli", Target::Static, "gatsby"},
    ToolRow{"gatsby", Target::Static, "gatsby"},    ToolRow{"@angular/cli", Target::Static, "angular"},
    ToolRow{"vue-cli", Target::Static, "vue-cli"},  ToolRow{"@vue/cli", Target::Static, "vue-cli"},
    ToolRow{"@vue/cli-service", Target::Static, "vue-cli"},
    ToolRow{"react-scripts", Target::Static, "create-react-app"},
    ToolRow{"create-react-app", Target::Static, "create-react-app"},
    ToolRow{"vite", Target::Static, "vite"},        ToolRow{"pm2", Target::Node, ""},
    ToolRow{"nodemon", Target::Node, ""},           ToolRow{"forever", Target::Node, ""},
    ToolRow{"ts-node", Target::Node, ""},           ToolRow{"@nestjs/cli", Target::Node, ""},
};

// "@vue/cli@^5.0.8" -> "@vue/cli"; "react-scripts@3.4.1" -> "react-scripts".
std::string package_of(std::string_view spec) {
    auto at = spec.find('@', 1);
    return lower(spec.substr(0, at));
}

void js_command(const std::vector<std::string>& argv, Phase phase, std::string_view where, const Project& p,
                std::vector<Finding>& out) {
    Emit emit{out};
    const std::string pm = program_name(argv[0]);
    auto ops = operands(argv);
    std::string sub = ops.empty() ? "" : ops[0];
    bool global = false;
    for (const auto& a : argv) global = global || a == "-g" || a == "--global" || a == "--location=global";
    if (pm == "yarn" && sub == "global") {
        global = true;
        ops.erase(ops.begin());
        sub = ops.empty() ? "" : ops[0];
    }
    const std::size_t first = out.size();
    auto vote = [&](PmRank rank) {
        for (std::size_t i = first; i < out.size(); ++i) {
            out[i].pm = pm;
            out[i].pm_rank = rank;
        }
    };
    const bool install = sub == "install" || sub == "i" || sub == "ci" || sub == "add" || (pm == "yarn" && sub.empty());
    if (install) {
        std::vector<std::string> unknown;
        for (std::size_t i = 1; i < ops.size(); ++i) {
            std::string name = package_of(ops[i]);
            auto it = std::find_if(kTools.begin(), kTools.end(), [&](const ToolRow& t) { return t.package == name; });
            if (it == kTools.end()) {
                unknown.push_back(name);
            } else {
                emit(it->target, kMedium, "installs " + name + " with " + pm, std::string(it->flavor));
            }
        }
        if (ops.size() <= 1 && !global) {
            emit(Target::Js, kMedium, shown(argv, 1) + (phase == Phase::Build ? " in RUN" : ""));
            if (phase == Phase::Run) out.back().fact = std::string(where) + " runs " + shown(argv, 1);
        } else if (!unknown.empty()) {
            std::string names;
            for (const auto& n : unknown) names += (names.empty() ? "" : ", ") + n;
            emit(Target::Js, kWeak, "installs " + names + " with " + pm);
        }
        vote(global || ops.size() > 1 ? PmRank::Global : PmRank::Command);
        return;
    }
    static constexpr std::array<std::string_view, 12> kChores{
        "cache", "config", "set", "link", "remove", "upgrade", "update", "info", "init", "audit", "version", "policies",
    };
    if (sub.empty() || std::find(kChores.begin(), kChores.end(), sub) != kChores.end()) return;
    if (pm == "npm" && sub != "run" && sub != "run-script" && sub != "start" && sub != "test") return;
    ScriptUse r = command_role(argv, p);
    const std::string cmd = shown(argv, sub == "run" || sub == "run-script" ? 2 : 1);
    if (phase == Phase::Build) {
        // A build script the context cannot explain still hints at a static flavor: "npm-build".
        emit(Target::Js, kMedium, cmd + " in RUN", r.role == Role::None && cmd.find("build") != std::string::npos ? "npm-build" : "");
        if (r.role == Role::FrontendBuild) emit(Target::Static, kMedium, cmd + " runs " + r.what + " (a front-end build)", r.flavor);
    } else {
        const std::string runs = std::string(where) + " runs " + cmd;
        if (!p.has_package_json && r.role == Role::NodeServer && r.what == "node server.js") {
            emit(Target::Node, kMedium, runs + " (no package.json in the context)");
        } else if (r.role == Role::NodeServer) {
            emit(Target::Node, kStrong, runs + ": " + r.what + " (a Node server)");
        } else if (r.role == Role::DevServer || r.role == Role::StaticServer) {
            emit(Target::Static, kStrong, runs + ": " + r.what + " (serves a front-end)", r.flavor);
        } else if (r.role == Role::FrontendBuild) {
            emit(Target::Static, kMedium, runs + ": " + r.what + " (a front-end build)", r.flavor);
        } else {
            emit(Target::Js, kMedium, runs);
        }
    }
    vote(PmRank::Command);
}

}  // namespace

void command_findings(const std::vector<std::string>& argv, Phase phase, std::string_view where, bool plain_base,
                      const Project& p, std::vector<Finding>& out) {
    if (argv.empty()) return;
    Emit emit{out};
    // Views, so the chain of comparisons below compares lengths first: most programs match none.
    const std::string prog_name = program_name(argv[0]);
    const std::string_view prog = prog_name;
    // ./go or ../bin/node is a file of the project, not the toolchain; the build wrappers are.
    const bool relative = argv[0].rfind("./", 0) == 0 || argv[0].rfind("../", 0) == 0;
    if (relative && prog != "mvnw" && prog != "gradlew" && argv[0].find("node_modules/.bin/") == std::string::npos) return;
    const auto ops = operands(argv);
    const std::string_view sub = ops.empty() ? std::string_view() : std::string_view(ops[0]);
    const bool build = phase == Phase::Build;
    auto fact = [&](std::size_t n) {
        return build ? shown(argv, n) + " in RUN" : std::string(where) + " runs " + shown(argv, n);
    };

    if (prog == "go") {
        int w = sub == "build" || sub == "install" || (!build && sub == "run") ? kStrong
                : sub == "get" || sub == "mod" || sub == "test" || sub == "run" || sub == "generate" ? kMedium
                                                                                                     : kWeak;
        emit(Target::Go, w, fact(sub == "mod" ? 2 : 1));
    } else if (prog == "go-wrapper") {
        emit(Target::Go, kStrong, fact(1));
    } else if (prog == "dep" || prog == "glide" || prog == "godep" || prog == "govendor") {
        emit(Target::Go, kMedium, fact(1));
    } else if (prog == "mvn" || prog == "mvnw" || prog == "mvnw.cmd") {
        emit(Target::Maven, kStrong, fact(2));
    } else if (prog == "gradle" || prog == "gradlew") {
        emit(Target::Gradle, kStrong, fact(2));
    } else if (prog == "java" || prog == "javac") {
        bool jar = std::find(argv.begin(), argv.end(), "-jar") != argv.end();
        emit(Target::Jvm, build && prog == "java" ? kWeak : kMedium, build ? fact(0) : std::string(where) + " runs " + argv[0] + (jar ? " -jar" : ""));
    } else if (prog == "catalina.sh" || prog == "standalone.sh" || prog == "run-java.sh") {
        emit(Target::Jvm, kMedium, fact(1));
    } else if (prog == "npm" || prog == "yarn" || prog == "pnpm") {
        js_command(argv, phase, where, p, out);
    } else if (prog == "hugo") {
        emit(Target::Static, kStrong, fact(1), "hugo");
    } else if (prog == "jekyll") {
        emit(Target::Static, kStrong, fact(1), "jekyll");
    } else if (prog == "gem" && sub == "install") {
        bool jekyll = std::find(ops.begin(), ops.end(), "jekyll") != ops.end() ||
                      std::find(ops.begin(), ops.end(), "github-pages") != ops.end();
        bool rails = std::find(ops.begin(), ops.end(), "rails") != ops.end();
        if (jekyll) emit(Target::Static, kStrong, fact(2), "jekyll");
        else emit(Target::Other, rails ? kStrong : kWeak, fact(2), "", "ruby");
    } else if (prog == "nginx" || prog == "httpd-foreground" || prog == "httpd" || prog == "caddy" || prog == "lighttpd") {
        if (!build) emit(Target::Static, kMedium, fact(0));
    } else if (ScriptUse r = command_role(argv, p); r.role != Role::None) {
        // Front-end tools and Node runners called directly (node, serve, vite, ng, gatsby, ...).
        if (r.role == Role::FrontendBuild) {
            emit(Target::Static, build ? kStrong : kMedium, fact(1) + " (a front-end build)", r.flavor);
        } else if (r.role == Role::NodeServer) {
            emit(build ? Target::Js : Target::Node, build ? kWeak : kStrong, fact(1) + (build ? "" : " (a Node server)"));
        } else {
            emit(Target::Static, build ? kWeak : kStrong, fact(1) + " (serves a front-end)", r.flavor);
        }
    } else if (prog == "node" || prog == "next" || prog == "nuxt" || prog == "ng" || prog == "gatsby" || prog == "tsc") {
        emit(Target::Js, sub.empty() ? kWeak : kMedium, fact(1));
    } else if (prog == "apt-get" || prog == "apt" || prog == "apk" || prog == "yum" || prog == "dnf" ||
               prog == "microdnf" || prog == "zypper") {
        os_packages(argv, plain_base, emit);
    } else if (prog == "pip" || prog == "pip3" || prog == "pipenv" || prog == "poetry" || prog == "python" ||
               prog == "python3" || prog == "gunicorn" || prog == "uvicorn" || prog == "flask" || prog == "uwsgi" ||
               prog == "django-admin") {
        emit(Target::Other, kMedium, fact(1), "", "python");
    } else if (prog == "bundle" || prog == "rails" || prog == "rake" || prog == "puma" || prog == "rackup" ||
               prog == "ruby" || prog == "unicorn") {
        if (p.gemfile_jekyll && prog == "bundle") emit(Target::Static, kWeak, fact(1), "jekyll");
        else emit(Target::Other, kMedium, fact(1), "", "ruby");
    } else if (prog == "composer" || prog == "php" || prog == "php-fpm" || prog == "apache2-foreground" ||
               prog == "docker-php-ext-install" || prog == "docker-php-ext-configure" || prog == "pecl") {
        emit(Target::Other, kMedium, fact(1), "", "php");
    } else if (prog == "dotnet") {
        emit(Target::Other, kStrong, fact(1), "", "dotnet");
    } else if (prog == "cargo" || prog == "rustc") {
        emit(Target::Other, kStrong, fact(1), "", "rust");
    } else if (prog == "mix") {
        emit(Target::Other, kMedium, fact(1), "", "elixir");
    } else if (prog == "lein" || prog == "clojure" || prog == "clj") {
        emit(Target::Other, kStrong, fact(1), "", "clojure");  // JVM, but neither Maven nor Gradle
    } else if (prog == "sbt") {
        emit(Target::Other, kStrong, fact(1), "", "scala");
    }
}

}  // namespace restage::detect::internal
