// Unit tests for rewrite/template_packed: the built-ins packed at build time are the trees their
// YAML parses to, so the two cannot drift.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "rewrite/template_packed.hpp"
#include "rewrite/templates.hpp"

using namespace restage;
using namespace restage::rewrite;
using raw::Node;

namespace {

std::string where(const std::string& path, Position p, int offset) {
    return path + " at " + std::to_string(p.line) + ":" + std::to_string(p.column) + " +" +
           std::to_string(offset);
}

std::string source_of(const std::shared_ptr<const raw::Source>& s) {
    return s ? s->name + "\n" + s->text : "(none)";
}

// The first difference between two trees, in words, or "" when they are equal in everything
// the loaders read: kinds, scalars, the plain flag, keys in order, positions, offsets, sources.
std::string difference(const Node& a, const Node& b, const std::string& path) {
    if (a.kind != b.kind)
        return path + ": kind " + std::string(raw::kind_name(a)) + " vs " + std::string(raw::kind_name(b));
    if (a.where.line != b.where.line || a.where.column != b.where.column || a.offset != b.offset) {
        return where(path, a.where, a.offset) + " vs " + where(path, b.where, b.offset);
    }
    if (source_of(a.source) != source_of(b.source)) return path + ": source differs";
    if (a.scalar != b.scalar || a.plain != b.plain)
        return path + ": scalar '" + a.scalar + "' vs '" + b.scalar + "'";
    if (a.items.size() != b.items.size()) return path + ": item count differs";
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        if (auto d = difference(a.items[i], b.items[i], path + "[" + std::to_string(i) + "]"); !d.empty())
            return d;
    }
    if (a.entries.size() != b.entries.size() || a.key_pos.size() != b.key_pos.size() ||
        a.key_src.size() != b.key_src.size()) {
        return path + ": entry count differs";
    }
    for (std::size_t i = 0; i < a.entries.size(); ++i) {
        const std::string key = path + "." + a.entries[i].first;
        if (a.entries[i].first != b.entries[i].first) return key + ": key vs " + b.entries[i].first;
        if (a.key_pos[i].line != b.key_pos[i].line || a.key_pos[i].column != b.key_pos[i].column) {
            return key + ": key position differs";
        }
        if (source_of(a.key_src[i]) != source_of(b.key_src[i])) return key + ": key source differs";
        if (auto d = difference(a.entries[i].second, b.entries[i].second, key); !d.empty()) return d;
    }
    return "";
}

std::shared_ptr<const raw::Source> source(std::string name, std::string text) {
    return std::make_shared<const raw::Source>(raw::Source{std::move(name), std::move(text)});
}

std::span<const unsigned char> bytes_of(const std::string& s) {
    return {reinterpret_cast<const unsigned char*>(s.data()), s.size()};
}

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("packed built-ins are the trees their YAML parses to", "[templates]") {
    const std::filesystem::path dir = std::filesystem::path(RESTAGE_SOURCE_DIR) / "templates";
    for (const BuiltinFile& f : builtin_files()) {
        INFO(f.name);
        CHECK(f.text == read(dir / f.name));
        const Node parsed = raw::parse(source("templates/" + std::string(f.name), std::string(f.text)));
        const Node unpacked =
            raw::unpack(f.packed, source("templates/" + std::string(f.name), std::string(f.text)));
        CHECK(difference(parsed, unpacked, std::string(f.name)) == "");
        const std::string packed = raw::pack(parsed);
        const auto bytes = bytes_of(packed);
        CHECK(std::equal(bytes.begin(), bytes.end(), f.packed.begin(), f.packed.end()));
    }
}

TEST_CASE("packing keeps empty values, quoting, long text and unknown offsets", "[templates]") {
    const std::string long_text(300, 'x');
    auto src =
        source("t.yaml", "a:\nb: ''\nc: \"true\"\nd: true\ne: [1, [], {}]\nf:\n  - g: " + long_text + "\n");
    const Node tree = raw::parse(src);
    REQUIRE(tree.find("a")->offset == -1);
    const std::string packed = raw::pack(tree);
    CHECK(difference(tree, raw::unpack(bytes_of(packed), src), "t") == "");
}

TEST_CASE("packed bytes that do not decode are a logic error", "[templates]") {
    auto src = source("t.yaml", "a: [b, c]\n");
    const std::string packed = raw::pack(raw::parse(src));
    CHECK_THROWS_AS(raw::unpack(bytes_of(packed.substr(0, packed.size() - 1)), src), std::logic_error);
    CHECK_THROWS_AS(raw::unpack(bytes_of(packed + "x"), src), std::logic_error);
}
