// `restage verify FILE`: build the original and the rewrite from the same context, run both,
// compare what they do, and show what changed in the image. Exit 0 same, 1 differs, 2 cannot verify.
#include <fmt/core.h>
#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/app.hpp"
#include "cli/atomic_write.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/rewrite_one.hpp"
#include "cli/verify_builder.hpp"
#include "cli/verify_report.hpp"
#include "model/shell_lex.hpp"

namespace restage::cli {

namespace {

namespace fs = std::filesystem;

// The programs that build software and have no business in a final image.
const std::vector<std::string> kBuildTools{"go", "javac", "mvn", "gradle", "npm", "gcc", "make"};
const std::vector<std::string> kPackageManagers{"apt-get", "apk"};

int usage(const std::string& message) {
    return report("restage verify", "", Error{ErrorKind::Usage, message, {}, ""});
}

/// `PORT[/PATH]` or `ARGS` into a Probe; an error message when it cannot be read.
std::optional<Probe> parse_probe(const VerifyOptions& o, std::string& error) {
    Probe p;
    if (o.http.empty() == o.run.empty()) {
        error = "give one probe: --http PORT[/PATH] or --run ARGS";
        return std::nullopt;
    }
    if (!o.http.empty()) {
        p.http = true;
        const std::size_t slash = o.http.find('/');
        const std::string port = o.http.substr(0, slash);
        if (slash != std::string::npos) p.path = o.http.substr(slash);
        if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
            std::stoi(port) < 1 || std::stoi(port) > 65535) {
            error = "--http " + o.http + ": want PORT[/PATH], e.g. 8080/health";
            return std::nullopt;
        }
        p.port = std::stoi(port);
        return p;
    }
    model::LexOptions lex;
    lex.skip_unset_env = true;
    auto words = model::process_words(o.run, model::empty_env(), lex);
    if (!words) {
        error = "--run " + o.run + ": " + words.error().message;
        return std::nullopt;
    }
    p.args = std::move(*words);
    return p;
}

std::string tail_of(const std::string& path, std::size_t lines) {
    std::ifstream in(path, std::ios::binary);
    std::vector<std::string> all;
    for (std::string line; std::getline(in, line);) all.push_back(line);
    std::string out;
    for (std::size_t i = all.size() > lines ? all.size() - lines : 0; i < all.size(); ++i)
        out += all[i] + "\n";
    return out;
}

/// A scratch folder outside the build context, removed when verify ends.
class Scratch {
public:
    Scratch() {
        std::string tmpl = (fs::temp_directory_path() / "restage-verify-XXXXXX").string();
        if (::mkdtemp(tmpl.data()) != nullptr) path_ = tmpl;
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    ~Scratch() {
        std::error_code ec;
        if (!path_.empty()) fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// Builds one side; false when the build failed (its log's end is kept for the report).
bool build_side(Session& session, const VerifyOptions& o, const std::string& file, const std::string& context,
                const std::string& tag, const fs::path& log, Side& side) {
    const auto start = std::chrono::steady_clock::now();
    auto r = session.build(file, context, tag, o.pull, o.build_opts, log.string());
    side.build_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    side.built = r.exit == 0;
    if (!side.built) side.build_log_tail = tail_of(log.string(), 30);
    return side.built;
}

int finish(const VerifyOptions& o, VerifyReport& r, int exit, std::string problem) {
    r.exit = exit;
    r.problem = std::move(problem);
    std::string text = o.format == "json" ? render_json(r) : render_text(r);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return exit;
}

// Builds, runs and compares; fills `r`. The session cleans up whatever it made.
int verify(const VerifyOptions& o, const Builder& builder, const Probe& probe,
           const std::string& rewritten_file, const std::optional<std::string>& package_manager,
           const fs::path& scratch, VerifyReport& r) {
    const std::string context = !o.context.empty() ? o.context
                                : fs::path(o.file).parent_path().empty()
                                    ? std::string(".")
                                    : fs::path(o.file).parent_path().string();
    catch_interrupts();  // Ctrl-C: stop, then remove what was made (the Session's destructor)
    Session session(builder, scratch);
    const std::string base = fmt::format("localhost/restage-verify/{}", getpid());
    const std::string before_tag = base + ":before", after_tag = base + ":after";
    auto stopped = [&] { return finish(o, r, kExitBadInput, "interrupted"); };
    if (!build_side(session, o, o.file, context, before_tag, scratch / "before.log", r.before))
        return interrupted() ? stopped()
                             : finish(o, r, kExitBadInput, "the original Dockerfile does not build");
    if (!build_side(session, o, rewritten_file, context, after_tag, scratch / "after.log", r.after))
        return interrupted() ? stopped()
                             : finish(o, r, kExitChanges, "the rewritten Dockerfile does not build");
    std::string error;
    r.before.facts = session.inspect(before_tag, error);
    if (r.before.facts) r.after.facts = session.inspect(after_tag, error);
    if (!r.after.facts) return finish(o, r, kExitBadInput, error);

    std::vector<std::string> wanted = kBuildTools;
    if (package_manager && package_manager->empty())  // the runtime promised no package manager
        wanted.insert(wanted.end(), kPackageManagers.begin(), kPackageManagers.end());
    for (Side* side : {&r.before, &r.after}) {
        auto tools =
            session.programs(side == &r.before ? before_tag : after_tag, *side->facts, wanted, error);
        if (!tools) return finish(o, r, kExitBadInput, "cannot look inside the image: " + error);
        side->tools = std::move(*tools);
    }
    if (interrupted()) return stopped();
    r.before.seen = session.observe(before_tag, *r.before.facts, probe, o.timeout);
    if (interrupted()) return stopped();
    if (!r.before.seen->answered)
        return finish(o, r, kExitBadInput,
                      "the original image does not answer the probe:\n" + r.before.seen->log);
    r.after.seen = session.observe(after_tag, *r.after.facts, probe, o.timeout);
    if (interrupted()) return stopped();
    const Observed &a = *r.before.seen, &b = *r.after.seen;
    if (!b.answered)
        return finish(o, r, kExitChanges,
                      probe.http ? "the rewrite's server never answered"
                                 : "the rewrite's image could not run the probe");
    if (a.code != b.code)
        return finish(
            o, r, kExitChanges,
            fmt::format("{} {} before, {} after", probe.http ? "status" : "exit code", a.code, b.code));
    if (a.output != b.output)
        return finish(o, r, kExitChanges, probe.http ? "the bodies differ" : "the outputs differ");
    return finish(o, r, kExitOk, "");
}

}  // namespace

void add_verify_command(CLI::App& app, VerifyOptions& opts) {
    auto* cmd = app.add_subcommand(
        "verify", "build the Dockerfile and its rewrite, run both images and compare their behaviour");
    cmd->add_option("file", opts.file, "the single-stage Dockerfile")->required();
    cmd->add_option("--context", opts.context, "the build context (default: the Dockerfile's folder)")
        ->check(CLI::ExistingDirectory);
    cmd->add_option("--builder", opts.builder, "docker, podman or buildah (default: the first found)")
        ->check(CLI::IsMember({"docker", "podman", "buildah"}));
    cmd->add_option("--http", opts.http, "probe: start the image, GET http://127.0.0.1:PORT/PATH");
    cmd->add_option("--run", opts.run,
                    "probe: run the image with these arguments, compare exit code and stdout");
    cmd->add_option("--rewritten", opts.rewritten,
                    "check this rewritten Dockerfile instead of restage's rewrite")
        ->check(CLI::ExistingFile);
    cmd->add_option("--runtime", opts.runtime,
                    "the rewrite's final base: distroless, slim, alpine or scratch")
        ->check(CLI::IsMember({"distroless", "slim", "alpine", "scratch"}, CLI::ignore_case));
    cmd->add_option("--pull", opts.pull, "base image pull policy: missing, never or always")
        ->check(CLI::IsMember({"missing", "never", "always"}));
    cmd->add_option("--build-opt", opts.build_opts,
                    "an argument for the builder's build command, e.g. --build-opt=--volume=/a:/a:ro");
    cmd->add_option("--timeout", opts.timeout, "seconds the probe waits for an answer")
        ->check(CLI::Range(1, 3600));
    cmd->add_option("--format", opts.format, "text, or json")->check(CLI::IsMember({"text", "json"}));
}

int run_verify(const VerifyOptions& o) {
    std::string error;
    auto probe = parse_probe(o, error);
    if (!probe) return usage(error);
    if (std::error_code ec; !fs::is_regular_file(o.file, ec)) return usage("no such file: " + o.file);

    auto builder = find_builder(o.builder, error);
    if (!builder) {
        fmt::print(stderr, "restage verify: {}\n", error);
        return kExitBadInput;
    }

    std::string rewritten_text;
    std::optional<std::string> package_manager;
    if (!o.rewritten.empty()) {
        auto text = read_file(o.rewritten);
        if (!text) return report(o.rewritten, "", text.error());
        rewritten_text = std::move(*text);
    } else {
        RewriteOptions ro;
        ro.context = o.context;
        ro.runtime = o.runtime;
        RewriteOne one = rewrite_one(ro, o.file);
        if (!one.outcome) return kExitBadInput;  // reported
        if (one.outcome->status != rewrite::Outcome::Status::Rewritten) {
            for (const auto& f : one.outcome->refusals)
                fmt::print(stderr, "{}:{}: refused: {}\n", o.file, f.line, f.reason);
            return usage(one.outcome->status == rewrite::Outcome::Status::Refused
                             ? "cannot verify: restage refuses to rewrite " + o.file
                             : "nothing to verify: restage leaves " + o.file + " unchanged");
        }
        rewritten_text = one.outcome->text;
        package_manager = one.package_manager;
    }

    Scratch scratch;
    if (scratch.path().empty()) return usage("cannot create a temporary folder");
    const fs::path rewritten_file = scratch.path() / "Dockerfile.rewritten";
    std::ofstream(rewritten_file, std::ios::binary) << rewritten_text;

    VerifyReport r;
    r.file = o.file;
    r.builder = std::string(builder->name());
    r.http = probe->http;
    r.probe =
        probe->http ? fmt::format("GET http://127.0.0.1:{}{}", probe->port, probe->path) : "run " + o.run;
    return verify(o, *builder, *probe, rewritten_file.string(), package_manager, scratch.path(), r);
}

}  // namespace restage::cli
