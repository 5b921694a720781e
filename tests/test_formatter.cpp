// test_formatter.cpp: the canonical form, rule by rule, in clang-format's verifyFormat style.
#include <catch2/catch.hpp>

#include <stdlib.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "model/document.hpp"
#include "print/formatter.hpp"

using restage::model::Document;

namespace {

std::string formatted(const std::string& input) {
    auto doc = Document::parse(input);
    INFO("input: " << input);
    REQUIRE(doc.ok());
    return restage::print::format(*doc);
}

// `input` formats to `expected`, and formatting `expected` again changes nothing.
void verify_format(const std::string& expected, const std::string& input) {
    INFO("input: " << input);
    CHECK(formatted(input) == expected);
    CHECK(formatted(expected) == expected);
}

// `code` is already in canonical form.
void verify_format(const std::string& code) { verify_format(code, code); }

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

// A fresh directory for one CLI test, removed at the end.
struct TempDir {
    fs::path path;
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "restage-fmt-XXXXXX").string();
        path = mkdtemp(tmpl.data());
    }
    ~TempDir() { fs::remove_all(path); }
};

// Runs `restage <args>` in `dir` with stdout and stderr to files there; returns the exit status.
int run_restage(const TempDir& dir, const std::string& args) {
    std::string cmd = "cd '" + dir.path.string() + "' && '" RESTAGE_BINARY "' " + args + " >out 2>err";
    int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("keywords are upper-case, AS and unknown keywords as written", "[formatter]") {
    verify_format("FROM alpine AS build\nRUN make\n", "from alpine AS build\nRun make\n");
    verify_format("FROM alpine as build\n", "From alpine as build\n");
    verify_format("ONBUILD RUN make\n", "onbuild run make\n");
    verify_format("ONBUILD COPY . /src\n", "OnBuild copy . /src\n");
    verify_format("FROM a\nfoo bar\n", "from a\nfoo bar\n");
    verify_format("HEALTHCHECK --interval=5s CMD curl -f http://localhost/\n",
                  "healthcheck --interval=5s CMD curl -f http://localhost/\n");
}

TEST_CASE("no indentation before instructions and comments, no trailing blanks", "[formatter]") {
    verify_format("FROM a\n# note\nRUN x\n", "  FROM a\n\t# note\n   RUN x\n");
    verify_format("FROM a\nRUN x\n", "FROM a   \nRUN x \t\n");
    verify_format("# note\nFROM a\n", "   # note   \nFROM a\n");
    verify_format("#no space after the hash\nFROM a\n");
}

TEST_CASE("blank lines, BOM and the final newline", "[formatter]") {
    verify_format("FROM a\n\nRUN x\n", "\n\nFROM a\n\n\n\nRUN x\n\n\n");
    verify_format("FROM a\n\n# c\nRUN x\n", "FROM a\n  \n\t\n# c\nRUN x\n");
    verify_format("FROM a\nRUN x\n", "FROM a\nRUN x");
    verify_format("FROM a\n",
                  "\xEF\xBB\xBF"
                  "FROM a\n");
    verify_format("# syntax=docker/dockerfile:1\nFROM a\n",
                  "\xEF\xBB\xBF# syntax=docker/dockerfile:1\nFROM a\n");
    SECTION("a first line starting with a BOM's bytes that are no BOM keeps a blank line before it") {
        verify_format("\n\xEF\xBB\xBFRUN x\n", "\n\n\xEF\xBB\xBFRUN x\n");
        verify_format("\n\xEF\xBB\xBF\n", "\xEF\xBB\xBF\xEF\xBB\xBF\n");
    }
}

TEST_CASE("line endings follow the first line", "[formatter]") {
    verify_format("FROM a\r\nRUN x \\\r\n    y\r\n", "FROM a\r\nRUN x \\\r\n  y\r\n");
    verify_format("FROM a\r\n\r\nRUN x\r\n", "FROM a\r\n\n\nRUN x\n");
    verify_format("FROM a\nRUN x\n", "FROM a\nRUN x\r\n");
    verify_format("# c\r\nFROM a\r\n", "# c  \r\nFROM a");
}

TEST_CASE("one space between separated tokens, none between glued ones", "[formatter]") {
    verify_format("FROM a AS b\n", "FROM   a   AS\tb\n");
    verify_format("ENV A=1 B=\"x  y\"\n", "ENV A=1    B=\"x  y\"\n");
    verify_format("COPY --from=b --chown=1:1 /a /b\n", "COPY  --from=b   --chown=1:1 /a    /b\n");
    verify_format("ARG A=1 B\n", "ARG   A=1  B\n");
    verify_format("EXPOSE 80 443/tcp\n", "EXPOSE 80\t443/tcp\n");
}

TEST_CASE("shell and raw text keep their inner spacing", "[formatter]") {
    verify_format("RUN echo  a   b\n", "RUN    echo  a   b\n");
    verify_format("CMD echo \"a   b\"   c\n");
    verify_format("LABEL description this   is   it\n", "LABEL    description   this   is   it\n");
    verify_format("WORKDIR /my   dir\n");
}

TEST_CASE("JSON arrays on one line", "[formatter]") {
    verify_format("CMD [\"a\", \"b\"]\n", "CMD [ \"a\" ,\"b\" ]\n");
    verify_format("CMD []\n", "CMD [  ]\n");
    verify_format("ENTRYPOINT [\"/bin/sh\", \"-c\", \"echo \\\"a  b\\\"\"]\n",
                  "ENTRYPOINT [\"/bin/sh\",\"-c\",   \"echo \\\"a  b\\\"\"]\n");
    verify_format("VOLUME [\"/data\", \"/logs\"]\n", "VOLUME [\"/data\" , \"/logs\"]\n");
    verify_format("COPY [\"a b\", \"/dst/\"]\n", "COPY   [\"a b\",\"/dst/\"]\n");
    SECTION("continuations inside an array are dropped") {
        verify_format("CMD [\"a\", \"b\", \"c\"]\n", "CMD [\"a\", \\\n    \"b\", \\\n  \"c\" \\\n  ]\n");
        verify_format("ONBUILD RUN [\"make\", \"all\"]\n", "onbuild run [ \"make\",\\\n\"all\" ]\n");
    }
    SECTION("unless a comment line sits inside: then the array is kept as written") {
        verify_format("CMD [\"a\", \\\n  # why\n  \"b\"]\n", "CMD   [\"a\", \\  \n  # why\n  \"b\"]   \n");
    }
    SECTION("a continuation before the array is an ordinary one") {
        verify_format("CMD \\\n    [\"a\"]\n", "CMD \\\n[\"a\"]\n");
    }
}

TEST_CASE("continuations: ` \\`, comment lines and the next line indented by 4", "[formatter]") {
    verify_format("RUN a && \\\n    b\n", "RUN a && \\\n  b\n");
    verify_format("RUN a && \\\n    b\n", "RUN a &&    \\   \n\t\tb\n");
    verify_format("RUN a&& \\\n    b\n", "RUN a&&\\\n b\n");
    verify_format("RUN a && \\\n    b\n", "RUN a && \\\nb\n");
    verify_format("RUN \\\n    echo\n", "RUN \\\n  echo\n");
    verify_format("FROM a \\\n    AS b\n", "FROM a\\\n   AS b\n");
    verify_format("ENV A=1 \\\n    B=2\n", "ENV A=1\\\n  B=2\n");
    verify_format("COPY --from=x \\\n    a \\\n    b\n", "COPY --from=x \\\n        a \\\n b\n");
    SECTION("comment lines each on their own line, empty lines dropped") {
        verify_format("RUN a \\\n    # one\n    #  two\n    b\n",
                      "RUN a \\\n  # one   \n\n      #  two\n  \n  b\n");
        verify_format("RUN a \\\n    #two  spaces\n    b\n", "RUN a \\\n#two  spaces\nb\n");
    }
    SECTION("a line holding only an escape") {
        verify_format("RUN a \\\n    \\\n    b\n", "RUN a \\\n  \\\n  b\n");
    }
    SECTION("at the end of the file") {
        verify_format("FROM a\nRUN b \\\n", "FROM a\nRUN b \\");
        verify_format("FROM a\nRUN b \\\n    # last\n", "FROM a\nRUN b \\\n# last\n\n");
        verify_format("FROM a\nRUN b \\\n    # last\n", "FROM a\nRUN b \\\n# last");
        verify_format("i\\\n    #\n", "i\\\n#");
    }
}

TEST_CASE("glued continuations stay glued", "[formatter]") {
    verify_format("FROM alpine:3.\\\n19\n");
    verify_format("FROM alpine:3.\\\n19\n", "FROM alpine:3.\\   \n19\n");
    verify_format("ENV PATH=/a:\\\n/b\n");
    verify_format("RUN apt-get install py\\\nthon3\n");
    verify_format("RUN a\\\n    # c\nb\n", "RUN a\\\n# c\nb\n");
}

TEST_CASE("a vertical tab or form feed beside a continuation stays: it keeps JSON from parsing", "[formatter]") {
    // Folded into one blank, `CMD [ "a" \v \` would become valid JSON: an exec form, not the
    // shell form BuildKit reads. Found by fuzz_fmt (fuzz/regressions/fuzz_fmt).
    const std::string vt = "CMD [ \\\n    \"a\"  \v\v  \\\n    ]\n";
    verify_format(vt);
    auto before = Document::parse(vt), after = Document::parse(formatted(vt));
    REQUIRE(before.ok());
    REQUIRE(after.ok());
    CHECK_FALSE(before->instructions().front().json);
    CHECK_FALSE(after->instructions().front().json);
    verify_format("RUN a \f\\\n  b\n");
}

TEST_CASE("continuations inside quotes keep their blanks", "[formatter]") {
    verify_format("RUN echo \"a  \\\n  b\"\n");
    verify_format("RUN echo 'a \\\n b'  && \\\n    c\n", "RUN echo 'a \\\n b'  && \\\n c\n");
    verify_format("ENV A=\"x \\\n   y\" B=1\n");
    verify_format("LABEL description=\"a long \\\n      text\"\n");
    verify_format("RUN echo \"a \\\n    # dropped by BuildKit\n  b\"\n",
                  "RUN echo \"a \\\n# dropped by BuildKit\n  b\"\n");
    SECTION("escaped quotes do not open a string") {
        verify_format("RUN echo \\\"a \\\n    b\n", "RUN echo \\\"a \\\n b\n");
        verify_format("RUN echo 'a\\' \\\n    b\n", "RUN echo 'a\\' \\\n b\n");
        verify_format("RUN echo \"a\\\"b \\\n  c\"\n");
    }
    SECTION("raw text values keep them too: BuildKit keeps them in the value") {
        verify_format("ENV A x  \\\n  y\n");
        verify_format("LABEL maintainer Jane \\\n Doe\n");
    }
}

TEST_CASE("blanks that are content stay, keywords that are not keywords stay", "[formatter]") {
    SECTION("an escaped blank before a continuation is content; the rest of the run separates") {
        verify_format("RUN echo x\\\t \\\n    y\n", "RUN echo x\\\t\\\n  y\n");
        verify_format("# escape=`\nRUN x\\\t`\ny\n", "# escape=`\nRUN x\\`\n\ty\n");
    }
    SECTION("a keyword glued to the next word is BuildKit's unknown `runx`: as written") {
        verify_format("FROM a\nrun\\\nx\n");
        verify_format("FROM a\nRUN \\\n    x\n", "FROM a\nrun\\\n  x\n");
    }
    SECTION("a key with an escaped blank: BuildKit's legacy value keeps its white space") {
        verify_format("ENV a\\ b   value\n", "ENV   a\\ b   value\n");
        verify_format("LABEL a\\ b=c   d=e\n");
    }
    SECTION("white space between words inside an open quote") { verify_format("ARG x='a \\\n  b   c'\n"); }
}

TEST_CASE("the backtick escape", "[formatter]") {
    verify_format("# escape=`\nFROM a\nRUN a `\n    b\n", "# escape=`\nfrom a\nRUN a`\n  b\n");
    verify_format("# escape=`\nCOPY a C:\\dir\\\nRUN powershell -Command \" `\n  $a = 1; `\n  b\"\n",
                  "# escape=`\nCOPY a C:\\dir\\\nRUN powershell -Command \" `\n  $a = 1; `\n  b\"\n");
    verify_format("# escape=`\nRUN dir `\n    # c\n    b\n", "# escape=`\nRUN dir `\n# c\n\n  b\n");
}

TEST_CASE("heredoc bodies and delimiter lines are verbatim", "[formatter]") {
    verify_format("RUN <<EOF\n  hello  \n\n\n\tEOF x\nEOF\n", "run   <<EOF  \n  hello  \n\n\n\tEOF x\nEOF\n");
    verify_format("COPY <<-EOT /x\n\tbody \t\n\tEOT\n", "COPY <<-EOT   /x\n\tbody \t\n\tEOT\n");
    verify_format("RUN <<A <<B cat\na\nA\nb\nB\n\nRUN x\n", "RUN <<A  <<B cat\na\nA\nb\nB\n\n\n\nRUN x\n");
    verify_format("RUN <<EOF\nhi\nEOF\n", "RUN <<EOF\nhi\nEOF");
    verify_format("ONBUILD RUN <<EOF\nx\nEOF\n", "onbuild run <<EOF\nx\nEOF\n");
    SECTION("in a CRLF file the body keeps its own line endings") {
        verify_format("FROM a\r\nRUN <<EOF\r\nx\ny\r\nEOF\nRUN b\r\n",
                      "FROM a\r\nRUN <<EOF\nx\ny\r\nEOF\nRUN b\n");
    }
}

TEST_CASE("directives verbatim, comments trimmed", "[formatter]") {
    verify_format("#  escape = `\n\nFROM a\n", "#  escape = `  \n\n\nFROM a\n");
    verify_format("# syntax=docker/dockerfile:1\n# check=skip=all\nFROM a\n");
    SECTION("a blank line before a directive-like first comment keeps it a comment") {
        verify_format("\n# escape=`\nFROM a\n", "\n\n# escape=`\nFROM a\n");
        verify_format("# plain\nFROM a\n", "\n\n# plain\nFROM a\n");
    }
    verify_format("FROM a\n# c1\n#\n# c2\nRUN b\n", "FROM a\n   # c1\n#\n # c2   \nRUN b\n");
}

TEST_CASE("restage fmt: stdout, -i, --check, stdin and errors", "[formatter][cli]") {
    TempDir dir;
    const std::string messy = "from a\n\n\nrun  x \\\n  y\n";
    const std::string clean = "FROM a\n\nRUN x \\\n    y\n";
    write(dir.path / "messy", messy);
    write(dir.path / "clean", clean);

    SECTION("prints the canonical form and leaves the file alone") {
        CHECK(run_restage(dir, "fmt messy") == 0);
        CHECK(read(dir.path / "out") == clean);
        CHECK(read(dir.path / "messy") == messy);
        CHECK(run_restage(dir, "fmt - < messy") == 0);
        CHECK(read(dir.path / "out") == clean);
    }
    SECTION("--check names the files that would change and exits 1") {
        CHECK(run_restage(dir, "fmt --check clean messy") == 1);
        CHECK(read(dir.path / "err") == "messy\n");
        CHECK(read(dir.path / "out").empty());
        CHECK(run_restage(dir, "fmt --check clean") == 0);
        CHECK(read(dir.path / "messy") == messy);
    }
    SECTION("-i rewrites only the files that change") {
        auto old_time = fs::last_write_time(dir.path / "clean") - std::chrono::hours(1);
        fs::last_write_time(dir.path / "clean", old_time);
        CHECK(run_restage(dir, "fmt -i messy clean") == 0);
        CHECK(read(dir.path / "messy") == clean);
        CHECK(fs::last_write_time(dir.path / "clean") == old_time);
        CHECK(read(dir.path / "out").empty());
    }
    SECTION("errors: -i with stdin, a missing file, a file BuildKit rejects") {
        CHECK(run_restage(dir, "fmt -i - < messy") == 2);
        CHECK(run_restage(dir, "fmt missing") == 2);
        CHECK(read(dir.path / "err").find("missing") != std::string::npos);
        write(dir.path / "bad", "FROM a\nRUN <<EOF\nno end\n");
        CHECK(run_restage(dir, "fmt bad clean") == 2);
        CHECK(read(dir.path / "out") == clean);
        CHECK(run_restage(dir, "fmt -i --check clean") == 2);
    }
}
