// fuzz_rewrite: rewrite any accepted file, with an empty context and with a small fixed one.
// A rewrite never fails (a failure is a failed output check: a bug), its output parses, and
// rewriting the output again changes nothing.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>

#include "check.hpp"
#include "model/document.hpp"
#include "rewrite/rewrite.hpp"

using restage::fuzz::check;
using restage::model::Document;
using Files = std::map<std::string, std::string>;
using Status = restage::rewrite::Outcome::Status;

namespace {

const restage::rewrite::Catalogue& catalogue() {
    static const restage::rewrite::Catalogue c = [] {
        auto loaded = restage::rewrite::load_catalogue();
        check(loaded.ok(), "the built-in catalogue loads");
        return std::move(*loaded);
    }();
    return c;
}

// Build contexts that let each planner run; the first input byte picks one.
const Files& context_for(uint8_t pick) {
    static const Files kContexts[] = {
        {{"go.mod", "module example.com/app\n\ngo 1.22\n"}, {"go.sum", ""}, {"main.go", "package main\nfunc main() {}\n"}},
        {{"go.mod", "module example.com/svc\n\ngo 1.21\n"}, {"cmd/server/main.go", "package main\nfunc main() {}\n"}},
        {{"package.json", R"({"name":"app","scripts":{"start":"node index.js"},"dependencies":{"express":"4"}})"},
         {"package-lock.json", "{}"}, {"index.js", "require('express')\n"}},
        {{"package.json", R"({"name":"web","scripts":{"build":"vite build"},"devDependencies":{"vite":"5"}})"},
         {"yarn.lock", ""}, {"vite.config.js", "export default {}\n"}, {"index.html", "<html></html>\n"}},
        {{"pom.xml", "<project><artifactId>app</artifactId></project>\n"}, {"mvnw", "#!/bin/sh\n"}},
        {{"build.gradle", "plugins { id 'java' }\n"}, {"gradlew", "#!/bin/sh\n"}, {"settings.gradle", ""}},
        {{"index.html", "<html></html>\n"}},
        {{"package.json", R"({"name":"both"})"}, {"go.mod", "module m\n"}, {"pnpm-lock.yaml", ""}},
    };
    return kContexts[pick % (sizeof kContexts / sizeof kContexts[0])];
}

// Options from the other bits of the first byte, so the flags' code paths run too.
restage::rewrite::Options options_for(uint8_t pick) {
    static const char* const kRuntimes[] = {nullptr, "distroless", "slim", "alpine"};
    restage::rewrite::Options o;
    if (const char* r = kRuntimes[(pick >> 3) & 3]) o.runtime = r;
    o.cache_mounts = (pick >> 5) & 1;
    o.debug_stage = (pick >> 6) & 1;
    o.nonroot = !((pick >> 7) & 1);
    return o;
}

void rewrite_and_check(const Document& doc, const Files& files, const restage::rewrite::Options& options) {
    auto ctx = restage::detect::Context::in_memory(files);
    auto out = restage::rewrite::rewrite(doc, ctx, catalogue(), options);
    if (!out) std::fprintf(stderr, "fuzz_rewrite: rewrite failed: %s\n", out.error().message.c_str());
    check(out.ok(), "rewrite succeeds or refuses, never fails");
    if (out->status != Status::Rewritten) {
        check(out->text == doc.print(), "an unchanged or refused file keeps its text");
        return;
    }
    auto again = Document::parse(out->text);
    if (!again) std::fprintf(stderr, "fuzz_rewrite: the output fails: %s\n", again.error().message.c_str());
    check(again.ok(), "the rewritten file parses");
    check(!again->tree().root().has_error(), "the rewritten file has no error node");
    auto twice = restage::rewrite::rewrite(*again, ctx, catalogue(), options);
    check(twice.ok(), "rewriting the output succeeds");
    if (twice->status != Status::Unchanged)
        std::fprintf(stderr, "fuzz_rewrite: second rewrite status %d, text:\n%s\n", static_cast<int>(twice->status),
                     twice->text.c_str());
    check(twice->status == Status::Unchanged, "rewriting the output changes nothing");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto doc = Document::parse(std::string(reinterpret_cast<const char*>(data), size));
    if (!doc) return 0;
    rewrite_and_check(*doc, {}, {});
    uint8_t pick = size > 0 ? data[0] : 0;
    rewrite_and_check(*doc, context_for(pick), options_for(pick));
    return 0;
}
