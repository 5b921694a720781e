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

TEST_CASE("context: symbolic links on disk count where they lead", "[detect][context]") {
    namespace fs = std::filesystem;
    TempDir dir;
    dir.write("ctx/real/app.js", "app");
    dir.write("outside/secret.txt", "secret");
    fs::create_symlink(dir.path / "outside", dir.path / "ctx/out");          // a folder out of the root
    fs::create_symlink("real", dir.path / "ctx/in");                         // a folder inside it
    fs::create_symlink("real/app.js", dir.path / "ctx/app.js");              // a file inside it
    fs::create_symlink(dir.path / "ctx/real", dir.path / "ctx/real/again");  // a loop back inside
    fs::create_symlink(dir.path / "ctx", dir.path / "alias");                // the root itself a link
    for (const auto& root : {dir.path / "ctx", dir.path / "alias", dir.path / "ctx/./real/.."}) {
        INFO(root.string());
        auto ctx = Context::from_dir(root);
        CHECK_FALSE(ctx.exists("out"));
        CHECK_FALSE(ctx.exists("out/secret.txt"));
        CHECK_FALSE(ctx.is_dir("out"));
        CHECK_FALSE(ctx.read("out/secret.txt").has_value());
        CHECK(ctx.is_dir("in"));
        CHECK(ctx.read("in/app.js") == "app");
        CHECK(ctx.read("app.js") == "app");
        CHECK(ctx.read("real/again/again/app.js") == "app");
        CHECK(ctx.exists("real/app.js"));
        CHECK(ctx.exists(""));
        CHECK(ctx.is_dir(""));
        CHECK_FALSE(ctx.exists("real/app.js/x"));  // a file is no folder
        CHECK_FALSE(ctx.is_dir("real/app.js"));
        CHECK_FALSE(ctx.exists("nothing/app.js"));
        CHECK_FALSE(ctx.read("real").has_value());
    }
}
