// bk_commands.cpp: the typed parsers of every instruction but FROM, ARG and ONBUILD: flags and checks.
#include "model/bk_heredoc.hpp"
#include "model/bk_request.hpp"
#include "model/go_parse.hpp"
#include "model/go_text.hpp"

namespace restage::model::bk::detail {
namespace {

Result<Typed> done(const Request& r) {
    return Typed{r.command_value()};
}

// parser.MustParseHeredoc(word) != nil (an error counts as no heredoc).
bool is_heredoc(const std::string& word) {
    auto h = parse_heredoc(word);
    return h.ok() && h->has_value();
}

Result<Typed> parse_sources_and_dest(Request& r, const char* what) {
    if (auto ok = r.flags.parse(); !ok) return ok.error();
    if (is_heredoc(r.args.back())) return semantic(std::string(what) + " cannot accept a heredoc as a destination");
    return done(r);
}

Result<Typed> exactly_one(Request& r, const char* what) {
    if (r.args.size() != 1) return semantic(std::string(what) + " requires exactly one argument");
    if (auto ok = r.flags.parse(); !ok) return ok.error();
    return done(r);
}

Result<Typed> at_least_one(Request& r, const char* what) {
    if (r.args.empty()) return semantic(std::string(what) + " requires at least one argument");
    if (auto ok = r.flags.parse(); !ok) return ok.error();
    return done(r);
}

// parseOptInterval: empty and zero are fine; anything else must be at least 1ms.
Result<Ok> check_interval(const std::string& name, const std::string& value) {
    if (value.empty()) return Ok{};
    auto d = go::parse_duration(value);
    if (!d) return d.error();
    if (*d != 0 && *d < 1000000) return semantic("Interval " + go::quote(name) + " cannot be less than 1ms");
    return Ok{};
}

}  // namespace

Result<Typed> parse_env_or_label(Request& r, const char* what) {
    if (auto ok = r.flags.parse(); !ok) return ok.error();
    // parseKvps: the parser hands over (key, value, delimiter) triples.
    if (r.args.empty()) return semantic(std::string(what) + " requires at least one argument");
    if (r.args.size() % 3 != 0) return semantic(std::string("Bad input to ") + what + ", too many arguments");
    for (std::size_t j = 0; j < r.args.size(); j += 3)
        if (r.args[j].empty()) return semantic(std::string(what) + " names can not be blank");
    return done(r);
}

Result<Typed> parse_maintainer(Request& r) {
    return exactly_one(r, "MAINTAINER");
}

Result<Typed> parse_add(Request& r) {
    if (r.args.size() < 2)
        return semantic("ADD requires at least two arguments, but only one was provided. Destination could not be determined");
    r.flags.add_string("chown", "");
    r.flags.add_string("chmod", "");
    r.flags.add_bool("link", false);
    r.flags.add_bool("keep-git-dir", false);
    r.flags.add_string("checksum", "");
    r.flags.add_bool("unpack", false);
    r.flags.add_strings("exclude");
    return parse_sources_and_dest(r, "ADD");
}

Result<Typed> parse_copy(Request& r) {
    if (r.args.size() < 2)
        return semantic("COPY requires at least two arguments, but only one was provided. Destination could not be determined");
    r.flags.add_string("chown", "");
    r.flags.add_string("from", "");
    r.flags.add_string("chmod", "");
    r.flags.add_bool("link", false);
    r.flags.add_strings("exclude");
    r.flags.add_bool("parents", false);
    return parse_sources_and_dest(r, "COPY");
}

Result<Typed> parse_workdir(Request& r) {
    return exactly_one(r, "WORKDIR");
}

Result<Typed> parse_run(Request& r) {
    // The pre-hooks, in Go's init order (file names): device, mount, network, security.
    auto& devices = r.flags.add_strings("device");
    auto& mounts = r.flags.add_strings("mount");
    auto& network = r.flags.add_string("network", "default");
    auto& security = r.flags.add_string("security", "sandbox");
    if (auto ok = r.flags.parse(); !ok) return ok.error();
    if (auto ok = check_run_options(devices.values, mounts.values, network.value, security.value); !ok)
        return ok.error();
    return done(r);
}

Result<Typed> parse_flags_only(Request& r) {
    if (auto ok = r.flags.parse(); !ok) return ok.error();
    return done(r);
}

Result<Typed> parse_healthcheck(Request& r) {
    if (r.args.empty()) return semantic("HEALTHCHECK requires at least one argument");
    std::string type = go::to_upper(r.args[0]);
    if (type == "NONE") {
        // Flags are not even parsed here.
        if (r.args.size() != 1) return semantic("HEALTHCHECK NONE takes no arguments");
        return done(r);
    }
    const char* const intervals[] = {"interval", "timeout", "start-period", "start-interval"};
    const Flags::Flag* interval_flags[4];
    for (int i = 0; i < 4; ++i) interval_flags[i] = &r.flags.add_string(intervals[i], "");
    auto& retries = r.flags.add_string("retries", "");
    if (auto ok = r.flags.parse(); !ok) return ok.error();
    if (type != "CMD") return semantic("Unknown type " + go::quote(type) + " in HEALTHCHECK (try CMD)");
    if (r.args.size() == 1) return semantic("Missing command after HEALTHCHECK CMD");
    for (int i = 0; i < 4; ++i)
        if (auto ok = check_interval(intervals[i], interval_flags[i]->value); !ok) return ok.error();
    if (!retries.value.empty()) {
        auto n = go::parse_int(retries.value, 32);
        if (!n) return n.error();
        if (*n < 0) return semantic("--retries cannot be negative (" + std::to_string(*n) + ")");
    }
    return done(r);
}

Result<Typed> parse_expose(Request& r) {
    return at_least_one(r, "EXPOSE");
}

Result<Typed> parse_user(Request& r) {
    return exactly_one(r, "USER");
}

Result<Typed> parse_volume(Request& r) {
    if (auto ok = at_least_one(r, "VOLUME"); !ok) return ok;
    for (const auto& v : r.args)
        if (go::trim_space(v).empty()) return semantic("VOLUME specified can not be an empty string");
    return done(r);
}

Result<Typed> parse_stopsignal(Request& r) {
    // No flag parsing: BuildKit ignores any flags on STOPSIGNAL.
    if (r.args.size() != 1) return semantic("STOPSIGNAL requires exactly one argument");
    return done(r);
}

Result<Typed> parse_shell(Request& r) {
    if (auto ok = r.flags.parse(); !ok) return ok.error();
    if (r.args.empty()) return semantic("SHELL requires at least one argument");
    if (!r.node().json) return semantic("SHELL requires the arguments to be in JSON form");
    return done(r);
}

}  // namespace restage::model::bk::detail
