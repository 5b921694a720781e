// classify: gathers the findings of the Dockerfile and the context, scores them per family,
// picks the ecosystem, and names its flavor and package manager (scoring: see detect.hpp).
#include "detect/detect.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "detect/signals.hpp"

namespace restage::detect {

namespace internal {

std::optional<Target> target_of(Ecosystem e) {
    switch (e) {
        case Ecosystem::Go: return Target::Go;
        case Ecosystem::Maven: return Target::Maven;
        case Ecosystem::Gradle: return Target::Gradle;
        case Ecosystem::Node: return Target::Node;
        case Ecosystem::Static: return Target::Static;
        case Ecosystem::Unknown: return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace internal

namespace {

using internal::Finding;
using internal::Target;

constexpr int kMinScore = 3;       // one base image or one build command
constexpr int kAlsoSeenScore = 4;  // more than a single strong fact
constexpr double kFullStrength = 8.0;

enum class Family { Go, Java, Web, Other };

Family family_of(Target t) {
    switch (t) {
        case Target::Go: return Family::Go;
        case Target::Maven:
        case Target::Gradle:
        case Target::Jvm: return Family::Java;
        case Target::Node:
        case Target::Static:
        case Target::Js: return Family::Web;
        case Target::Other: return Family::Other;
    }
    return Family::Other;
}

struct Tally {
    Family family = Family::Other;
    std::string language;  // Family::Other
    int total = 0;
    int dockerfile = 0;
};

// Same target, fact and place: counted once (three `RUN go get` lines are one habit, not three facts).
std::vector<Finding> distinct(std::vector<Finding> in) {
    std::vector<Finding> out;
    std::set<std::tuple<Target, std::string, std::string, std::string>> seen;
    for (auto& f : in) {
        if (seen.emplace(f.target, f.fact, f.file, f.language).second) out.push_back(std::move(f));
    }
    return out;
}

double strength(int score, int all) {
    if (all <= 0 || score <= 0) return 0.0;
    return static_cast<double>(score) / all * std::min(1.0, score / kFullStrength);
}

// The package manager: the highest-ranked hint, then the most hints at that rank, then the first.
std::string package_manager(const std::vector<Finding>& findings) {
    std::map<std::string, std::pair<int, int>> votes;  // pm -> (best rank, count at that rank)
    std::vector<std::string> order;
    for (const auto& f : findings) {
        if (f.pm.empty()) continue;
        int rank = static_cast<int>(f.pm_rank);
        auto [it, fresh] = votes.try_emplace(f.pm, rank, 0);
        if (fresh) order.push_back(f.pm);
        if (rank > it->second.first) it->second = {rank, 0};
        if (rank == it->second.first) ++it->second.second;
    }
    std::string best;
    for (const auto& pm : order) {
        if (best.empty() || votes[pm] > votes[best]) best = pm;
    }
    return best;
}

// A static site's flavor: the generator with the most weight behind it; else "npm-build" when
// JavaScript builds or serves it; else "plain-html".
std::string static_flavor(const std::vector<Finding>& findings) {
    std::map<std::string, int> votes;
    std::vector<std::string> order;
    bool javascript = false;
    for (const auto& f : findings) {
        if (f.target == Target::Js || f.target == Target::Node) javascript = true;
        if (f.flavor.empty() || (f.target != Target::Static && f.target != Target::Js)) continue;
        if (f.flavor == "npm-build") javascript = true;
        if (f.flavor == "npm-build" || f.flavor == "plain-html") continue;
        if (votes[f.flavor] == 0) order.push_back(f.flavor);
        votes[f.flavor] += f.weight;
    }
    std::string best;
    for (const auto& fl : order) {
        if (best.empty() || votes[fl] > votes[best]) best = fl;
    }
    if (!best.empty()) return best;
    return javascript ? "npm-build" : "plain-html";
}

}  // namespace

Detection classify(const model::Document& doc, const Context& ctx, const std::vector<Signals>& extra) {
    internal::Project project = internal::load_project(ctx);
    std::vector<Finding> findings = internal::dockerfile_findings(doc, project, extra);
    for (auto& f : internal::context_findings(ctx, project, extra)) findings.push_back(std::move(f));
    findings = distinct(std::move(findings));

    std::vector<Tally> tallies;
    std::map<Target, int> per_target;
    int all = 0;
    for (const auto& f : findings) {
        Family fam = family_of(f.target);
        std::string language = fam == Family::Other ? f.language : "";
        auto it = std::find_if(tallies.begin(), tallies.end(),
                               [&](const Tally& t) { return t.family == fam && t.language == language; });
        if (it == tallies.end()) it = tallies.insert(tallies.end(), Tally{fam, language, 0, 0});
        it->total += f.weight;
        if (f.line > 0) it->dockerfile += f.weight;
        per_target[f.target] += f.weight;
        all += f.weight;
    }
    std::stable_sort(tallies.begin(), tallies.end(), [](const Tally& a, const Tally& b) {
        return std::tie(b.total, b.dockerfile, a.family, a.language) < std::tie(a.total, a.dockerfile, b.family, b.language);
    });

    const Ecosystem java = per_target[Target::Gradle] > per_target[Target::Maven] ? Ecosystem::Gradle : Ecosystem::Maven;
    // Inside the web family, what the image runs decides when it says: a Node server is a Node app
    // however its front-end was built (SvelteKit, Nuxt, Next in server mode); a file server or a
    // development server serves a site. Otherwise the larger sum.
    auto runs = [&](Target t) {
        return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.command && f.target == t; });
    };
    const bool runs_node = runs(Target::Node), runs_site = runs(Target::Static);
    const Ecosystem web = runs_node != runs_site ? (runs_node ? Ecosystem::Node : Ecosystem::Static)
                          : per_target[Target::Static] > per_target[Target::Node] ? Ecosystem::Static
                                                                                  : Ecosystem::Node;
    auto resolve_family = [&](Family f) {
        switch (f) {
            case Family::Go: return Ecosystem::Go;
            case Family::Java: return java;
            case Family::Web: return web;
            case Family::Other: return Ecosystem::Unknown;
        }
        return Ecosystem::Unknown;
    };
    auto resolve = [&](Target t) {
        switch (t) {
            case Target::Maven: return Ecosystem::Maven;
            case Target::Gradle: return Ecosystem::Gradle;
            case Target::Node: return Ecosystem::Node;
            case Target::Static: return Ecosystem::Static;
            default: return resolve_family(family_of(t));
        }
    };

    Detection d;
    const Tally* best = tallies.empty() ? nullptr : &tallies.front();
    if (best && best->total >= kMinScore && best->family != Family::Other) {
        d.ecosystem = resolve_family(best->family);
        d.confidence = strength(best->total, all);
    } else {
        auto known = std::find_if(tallies.begin(), tallies.end(), [](const Tally& t) { return t.family != Family::Other; });
        d.confidence = 1.0 - (known == tallies.end() ? 0.0 : strength(known->total, all));
    }
    for (const auto& t : tallies) {
        if (t.family == Family::Other || t.total < kAlsoSeenScore) continue;
        Ecosystem e = resolve_family(t.family);
        if (e != d.ecosystem && std::find(d.also_seen.begin(), d.also_seen.end(), e) == d.also_seen.end()) {
            d.also_seen.push_back(e);
        }
    }

    for (const auto& f : findings) {
        std::string fact = f.fact;
        if (!f.language.empty() && fact.find(f.language) == std::string::npos) fact += " (" + f.language + ")";
        d.evidence.push_back(Evidence{resolve(f.target), std::move(fact), f.line, f.file, f.weight});
    }
    std::stable_sort(d.evidence.begin(), d.evidence.end(), [](const Evidence& a, const Evidence& b) {
        return std::make_tuple(-a.weight, a.line == 0, a.line) < std::make_tuple(-b.weight, b.line == 0, b.line);
    });

    if (d.ecosystem == Ecosystem::Node || d.ecosystem == Ecosystem::Static) {
        d.package_manager = package_manager(findings);
        bool javascript = std::any_of(findings.begin(), findings.end(), [](const Finding& f) {
            return f.target == Target::Js || f.target == Target::Node || !f.pm.empty();
        });
        if (d.package_manager.empty() && (d.ecosystem == Ecosystem::Node || javascript)) d.package_manager = "npm";
        d.flavor = d.ecosystem == Ecosystem::Node ? d.package_manager : static_flavor(findings);
        // Hugo, Jekyll and plain HTML are not built with JavaScript, whatever else the repository holds.
        if (d.flavor == "hugo" || d.flavor == "jekyll" || d.flavor == "plain-html") d.package_manager.clear();
    }
    return d;
}

}  // namespace restage::detect
