// Unit tests for syntax/diagnostic: exact rendered strings.
#include <catch2/catch.hpp>

#include <string>

#include "syntax/diagnostic.hpp"

using restage::Error;
using restage::ErrorKind;
using restage::line_col_of;
using restage::Position;
using restage::render_diagnostic;

namespace {

Error error_at(int line, int column, std::string message, std::string hint = {}) {
    Error e;
    e.kind = ErrorKind::Syntax;
    e.message = std::move(message);
    e.where = Position{line, column};
    e.hint = std::move(hint);
    return e;
}

std::string render(std::string_view source, const Error& e) {
    return render_diagnostic("Dockerfile", source, e, false);
}

}  // namespace

TEST_CASE("line_col_of counts 1-based lines and byte columns", "[diagnostic]") {
    std::string_view src = "FROM a\nRUN b\r\n\nCMD c";
    CHECK(line_col_of(src, 0).line == 1);
    CHECK(line_col_of(src, 0).column == 1);
    CHECK(line_col_of(src, 5).column == 6);
    CHECK(line_col_of(src, 6).line == 1);  // the '\n' belongs to line 1
    CHECK(line_col_of(src, 6).column == 7);
    CHECK(line_col_of(src, 7).line == 2);
    CHECK(line_col_of(src, 7).column == 1);
    CHECK(line_col_of(src, 12).column == 6);  // the CR counts as a byte of line 2
    CHECK(line_col_of(src, 14).line == 3);
    CHECK(line_col_of(src, 15).line == 4);
    CHECK(line_col_of(src, 19).column == 5);  // end of input
    CHECK(line_col_of(src, 999).line == 4);   // past the end is the end
    CHECK(line_col_of(src, 999).column == 6);
    CHECK(line_col_of("", 0).line == 1);
    CHECK(line_col_of("", 0).column == 1);
}

TEST_CASE("a diagnostic has a header, the line, a caret and a hint", "[diagnostic]") {
    std::string_view src = "# syntax\nFORM alpine\nRUN true\n";
    CHECK(render(src, error_at(2, 1, "unknown instruction \"FORM\"", "did you mean FROM?")) ==
          "Dockerfile:2:1: error: unknown instruction \"FORM\"\n"
          "FORM alpine\n"
          "^\n"
          "hint: did you mean FROM?\n");
    CHECK(render(src, error_at(3, 5, "expected a command")) ==
          "Dockerfile:3:5: error: expected a command\n"
          "RUN true\n"
          "    ^\n");
}

TEST_CASE("column 0 shows the line without a caret; line 0 shows neither", "[diagnostic]") {
    std::string_view src = "FROM scratch\nCOPY app /\n";
    CHECK(render(src, error_at(2, 0, "cannot find the artifact")) ==
          "Dockerfile:2: error: cannot find the artifact\n"
          "COPY app /\n");
    CHECK(render(src, error_at(0, 0, "no FROM instruction", "add one")) ==
          "Dockerfile: error: no FROM instruction\n"
          "hint: add one\n");
}

TEST_CASE("a line past the end of the source shows no snippet", "[diagnostic]") {
    std::string_view src = "FROM a\n";
    CHECK(render(src, error_at(2, 1, "unexpected end of file")) ==
          "Dockerfile:2:1: error: unexpected end of file\n");
    CHECK(render(src, error_at(7, 1, "x")) == "Dockerfile:7:1: error: x\n");
}

TEST_CASE("a column past the end of the line points just after it", "[diagnostic]") {
    CHECK(render("RUN [\"a\"", error_at(1, 20, "expected ]")) ==
          "Dockerfile:1:20: error: expected ]\n"
          "RUN [\"a\"\n"
          "        ^\n");
}

TEST_CASE("tabs are kept in the line and echoed in the caret padding", "[diagnostic]") {
    std::string_view src = "RUN a \\\n\t\tb --bad\n";
    CHECK(render(src, error_at(2, 5, "unknown flag")) ==
          "Dockerfile:2:5: error: unknown flag\n"
          "\t\tb --bad\n"
          "\t\t  ^\n");
}

TEST_CASE("CRLF and a BOM do not show, and the caret stays right", "[diagnostic]") {
    CHECK(render("FROM a\r\nRUN  x\r\n", error_at(2, 6, "m")) ==
          "Dockerfile:2:6: error: m\n"
          "RUN  x\n"
          "     ^\n");
    // Column 4 is the F after the 3-byte BOM.
    const std::string bom = "\xEF\xBB\xBF";
    CHECK(render(bom + "FROM a\n", error_at(1, 4, "m")) ==
          "Dockerfile:1:4: error: m\n"
          "FROM a\n"
          "^\n");
}

TEST_CASE("control bytes are shown as '?' one for one", "[diagnostic]") {
    CHECK(render("RUN a\rb\033c\n", error_at(1, 9, "m")) ==
          "Dockerfile:1:9: error: m\n"
          "RUN a?b?c\n"
          "        ^\n");
}

TEST_CASE("a UTF-8 character takes one cell of caret padding", "[diagnostic]") {
    // "é" is two bytes, so "x" is at byte column 13.
    CHECK(render("LABEL a=\"é\" x\n", error_at(1, 13, "m")) ==
          "Dockerfile:1:13: error: m\n"
          "LABEL a=\"é\" x\n"
          "           ^\n");
}

TEST_CASE("long lines are elided around the column", "[diagnostic]") {
    std::string line = "RUN " + std::string(200, 'a');  // 204 bytes
    line[100] = 'X';                                    // column 101

    std::string mid = render(line, error_at(1, 101, "m"));
    // The window starts 26 bytes before the column (a third of 80) and is 80 bytes long.
    std::string shown = "..." + line.substr(74, 80) + "...";
    CHECK(mid == "Dockerfile:1:101: error: m\n" + shown + "\n" + std::string(3 + 26, ' ') + "^\n");

    std::string head = render(line, error_at(1, 5, "m"));
    CHECK(head == "Dockerfile:1:5: error: m\n" + line.substr(0, 80) + "...\n    ^\n");

    std::string tail = render(line, error_at(1, 204, "m"));
    CHECK(tail ==
          "Dockerfile:1:204: error: m\n..." + line.substr(124) + "\n" + std::string(3 + 79, ' ') + "^\n");

    std::string exact(100, 'b');  // at the limit: shown whole
    CHECK(render(exact, error_at(1, 100, "m")) ==
          "Dockerfile:1:100: error: m\n" + exact + "\n" + std::string(99, ' ') + "^\n");
}

TEST_CASE("elision never splits a UTF-8 character", "[diagnostic]") {
    std::string line;
    for (int i = 0; i < 100; ++i) line += "\xC3\xA9";  // 200 bytes of "é"
    std::string out = render(line, error_at(1, 101, "m"));
    std::string shown = out.substr(out.find('\n') + 1);
    shown = shown.substr(0, shown.find('\n'));
    REQUIRE(shown.substr(0, 3) == "...");
    REQUIRE(shown.substr(shown.size() - 3) == "...");
    std::string inner = shown.substr(3, shown.size() - 6);
    CHECK(inner.size() % 2 == 0);
    CHECK(inner.substr(0, 2) == "\xC3\xA9");
}

TEST_CASE("colour uses ANSI bold, red error and green caret", "[diagnostic]") {
    std::string out = render_diagnostic("D", "FROM a\n", error_at(1, 6, "m", "h"), true);
    CHECK(out ==
          "\x1b[1mD:1:6:\x1b[0m \x1b[1m\x1b[31merror:\x1b[0m \x1b[1mm\x1b[0m\n"
          "FROM a\n"
          "     \x1b[1m\x1b[32m^\x1b[0m\n"
          "\x1b[1mhint:\x1b[0m h\n");
}
