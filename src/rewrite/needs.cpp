// Needs and the runtime choice: what the final image must provide, and the base that does.
#include <algorithm>
#include <cstdio>

#include "rewrite/ecosystem.hpp"

namespace restage::rewrite {

namespace {

bool provides(const RuntimeBase& r, const std::string& what) {
    return std::find(r.provides.begin(), r.provides.end(), what) != r.provides.end();
}

bool meets(const RuntimeBase& r, const Needs& n) {
    if (n.shell && !r.shell) return false;
    for (const auto& t : n.tools) {
        if (!provides(r, t) && r.package_manager.empty()) return false;
        if (t == "sh" && !r.shell) return false;
    }
    if (!n.packages.empty()) {
        if (r.package_manager.empty()) return false;
        if (!n.package_family.empty() && r.package_manager != n.package_family) return false;
    }
    return true;
}

std::string fill_version(std::string id, const std::string& version) {
    auto at = id.find("${version}");
    if (at != std::string::npos) id.replace(at, 10, version);
    return id;
}

}  // namespace

std::string choose_runtime(const PlanInput& in, const std::string& version, const std::string& need,
                           bool (*accept)(const RuntimeBase&, const PlanInput&), std::string& why) {
    std::vector<std::string> order;
    if (in.options.runtime) {
        order.push_back(*in.options.runtime);
    } else if (auto v = in.options.config.variant_for(in.tmpl.id)) {
        order.push_back(*v);
    }
    bool forced = !order.empty();
    for (const auto& p : in.tmpl.policy) order.push_back(p);

    for (size_t i = 0; i < order.size(); ++i) {
        bool explicit_choice = forced && i == 0;
        const RuntimeVariant* v = in.tmpl.variant(order[i]);
        if (v == nullptr) {
            if (explicit_choice) why = "the " + in.tmpl.id + " template has no '" + order[i] + "' runtime";
            continue;
        }
        const RuntimeBase* r = in.catalogue.runtime_for(*v, version);
        if (r != nullptr && !need.empty() && !r->has(need)) {
            auto alt = v->needs.find(need);
            r = alt == v->needs.end() ? nullptr : in.catalogue.runtime(fill_version(alt->second, version));
        }
        if (r == nullptr) {
            if (explicit_choice) {
                why = "the " + order[i] + " runtime has no image" + (version.empty() ? "" : " for version " + version) +
                      (need.empty() ? "" : " with " + need);
                return "";
            }
            continue;
        }
        if (!meets(*r, in.needs) || (accept != nullptr && !accept(*r, in))) {
            if (explicit_choice) {
                why = "the " + order[i] + " runtime (" + r->image + ") cannot run this image's command as written";
                return "";
            }
            continue;
        }
        return r->id;
    }
    if (why.empty()) why = "no runtime in the " + in.tmpl.id + " template's policy meets what the final image needs";
    return "";
}

std::string other_runtimes_hint(const PlanInput& in, const std::string& version, const std::string& need,
                                bool (*accept)(const RuntimeBase&, const PlanInput&)) {
    std::string refused = in.options.runtime ? *in.options.runtime : in.options.config.variant_for(in.tmpl.id).value_or("");
    std::vector<std::string> working;
    for (const auto& name : in.tmpl.policy) {
        if (name == refused) continue;
        Options forced = in.options;
        forced.runtime = name;
        PlanInput trial{in.doc, in.facts, in.ctx, in.detection, in.tmpl, in.catalogue, forced, in.needs};
        std::string why;
        if (!choose_runtime(trial, version, need, accept, why).empty()) working.push_back(name);
    }
    if (working.empty()) return "no runtime of the " + in.tmpl.id + " template can run it as written: change the command";
    std::string list;
    for (const auto& w : working) list += (list.empty() ? "" : "|") + w;
    return "choose another with --runtime " + list;
}

std::string runtime_image(const PlanInput& in, const std::string& runtime_id) {
    const RuntimeBase* r = in.catalogue.runtime(runtime_id);
    return r != nullptr ? r->image : runtime_id;
}

bool enabled(const PlanInput& in, const std::string& rule) {
    const Rule* r = in.tmpl.rule(rule);
    return (r == nullptr || r->enabled) && !in.options.ignored_rules.count(rule);
}

std::map<std::string, std::string> size_vars(const PlanInput& in, const std::string& runtime_id) {
    auto fmt_mb = [](double mb) {
        char buf[32];
        std::snprintf(buf, sizeof buf, mb >= 10 ? "%.0f" : "%.1f", mb);
        return std::string(buf);
    };
    std::map<std::string, std::string> v{{"builder_image", in.facts.base_image},
                                         {"runtime_image", runtime_image(in, runtime_id)}};
    auto before = in.catalogue.image_size(in.facts.base_image);
    const RuntimeBase* r = in.catalogue.runtime(runtime_id);
    v["size_before_mb"] = before ? fmt_mb(*before) : "?";
    v["size_after_mb"] = r != nullptr ? fmt_mb(r->size_mb) : "?";
    // In words: "about 2.0 MB instead of 300 MB", "about 45 MB, as before", "about 45 MB".
    std::string after = "about " + v["size_after_mb"] + " MB";
    v["size"] = r == nullptr ? "size unknown"
                : !before    ? after
                : v["size_before_mb"] == v["size_after_mb"] ? after + ", as before"
                                                             : after + " instead of " + v["size_before_mb"] + " MB";
    return v;
}

}  // namespace restage::rewrite
