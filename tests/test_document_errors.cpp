// Files BuildKit rejects: Document::parse gives BuildKit's message at the right line.
#include <catch2/catch.hpp>

#include "model/document.hpp"
#include "syntax/diagnostic.hpp"

namespace {

// "LINE:COL: MESSAGE" of the error, or "ok".
std::string error_of(const std::string& text) {
    auto doc = restage::model::Document::parse(text);
    if (doc) return "ok";
    const auto& e = doc.error();
    return std::to_string(e.where.line) + ":" + std::to_string(e.where.column) + ": " + e.message;
}

}  // namespace

TEST_CASE("document: files BuildKit rejects get its message and line", "[model][errors]") {
    CHECK(error_of("") == "1:1: file with no instructions");
    CHECK(error_of("# only a comment\n\n# and another\n") == "3:1: file with no instructions");
    CHECK(error_of("FROM alpine\nRUN <<EOF\necho hi\n") == "2:1: unterminated heredoc");
    CHECK(error_of("FROM alpine\nCOPY <<A <<B /x\na\nA\nb\n") == "2:1: unterminated heredoc");
    CHECK(error_of("# escape=x\nFROM alpine\n") == "1:1: invalid escape token 'x' does not match ` or \\");
    CHECK(error_of("# escape=`\n# escape=\\\nFROM alpine\n") == "2:1: only one escape parser directive can be used");
    CHECK(error_of("FROM alpine\nCMD [\"a\", 1]\n") ==
          "2:1: when using JSON array syntax, arrays must be comprised of strings only");
    CHECK(error_of("FROM alpine\nENV A\n") == "2:1: ENV must have two arguments");
    CHECK(error_of("FROM alpine\nRUN echo " + std::string(65536, 'x') + "\n") ==
          "2:1: dockerfile line greater than max allowed size of 65535");
    CHECK(error_of("FROM alpine\nRUN echo " + std::string(65500, 'x') + "\n") == "ok");
}

TEST_CASE("document: errors render as file:line:col, the line and a caret", "[model][errors]") {
    std::string src = "FROM alpine\nCMD [\"a\", 1]\n";
    auto doc = restage::model::Document::parse(src);
    REQUIRE_FALSE(doc);
    CHECK(restage::render_diagnostic("Dockerfile", src, doc.error(), false) ==
          "Dockerfile:2:1: error: when using JSON array syntax, arrays must be comprised of strings only\n"
          "CMD [\"a\", 1]\n"
          "^\n");
}
