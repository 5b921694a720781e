// Tests for bk_heredoc: which lines open heredocs, their names, expansion, chomping and fds.
// Expected results were produced by BuildKit's own parser on the same input.
#include <catch2/catch.hpp>

#include <string>

#include "model/bk_heredoc.hpp"
#include "model/bk_line_parsers.hpp"

using restage::model::bk::can_contain_heredoc;
using restage::model::bk::chomp_heredoc_content;
using restage::model::bk::Heredoc;
using restage::model::bk::heredocs_from_line;
using restage::model::bk::node_from_line;
using restage::model::bk::parse_heredoc;

namespace {

std::string describe(const Heredoc& h) {
    std::string s = h.name;
    if (!h.expand) s += " noexpand";
    if (h.chomp) s += " chomp";
    if (h.fd != 0) s += " fd=" + std::to_string(h.fd);
    return s;
}

// parse_heredoc as text: "" for no heredoc, "error: ..." for an error.
std::string word(std::string_view w) {
    auto h = parse_heredoc(w);
    if (!h) return "error: " + h.error().message;
    return *h ? describe(**h) : "";
}

// heredocs_from_line as text, "; " between heredocs.
std::string line(std::string_view l) {
    auto hs = heredocs_from_line(l);
    if (!hs) return "error: " + hs.error().message;
    std::string s;
    for (const Heredoc& h : *hs) s += (s.empty() ? "" : "; ") + describe(h);
    return s;
}

bool can(std::string_view l) { return can_contain_heredoc(*node_from_line(l, '\\')); }

}  // namespace

TEST_CASE("can_contain_heredoc: shell-form ADD, COPY, RUN, also under ONBUILD", "[bk]") {
    CHECK(can("RUN <<EOF"));
    CHECK(can("copy <<EOF /x"));
    CHECK(can("ADD --chmod=644 <<EOF /x"));
    CHECK(can("ONBUILD RUN <<EOF"));
    CHECK_FALSE(can(R"(RUN ["<<EOF"])"));
    CHECK_FALSE(can(R"(ONBUILD COPY ["<<EOF", "/x"])"));
    CHECK_FALSE(can("CMD <<EOF"));
    CHECK_FALSE(can("USER <<EOF"));
    CHECK_FALSE(can("ONBUILD"));
    CHECK_FALSE(can("ONBUILD CMD <<EOF"));
}

TEST_CASE("parse_heredoc: names, quoting and chomp", "[bk]") {
    CHECK(word("<<EOF") == "EOF");
    CHECK(word("<<'EOF'") == "EOF noexpand");
    CHECK(word(R"(<<"EOF")") == "EOF noexpand");
    CHECK(word("<<-EOF") == "EOF chomp");
    CHECK(word("<<-'EOF'") == "EOF noexpand chomp");
    CHECK(word(R"(<<EO"F")") == "EOF noexpand");
    CHECK(word("<< EOF") == "EOF");
    CHECK(word("<<- \tEOF") == "EOF chomp");
    CHECK(word(R"(<<eo\'f)") == "eo'f");
    CHECK(word(R"(<<'e'o\'f)") == "eo'f noexpand");
    CHECK(word("<<'one two'") == "one two noexpand");
    CHECK(word(R"(<<E\"F)") == R"(E"F)");
    CHECK(word(R"(<<"a\b")") == R"(a\b noexpand)");
    CHECK(word("<<$EOF") == "$EOF");
    CHECK(word("<<${x:-y}") == "${x:-y}");
}

TEST_CASE("parse_heredoc: file descriptors", "[bk]") {
    CHECK(word("3<<EOF") == "EOF fd=3");
    CHECK(word("18446744073709551616<<X") == "X fd=18446744073709551615");
}

TEST_CASE("parse_heredoc: words that are no heredoc", "[bk]") {
    for (const char* w : {"", "EOF", "<<", "<<-", "<EOF", "<<<EOF", "<<EOF sh", "x<<EOF"}) {
        CAPTURE(w);
        CHECK(word(w).empty());
    }
}

TEST_CASE("parse_heredoc: unbalanced quotes are errors", "[bk]") {
    CHECK(word("<<'EOF") ==
          R"(error: failed to process "'EOF": unexpected end of statement while looking for matching single-quote)");
    CHECK(word(R"(<<"EOF)") ==
          R"(error: failed to process "\"EOF": unexpected end of statement while looking for matching double-quote)");
    CHECK(word("<<EOF'") ==
          R"(error: failed to process "EOF'": unexpected end of statement while looking for matching single-quote)");
}

TEST_CASE("heredocs_from_line: the shell words of the whole line", "[bk]") {
    CHECK(line("RUN <<EOF") == "EOF");
    CHECK(line("RUN cat <<EOF") == "EOF");
    CHECK(line("COPY <<FILE1 <<FILE2 /dest") == "FILE1; FILE2");
    CHECK(line("RUN <<EOF python3") == "EOF");
    CHECK(line("RUN 2<<EOF") == "EOF fd=2");
    CHECK(line(R"(RUN <<-"EOF" <<'B')") == "EOF noexpand chomp; B noexpand");
    CHECK(line("RUN <<  EOF  > foo") == "EOF");
    CHECK(line("RUN <<EOF>file") == "EOF>file");
    CHECK(line("RUN '<<X' <<Y") == "Y");
    CHECK(line(R"(RUN <<E\OF)") == "EOF");
    CHECK(line(R"(RUN <<E\ OF)") == "E OF");
    CHECK(line(R"(RUN <<"E\OF")") == R"(E\OF noexpand)");
}

TEST_CASE("heredocs_from_line: quoted, glued or unlexable words open none", "[bk]") {
    CHECK(line(R"(RUN "<<NOHEREDOC")").empty());
    CHECK(line("RUN cat<<EOF").empty());
    CHECK(line(R"(RUN "<<"EOF)").empty());
    CHECK(line(R"(RUN \<<EOF)").empty());
    // The lexer fails on the whole line, and BuildKit then finds no heredoc at all.
    CHECK(line(R"(RUN echo "unterminated <<EOF)").empty());
    CHECK(line("RUN ${x:-a <<EOF").empty());
    // A nested ${...} drops the part of the word before it: the word starts with "${".
    CHECK(line("RUN pre${x:-y}<<EOF").empty());
}

TEST_CASE("chomp_heredoc_content removes leading tabs of every line", "[bk]") {
    CHECK(chomp_heredoc_content("\thello\n\tworld\n") == "hello\nworld\n");
    CHECK(chomp_heredoc_content("\t\tx\n  \ty\n\t") == "x\n  \ty\n");
    CHECK(chomp_heredoc_content("a\tb\n\n\t\n") == "a\tb\n\n\n");
    CHECK(chomp_heredoc_content("\t\r\n\tx") == "\r\nx");
}
