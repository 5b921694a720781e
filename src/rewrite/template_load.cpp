// Template loading: the built-in YAML files, a user folder overlaid on them, then validation.
#include <fnmatch.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "rewrite/template_packed.hpp"
#include "rewrite/template_schema.hpp"

namespace restage::rewrite {
namespace {

namespace fs = std::filesystem;

// One raw tree per file name stem ("go", "runtimes", "common"), overlays merged in; `order`
// puts built-ins before new user files, so a clash is reported in the user's file.
struct RawFiles {
    std::map<std::string, raw::Node> nodes;
    std::vector<std::string> order;

    void add(const std::string& stem, raw::Node node) {
        order.push_back(stem);
        nodes.emplace(stem, std::move(node));
    }
};

raw::Node parse_text(std::string name, std::string text) {
    return raw::parse(std::make_shared<const raw::Source>(raw::Source{std::move(name), std::move(text)}));
}

void overlay_user_dir(const fs::path& dir, RawFiles& files) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        throw raw::LoadError{Error{ErrorKind::Usage, "templates folder '" + dir.string() + "' does not exist", {}, {}}};
    }
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const auto ext = entry.path().extension();
        if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    for (const fs::path& path : paths) {
        std::ifstream in(path, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        if (!in) throw raw::LoadError{Error{ErrorKind::Io, "cannot read " + path.string(), {}, path.string()}};
        raw::Node node = parse_text(path.string(), text.str());
        const std::string stem = path.stem().string();
        if (auto it = files.nodes.find(stem); it != files.nodes.end()) {
            raw::expect_map(node, "the top of " + path.filename().string());
            raw::merge(it->second, node);
        } else {
            files.add(stem, std::move(node));
        }
    }
}

Catalogue build(const RawFiles& files) {
    Catalogue cat;
    schema::Seen seen;
    if (auto it = files.nodes.find("runtimes"); it != files.nodes.end()) schema::read_runtimes(it->second, cat);
    if (auto it = files.nodes.find("common"); it != files.nodes.end()) cat.common_rules = schema::read_common(it->second, seen);
    for (const std::string& stem : files.order) {
        if (stem == "runtimes" || stem == "common") continue;
        const raw::Node& root = files.nodes.at(stem);
        Template& t = cat.templates[stem] = schema::read_template(root, stem, seen);
        t.source = root.source ? fs::path(root.source->name) : fs::path(stem + ".yaml");
    }
    schema::validate(cat, seen);
    // Copied after the duplicate check, so a planner asks its own template for any rule.
    for (auto& [id, t] : cat.templates) t.rules.insert(t.rules.end(), cat.common_rules.begin(), cat.common_rules.end());
    return cat;
}

}  // namespace

bool RuntimeBase::has(std::string_view what) const {
    return std::find(provides.begin(), provides.end(), what) != provides.end();
}

bool RuntimeVariant::supports(std::string_view version) const {
    return versions.empty() || std::find(versions.begin(), versions.end(), version) != versions.end();
}

std::string RuntimeVariant::runtime_id(std::string_view version) const {
    return expand_reason(runtime, {{"version", std::string(version)}});
}

const Rule* Template::rule(std::string_view id) const {
    for (const auto& r : rules) {
        if (r.id == id) return &r;
    }
    return nullptr;
}

const RuntimeVariant* Template::variant(std::string_view name) const {
    for (const auto& v : variants) {
        if (v.name == name) return &v;
    }
    return nullptr;
}

const Template* Catalogue::find(detect::Ecosystem e) const {
    auto it = templates.find(std::string(detect::ecosystem_id(e)));
    return it == templates.end() ? nullptr : &it->second;
}

const RuntimeBase* Catalogue::runtime(std::string_view id) const {
    auto it = runtimes.find(std::string(id));
    return it == runtimes.end() ? nullptr : &it->second;
}

std::vector<detect::Signals> Catalogue::signals() const {
    std::vector<detect::Signals> out;
    for (const auto& [id, t] : templates) out.push_back(t.signals);
    return out;
}

const Rule* Catalogue::rule(std::string_view id) const {
    for (const auto& r : common_rules) {
        if (r.id == id) return &r;
    }
    for (const auto& [tid, t] : templates) {
        if (const Rule* r = t.rule(id)) return r;
    }
    return nullptr;
}

const RuntimeBase* Catalogue::runtime_for(const RuntimeVariant& variant, std::string_view version) const {
    return variant.supports(version) ? runtime(variant.runtime_id(version)) : nullptr;
}

std::optional<double> Catalogue::image_size(std::string_view image) const {
    for (const auto& [id, base] : runtimes) {
        if (base.image == image) return base.size_mb;
    }
    std::string ref(image);
    for (std::string_view prefix : {"docker.io/library/", "docker.io/", "index.docker.io/library/"}) {
        if (ref.rfind(prefix, 0) == 0) {
            ref = ref.substr(prefix.size());
            break;
        }
    }
    for (const auto& s : image_sizes) {
        if (fnmatch(s.pattern.c_str(), ref.c_str(), 0) == 0) return s.size_mb;
    }
    return std::nullopt;
}

Result<Catalogue> load_catalogue(const std::optional<std::filesystem::path>& user_dir) {
    try {
        RawFiles files;
        for (const BuiltinFile& f : builtin_files()) {
            const fs::path name(f.name);
            auto source = std::make_shared<const raw::Source>(
                raw::Source{"templates/" + name.string(), std::string(f.text)});
            files.add(name.stem().string(), raw::unpack(f.packed, source));
        }
        if (user_dir) overlay_user_dir(*user_dir, files);
        return build(files);
    } catch (const raw::LoadError& e) {
        return e.error;
    }
}

std::string format_load_error(const Error& e) {
    std::string out = e.hint.empty() ? std::string("restage") : e.hint;
    if (e.where.line > 0) {
        out += ":" + std::to_string(e.where.line);
        if (e.where.column > 0) out += ":" + std::to_string(e.where.column);
    }
    return out + ": error: " + e.message;
}

}  // namespace restage::rewrite
