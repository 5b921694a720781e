// Test support for the rewriter.
#include "rewrite_support.hpp"

#include <stdexcept>

namespace restage::test {

const rewrite::Catalogue& builtin_catalogue() {
    static const rewrite::Catalogue c = [] {
        auto loaded = rewrite::load_catalogue();
        if (!loaded) throw std::runtime_error("built-in templates do not load: " + loaded.error().message);
        return std::move(*loaded);
    }();
    return c;
}

rewrite::Outcome rewrite_text(const std::string& dockerfile, const std::map<std::string, std::string>& files,
                              const rewrite::Options& options) {
    auto doc = model::Document::parse(dockerfile);
    if (!doc) throw std::runtime_error("test Dockerfile does not parse: " + doc.error().message);
    auto ctx = detect::Context::in_memory(files);
    auto out = rewrite::rewrite(*doc, ctx, builtin_catalogue(), options);
    if (!out) throw std::runtime_error("rewrite failed: " + out.error().message);
    return std::move(*out);
}

std::vector<std::string> rules(const rewrite::Outcome& out) {
    std::vector<std::string> ids;
    for (const auto& c : out.changes) ids.push_back(c.rule);
    return ids;
}

const rewrite::Change* find_change(const rewrite::Outcome& out, const std::string& rule) {
    for (const auto& c : out.changes) {
        if (c.rule == rule) return &c;
    }
    return nullptr;
}

std::string reason(const rewrite::Outcome& out, const std::string& rule) {
    const rewrite::Change* c = find_change(out, rule);
    return c == nullptr ? "" : c->reason;
}

std::string explain(const rewrite::Outcome& out) {
    std::string s;
    for (const auto& c : out.changes) s += c.rule + ": " + c.reason + "\n";
    for (const auto& r : out.refusals) s += "refused: " + std::to_string(r.line) + ": " + r.reason + " [" + r.unblock + "]\n";
    for (const auto& n : out.notes) s += "note: " + n + "\n";
    return s;
}

rewrite::Outcome::Status again(const rewrite::Outcome& out, const std::map<std::string, std::string>& context) {
    return rewrite_text(out.text, context).status;
}

}  // namespace restage::test
