// Test support for the tree-sitter grammar: parse with it, print its trees, read its test corpus.
#pragma once

#include <tree_sitter/api.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace restage::test {

struct TreeDeleter {
    void operator()(TSTree* t) const { ts_tree_delete(t); }
};
/// A tree-sitter tree, deleted with its owner.
using Tree = std::unique_ptr<TSTree, TreeDeleter>;

/// Parses `source` with the Dockerfile grammar (one parser, reused).
Tree parse(std::string_view source);
/// ts_node_string: the node as an S-expression with field names.
std::string node_string(TSNode node);
/// The S-expression of the whole tree of `source`.
std::string sexp_of(std::string_view source);
/// Collapses whitespace runs to one blank and drops blanks before `)`, as tree-sitter compares.
std::string normalize_sexp(std::string_view text);
/// The tree laid out as the corpus writes it, one node or field a line, to paste into a case.
std::string pretty_sexp(std::string_view sexp);

/// One case of a corpus file.
struct CorpusCase {
    std::string file;  ///< the file name, e.g. "run.txt"
    int line = 0;      ///< 1-based line of the opening `===`
    std::string title;
    bool skip = false;
    bool error = false;
    std::string input;
    std::string expected;  ///< normalized
    std::string problem;   ///< why the case is malformed, or empty
};

/// The cases of one corpus file, `name` its file name. The format is tree-sitter's
/// (crates/cli/src/test.rs):
///
///   ==================        a line of three or more `=`
///   title                     one or more non-blank lines
///   :skip                     optional attribute lines: `:skip` (a known grammar bug: the case is parsed
///                             but not checked, and a WARN says when it passes), `:error` (the tree must
///                             hold an ERROR or MISSING node; it is not compared)
///   ==================
///   <input>
///   ---                       a line of three or more `-`; the longest such line in the body is the
///                             divider (the last one of equal length), so an input may hold `---`
///   <expected tree>           ts_node_string's S-expression with field names; `;` lines are comments
///
/// Input convention, tree-sitter's: the input is the text between the header and the divider with ONE final
/// newline (and a CR before it) removed. A case whose input ends in a newline, as most files do, therefore
/// leaves a blank line before `---`; a case with `---` right after its last line has no final newline.
/// Unlike tree-sitter, `===` lines take no suffix.
std::vector<CorpusCase> read_corpus(const std::string& name, const std::string& text);

/// Every case of grammar/test/corpus/*.txt, the files in name order (read once).
const std::vector<CorpusCase>& corpus();

}  // namespace restage::test
