// The grammar against its corpus, grammar/test/corpus/*.txt, parsed and compared as `tree-sitter test` does.
//
// The tree-sitter CLI we generate with cannot run its own tests, so this is the corpus runner (the reader is
// in grammar_support.cpp). Both trees are compared with whitespace runs collapsed and no blank before `)`.
// Unlike tree-sitter, field names are always compared (tree-sitter drops them from the actual tree when the
// expected one has none).
//
// Every case that is not skipped also runs with CRLF line endings, with a BOM, with one more final
// newline and with none: BuildKit reads all of them alike, so the tree must not change.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "grammar_support.hpp"

using namespace restage::test;

namespace {

// The same file as BuildKit reads it, written another way: (name, text).
std::vector<std::pair<std::string, std::string>> line_ending_variants(const std::string& input) {
    std::string crlf;
    for (char c : input) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    std::string bare = input;
    while (!bare.empty() && bare.back() == '\n') bare.pop_back();
    return {{"CRLF line endings", crlf},
            {"a BOM", "\xEF\xBB\xBF" + input},
            {"one more final newline", input + "\n"},
            {"no final newline", bare}};
}

}  // namespace

TEST_CASE("grammar corpus: every case parses to its expected tree", "[grammar][corpus]") {
    const auto& cases = corpus();
    REQUIRE_FALSE(cases.empty());
    for (const CorpusCase& c : cases) {
        DYNAMIC_SECTION(c.file << ": " << c.title) {
            INFO(c.file << ":" << c.line << ": " << c.title);
            INFO("input:\n" << c.input);
            if (!c.problem.empty()) FAIL(c.problem);
            const Tree tree = parse(c.input);
            const TSNode root = ts_tree_root_node(tree.get());
            const std::string actual = normalize_sexp(node_string(root));
            INFO("actual tree:\n" << pretty_sexp(actual));
            if (c.skip) {
                if (actual == c.expected) WARN(c.file << ": " << c.title << ": passes now; remove its :skip");
                continue;
            }
            if (c.error) {
                CHECK(ts_node_has_error(root));
            } else {
                CHECK(actual == c.expected);
            }
            for (const auto& [name, text] : line_ending_variants(c.input)) {
                INFO("the input with " << name);
                CHECK(normalize_sexp(sexp_of(text)) == actual);
            }
        }
    }
}

TEST_CASE("grammar corpus: files are well formed and cover every instruction", "[grammar][corpus]") {
    std::map<std::string, int> per_file;
    std::map<std::string, int> titles;
    for (const CorpusCase& c : corpus()) {
        per_file[c.file]++;
        INFO(c.file << ":" << c.line << ": " << c.title);
        CHECK(c.problem.empty());
        CHECK(++titles[c.file + ": " + c.title] == 1);  // section names must be unique
    }
    for (const char* name :
         {"from",     "run",        "cmd",          "label",  "maintainer", "expose",     "env",
          "add",      "copy",       "entrypoint",   "volume", "user",       "workdir",    "arg",
          "onbuild",  "stopsignal", "healthcheck",  "shell",  "unknown",    "directives", "continuations",
          "heredocs", "json",       "line_endings", "errors"}) {
        INFO(name << ".txt");
        CHECK(per_file[std::string(name) + ".txt"] > 0);
    }
}

TEST_CASE("grammar corpus: the case reader follows tree-sitter's conventions", "[grammar][corpus]") {
    const auto cases = read_corpus("reader.txt",
                                   "===\nfirst\ncase\n:skip\n===\nFROM a\n\n---\n\n(source_file)\n\n"
                                   "=====\nsecond\n=====\nCOPY <<EOF /x\n---\nEOF\n-----\n"
                                   "; a comment\n(source_file\n  (x) )\n");
    REQUIRE(cases.size() == 2);
    CHECK(cases[0].title == "first case");
    CHECK(cases[0].skip);
    CHECK(cases[0].input == "FROM a\n");  // only the newline before `---` is dropped
    CHECK(cases[0].expected == "(source_file)");
    CHECK(cases[1].line == 12);
    CHECK(cases[1].input == "COPY <<EOF /x\n---\nEOF");  // the longest divider wins
    CHECK(cases[1].expected == "(source_file (x))");
    CHECK(pretty_sexp("(a f: (b (c)) g: (MISSING d) (UNEXPECTED 'x'))") ==
          "(a\n  f: (b\n    (c))\n  g: (MISSING d)\n  (UNEXPECTED 'x'))");
}
