// Template schema: each YAML file's keys, types and local checks, into Catalogue structs.
#include "rewrite/template_schema.hpp"

#include <algorithm>

#include "model/suggest.hpp"
#include "syntax/diagnostic.hpp"

namespace restage::rewrite::schema {
namespace {

using raw::MapReader;
using raw::Node;

// Character tests, not std::regex: every process validates a few hundred ids and codes, and
// compiling and running the regexes cost more than loading the templates.
bool is_lower_or_digit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// [a-z0-9]+(-[a-z0-9]+)*
bool is_kebab(const std::string& s) {
    if (s.empty() || s.front() == '-' || s.back() == '-' || s.find("--") != std::string::npos) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return c == '-' || is_lower_or_digit(c); });
}

// [A-Z]{2}[0-9]{3}
bool is_rule_code(const std::string& s) {
    auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    return s.size() == 5 && upper(s[0]) && upper(s[1]) && digit(s[2]) && digit(s[3]) && digit(s[4]);
}

// [a-z_][a-z0-9_]*
bool is_snake(const std::string& s) {
    if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return c == '_' || is_lower_or_digit(c); });
}

void require_kebab(const Node& at, const std::string& what, const std::string& value) {
    if (!is_kebab(value)) raw::fail(at, what + " '" + value + "' must be kebab-case (a-z, 0-9, '-')");
}

Loc loc(const Node& n) { return Loc{n.source, n.where}; }

// A rule's id, code, texts and the variables its reason may use.
Rule read_rule(const Node& n, Seen& seen) {
    raw::expect_map(n, "a rule");
    const Node* id_node = n.find("id");
    const std::string label = id_node && id_node->kind == Node::Kind::Scalar ? "rule '" + id_node->scalar + "'" : "rule";
    MapReader r(n, label, {"id", "code", "description", "reason", "variables", "enabled"});
    Rule rule;
    rule.id = r.required_str("id");
    require_kebab(r.required("id"), "rule id", rule.id);
    rule.code = r.required_str("code");
    if (!is_rule_code(rule.code)) {
        raw::fail(r.required("code"), "code '" + rule.code + "' of " + label + " must be two capitals and three digits, like 'RS101'");
    }
    rule.description = r.required_str("description");
    rule.reason = r.required_str("reason");
    rule.variables = r.strings("variables");
    for (std::size_t i = 0; i < rule.variables.size(); ++i) {
        if (!is_snake(rule.variables[i])) {
            raw::fail(r.list("variables")[i], "variable '" + rule.variables[i] + "' of " + label + " must be lower_snake_case");
        }
    }
    rule.enabled = r.boolean("enabled").value_or(true);
    check_variables(r.required("reason"), rule.reason, rule.variables, "reason of " + label, "the rule's variables");
    seen.rules.push_back(RuleRef{rule.id, rule.code, loc(r.required("id")), loc(r.required("code"))});
    return rule;
}

std::vector<Rule> read_rules(const MapReader& r, Seen& seen) {
    std::vector<Rule> rules;
    for (const Node& item : r.list("rules")) rules.push_back(read_rule(item, seen));
    return rules;
}

Manifest read_manifest(const Node& n) {
    raw::expect_map(n, "a manifest");
    const Node* when = n.find("when");
    const std::string label = when && when->kind == Node::Kind::Scalar ? "manifest '" + when->scalar + "'" : "manifest";
    MapReader r(n, label, {"when", "files", "required", "fetch", "prod_fetch", "cache_mount"});
    Manifest m;
    m.when = r.required_str("when");
    r.required("files");
    m.files = r.strings("files");
    r.required("required");
    m.required = r.strings("required");
    for (std::size_t i = 0; i < m.required.size(); ++i) {
        if (std::find(m.files.begin(), m.files.end(), m.required[i]) == m.files.end()) {
            raw::fail(r.list("required")[i], "'" + m.required[i] + "' in required of " + label + " is not in its files");
        }
    }
    m.fetch = r.required_str("fetch");
    m.prod_fetch = r.str("prod_fetch");
    m.cache_mount = r.str("cache_mount");
    return m;
}

Artifact read_artifact(const Node& n) {
    raw::expect_map(n, "an artifact");
    const Node* when = n.find("when");
    const std::string label = when && when->kind == Node::Kind::Scalar ? "artifact '" + when->scalar + "'" : "artifact";
    MapReader r(n, label, {"when", "path", "exclude", "dest"});
    return Artifact{r.required_str("when"), r.required_str("path"), r.strings("exclude"), r.required_str("dest")};
}

void read_build(const Node& n, Template& t) {
    MapReader r(n, "build", {"stage_name", "manifests", "build_only_env", "cache_mounts", "artifacts", "prebuilt"});
    t.stage_name = r.str("stage_name", "build");
    require_kebab(r.get("stage_name") ? *r.get("stage_name") : n, "stage_name", t.stage_name);
    for (const Node& m : r.list("manifests")) t.manifests.push_back(read_manifest(m));
    t.build_only_env = r.strings("build_only_env");
    t.build_cache_mounts = r.strings("cache_mounts");
    for (const Node& a : r.list("artifacts")) t.artifacts.push_back(read_artifact(a));
    if (const Node* p = r.get("prebuilt")) {
        MapReader pr(*p, "prebuilt", {"image", "build", "wrapper_build", "unpack"});
        t.prebuilt_image = pr.required_str("image");
        check_variables(pr.required("image"), t.prebuilt_image, {"version"}, "image of prebuilt", "'version'");
        t.prebuilt_build = pr.required_str("build");
        t.prebuilt_wrapper_build = pr.str("wrapper_build", t.prebuilt_build);
        t.prebuilt_unpack = pr.str("unpack", "");
        if (const Node* u = pr.get("unpack")) check_variables(*u, t.prebuilt_unpack, {"jar"}, "unpack of prebuilt", "'jar'");
    }
}

// A variant's runtime id: ${version} only, and only when the template lists versions.
void check_runtime_ref(const Node& at, const std::string& id, const std::string& what, const Template& t) {
    check_variables(at, id, {"version"}, what, "'versions' (only ${version} is filled)");
    if (id.find("${version}") != std::string::npos && t.versions.empty()) {
        raw::fail(at, what + " uses ${version} but runtime has no 'versions'");
    }
}

void read_variants(const Node& variants, Template& t, Seen& seen) {
    raw::expect_map(variants, "'variants' in runtime");
    for (std::size_t i = 0; i < variants.entries.size(); ++i) {
        const auto& [name, value] = variants.entries[i];
        const std::string what = "variant '" + name + "'";
        if (!is_kebab(name)) variants.fail_at_key(i, what + " must be kebab-case (a-z, 0-9, '-')");
        for (std::size_t j = 0; j < i; ++j) {
            if (variants.entries[j].first == name) variants.fail_at_key(i, "duplicate " + what);
        }
        RuntimeVariant v;
        v.name = name;
        const Node* runtime_node = &value;
        if (value.kind == Node::Kind::Map) {
            MapReader vr(value, what, {"runtime", "needs", "versions"});
            v.runtime = vr.required_str("runtime");
            runtime_node = &vr.required("runtime");
            v.versions = vr.strings("versions");
            for (std::size_t k = 0; k < v.versions.size(); ++k) {
                if (std::find(t.versions.begin(), t.versions.end(), v.versions[k]) == t.versions.end())
                    raw::fail(vr.list("versions")[k], "version '" + v.versions[k] + "' of " + what +
                                                          " is not in the runtime's versions");
            }
            for (const auto& [need, id] : vr.map("needs")) {
                const std::string need_what = "need '" + need + "' of " + what;
                v.needs[need] = raw::scalar_of(id, need_what);
                check_runtime_ref(id, v.needs[need], need_what, t);
                seen.runtime_refs.push_back(
                    RuntimeRef{need_what, v.needs[need], v.versions.empty() ? t.versions : v.versions, loc(id)});
            }
        } else {
            v.runtime = raw::scalar_of(value, what);
        }
        check_runtime_ref(*runtime_node, v.runtime, what, t);
        seen.runtime_refs.push_back(
            RuntimeRef{what, v.runtime, v.versions.empty() ? t.versions : v.versions, loc(*runtime_node)});
        t.variants.push_back(std::move(v));
    }
    if (t.variants.empty()) raw::fail(variants, "runtime of template '" + t.id + "' has no variants");
}

void read_runtime_section(const Node& n, Template& t, Seen& seen) {
    MapReader r(n, "runtime", {"policy", "variants", "versions", "default_version"});
    t.versions = r.strings("versions");
    t.default_version = r.str("default_version", t.versions.empty() ? "" : t.versions.front());
    if (t.versions.empty() ? !t.default_version.empty()
                           : std::find(t.versions.begin(), t.versions.end(), t.default_version) == t.versions.end()) {
        raw::fail(*r.get("default_version"), "default_version '" + t.default_version + "' is not in versions");
    }
    read_variants(r.required("variants"), t, seen);
    r.required("policy");
    t.policy = r.strings("policy");
    if (t.policy.empty()) raw::fail(*r.get("policy"), "policy of template '" + t.id + "' is empty");
    std::vector<std::string> names;
    for (const auto& v : t.variants) names.push_back(v.name);
    for (std::size_t i = 0; i < t.policy.size(); ++i) {
        if (!t.variant(t.policy[i])) {
            std::string message = "policy names unknown variant '" + t.policy[i] + "'";
            if (auto s = model::suggest(t.policy[i], names, true)) message += " (did you mean '" + *s + "'?)";
            raw::fail(r.list("policy")[i], message);
        }
    }
}

}  // namespace

void check_variables(const Node& node, const std::string& text, const std::vector<std::string>& allowed,
                     const std::string& what, const std::string& declare) {
    for (std::size_t open = text.find("${"); open != std::string::npos; open = text.find("${", open + 2)) {
        const std::size_t close = text.find('}', open + 2);
        if (close == std::string::npos) raw::fail(node, "unterminated '${' in " + what);
        const std::string name = text.substr(open + 2, close - open - 2);
        if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
        // Point at the ${name} itself when the source text has it verbatim (any scalar style).
        Position where = node.where;
        if (node.source && node.offset >= 0) {
            const std::size_t at = node.source->text.find("${" + name + "}", static_cast<std::size_t>(node.offset));
            if (at != std::string::npos) where = line_col_of(node.source->text, at);
        }
        std::string message = what + " uses undefined variable '" + name + "'";
        if (auto s = model::suggest(name, allowed, true)) {
            message += " (did you mean '" + *s + "'?)";
        } else {
            message += " (add it to " + declare + ")";
        }
        raw::fail_at(node.source, where, message);
    }
}

Template read_template(const Node& root, const std::string& expected_id, Seen& seen) {
    MapReader r(root, "template", {"id", "description", "detect", "build", "runtime", "rules"});
    Template t;
    t.id = r.required_str("id");
    require_kebab(r.required("id"), "template id", t.id);
    if (t.id != expected_id) {
        raw::fail(r.required("id"), "template id '" + t.id + "' does not match its file name '" + expected_id + ".yaml'");
    }
    t.description = r.required_str("description");
    t.signals.ecosystem = detect::ecosystem_from_id(t.id);
    if (const Node* d = r.get("detect")) {
        MapReader dr(*d, "detect", {"base_images", "commands", "context_files"});
        t.signals.base_images = dr.strings("base_images");
        t.signals.commands = dr.strings("commands");
        t.signals.context_files = dr.strings("context_files");
    }
    read_build(r.required("build"), t);

    read_runtime_section(r.required("runtime"), t, seen);
    r.required("rules");
    t.rules = read_rules(r, seen);
    return t;
}

std::vector<Rule> read_common(const Node& root, Seen& seen) {
    MapReader r(root, "common rules", {"id", "description", "rules"});
    if (r.str("id", "common") != "common") raw::fail(*r.get("id"), "the id of common.yaml must be 'common'");
    return read_rules(r, seen);
}

void read_runtimes(const Node& root, Catalogue& cat) {
    MapReader r(root, "runtime catalogue", {"runtimes", "image_sizes"});
    for (const Node& n : r.list("runtimes")) {
        raw::expect_map(n, "a runtime");
        const Node* id_node = n.find("id");
        const std::string label = id_node && id_node->kind == Node::Kind::Scalar ? "runtime '" + id_node->scalar + "'" : "runtime";
        MapReader rr(n, label, {"id", "image", "family", "shell", "package_manager", "user", "uid", "new_user", "add_user",
                                "size_mb", "provides", "entrypoint", "default_user"});
        RuntimeBase b;
        b.id = rr.required_str("id");
        require_kebab(rr.required("id"), "runtime id", b.id);
        if (cat.runtimes.count(b.id)) raw::fail(rr.required("id"), "duplicate runtime id '" + b.id + "'");
        b.image = rr.required_str("image");
        b.family = rr.required_str("family");
        rr.required("shell");
        b.shell = *rr.boolean("shell");
        b.package_manager = rr.str("package_manager");
        b.user = rr.str("user");
        b.default_user = rr.get("default_user") && *rr.boolean("default_user");
        if (b.default_user && b.user.empty()) raw::fail(*rr.get("default_user"), label + " has default_user but no user");
        rr.required("uid");
        const long uid = *rr.integer("uid");
        if (uid <= 0 || uid > 2147483647) raw::fail(rr.required("uid"), "uid of " + label + " must be a non-root uid (1 or more)");
        b.uid = static_cast<int>(uid);
        b.new_user = rr.str("new_user");
        b.add_user = rr.str("add_user");
        if (!b.user.empty() && (rr.get("new_user") || rr.get("add_user"))) {
            raw::fail(*(rr.get("new_user") ? rr.get("new_user") : rr.get("add_user")),
                      label + " has a user already; new_user and add_user are for images without one");
        }
        if (b.new_user.empty() != b.add_user.empty()) {
            raw::fail(rr.get("new_user") ? *rr.get("new_user") : *rr.get("add_user"),
                      label + " needs both new_user and add_user, or neither");
        }
        if (!b.add_user.empty()) {
            const Node& at = *rr.get("add_user");
            if (!b.shell) raw::fail(at, "add_user of " + label + " needs a shell, but shell is false");
            check_variables(at, b.add_user, {"user", "uid"}, "add_user of " + label, "nothing: only ${user} and ${uid} are filled");
        }
        rr.required("size_mb");
        b.size_mb = *rr.number("size_mb");
        if (b.size_mb < 0) raw::fail(rr.required("size_mb"), "size_mb of " + label + " must not be negative");
        b.provides = rr.strings("provides");
        b.entrypoint = rr.strings("entrypoint");
        cat.runtimes[b.id] = std::move(b);
    }
    for (const Node& n : r.list("image_sizes")) {
        MapReader ir(n, "image size", {"pattern", "size_mb"});
        ImageSize s{ir.required_str("pattern"), 0};
        ir.required("size_mb");
        s.size_mb = *ir.number("size_mb");
        cat.image_sizes.push_back(std::move(s));
    }
}

}  // namespace restage::rewrite::schema
