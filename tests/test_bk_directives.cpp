// Tests for bk_directives: parser directives at the top of a file, as BuildKit reads them.
#include <catch2/catch.hpp>

#include <string>

#include "model/bk_directives.hpp"

using restage::model::bk::DirectiveParser;
using restage::model::bk::escape_token;
using restage::model::bk::parse_directives;

namespace {

// The directives as "name=value@line" separated by "; ", then " escape=<c>"; or "error: ...".
std::string directives(std::string_view text) {
    auto d = parse_directives(text);
    if (!d) return "error: " + d.error().message;
    std::string s;
    for (const auto& x : d->list) s += x.name + "=" + x.value + "@" + std::to_string(x.line) + "; ";
    return s + "escape=" + d->escape;
}

}  // namespace

TEST_CASE("parse_directives: keys are case-insensitive, values trimmed", "[bk]") {
    CHECK(directives("# escape=`\nFROM x\n") == "escape=`@1; escape=`");
    CHECK(directives("#escape = ` \n") == "escape=`@1; escape=`");
    CHECK(directives("# ESCAPE=`") == "escape=`@1; escape=`");
    CHECK(directives("# syntax = a b  \t") == "syntax=a b@1; escape=\\");
    CHECK(directives("# check=skip=all;error=true") == "check=skip=all;error=true@1; escape=\\");
    CHECK(directives("# escape=`\n# syntax=x\nFROM a") == "escape=`@1; syntax=x@2; escape=`");
}

TEST_CASE("parse_directives: where directives may stand", "[bk]") {
    CHECK(directives("  # escape=`") == "escape=`@1; escape=`");
    CHECK(directives("\xef\xbb\xbf# escape=`\nFROM x") == "escape=`@1; escape=`");
    CHECK(directives("# escape=`\r\n") == "escape=`@1; escape=`");
    CHECK(directives("#\xe2\x80\x83" "escape=`") == "escape=`@1; escape=`");
    // Anything else ends them: a comment, a blank line, a shebang, an unknown key, an instruction.
    CHECK(directives("# hello\n# escape=`\n") == "escape=\\");
    CHECK(directives("\n# escape=`") == "escape=\\");
    CHECK(directives("#!/bin/sh\n# escape=`") == "escape=\\");
    CHECK(directives("# foo=bar\n# escape=`") == "escape=\\");
    CHECK(directives("FROM x\n# escape=`") == "escape=\\");
    CHECK(directives("# key: value") == "escape=\\");
    CHECK(directives("# escape") == "escape=\\");
}

TEST_CASE("parse_directives: errors", "[bk]") {
    CHECK(directives("# escape=``") == "error: invalid escape token '``' does not match ` or \\");
    CHECK(directives("# escape= ") == "error: invalid escape token ' ' does not match ` or \\");
    CHECK(directives("# escape=\t`\v") == "error: invalid escape token '`\v' does not match ` or \\");
    CHECK(directives("# escape=`\n# escape=\\\n") == "error: only one escape parser directive can be used");
    CHECK(directives("# Syntax=x\n#syntax=y") == "error: only one syntax parser directive can be used");
    CHECK(parse_directives("# a=1\n").ok());
    CHECK(parse_directives("# syntax=a\n# syntax=b\n").error().where.line == 2);
}

TEST_CASE("DirectiveParser counts every line and stops for good", "[bk]") {
    DirectiveParser p;
    auto first = p.parse_line("# syntax=x\n");
    REQUIRE(first);
    REQUIRE(*first);
    CHECK((*first)->name == "syntax");
    CHECK((*first)->line == 1);
    CHECK_FALSE(p.done());
    CHECK_FALSE(*p.parse_line("RUN x\n"));
    CHECK(p.done());
    CHECK_FALSE(*p.parse_line("# escape=`\n"));
}

TEST_CASE("escape_token accepts a backslash or a backtick", "[bk]") {
    CHECK(*escape_token("`") == '`');
    CHECK(*escape_token("\\") == '\\');
    CHECK(escape_token("x").error().message == "invalid escape token 'x' does not match ` or \\");
}
