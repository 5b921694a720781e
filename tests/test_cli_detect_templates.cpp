// `restage detect` counts the templates' detection signals, as a rewrite does: --templates and
// .restage.yaml apply, and their errors are reported.
#include <catch2/catch.hpp>

#include "cli_support.hpp"

using namespace restage::test;

namespace {

const std::string kCorpBuilder = "FROM registry.corp/tools/gobuilder:2\nRUN make binary\nCMD [\"/app\"]\n";

}  // namespace

TEST_CASE("cli: detect counts the signals of templates given with --templates", "[cli]") {
    Sandbox box;
    box.write("app/Dockerfile", kCorpBuilder);
    box.write("tpl/go.yaml", "detect:\n  base_images: [\"registry.corp/*/gobuilder\"]\n");
    Run with = run_restage(box, {"detect", "app/Dockerfile", "--templates", "tpl"});
    CHECK(with.code == 0);
    CHECK(with.out ==
          "ecosystem: go (confidence 0.38)\n"
          "  app/Dockerfile:1: base image registry.corp/tools/gobuilder:2 matches registry.corp/*/gobuilder\n");
    Run without = run_restage(box, {"detect", "app/Dockerfile"});
    CHECK(without.out == "ecosystem: unknown\n  nothing recognised\n");
}

TEST_CASE("cli: detect reads the .restage.yaml above the file, and reports its errors", "[cli]") {
    Sandbox box;
    box.write("app/Dockerfile", kCorpBuilder);
    box.write("app/tpl/go.yaml", "detect:\n  base_images: [\"registry.corp/*/gobuilder\"]\n");
    box.write("app/.restage.yaml", "templates: tpl\n");
    Run r = run_restage(box, {"detect", "app/Dockerfile"});
    CHECK(r.code == 0);
    CHECK(r.out.rfind("ecosystem: go", 0) == 0);

    box.write("app/.restage.yaml", "templates: tpl\nbogus: 1\n");
    Run bad = run_restage(box, {"detect", "app/Dockerfile"});
    CHECK(bad.code == 2);
    CHECK(bad.out.empty());
    INFO(bad.err);
    CHECK(bad.err.find("app/.restage.yaml:2:1: error: unknown key 'bogus' in config\n") != std::string::npos);
}
