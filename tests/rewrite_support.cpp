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

}  // namespace restage::test
