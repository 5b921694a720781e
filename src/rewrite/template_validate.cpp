// Template validation across files: rule ids and codes unique, every named runtime exists.
#include <map>

#include "model/suggest.hpp"
#include "rewrite/template_schema.hpp"

namespace restage::rewrite::schema {
namespace {

std::string where_text(const Loc& l) {
    return (l.source ? l.source->name : std::string("?")) + ":" + std::to_string(l.where.line) + ":" +
           std::to_string(l.where.column);
}

}  // namespace

void validate(const Catalogue& cat, const Seen& seen) {
    std::map<std::string, const RuleRef*> ids, codes;
    for (const RuleRef& r : seen.rules) {
        if (auto [it, fresh] = ids.emplace(r.id, &r); !fresh) {
            r.id_at.fail("duplicate rule id '" + r.id + "' (first in " + where_text(it->second->id_at) + ")");
        }
        if (auto [it, fresh] = codes.emplace(r.code, &r); !fresh) {
            r.code_at.fail("duplicate rule code '" + r.code + "' (first used by rule '" + it->second->id + "' in " +
                           where_text(it->second->code_at) + ")");
        }
    }

    std::vector<std::string> runtime_ids;
    for (const auto& [id, base] : cat.runtimes) runtime_ids.push_back(id);
    for (const RuntimeRef& ref : seen.runtime_refs) {
        const bool versioned = ref.runtime.find("${version}") != std::string::npos;
        const std::vector<std::string> versions = versioned ? ref.versions : std::vector<std::string>{""};
        for (const std::string& version : versions) {
            const std::string id = RuntimeVariant{"", ref.runtime, {}, {}}.runtime_id(version);
            if (cat.runtimes.count(id)) continue;
            std::string message = ref.what + " names unknown runtime '" + id + "'";
            if (versioned) {
                message += " (for version " + version + ")";
            } else if (auto s = model::suggest(id, runtime_ids, true)) {
                message += " (did you mean '" + *s + "'?)";
            }
            ref.at.fail(message);
        }
    }
}

}  // namespace restage::rewrite::schema
