// The JavaScript project as the planners see it: package.json, where the app came from, the Node image.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>

#include "rewrite/eco_node.hpp"
#include "rewrite/stage_facts.hpp"

namespace restage::rewrite::node {

namespace {

using model::Kind;

void read_map(const YAML::Node& n, std::map<std::string, std::string>& out) {
    if (!n || !n.IsMap()) return;
    for (const auto& kv : n) {
        if (kv.first.IsScalar() && kv.second.IsScalar())
            out[kv.first.as<std::string>()] = kv.second.as<std::string>();
    }
}

bool from_other_stage(const model::Instruction& i) {
    return std::any_of(i.flags.begin(), i.flags.end(),
                       [](const std::string& f) { return f.rfind("--from", 0) == 0; });
}

std::string strip_dot_slash(std::string p) {
    while (p.rfind("./", 0) == 0) p = p.substr(2);
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    return p == "." || p == "/" ? "" : p;
}

}  // namespace

Package read_package(const detect::Context& ctx, const std::string& dir) {
    Package p;
    auto text = ctx.read(in_dir(dir, "package.json"));
    if (!text) return p;
    p.found = true;
    std::string json = *text;
    // JSON strings cannot hold a raw tab, so every tab is white space; YAML rejects tabs there.
    std::replace(json.begin(), json.end(), '\t', ' ');
    try {
        YAML::Node root = YAML::Load(json);
        if (!root.IsMap()) return p;
        read_map(root["scripts"], p.scripts);
        read_map(root["dependencies"], p.dependencies);
        read_map(root["devDependencies"], p.dev_dependencies);
        p.workspaces = static_cast<bool>(root["workspaces"]);
        if (root["packageManager"] && root["packageManager"].IsScalar())
            p.package_manager = root["packageManager"].as<std::string>();
    } catch (const YAML::Exception&) {
        // A malformed package.json: found, but it says nothing.
    }
    return p;
}

std::optional<std::string> sources_dir(const StageFacts& f) {
    std::optional<std::string> found;
    for (const auto& s : f.steps) {
        const auto& i = f.at(s.index);
        if ((i.kind != Kind::Copy && i.kind != Kind::Add) || from_other_stage(i) || i.args.size() < 2)
            continue;
        for (size_t k = 0; k + 1 < i.args.size(); ++k) {
            if (strip_dot_slash(i.args[k]).empty())
                found = join_path(s.workdir, expand(i.args.back(), f.env_entries, f.doc->escape()));
        }
    }
    return found;
}

bool copied_to(const StageFacts& f, const std::string& abs) {
    for (const auto& s : f.steps) {
        const auto& i = f.at(s.index);
        if ((i.kind != Kind::Copy && i.kind != Kind::Add) || from_other_stage(i) || i.args.size() < 2)
            continue;
        if (join_path(s.workdir, expand(i.args.back(), f.env_entries, f.doc->escape())) == abs) return true;
    }
    return false;
}

std::string in_dir(const std::string& dir, const std::string& rel) {
    return dir.empty() ? rel : dir + "/" + rel;
}

std::optional<std::string> context_dir(const StageFacts& f, const detect::Context& ctx,
                                       const std::string& abs) {
    std::optional<std::string> found, by_file;
    for (const auto& s : f.steps) {
        const auto& i = f.at(s.index);
        if ((i.kind != Kind::Copy && i.kind != Kind::Add) || from_other_stage(i) || i.args.size() < 2)
            continue;
        const std::string& raw = i.args.back();
        std::string dest = join_path(s.workdir, expand(raw, f.env_entries, f.doc->escape()));
        bool into_folder = raw.back() == '/' || raw == "." || i.args.size() > 2;
        for (size_t k = 0; k + 1 < i.args.size(); ++k) {
            std::string src = strip_dot_slash(i.args[k]);
            if (!src.empty() && !ctx.is_dir(src)) {
                // A file: it is `abs` itself, or tells which context folder `abs` draws on.
                std::string name = src.substr(src.rfind('/') + 1);
                std::string parent = src.find('/') == std::string::npos ? "" : src.substr(0, src.rfind('/'));
                if (into_folder && abs == join_path(dest, name)) found = src;
                if (into_folder && abs == dest) by_file = parent;
                continue;
            }
            if (dest == abs) {
                found = src;
            } else if (abs.rfind(dest == "/" ? "/" : dest + "/", 0) == 0) {
                // A folder below the copy's destination: only where the context has it.
                std::string below = in_dir(src, abs.substr(dest == "/" ? 1 : dest.size() + 1));
                if (ctx.exists(below)) found = below;
            }
        }
    }
    return found ? found : by_file;
}

std::string node_major(const std::string& image, bool& node_image) {
    std::string ref = image.substr(0, image.find('@'));
    std::string last = ref.substr(ref.rfind('/') + 1);
    std::string name = last.substr(0, last.find(':'));
    std::string tag = last.find(':') == std::string::npos ? "" : last.substr(last.find(':') + 1);
    node_image = name == "node";
    if (!node_image) return "";
    size_t n = 0;
    while (n < tag.size() && std::isdigit(static_cast<unsigned char>(tag[n]))) ++n;
    if (tag.substr(0, n) == "0" && n + 1 < tag.size() && tag[n] == '.') {  // 0.10, 0.12: before io.js merged
        ++n;
        while (n < tag.size() && std::isdigit(static_cast<unsigned char>(tag[n]))) ++n;
    }
    if (n > 0) return tag.substr(0, n);
    // The release code names of the LTS lines.
    static const std::map<std::string, std::string> kNames = {
        {"argon", "4"},    {"boron", "6"},    {"carbon", "8"},    {"dubnium", "10"}, {"erbium", "12"},
        {"fermium", "14"}, {"gallium", "16"}, {"hydrogen", "18"}, {"iron", "20"},    {"jod", "22"},     {"krypton", "24"}};
    std::string head = tag.substr(0, tag.find('-'));
    if (auto it = kNames.find(head); it != kNames.end()) return it->second;
    // Moving tags: node:lts-slim follows the newest LTS line, node:alpine the newest release;
    // node:lts-slim and node:slim move with them.
    if (head == "lts") return "lts";
    static const std::vector<std::string> kCurrent = {"", "latest", "current", "slim", "alpine", "bookworm",
                                                      "bullseye", "buster", "stretch", "trixie"};
    for (const auto& c : kCurrent) {
        if (head == c || (c == "alpine" && head.rfind("alpine", 0) == 0)) return "current";
    }
    return "";
}

bool musl_image(const std::string& image) {
    std::string ref = image.substr(0, image.find('@'));
    return ref.find("alpine") != std::string::npos;
}

bool yarn_berry(const detect::Context& ctx, const std::string& dir, const Package& pkg) {
    return ctx.exists(in_dir(dir, ".yarnrc.yml")) ||
           (pkg.package_manager.rfind("yarn@", 0) == 0 && pkg.package_manager.rfind("yarn@1.", 0) != 0);
}

std::string build_only_names(const PlanInput& in) {
    if (!enabled(in, "build-only-env")) return "";
    std::string out;
    for (const auto& key : in.facts.env_keys) {
        const auto& names = in.tmpl.build_only_env;
        if (std::find(names.begin(), names.end(), key) == names.end() || out.find(key) != std::string::npos)
            continue;
        out += (out.empty() ? "" : ", ") + key;
    }
    return out;
}

}  // namespace restage::rewrite::node
