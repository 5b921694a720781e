// docker, podman and buildah through their command lines: build, inspect, run, probe, clean up.
#include "cli/verify_builder.hpp"

#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "cli/rootfs.hpp"

namespace restage::cli {

namespace fs = std::filesystem;

std::string_view Builder::name() const {
    switch (kind) {
        case BuilderKind::Docker:
            return "docker";
        case BuilderKind::Podman:
            return "podman";
        case BuilderKind::Buildah:
            return "buildah";
    }
    return "buildah";
}

namespace {

const char* env_or(const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return v != nullptr ? v : fallback;
}

bool usable(const Builder& b) {
    if (b.kind == BuilderKind::Docker)  // the client alone cannot build: its daemon must answer
        return run_process({b.exe, "info", "--format", "{{.ServerVersion}}"}, 20).exit == 0;
    return run_process({b.exe, "--version"}, 20).exit == 0;
}

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> strings_of(const YAML::Node& n) {
    std::vector<std::string> out;
    if (n && n.IsSequence())
        for (const auto& x : n) out.push_back(x.as<std::string>());
    return out;
}

std::string string_of(const YAML::Node& n) { return n && n.IsScalar() ? n.as<std::string>() : ""; }

// buildah prints sizes as Docker's go-units does: "7.24 MB", "1.2 GB", "512 B" (powers of 1000).
long long parse_human_size(const std::string& s) {
    std::istringstream in(s);
    double value = 0;
    std::string unit;
    in >> value >> unit;
    const std::vector<std::pair<std::string, double>> units{{"B", 1},    {"kB", 1e3}, {"KB", 1e3},
                                                            {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12}};
    for (const auto& [u, f] : units)
        if (unit == u) return static_cast<long long>(value * f + 0.5);
    return static_cast<long long>(value);
}

std::string path_of(const std::vector<std::string>& env) {
    for (const auto& e : env)
        if (e.rfind("PATH=", 0) == 0) return e.substr(5);
    return "";
}

}  // namespace

std::optional<Builder> find_builder(std::string_view requested, std::string& why) {
    const std::string path = env_or("PATH", "/usr/bin:/bin");
    const std::vector<std::pair<std::string, BuilderKind>> all{
        {"docker", BuilderKind::Docker}, {"podman", BuilderKind::Podman}, {"buildah", BuilderKind::Buildah}};
    for (const auto& [name, kind] : all) {
        if (!requested.empty() && requested != name) continue;
        auto exe = find_on_path(name, path);
        if (!exe) {
            if (!requested.empty()) why = name + " not found on PATH";
            continue;
        }
        Builder b{kind, *exe};
        if (usable(b)) return b;
        if (!requested.empty())
            why = name == "docker" ? "docker's daemon does not answer (docker info failed)"
                                   : name + " --version failed";
    }
    if (requested.empty())
        why = "no container builder found: install docker, podman or buildah (e.g. apt-get install buildah)";
    return std::nullopt;
}

Session::Session(Builder builder, fs::path scratch)
    : builder_(std::move(builder)), scratch_(std::move(scratch)) {}

Session::~Session() {
    ignore_interrupts();  // a second Ctrl-C must not stop the clean-up half way
    for (const auto& c : containers_) {
        if (builder_.kind == BuilderKind::Buildah) {
            tool({"umount", c}, 60);
            tool({"rm", c}, 60);
        } else {
            tool({"rm", "-f", c}, 60);
        }
    }
    for (const auto& i : images_) tool({"rmi", "-f", i}, 120);
    for (const auto& ns : netns_) {
        auto pids = run_process({"ip", "netns", "pids", ns}, 20);
        std::istringstream in(pids.out);
        for (std::string pid; in >> pid;) run_process({"kill", "-KILL", pid}, 10);
        run_process({"ip", "netns", "del", ns}, 20);
    }
}

ProcessResult Session::tool(std::vector<std::string> args, int timeout_s) {
    args.insert(args.begin(), builder_.exe);
    return run_process(args, timeout_s);
}

std::string Session::new_name(std::string_view what) {
    return "restage-verify-" + std::to_string(getpid()) + "-" + std::string(what) + "-" +
           std::to_string(++counter_);
}

ProcessResult Session::build(const std::string& dockerfile, const std::string& context,
                             const std::string& tag, const std::string& pull,
                             const std::vector<std::string>& extra, const std::string& log_file) {
    std::vector<std::string> argv{builder_.exe};
    std::vector<std::string> env;
    switch (builder_.kind) {
        case BuilderKind::Docker:
            argv.push_back("build");
            if (pull == "always") argv.push_back("--pull");
            env.push_back("DOCKER_BUILDKIT=1");
            break;
        case BuilderKind::Podman:
            argv.insert(argv.end(), {"build", "--pull=" + pull});
            break;
        case BuilderKind::Buildah:
            argv.insert(argv.end(), {"bud", "--pull=" + pull});
            // Without namespaces of its own, RUN works on hosts where runc/crun cannot start.
            if (std::getenv("BUILDAH_ISOLATION") == nullptr)
                argv.insert(argv.end(), {"--isolation", "chroot"});
            break;
    }
    argv.insert(argv.end(), extra.begin(), extra.end());
    argv.insert(argv.end(), {"-f", dockerfile, "-t", tag, context});
    images_.push_back(tag);
    // The builder's progress goes to the log; stdout too, so both are in one place.
    auto r = run_process(argv, 3600, env, log_file);
    std::ofstream(log_file, std::ios::app) << r.out;
    return r;
}

std::optional<ImageFacts> Session::inspect(const std::string& tag, std::string& error) {
    ImageFacts f;
    try {
        if (builder_.kind == BuilderKind::Buildah) {
            auto r = tool({"inspect", "--type", "image", tag});
            if (r.exit != 0) throw std::runtime_error(r.err);
            YAML::Node doc = YAML::Load(r.out);
            YAML::Node config = doc["OCIv1"]["config"];
            f.layers = static_cast<int>(doc["OCIv1"]["rootfs"]["diff_ids"].size());
            f.user = string_of(config["User"]);
            f.entrypoint = strings_of(config["Entrypoint"]);
            f.cmd = strings_of(config["Cmd"]);
            f.env = strings_of(config["Env"]);
            auto size = tool({"images", "--format", "{{.Size}}", tag});
            if (size.exit != 0) throw std::runtime_error(size.err);
            f.size = parse_human_size(size.out);
        } else {
            auto r = tool({"image", "inspect", tag});
            if (r.exit != 0) throw std::runtime_error(r.err);
            YAML::Node doc = YAML::Load(r.out)[0];
            YAML::Node config = doc["Config"];
            f.size = doc["Size"].as<long long>();
            f.layers = static_cast<int>(doc["RootFS"]["Layers"].size());
            f.user = string_of(config["User"]);
            f.entrypoint = strings_of(config["Entrypoint"]);
            f.cmd = strings_of(config["Cmd"]);
            f.env = strings_of(config["Env"]);
        }
    } catch (const std::exception& e) {
        error = "cannot inspect " + tag + ": " + e.what();
        return std::nullopt;
    }
    return f;
}

Observed Session::observe(const std::string& tag, const ImageFacts& facts, const Probe& probe,
                          int timeout_s) {
    if (builder_.kind == BuilderKind::Buildah) return observe_buildah(tag, facts, probe, timeout_s);
    return observe_engine(tag, probe, timeout_s);
}

// Polls `prefix` + curl until the server answers, it exits, or time runs out.
Observed Session::ask_http(const std::vector<std::string>& prefix, const std::string& url, Background& server,
                           const std::string& log_file, int timeout_s) {
    Observed o;
    const fs::path body = scratch_ / (new_name("body") + ".txt");
    std::vector<std::string> curl = prefix;
    curl.insert(curl.end(), {"curl", "-sS", "-m", "10", "-o", body.string(), "-w", "%{http_code}", url});
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
    while (std::chrono::steady_clock::now() < deadline) {
        auto r = run_process(curl, 20);
        if (r.exit == 0) {
            o.answered = true;
            o.code = std::atoi(r.out.c_str());
            o.output = read_text(body);
            break;
        }
        if (!running(server) || interrupted()) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    stop_process(server);
    o.log = read_text(log_file);
    return o;
}

Observed Session::observe_buildah(const std::string& tag, const ImageFacts& facts, const Probe& probe,
                                  int timeout_s) {
    Observed o;
    auto from = tool({"from", "--pull=never", "-q", tag});
    if (from.exit != 0) {
        o.log = from.err;
        return o;
    }
    const std::string ctr = from.out.substr(0, from.out.find('\n'));
    containers_.push_back(ctr);
    const auto& rest = probe.http || probe.args.empty() ? facts.cmd : probe.args;
    if (facts.entrypoint.empty() && rest.empty()) {
        o.log = "the image has no ENTRYPOINT or CMD to run";
        return o;
    }
    // chroot isolation has no network namespace of its own: `ip netns exec` gives it one; with
    // oci isolation buildah joins the namespace itself (ip netns exec would hide the cgroup mounts).
    const char* isolation = std::getenv("BUILDAH_ISOLATION");
    const bool chroot = isolation == nullptr || std::string_view(isolation) == "chroot";
    auto run_argv = [&](const std::string& network) {
        std::vector<std::string> argv{builder_.exe, "run"};
        if (isolation == nullptr) argv.insert(argv.end(), {"--isolation", "chroot"});
        argv.insert(argv.end(), {"--network", network, ctr, "--"});
        argv.insert(argv.end(), facts.entrypoint.begin(), facts.entrypoint.end());
        argv.insert(argv.end(), rest.begin(), rest.end());
        return argv;
    };
    if (!probe.http) {
        auto r = run_process(run_argv("host"), timeout_s);
        o.answered = r.exit >= 0;
        o.code = r.exit;
        o.output = r.out;
        o.log = r.err;
        return o;
    }
    // Its own network namespace: no port clashes with the host or the other image.
    const std::string ns = new_name("ns");
    if (run_process({"ip", "netns", "add", ns}, 20).exit != 0) {
        o.log = "cannot create a network namespace (ip netns add " + ns + "): run as root";
        return o;
    }
    netns_.push_back(ns);
    run_process({"ip", "-n", ns, "link", "set", "lo", "up"}, 20);
    auto argv = run_argv(chroot ? "host" : "ns:/run/netns/" + ns);
    if (chroot) argv.insert(argv.begin(), {"ip", "netns", "exec", ns});
    const std::string log_file = (scratch_ / (new_name("server") + ".log")).string();
    Background server = start_process(argv, log_file);
    return ask_http({"ip", "netns", "exec", ns},
                    "http://127.0.0.1:" + std::to_string(probe.port) + probe.path, server, log_file,
                    timeout_s);
}

Observed Session::observe_engine(const std::string& tag, const Probe& probe, int timeout_s) {
    Observed o;
    const std::string name = new_name("ctr");
    if (!probe.http) {
        std::vector<std::string> argv{builder_.exe, "run", "--rm", "--name", name, tag};
        argv.insert(argv.end(), probe.args.begin(), probe.args.end());
        auto r = run_process(argv, timeout_s);
        o.answered = r.exit >= 0 && r.exit != 125;  // 125: the engine itself failed
        o.code = r.exit;
        o.output = r.out;
        o.log = r.err;
        return o;
    }
    containers_.push_back(name);
    auto started = tool({"run", "-d", "--name", name, "-p", "127.0.0.1::" + std::to_string(probe.port), tag});
    if (started.exit != 0) {
        o.log = started.err;
        return o;
    }
    auto port = tool({"port", name, std::to_string(probe.port) + "/tcp"});
    const std::string host = port.out.substr(0, port.out.find('\n'));
    const std::string log_file = (scratch_ / (new_name("server") + ".log")).string();
    Background logs = start_process({builder_.exe, "logs", "-f", name}, log_file);
    auto seen = ask_http({}, "http://" + host + probe.path, logs, log_file, timeout_s);
    return seen;
}

std::optional<std::vector<std::string>> Session::programs(const std::string& tag, const ImageFacts& facts,
                                                          const std::vector<std::string>& names,
                                                          std::string& error) {
    std::vector<std::string> dirs{
        "/usr/local/sbin", "/usr/local/bin", "/usr/sbin",         "/usr/bin",
        "/sbin",           "/bin",           "/usr/local/go/bin", "/opt/java/openjdk/bin"};
    std::string path = path_of(facts.env);
    for (std::size_t start = 0; start < path.size();) {
        std::size_t end = std::min(path.find(':', start), path.size());
        if (end > start) dirs.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    fs::path root;
    if (builder_.kind == BuilderKind::Buildah) {
        auto from = tool({"from", "--pull=never", "-q", tag});
        if (from.exit != 0) {
            error = from.err;
            return std::nullopt;
        }
        const std::string ctr = from.out.substr(0, from.out.find('\n'));
        containers_.push_back(ctr);
        auto mnt = tool({"mount", ctr});
        if (mnt.exit != 0) {
            error = "buildah mount failed: " + mnt.err;
            return std::nullopt;
        }
        root = mnt.out.substr(0, mnt.out.find('\n'));
    } else {
        // docker and podman: export a container's file system and unpack it in the scratch folder.
        const std::string name = new_name("files");
        if (auto c = tool({"create", "--name", name, tag}); c.exit != 0) {
            error = c.err;
            return std::nullopt;
        }
        containers_.push_back(name);
        const fs::path tar = scratch_ / (name + ".tar");
        root = scratch_ / name;
        fs::create_directories(root);
        if (auto e = tool({"export", "-o", tar.string(), name}, 600); e.exit != 0) {
            error = e.err;
            return std::nullopt;
        }
        run_process({"tar", "-xf", tar.string(), "-C", root.string(), "--no-same-owner",
                     "--no-same-permissions", "--exclude=dev/*"},
                    600);
        fs::remove(tar);
    }
    return programs_in_root(root, names, dirs);
}

}  // namespace restage::cli
