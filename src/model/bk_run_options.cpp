// bk_run_options.cpp: what BuildKit checks of RUN --device/--mount/--network/--security at parse time.
#include "model/bk_request.hpp"
#include "model/go_parse.hpp"
#include "model/go_text.hpp"
#include "model/suggest.hpp"

namespace restage::model::bk::detail {
namespace {

// ParseDevice: a CSV of a name and options.
Result<Ok> check_device(const std::string& value) {
    auto fields = go::csv_fields(value);
    if (!fields) return semantic("failed to parse csv devices: " + fields.error().message);
    std::string name;
    for (const auto& field : *fields) {
        const auto eq = field.find('=');
        const std::string key = go::to_lower(field.substr(0, eq));
        if (eq == std::string::npos) {
            if (key == "required") continue;
            if (name.empty()) {
                name = field;
                continue;
            }
            return semantic("invalid field '" + field + "' must be a key=value pair");
        }
        const std::string v = field.substr(eq + 1);
        if (key == "name") {
            if (!name.empty()) return semantic("device name already set to " + name);
            name = v;
        } else if (key == "required") {
            if (!go::parse_bool(v)) return semantic("invalid value for " + key + ": " + v);
        } else if (name.empty()) {
            name = field;
        } else {
            return semantic(with_suggestion("unexpected key '" + key + "' in '" + field + "'", key,
                                            {"name", "required"}, true));
        }
    }
    return Ok{};
}

// parseMount without an expander: only the CSV itself and a variable in from= are checked here;
// BuildKit validates every other key after expansion, at build time.
Result<Ok> check_mount(const std::string& value) {
    auto fields = go::csv_fields(value);
    if (!fields) return semantic("failed to parse csv mounts: " + fields.error().message);
    for (const auto& field : *fields) {
        const auto eq = field.find('=');
        if (eq == std::string::npos) continue;
        if (go::to_lower(field.substr(0, eq)) != "from") continue;
        const std::string v = field.substr(eq + 1);
        const auto dollar = v.find('$');
        if (dollar != std::string::npos && dollar != v.size() - 1)
            return semantic("'from' doesn't support variable expansion, define alias stage instead");
    }
    return Ok{};
}

}  // namespace

Result<Ok> check_run_options(const std::vector<std::string>& devices, const std::vector<std::string>& mounts,
                             const std::string& network, const std::string& security) {
    for (const auto& d : devices)
        if (auto ok = check_device(d); !ok) return ok;
    for (const auto& m : mounts)
        if (auto ok = check_mount(m); !ok) return ok;
    if (network != "default" && network != "none" && network != "host")
        return semantic("invalid network mode " + go::quote(network));
    if (security != "insecure" && security != "sandbox") return semantic("security " + go::quote(security) + " is not valid");
    return Ok{};
}

}  // namespace restage::model::bk::detail
