// Config: parse one .restage.yaml strictly, and find and merge them walking up from a Dockerfile.
#include "rewrite/config.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "model/suggest.hpp"
#include "rewrite/template_raw.hpp"
#include "rewrite/templates.hpp"
#include "rewrite/text_util.hpp"

namespace restage::rewrite {
namespace {

namespace fs = std::filesystem;
using raw::MapReader;
using raw::Node;

ConfigOrigin origin(const Node& n, Position where) {
    return ConfigOrigin{n.source ? fs::path(n.source->name) : fs::path(), where};
}

// Reads a map of strings, remembering where each value was written.
void read_string_map(const MapReader& r, std::string_view key, std::map<std::string, std::string>& out,
                     std::map<std::string, ConfigOrigin>& origins) {
    const Node* n = r.get(key);
    if (!n) return;
    r.map(key);  // type check
    for (std::size_t i = 0; i < n->entries.size(); ++i) {
        const auto& [k, v] = n->entries[i];
        for (std::size_t j = 0; j < i; ++j) {
            if (n->entries[j].first == k) n->fail_at_key(i, "duplicate key '" + k + "' in " + std::string(key));
        }
        out[k] = raw::scalar_of(v, "'" + k + "' in " + std::string(key));
        if (out[k].empty()) raw::fail(v, "'" + k + "' in " + std::string(key) + " must not be empty");
        origins[std::string(key) + "." + k] = origin(*n, n->key_pos[i]);
    }
}

Config parse(const Node& root) {
    Config c;
    if (root.kind == Node::Kind::Null) return c;  // an empty file sets nothing
    MapReader r(root, "config",
                {"runtime", "runtime_for", "images", "disabled_rules", "templates", "nonroot", "cache_mounts",
                 "debug_stage", "root"});
    if (r.get("runtime")) {
        c.runtime = r.required_str("runtime");
        c.origins["runtime"] = origin(root, r.get("runtime")->where);
    }
    read_string_map(r, "runtime_for", c.runtime_for, c.origins);
    read_string_map(r, "images", c.images, c.origins);
    const auto ids = r.strings("disabled_rules");
    for (std::size_t i = 0; i < ids.size(); ++i) {
        c.disabled_rules.insert(ids[i]);
        c.origins.emplace("disabled_rules." + ids[i], origin(root, r.list("disabled_rules")[i].where));
    }
    if (r.get("templates")) {
        c.templates = r.required_str("templates");
        c.origins["templates"] = origin(root, r.get("templates")->where);
    }
    c.nonroot = r.boolean("nonroot");
    c.cache_mounts = r.boolean("cache_mounts");
    c.debug_stage = r.boolean("debug_stage");
    c.root = r.boolean("root").value_or(false);
    return c;
}

template <typename T>
void fill(std::optional<T>& near, const std::optional<T>& far) {
    if (!near) near = far;
}

// Folds a farther file's settings under the nearer ones already in `near`.
void merge_under(Config& near, const Config& far) {
    fill(near.runtime, far.runtime);
    fill(near.templates, far.templates);
    fill(near.nonroot, far.nonroot);
    fill(near.cache_mounts, far.cache_mounts);
    fill(near.debug_stage, far.debug_stage);
    near.runtime_for.insert(far.runtime_for.begin(), far.runtime_for.end());
    near.images.insert(far.images.begin(), far.images.end());
    near.disabled_rules.insert(far.disabled_rules.begin(), far.disabled_rules.end());
    near.origins.insert(far.origins.begin(), far.origins.end());
    near.files.insert(near.files.end(), far.files.begin(), far.files.end());
}

fs::path normal(const fs::path& p) {
    std::error_code ec;
    fs::path abs = fs::absolute(p, ec);
    return (ec ? p : abs).lexically_normal();
}


Error config_error(const Config& c, const std::string& key, std::string message) {
    Error e{ErrorKind::Usage, std::move(message), {}, {}};
    if (auto it = c.origins.find(key); it != c.origins.end()) {
        e.where = it->second.where;
        e.hint = it->second.file.string();
    }
    return e;
}

std::string did_you_mean(std::string_view value, const std::vector<std::string>& options) {
    auto s = model::suggest(value, options, true);
    return s ? " (did you mean '" + *s + "'?)" : std::string();
}


std::vector<std::string> variant_names(const Template& t) {
    std::vector<std::string> out;
    for (const auto& v : t.variants) out.push_back(v.name);
    return out;
}

// "reg/x:1@sha256:a" + "@sha256:b" -> "reg/x:1@sha256:b"; anything else replaces the image.
std::string replaced_image(const std::string& image, const std::string& value) {
    return value.front() == '@' ? image.substr(0, image.find('@')) + value : value;
}

// Switches off every copy of rule `id` (common rules are copied into each template).
bool disable_rule(Catalogue& cat, std::string_view id) {
    bool found = false;
    auto off = [&](std::vector<Rule>& rules) {
        for (auto& r : rules) {
            if (r.id != id) continue;
            r.enabled = false;
            found = true;
        }
    };
    off(cat.common_rules);
    for (auto& [tid, t] : cat.templates) off(t.rules);
    return found;
}

// The .restage.yaml of `dir`, parsed, with a relative `templates` resolved; nullopt when none.
std::optional<Result<Config>> config_in(const fs::path& dir) {
    const fs::path file = dir / ".restage.yaml";
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) return Result<Config>(Error{ErrorKind::Io, "cannot read " + file.string(), {}, file.string()});
    auto one = parse_config(text.str(), file.string());
    if (one && one->templates && one->templates->is_relative()) one->templates = (dir / *one->templates).lexically_normal();
    return one;
}

}  // namespace

std::optional<std::string> Config::variant_for(std::string_view template_id) const {
    if (auto it = runtime_for.find(std::string(template_id)); it != runtime_for.end()) return it->second;
    if (template_id == "maven" || template_id == "gradle") {
        if (auto it = runtime_for.find("java"); it != runtime_for.end()) return it->second;
    }
    return runtime;
}

Result<Config> parse_config(std::string_view text, const std::string& name) {
    try {
        Config c = parse(raw::parse(std::make_shared<const raw::Source>(raw::Source{name, std::string(text)})));
        c.files.push_back(name);
        return c;
    } catch (const raw::LoadError& e) {
        return e.error;
    }
}

std::optional<Result<Config>> ConfigCache::in_folder(const fs::path& dir) {
    {
        std::lock_guard lock(mutex_);
        if (auto it = folders_.find(dir.string()); it != folders_.end()) return it->second;
    }
    auto one = config_in(dir);
    std::lock_guard lock(mutex_);
    folders_.emplace(dir.string(), one);
    return one;
}

Result<Config> load_config_for(const std::filesystem::path& dockerfile, const std::optional<std::filesystem::path>& stop_at,
                               ConfigCache* cache) {
    Config merged;
    const std::optional<fs::path> stop = stop_at ? std::optional<fs::path>(normal(*stop_at)) : std::nullopt;
    for (fs::path dir = normal(dockerfile).parent_path();; dir = dir.parent_path()) {
        if (auto one = cache ? cache->in_folder(dir) : config_in(dir)) {
            if (!*one) return one->error();
            merge_under(merged, **one);
            if ((*one)->root) {
                merged.root = true;
                break;
            }
        }
        if ((stop && dir == *stop) || dir == dir.parent_path() || dir.empty()) break;
    }
    return merged;
}

Result<Ok> apply_config(const Config& config, Catalogue& cat) {
    std::vector<std::string> all_variants, template_ids{"java"};
    for (const auto& [id, t] : cat.templates) {
        template_ids.push_back(id);
        for (const auto& name : variant_names(t)) {
            if (std::find(all_variants.begin(), all_variants.end(), name) == all_variants.end()) all_variants.push_back(name);
        }
    }
    if (config.runtime && std::find(all_variants.begin(), all_variants.end(), *config.runtime) == all_variants.end()) {
        return config_error(config, "runtime", "runtime '" + *config.runtime + "' is not a variant of any template" +
                                                   did_you_mean(*config.runtime, all_variants));
    }
    for (const auto& [id, variant] : config.runtime_for) {
        const std::string key = "runtime_for." + id;
        if (id != "java" && !cat.templates.count(id)) {
            return config_error(config, key, "unknown template '" + id + "' in runtime_for" + did_you_mean(id, template_ids));
        }
        for (const std::string& tid : id == "java" ? std::vector<std::string>{"maven", "gradle"} : std::vector<std::string>{id}) {
            auto it = cat.templates.find(tid);
            if (it == cat.templates.end() || it->second.variant(variant)) continue;
            return config_error(config, key, "'" + variant + "' is not a runtime variant of template '" + tid +
                                                 "' (variants: " + joined(variant_names(it->second), ", ") + ")");
        }
    }
    for (const auto& [key, value] : config.images) {
        std::vector<RuntimeBase*> targets;
        std::vector<std::string> names;
        for (auto& [id, base] : cat.runtimes) {
            if (id == key || base.image == key) targets.push_back(&base);
            names.push_back(id);
        }
        if (targets.empty()) {
            return config_error(config, "images." + key,
                                "'" + key + "' in images is neither a runtime id nor a runtime's image" + did_you_mean(key, names));
        }
        for (RuntimeBase* base : targets) base->image = replaced_image(base->image, value);
    }
    for (const auto& id : config.disabled_rules) {
        if (disable_rule(cat, id)) continue;
        std::vector<std::string> ids;
        for (const auto& [tid, t] : cat.templates) {
            for (const auto& r : t.rules) ids.push_back(r.id);
        }
        return config_error(config, "disabled_rules." + id, "unknown rule '" + id + "' in disabled_rules" + did_you_mean(id, ids));
    }
    return Ok{};
}

}  // namespace restage::rewrite
