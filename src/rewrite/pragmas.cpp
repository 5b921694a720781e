// rewrite(): the file's `# restage:` pragmas around the planner (plan_and_check).
#include <algorithm>

#include "model/suggest.hpp"
#include "rewrite/ecosystem.hpp"

namespace restage::rewrite {

namespace {

// `message` names `name`; "did you mean" follows when one of `known` is close.
Error pragma_error(std::string message, const std::string& name, Position where, const std::vector<std::string>& known) {
    if (auto s = model::suggest(name, known, true)) message += " (did you mean '" + *s + "'?)";
    return Error{ErrorKind::Usage, std::move(message), where, ""};
}

std::vector<std::string> rule_ids(const Catalogue& c) {
    std::vector<std::string> ids;
    for (const auto& r : c.common_rules) ids.push_back(r.id);
    for (const auto& [id, t] : c.templates) {
        for (const auto& r : t.rules) {
            if (std::find(ids.begin(), ids.end(), r.id) == ids.end()) ids.push_back(r.id);
        }
    }
    return ids;
}

std::vector<std::string> variant_names(const Catalogue& c) {
    std::vector<std::string> names;
    for (const auto& [id, t] : c.templates) {
        for (const auto& v : t.variants) {
            if (std::find(names.begin(), names.end(), v.name) == names.end()) names.push_back(v.name);
        }
    }
    return names;
}

bool concerns(const Change& c, const model::IgnoredRule& ig) {
    return c.first_line <= 0 || (c.first_line <= ig.last_line && std::max(c.first_line, c.last_line) >= ig.instruction);
}

}  // namespace

Result<Outcome> rewrite(const model::Document& doc, const detect::Context& ctx, const Catalogue& catalogue,
                        const Options& options) {
    if (!doc.pragmas()) return doc.pragmas().error();
    const model::Pragmas& p = *doc.pragmas();
    const auto ids = rule_ids(catalogue);
    for (const auto& ig : p.ignored) {
        if (std::find(ids.begin(), ids.end(), ig.rule) == ids.end()) {
            return pragma_error("unknown rule '" + ig.rule + "' in ignore=", ig.rule, Position{ig.line, ig.column}, ids);
        }
    }
    Options opts = options;
    if (p.runtime) {
        const auto names = variant_names(catalogue);
        if (std::find(names.begin(), names.end(), *p.runtime) == names.end()) {
            return pragma_error("runtime '" + *p.runtime + "' is not a variant of any template", *p.runtime, p.runtime_at, names);
        }
        if (!opts.runtime) opts.runtime = p.runtime;
    }
    if (p.ignore_file > 0) {
        Outcome out;
        out.text = doc.bytes();
        out.detection = detect::classify(doc, ctx, catalogue.signals());
        out.notes.push_back("ignored: `# restage: ignore` on line " + std::to_string(p.ignore_file));
        return out;
    }
    // Plan; when a change comes from a rule ignored for the instruction it concerns, switch the
    // rule off and plan again (the set only grows, so this ends).
    for (;;) {
        auto out = plan_and_check(doc, ctx, catalogue, opts);
        if (!out || out->status != Outcome::Status::Rewritten) return out;
        bool again = false;
        for (const auto& ig : p.ignored) {
            for (const auto& c : out->changes) {
                if (c.rule != ig.rule || opts.ignored_rules.count(c.rule) || !concerns(c, ig)) continue;
                opts.ignored_rules.insert(c.rule);
                again = true;
            }
        }
        if (!again) return out;
    }
}

}  // namespace restage::rewrite
