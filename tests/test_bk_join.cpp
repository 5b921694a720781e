// Tests for bk_join: continuation lines, comments and empty lines inside them, CRLF, escapes.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "model/bk_join.hpp"

using restage::model::bk::is_comment_line;
using restage::model::bk::join_lines;
using restage::model::bk::Joined;
using restage::model::bk::trim_continuation;

namespace {

Joined join(std::vector<std::string_view> lines, char escape = '\\') { return join_lines(lines, escape); }

std::string joined(std::vector<std::string_view> lines, char escape = '\\') { return join(lines, escape).line; }

}  // namespace

TEST_CASE("join_lines: one line loses its ending and leading white space", "[bk]") {
    CHECK(joined({"RUN a\n"}) == "RUN a");
    CHECK(joined({"RUN a  \r\n"}) == "RUN a  ");
    CHECK(joined({"RUN a"}) == "RUN a");
    CHECK(joined({" \t\xc2\xa0RUN a\n"}) == "RUN a");
    CHECK(joined({"RUN a\n", "RUN b\n"}) == "RUN a");
    CHECK(join({"RUN a\n", "RUN b\n"}).lines_used == 1);
    CHECK(join({}).lines_used == 0);
}

TEST_CASE("join_lines: continuation lines keep their leading white space", "[bk]") {
    const Joined j = join({"RUN a \\\n", "  b \\\r\n", "\tc\n", "d\n"});
    CHECK(j.line == "RUN a   b \tc");
    CHECK(j.lines_used == 3);
    CHECK_FALSE(j.empty_continuation);
    CHECK(joined({"RUN a \\  \t\n", "b\n"}) == "RUN a b");
    CHECK(joined({"RUN a\\\n", "b\n"}) == "RUN ab");
    CHECK(joined({"RUN a \\\n"}) == "RUN a ");
    CHECK(joined({"RUN a \\\n", "\\\n", "b\n"}) == "RUN a b");
}

TEST_CASE("join_lines: an escaped escape does not continue", "[bk]") {
    CHECK(join({"RUN a \\\\\n", "b\n"}).lines_used == 1);
    CHECK(joined({"RUN a \\\\\n", "b\n"}) == "RUN a \\\\");
    CHECK(joined({"RUN a\\\\ \\\n", "b\n"}) == "RUN a\\\\ b");
}

TEST_CASE("join_lines: the escape directive's backtick", "[bk]") {
    CHECK(joined({"RUN a `\n", "b\n"}, '`') == "RUN a b");
    CHECK(joined({"RUN a `\n", "b\n"}, '\\') == "RUN a `");
    CHECK(joined({"RUN a \\\n", "b\n"}, '`') == "RUN a \\");
    CHECK(joined({"RUN a ``\n", "b\n"}, '`') == "RUN a ``");
}

TEST_CASE("join_lines: comments inside a continuation are dropped", "[bk]") {
    const Joined j = join({"RUN a \\\n", "# one\n", "   # two \\\n", "b\n"});
    CHECK(j.line == "RUN a b");
    CHECK(j.lines_used == 4);
    CHECK_FALSE(j.empty_continuation);
}

TEST_CASE("join_lines: blank lines inside a continuation are skipped and reported", "[bk]") {
    const Joined j = join({"RUN a \\\n", "\n", "  \t\r\n", "\xc2\xa0\n", "b\n"});
    CHECK(j.line == "RUN a b");
    CHECK(j.lines_used == 5);
    CHECK(j.empty_continuation);
}

TEST_CASE("join_lines: lines BuildKit skips give an empty line", "[bk]") {
    CHECK(joined({"# comment \\\n", "RUN a\n"}).empty());
    CHECK(join({"# comment \\\n", "RUN a\n"}).lines_used == 1);
    CHECK(joined({"   \n"}).empty());
    // A lone escape continues: the instruction is on the next line.
    CHECK(joined({"\\\n", "RUN x\n"}) == "RUN x");
    CHECK(join({"\\\n", "RUN x\n"}).lines_used == 2);
}

TEST_CASE("trim_continuation and is_comment_line", "[bk]") {
    using P = std::pair<std::string_view, bool>;
    CHECK(trim_continuation("a \\", '\\') == P{"a ", false});
    CHECK(trim_continuation("\\ \t", '\\') == P{"", false});
    CHECK(trim_continuation("a\\\\", '\\') == P{"a\\\\", true});
    CHECK(trim_continuation("a \\ x", '\\') == P{"a \\ x", true});
    CHECK(trim_continuation("a\\\r", '\\') == P{"a\\\r", true});
    CHECK(trim_continuation("", '\\') == P{"", true});
    CHECK(is_comment_line("  # x"));
    CHECK(is_comment_line("\xe2\x80\x83#"));
    CHECK_FALSE(is_comment_line("x # y"));
    CHECK_FALSE(is_comment_line(""));
}
