// The command line: one CLI11 app, one file per subcommand (cmd_*.cpp).
#include "cli/app.hpp"

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "syntax/diagnostic.hpp"

namespace restage::cli {

bool color_for(int fd) {
    const char* no_color = std::getenv("NO_COLOR");
    return isatty(fd) != 0 && (no_color == nullptr || *no_color == '\0');
}

std::string display_name(std::string_view arg) { return arg == "-" ? "<stdin>" : std::string(arg); }

int report(std::string_view file, std::string_view source, const Error& e) {
    std::string text = render_diagnostic(file, source, e, color_for(STDERR_FILENO));
    std::fputs(text.c_str(), stderr);
    if (text.empty() || text.back() != '\n') std::fputc('\n', stderr);
    return exit_code_for(e.kind);
}

int main(int argc, char** argv) {
    CLI::App app{"restage: rewrite single-stage Dockerfiles into lean, cache-friendly multi-stage builds"};
    app.set_version_flag("--version", "restage 0.1.0");
    // `restage FILE` rewrites; `restage parse|fmt|detect ...` are subcommands.
    app.require_subcommand(0, 1);
    RewriteOptions rewrite_opts;
    add_rewrite_options(app, rewrite_opts);

    ParseOptions parse_opts;
    add_parse_command(app, parse_opts);
    FmtOptions fmt_opts;
    add_fmt_command(app, fmt_opts);
    DetectOptions detect_opts;
    add_detect_command(app, detect_opts);
    VerifyOptions verify_opts;
    add_verify_command(app, verify_opts);
    ScanOptions scan_opts;
    add_scan_command(app, scan_opts);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? kExitOk : kExitBadInput;
    }
    if (app.get_subcommands().empty() && rewrite_opts.files.empty()) {
        if (rewrite_opts.any_option()) {
            return report("restage", "",
                          Error{ErrorKind::Usage, "no Dockerfile given: restage [OPTIONS] FILE|-", {}, ""});
        }
        std::fputs(app.help().c_str(), stderr);
        return kExitBadInput;
    }
    if (!app.get_subcommands().empty() && (rewrite_opts.any_option() || !rewrite_opts.files.empty())) {
        return report("restage", "",
                      Error{ErrorKind::Usage, "rewrite options and files go without a subcommand", {}, ""});
    }
    try {
        if (app.got_subcommand("parse")) return run_parse(parse_opts);
        if (app.got_subcommand("fmt")) return run_fmt(fmt_opts);
        if (app.got_subcommand("detect")) return run_detect(detect_opts);
        if (app.got_subcommand("verify")) return run_verify(verify_opts);
        if (app.got_subcommand("scan")) return run_scan(scan_opts);
        if (app.get_subcommands().empty()) return run_rewrite(rewrite_opts);
    } catch (const std::exception& e) {
        fmt::print(stderr, "restage: internal error: {}\n", e.what());
        return kExitInternal;
    }
    return kExitBadInput;
}

}  // namespace restage::cli
