// fuzz_parse: any bytes through Document::parse; an accepted file must round-trip exactly.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "check.hpp"
#include "model/document.hpp"
#include "print/buildkit_json.hpp"

using restage::fuzz::check;

namespace {

// The leaves of the tree and the gaps between them, in order (as tests/test_corpus_parse.cpp
// rebuilds the source). A leaf that starts before the previous one ended breaks the property.
std::string reconstruct(const restage::syntax::SyntaxTree& tree) {
    std::string_view src = tree.source();
    // tree-sitter skips a leading byte-order mark before the first token.
    size_t at = src.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    std::string out(src.substr(0, at));
    auto visit = [&](auto&& self, TSNode n) -> void {
        uint32_t count = ts_node_child_count(n);
        size_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
        check(b <= e && e <= src.size(), "node range inside the source");
        if (count == 0) {
            if (b < at) {  // zero-width tokens
                check(e <= at, "leaves do not overlap");
                return;
            }
            out.append(src.substr(at, e - at));
            at = e;
            return;
        }
        for (uint32_t i = 0; i < count; ++i) self(self, ts_node_child(n, i));
        if (e > at) {  // the node's trailing hidden tokens
            out.append(src.substr(at, e - at));
            at = e;
        }
    };
    visit(visit, tree.root().raw());
    out.append(src.substr(at));
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    auto doc = restage::model::Document::parse(bytes);
    // `restage parse --json` prints errors too, so it runs on every input.
    std::string json = restage::print::buildkit_json(doc, false);
    check(!json.empty() && json.front() == '{' && json.back() == '}', "buildkit_json prints an object");
    if (!doc) return 0;

    check(doc->print() == bytes, "print() gives the bytes back");
    check(reconstruct(doc->tree()) == bytes, "leaves and gaps reconstruct the bytes");
    check(doc->escape() == '\\' || doc->escape() == '`', "escape is \\ or `");
    int previous = 0;
    for (const auto& in : doc->instructions()) {
        check(in.first_line >= 1 && in.first_line <= in.last_line, "1 <= first_line <= last_line");
        check(in.first_line > previous, "instructions in line order");
        previous = in.last_line;
        check(in.range.begin <= in.range.end && in.range.end <= bytes.size(), "instruction range in bounds");
        check(in.line.begin == in.range.begin && in.line.end <= in.range.end, "logical line inside the range");
    }
    return 0;
}
