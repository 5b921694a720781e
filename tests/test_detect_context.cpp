// The detector's build context: in memory, on disk, and paths that leave it.
#include <catch2/catch.hpp>

#include "detect_fixtures.hpp"

using namespace restage::detect;
using namespace restage::test;

TEST_CASE("context: in memory", "[detect][context]") {
    auto ctx = Context::in_memory({{"go.mod", "module x\n"}, {"src/main/App.java", ""}, {"src/b.txt", "b"}});
    CHECK(ctx.exists("go.mod"));
    CHECK(ctx.exists("./go.mod"));
    CHECK(ctx.exists("src"));
    CHECK(ctx.is_dir("src/"));
    CHECK_FALSE(ctx.is_dir("go.mod"));
    CHECK(ctx.read("go.mod") == "module x\n");
    CHECK_FALSE(ctx.read("src").has_value());
    CHECK(ctx.list() == std::vector<std::string>{"go.mod", "src/"});
    CHECK(ctx.list("src") == std::vector<std::string>{"b.txt", "main/"});
    CHECK(ctx.root().empty());
}

TEST_CASE("context: paths out of the root are refused", "[detect][context]") {
    auto ctx = Context::in_memory({{"a", "x"}});
    CHECK_FALSE(ctx.exists("../a"));
    CHECK_FALSE(ctx.read("/a").has_value());
    CHECK_FALSE(ctx.read("sub/../a").has_value());
    CHECK(ctx.list("..").empty());
}

TEST_CASE("context: on disk", "[detect][context]") {
    TempDir dir;
    dir.write("ctx/package.json", "{}");
    dir.write("ctx/src/index.js", "");
    dir.write("ctx/big.txt", std::string((1 << 20) + 10, 'x'));
    dir.write("secret.txt", "secret");
    std::filesystem::create_symlink(dir.path / "secret.txt", dir.path / "ctx/link.txt");
    auto ctx = Context::from_dir(dir.path / "ctx");
    CHECK(ctx.list() == std::vector<std::string>{"big.txt", "link.txt", "package.json", "src/"});
    CHECK(ctx.read("package.json") == "{}");
    CHECK(ctx.read("big.txt")->size() == std::size_t{1} << 20);
    CHECK(ctx.is_dir("src"));
    CHECK_FALSE(ctx.read("link.txt").has_value());  // a link out of the root
    CHECK_FALSE(ctx.read("../secret.txt").has_value());
    auto missing = Context::from_dir(dir.path / "nope");
    CHECK(missing.list().empty());
    CHECK_FALSE(missing.exists("package.json"));
}
