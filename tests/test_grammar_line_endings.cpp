// The grammar and line endings: a BOM, CRLF (kept out of every token), and no final newline.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "grammar_support.hpp"

using namespace restage::test;

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
