// The parser against the real-world corpus: round trip, no error nodes, BuildKit's result.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>

#include "corpus.hpp"
#include "model/document.hpp"
#include "print/buildkit_json.hpp"

using restage::test::Json;

namespace {

// The leaves of the tree and the gaps between them give back the source, and every gap
// directly under the file or an instruction is white space: the parser skipped nothing.
// (Inside other nodes, gaps hold hidden tokens such as a value's pieces.)
std::string reconstruct(const restage::syntax::SyntaxTree& tree, bool& gaps_blank, std::string* bad_gap = nullptr) {
    std::string_view src = tree.source();
    // tree-sitter skips a leading byte-order mark before the first token.
    size_t at = src.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    std::string out(src.substr(0, at));
    gaps_blank = true;
    auto visit = [&](auto&& self, TSNode n, bool check) -> void {
        uint32_t count = ts_node_child_count(n);
        if (count == 0) {
            size_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
            if (b < at) return;  // zero-width tokens
            for (size_t k = at; k < b; ++k) {
                char c = src[k];
                if (check && c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\v' && c != '\f') {
                    if (gaps_blank && bad_gap) *bad_gap = std::string(src.substr(at, b - at));
                    gaps_blank = false;
                }
            }
            out.append(src.substr(at, e - at));
            at = e;
            return;
        }
        std::string_view type = ts_node_type(n);
        bool owns_gaps = type == "source_file" || type.ends_with("_instruction") || type == "heredoc";
        for (uint32_t i = 0; i < count; ++i) self(self, ts_node_child(n, i), owns_gaps);
        size_t e = ts_node_end_byte(n);
        if (!owns_gaps && e > at) {  // the node's trailing hidden tokens
            out.append(src.substr(at, e - at));
            at = e;
        }
    };
    visit(visit, tree.root().raw(), true);
    for (size_t k = at; k < src.size(); ++k) {
        char c = src[k];
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\v' && c != '\f') gaps_blank = false;
    }
    out.append(src.substr(at));
    return out;
}

// tests/corpus/known-differences.tsv: file, field, reason. Each listed field may differ.
std::set<std::pair<std::string, std::string>> known_differences() {
    std::set<std::pair<std::string, std::string>> out;
    std::ifstream in(std::string(RESTAGE_SOURCE_DIR) + "/tests/corpus/known-differences.tsv");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto t1 = line.find('\t');
        auto t2 = line.find('\t', t1 + 1);
        if (t1 == std::string::npos || t2 == std::string::npos) continue;
        out.emplace(line.substr(0, t1), line.substr(t1 + 1, t2 - t1 - 1));
    }
    return out;
}

}  // namespace

TEST_CASE("corpus: every file round-trips byte for byte with no error node", "[corpus]") {
    const auto& files = restage::test::corpus_files();
    if (files.empty()) {
        WARN("no corpus at ../shared/corpus: skipped");
        return;
    }
    size_t checked = 0;
    for (const auto& f : files) {
        INFO(f.name);
        auto doc = restage::model::Document::parse(f.bytes);
        bool accepted = f.buildkit.object()->at("ok") == Json{true};
        REQUIRE(accepted == doc.ok());
        if (!doc) continue;
        CHECK(doc->print() == f.bytes);
        CHECK_FALSE(doc->tree().root().has_error());
        bool gaps_blank = false;
        std::string bad_gap;
        CHECK(reconstruct(doc->tree(), gaps_blank, &bad_gap) == f.bytes);
        INFO("skipped text: [" << bad_gap << "]");
        CHECK(gaps_blank);
        ++checked;
    }
    CHECK(checked == files.size());
}

TEST_CASE("corpus: parse --json equals BuildKit's result field for field", "[corpus]") {
    const auto& files = restage::test::corpus_files();
    if (files.empty()) {
        WARN("no corpus at ../shared/corpus: skipped");
        return;
    }
    auto known = known_differences();
    REQUIRE(known.size() <= 10);
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& f : files) {
        auto doc = restage::model::Document::parse(f.bytes);
        auto ours = restage::test::parse_json(restage::print::buildkit_json(doc, false));
        REQUIRE(ours);
        const auto& want = *f.buildkit.object();
        const auto& got = *ours->object();
        std::set<std::string> fields;
        for (const auto& [k, _] : want) fields.insert(k);
        for (const auto& [k, _] : got) fields.insert(k);
        for (const auto& field : fields) {
            auto w = want.find(field);
            auto g = got.find(field);
            bool same = w != want.end() && g != got.end() && w->second == g->second;
            if (same) continue;
            if (known.count({f.name, field})) {
                seen.emplace(f.name, field);
                continue;
            }
            INFO(f.name << ": field " << field << "\n  buildkit: "
                        << (w == want.end() ? "(absent)" : w->second.dump().substr(0, 2000)) << "\n  restage:  "
                        << (g == got.end() ? "(absent)" : g->second.dump().substr(0, 2000)));
            CHECK(same);
        }
    }
    // A listed difference that no longer occurs must be removed from the list.
    for (const auto& k : known) {
        INFO("known difference no longer occurs: " << k.first << " " << k.second);
        CHECK(seen.count(k));
    }
}
