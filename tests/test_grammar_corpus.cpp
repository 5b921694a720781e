// test_grammar_corpus.cpp: grammar/test/corpus/*.txt, parsed and compared as `tree-sitter test` does.
//
// The tree-sitter CLI we generate with cannot run its own tests, so this is the corpus runner. The format is
// tree-sitter's (crates/cli/src/test.rs):
//
//   ==================        a line of three or more `=`
//   title                     one or more non-blank lines
//   :skip                     optional attribute lines: `:skip` (a known grammar bug: the case is parsed
//                             but not checked, and a WARN says when it passes), `:error` (the tree must
//                             hold an ERROR or MISSING node; it is not compared)
//   ==================
//   <input>
//   ---                       a line of three or more `-`; the longest such line in the body is the
//                             divider (the last one of equal length), so an input may hold `---`
//   <expected tree>           ts_node_string's S-expression with field names; `;` lines are comments
//
// Input convention, tree-sitter's: the input is the text between the header and the divider with ONE final
// newline (and a CR before it) removed. A case whose input ends in a newline, as most files do, therefore
// leaves a blank line before `---`; a case with `---` right after its last line has no final newline.
// Both trees are compared with whitespace runs collapsed and no blank before `)`. Unlike tree-sitter,
// `===` lines take no suffix, and field names are always compared (tree-sitter drops them from the
// actual tree when the expected one has none).
//
// Every case that is not skipped also runs with CRLF line endings, with a BOM, with one more final
// newline and with none: BuildKit reads all of them alike, so the tree must not change.
#include <catch2/catch.hpp>

#include <tree_sitter/api.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

extern "C" const TSLanguage* tree_sitter_dockerfile(void);

namespace {

namespace fs = std::filesystem;

const fs::path kCorpusDir = fs::path(RESTAGE_SOURCE_DIR) / "grammar" / "test" / "corpus";

// ---- parsing ----------------------------------------------------------------------------------

struct ParserDeleter {
    void operator()(TSParser* p) const { ts_parser_delete(p); }
};
struct TreeDeleter {
    void operator()(TSTree* t) const { ts_tree_delete(t); }
};
using Tree = std::unique_ptr<TSTree, TreeDeleter>;

Tree parse(std::string_view source) {
    static const std::unique_ptr<TSParser, ParserDeleter> parser = [] {
        std::unique_ptr<TSParser, ParserDeleter> p(ts_parser_new());
        ts_parser_set_language(p.get(), tree_sitter_dockerfile());
        return p;
    }();
    return Tree(
        ts_parser_parse_string(parser.get(), nullptr, source.data(), static_cast<uint32_t>(source.size())));
}

std::string node_string(TSNode node) {
    char* s = ts_node_string(node);
    std::string out(s);
    std::free(s);
    return out;
}

std::string sexp_of(std::string_view source) { return node_string(ts_tree_root_node(parse(source).get())); }

// Collapses whitespace runs to one blank and drops blanks before `)`, as tree-sitter compares.
std::string normalize_sexp(std::string_view text) {
    std::string out;
    bool blank = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            blank = !out.empty();
            continue;
        }
        if (blank && c != ')') out += ' ';
        blank = false;
        out += c;
    }
    return out;
}

// The tree laid out as the corpus writes it, one node or field a line, to paste into a case.
std::string pretty_sexp(std::string_view sexp) {
    std::string out;
    std::size_t depth = 0;
    bool blank = false;        // a blank separates the next token from the last one
    bool after_field = false;  // the last token was `name:`; its node stays on its line
    const auto new_line = [&] {
        if (!out.empty()) out += '\n' + std::string(2 * depth, ' ');
    };
    for (std::size_t i = 0; i < sexp.size();) {
        const char c = sexp[i];
        if (c == ' ') {
            blank = true;
            ++i;
        } else if (c == '(') {
            if (after_field) {
                out += ' ';
            } else {
                new_line();
            }
            out += '(';
            ++depth;
            blank = after_field = false;
            ++i;
        } else if (c == ')') {
            out += ')';
            depth -= depth > 0 ? 1 : 0;
            blank = after_field = false;
            ++i;
        } else {
            const std::size_t end = std::min(sexp.find_first_of(" ()", i), sexp.size());
            const std::string_view token = sexp.substr(i, end - i);
            after_field = token.size() > 1 && token.back() == ':';
            if (after_field) {
                new_line();
            } else if (blank) {
                out += ' ';
            }
            out += token;
            blank = false;
            i = end;
        }
    }
    return out;
}

// ---- the corpus files -------------------------------------------------------------------------

struct CorpusCase {
    std::string file;  // the file name, e.g. "run.txt"
    int line = 0;      // 1-based line of the opening `===`
    std::string title;
    bool skip = false;
    bool error = false;
    std::string input;
    std::string expected;  // normalized
    std::string problem;   // why the case is malformed, or empty
};

bool is_rule(std::string_view line, char c) {
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    return line.size() >= 3 && line.find_first_not_of(c) == std::string_view::npos;
}

bool is_blank_line(std::string_view line) {
    return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string_view trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// With lines[at] an `===` line: the index of the closing `===` line when a header starts here.
std::size_t header_end(const std::vector<std::string_view>& lines, std::size_t at) {
    if (!is_rule(lines[at], '=')) return 0;
    std::size_t j = at + 1;
    while (j < lines.size() && !is_rule(lines[j], '=') && !is_blank_line(lines[j])) ++j;
    return j > at + 1 && j < lines.size() && is_rule(lines[j], '=') ? j : 0;
}

CorpusCase read_case(const std::vector<std::string_view>& lines, std::size_t open, std::size_t close,
                     std::size_t body_end) {
    CorpusCase c;
    c.line = static_cast<int>(open) + 1;
    for (std::size_t i = open + 1; i < close; ++i) {
        const std::string_view t = trim(lines[i]);
        if (t == ":skip") {
            c.skip = true;
        } else if (t == ":error") {
            c.error = true;
        } else if (!t.empty() && t.front() == ':' && t.find(' ') == std::string_view::npos) {
            c.problem = "unsupported attribute " + std::string(t);
        } else {
            c.title += (c.title.empty() ? "" : " ") + std::string(t);
        }
    }
    std::size_t divider = 0;
    std::size_t divider_len = 0;
    for (std::size_t i = close + 1; i < body_end; ++i) {
        if (is_rule(lines[i], '-') && trim(lines[i]).size() >= divider_len) {
            divider = i;
            divider_len = trim(lines[i]).size();
        }
    }
    if (divider_len == 0) {
        c.problem = "no `---` line between the input and the expected tree";
        return c;
    }
    for (std::size_t i = close + 1; i < divider; ++i) c.input += lines[i];
    if (!c.input.empty() && c.input.back() == '\n') c.input.pop_back();
    if (!c.input.empty() && c.input.back() == '\r') c.input.pop_back();
    std::string expected;
    for (std::size_t i = divider + 1; i < body_end; ++i) {
        if (trim(lines[i]).substr(0, 1) != ";") expected += lines[i];
    }
    c.expected = normalize_sexp(expected);
    if (c.expected.empty() && !c.error) c.problem = "no expected tree";
    return c;
}

// The cases of one corpus file, `name` its file name.
std::vector<CorpusCase> read_corpus(const std::string& name, const std::string& text) {
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t nl = text.find('\n', start);
        const std::size_t end = nl == std::string::npos ? text.size() : nl + 1;
        lines.emplace_back(text.data() + start, end - start);
        start = end;
    }
    std::vector<std::pair<std::size_t, std::size_t>> headers;  // (open, close)
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (const std::size_t close = header_end(lines, i)) {
            headers.emplace_back(i, close);
            i = close;
        }
    }
    std::vector<CorpusCase> cases;
    for (std::size_t h = 0; h < headers.size(); ++h) {
        const std::size_t body_end = h + 1 < headers.size() ? headers[h + 1].first : lines.size();
        cases.push_back(read_case(lines, headers[h].first, headers[h].second, body_end));
        cases.back().file = name;
    }
    return cases;
}

const std::vector<CorpusCase>& corpus() {
    static const std::vector<CorpusCase> all = [] {
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(kCorpusDir)) {
            if (entry.path().extension() == ".txt") files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        std::vector<CorpusCase> out;
        for (const auto& f : files) {
            std::ifstream in(f, std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            auto cases = read_corpus(f.filename().string(), text.str());
            out.insert(out.end(), cases.begin(), cases.end());
        }
        return out;
    }();
    return all;
}

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

TEST_CASE("grammar: a byte order mark is skipped by the tree-sitter runtime", "[grammar][line_endings]") {
    // ts_lexer_start() skips U+FEFF at byte 0 as whitespace, so the grammar's `bom` rule never matches:
    // no (bom) node, and the root starts after the three bytes, which the Document must keep by itself.
    const std::string source = "\xEF\xBB\xBF# syntax=docker/dockerfile:1\nFROM alpine:3.19\nCMD [\"sh\"]\n";
    const Tree tree = parse(source);
    const TSNode root = ts_tree_root_node(tree.get());
    CHECK(node_string(root) ==
          "(source_file (directive) (from_instruction keyword: (keyword) image: (word)) "
          "(cmd_instruction keyword: (keyword) command: (json_array (json_string))))");
    CHECK(ts_node_start_byte(root) == 3);
    CHECK(ts_node_start_byte(ts_node_named_child(root, 0)) == 3);

    // The escape directive still counts after a BOM.
    CHECK(sexp_of("\xEF\xBB\xBF# escape=`\nRUN echo a `\n    b\n") ==
          "(source_file (directive) (run_instruction keyword: (keyword) command: (shell_command "
          "(shell_fragment) (line_continuation) (shell_fragment))))");
}

TEST_CASE("grammar: CRLF line endings", "[grammar][line_endings]") {
    const std::string source =
        "# escape=`\r\n"
        "FROM mcr.microsoft.com/windows/servercore:ltsc2022\r\n"
        "\r\n"
        "# install the runtime\r\n"
        "RUN powershell -Command `\r\n"
        "    Invoke-WebRequest https://example.com/setup.exe -OutFile C:\\setup.exe\r\n"
        "ENV APP_HOME=C:\\app `\r\n"
        "    APP_ENV=production\r\n"
        "COPY <<EOF C:/app/config.ini\r\n"
        "[app]\r\n"
        "EOF\r\n"
        "CMD [\"C:\\\\app\\\\server.exe\"]\r\n";
    const Tree tree = parse(source);
    const TSNode root = ts_tree_root_node(tree.get());
    CHECK(node_string(root) ==
          "(source_file (directive) (from_instruction keyword: (keyword) image: (word)) (comment) "
          "(run_instruction keyword: (keyword) command: (shell_command (shell_fragment) (line_continuation) "
          "(shell_fragment))) "
          "(env_instruction keyword: (keyword) pair: (pair key: (key) value: (value)) (line_continuation) "
          "pair: (pair key: (key) value: (value))) "
          "(copy_instruction keyword: (keyword) heredoc_marker: (heredoc_marker) path: (word) "
          "heredoc: (heredoc body: (heredoc_body) end: (heredoc_end))) "
          "(cmd_instruction keyword: (keyword) command: (json_array (json_string))))");

    // Words and values end before the CR.
    const auto text = [&](TSNode n) {
        return source.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n));
    };
    const TSNode from = ts_node_named_child(root, 1);
    CHECK(text(ts_node_child_by_field_name(from, "image", 5)) ==
          "mcr.microsoft.com/windows/servercore:ltsc2022");
    const TSNode env = ts_node_named_child(root, 4);
    const TSNode last_pair = ts_node_named_child(env, ts_node_named_child_count(env) - 1);
    CHECK(text(ts_node_child_by_field_name(last_pair, "value", 5)) == "production");
}

TEST_CASE("grammar: CRLF line endings stay out of every token", "[grammar][line_endings]") {
    // A heredoc body holds its lines whole and a continuation spans its line end; no other token may end
    // in the CR.
    const std::set<std::string_view> may_hold_cr = {"heredoc_body", "line_continuation"};
    for (const CorpusCase& c : corpus()) {
        if (c.skip) continue;
        std::string crlf;
        for (char ch : c.input) crlf += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
        const Tree tree = parse(crlf);
        std::vector<TSNode> stack{ts_tree_root_node(tree.get())};
        while (!stack.empty()) {
            const TSNode n = stack.back();
            stack.pop_back();
            for (uint32_t i = 0; i < ts_node_child_count(n); ++i) stack.push_back(ts_node_child(n, i));
            const uint32_t end = ts_node_end_byte(n);
            if (ts_node_child_count(n) > 0 || end == ts_node_start_byte(n) || crlf[end - 1] != '\r') continue;
            const std::string_view type = ts_node_type(n);
            if (may_hold_cr.count(type)) continue;
            FAIL_CHECK(c.file << ": " << c.title << ": " << type << " ends in a CR at byte " << end);
        }
    }
}

TEST_CASE("grammar: files without a final newline", "[grammar][line_endings]") {
    CHECK(sexp_of("FROM alpine") == "(source_file (from_instruction keyword: (keyword) image: (word)))");
    CHECK(sexp_of("RUN <<EOF\necho hi\nEOF") ==
          "(source_file (run_instruction keyword: (keyword) command: (shell_command (heredoc_marker)) "
          "heredoc: (heredoc body: (heredoc_body) end: (heredoc_end))))");
    CHECK(sexp_of("FROM alpine\r\nEXPOSE 80 \\") ==
          "(source_file (from_instruction keyword: (keyword) image: (word)) "
          "(expose_instruction keyword: (keyword) port: (word) (line_continuation)))");
    CHECK(sexp_of("FROM alpine\n# done") ==
          "(source_file (from_instruction keyword: (keyword) image: (word)) (comment))");
    CHECK(sexp_of("") == "(source_file)");
}
