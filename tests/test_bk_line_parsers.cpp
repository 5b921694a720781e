// Tests for bk_line_parsers: node_from_line's dispatch, flags, JSON form, pairs and errors.
// Expected dumps were produced by BuildKit's own parser on the same lines.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "model/bk_dump.hpp"
#include "model/bk_line_parsers.hpp"
#include "model/bk_split_command.hpp"

using restage::model::bk::dump;
using restage::model::bk::extract_builder_flags;
using restage::model::bk::json_args;
using restage::model::bk::node_from_line;
using restage::model::bk::parse_words;
using restage::model::bk::split_command;

namespace {

using Words = std::vector<std::string>;

// The node's dump, or "error: " and the message.
std::string parsed(std::string_view line, char escape = '\\') {
    auto node = node_from_line(line, escape);
    if (!node) return "error: " + node.error().message;
    return dump(*node);
}

Words args(std::string_view line) { return json_args(*node_from_line(line, '\\')); }

}  // namespace

TEST_CASE("node_from_line: FROM splits on [\\t\\v\\f\\r ]", "[bk]") {
    CHECK(parsed("FROM alpine:3.19 AS build") == R"x(from "alpine:3.19" "AS" "build")x");
    CHECK(parsed("from  alpine\tas\vbuild") == R"x(from "alpine" "as" "build")x");
}

TEST_CASE("node_from_line: RUN is a JSON array of strings or one shell string", "[bk]") {
    CHECK(parsed("RUN apt-get update && apt-get install -y curl") == R"x(run "apt-get update && apt-get install -y curl")x");
    CHECK(parsed(R"x(RUN ["sh", "-c", "echo hi"])x") == R"x(run "sh" "-c" "echo hi")x");
    CHECK(parsed(R"x(RUN [ "a" ]  )x") == R"x(run "a")x");
    CHECK(parsed(R"x(RUN ["a", 1])x") == "error: when using JSON array syntax, arrays must be comprised of strings only");
    CHECK(parsed(R"x(RUN ["a", 1e400])x") == R"x(run "[\"a\", 1e400]")x");
    CHECK(parsed(R"x(RUN ["a", 1e-400])x") == "error: when using JSON array syntax, arrays must be comprised of strings only");
    CHECK(parsed(R"x(RUN ["a",])x") == R"x(run "[\"a\",]")x");
    CHECK(parsed("RUN ['a']") == R"x(run "['a']")x");
    CHECK(parsed(R"x(RUN ["a"] && b)x") == R"x(run "[\"a\"] && b")x");
    CHECK(parsed("RUN []") == "run");
    CHECK(parsed(R"x(RUN ["\u00e9\ud83d\ude00"])x") == "run \"\xc3\xa9\xf0\x9f\x98\x80\"");
    CHECK(parsed(R"x(RUN ["\ud800x"])x") == "run \"\xef\xbf\xbdx\"");
    CHECK(parsed("RUN [\"a\tb\"]") == R"x(run "[\"a\tb\"]")x");
    CHECK(parsed("RUN [\"\xff\"]") == "run \"\xef\xbf\xbd\"");
    CHECK(parsed(R"x(RUN [{"k": [1, true, null]}])x") == "error: when using JSON array syntax, arrays must be comprised of strings only");
    CHECK(parsed("RUN") == "run");
}

TEST_CASE("node_from_line: CMD, ENTRYPOINT, SHELL", "[bk]") {
    CHECK(parsed(R"x(CMD ["npm", "start"])x") == R"x(cmd "npm" "start")x");
    CHECK(parsed(R"x(CMD echo "hello world")x") == R"x(cmd "echo \"hello world\"")x");
    CHECK(parsed(R"x(ENTRYPOINT ["/entrypoint.sh"])x") == R"x(entrypoint "/entrypoint.sh")x");
    CHECK(parsed(R"x(SHELL ["/bin/bash", "-o", "pipefail", "-c"])x") == R"x(shell "/bin/bash" "-o" "pipefail" "-c")x");
    CHECK(parsed("CMD  \t") == "cmd");
}

TEST_CASE("node_from_line: COPY, ADD and VOLUME split shell form into words", "[bk]") {
    CHECK(parsed("COPY --from=build --chown=1000:1000 /app/bin /usr/local/bin/") == R"x(copy ["--from=build" "--chown=1000:1000"] "/app/bin" "/usr/local/bin/")x");
    CHECK(parsed(R"x(COPY ["a b", "c"])x") == R"x(copy "a b" "c")x");
    CHECK(parsed(R"x(COPY ["a", 1] /x)x") == R"x(copy "[\"a\"," "1]" "/x")x");
    CHECK(parsed("COPY [a b] c") == R"x(copy "[a" "b]" "c")x");
    CHECK(parsed("COPY --chmod=755 -- --weird /dst") == R"x(copy ["--chmod=755"] "--weird" "/dst")x");
    CHECK(parsed("COPY --link") == R"x(copy ["--link"])x");
    CHECK(parsed("ADD --checksum=sha256:abc https://x/y.tgz /") == R"x(add ["--checksum=sha256:abc"] "https://x/y.tgz" "/")x");
    CHECK(parsed("VOLUME /data /logs") == R"x(volume "/data" "/logs")x");
    CHECK(parsed(R"x(VOLUME ["/data"])x") == R"x(volume "/data")x");
}

TEST_CASE("node_from_line: builder flags", "[bk]") {
    CHECK(parsed(R"x(RUN --mount="type=cache,target=/root/.cache" --network=none make)x") == R"x(run ["--mount=type=cache,target=/root/.cache" "--network=none"] "make")x");
    CHECK(parsed("RUN --mount='type=secret,id=a b' x") == R"x(run ["--mount=type=secret,id=a b"] "x")x");
    CHECK(parsed(R"x(RUN --mount=type=cache,target=/a\ b make)x") == R"x(run ["--mount=type=cache,target=/a b"] "make")x");
    CHECK(parsed("RUN --mount=type=cache,target=/a`b make", '`') == R"x(run ["--mount=type=cache,target=/ab"] "make")x");
    CHECK(parsed(R"x(RUN --a --"" x)x") == R"x(run ["--a"] "x")x");
    CHECK(parsed("RUN --a=\xc3\xa9 x") == "run [\"--a=\xc3\x83\xc2\xa9\"] \"x\"");
    CHECK(parsed("RUN --a=\xc3\xa0 x") == "run [\"--a=\xc3\x83\"] \"x\"");
    CHECK(parsed("RUN -x --a y") == R"x(run "-x --a y")x");
}

TEST_CASE("node_from_line: ENV and LABEL pairs, legacy form and errors", "[bk]") {
    CHECK(parsed("ENV PATH=/usr/local/bin:$PATH LANG=C.UTF-8") == R"x(env "PATH" "/usr/local/bin:$PATH" "=" "LANG" "C.UTF-8" "=")x");
    CHECK(parsed("ENV name value with spaces") == R"x(env "name" "value with spaces" "")x");
    CHECK(parsed(R"x(ENV name="value with spaces" other=x)x") == R"x(env "name" "\"value with spaces\"" "=" "other" "x" "=")x");
    CHECK(parsed(R"x(ENV a='b c' d=e\ f)x") == R"x(env "a" "'b c'" "=" "d" "e\\ f" "=")x");
    CHECK(parsed("ENV a=b`c d", '`') == R"x(error: Syntax error - can't find = in "d". Must be of the form: name=value)x");
    CHECK(parsed("ENV a=b c") == R"x(error: Syntax error - can't find = in "c". Must be of the form: name=value)x");
    CHECK(parsed("ENV a") == "error: ENV must have two arguments");
    CHECK(parsed("ENV") == "env");
    CHECK(parsed("LABEL maintainer") == "error: LABEL must have two arguments");
    CHECK(parsed(R"x(LABEL "com.example.vendor"="ACME Inc" version=1.0)x") == R"x(label "\"com.example.vendor\"" "\"ACME Inc\"" "=" "version" "1.0" "=")x");
    CHECK(parsed("LABEL a=b\xc2\xa0" "c") == R"x(error: Syntax error - can't find = in "c". Must be of the form: name=value)x");
    CHECK(parsed("ENV a\xc2\xa0" "b") == "error: ENV must have two arguments");
    CHECK(parsed(R"x(ENV "a b" c)x") == R"x(env "\"a" "b\" c" "")x");
    CHECK(parsed("ARG VERSION") == R"x(arg "VERSION")x");
}

TEST_CASE("node_from_line: ARG and EXPOSE", "[bk]") {
    CHECK(parsed(R"x(ARG A=1 B C="x y")x") == R"x(arg "A=1" "B" "C=\"x y\"")x");
    CHECK(parsed("ARG") == "arg");
    CHECK(parsed("EXPOSE 80 443/tcp") == R"x(expose "80" "443/tcp")x");
    CHECK(parsed("EXPOSE 8080:8080") == R"x(expose "8080:8080")x");
    CHECK(parsed("HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1") == R"x(healthcheck ["--interval=30s"] "CMD" "curl -f http://localhost/ || exit 1")x");
}

TEST_CASE("node_from_line: HEALTHCHECK splits its type off byte-wise", "[bk]") {
    CHECK(parsed(R"x(HEALTHCHECK CMD ["curl", "-f", "http://localhost/"])x") == R"x(healthcheck "CMD" "curl" "-f" "http://localhost/")x");
    CHECK(parsed("HEALTHCHECK NONE") == R"x(healthcheck "NONE")x");
    CHECK(parsed("HEALTHCHECK") == "healthcheck");
    CHECK(parsed(R"x(HEALTHCHECK CMD ["a", 1])x") == "error: when using JSON array syntax, arrays must be comprised of strings only");
    CHECK(parsed("HEALTHCHECK CMD\xc2\xa0x") == R"x(healthcheck "CMD\xc2" "x")x");
    CHECK(parsed("MAINTAINER Jane Doe <jane@example.com>") == R"x(maintainer "Jane Doe <jane@example.com>")x");
}

TEST_CASE("node_from_line: MAINTAINER, STOPSIGNAL, USER, WORKDIR keep the rest", "[bk]") {
    CHECK(parsed("STOPSIGNAL SIGTERM") == R"x(stopsignal "SIGTERM")x");
    CHECK(parsed("USER app:app") == R"x(user "app:app")x");
    CHECK(parsed("WORKDIR /src/my app") == R"x(workdir "/src/my app")x");
    CHECK(parsed("ONBUILD RUN make") == R"x(onbuild (run "make"))x");
}

TEST_CASE("node_from_line: ONBUILD wraps an instruction", "[bk]") {
    CHECK(parsed(R"x(ONBUILD COPY ["a", "b"])x") == R"x(onbuild (copy "a" "b"))x");
    CHECK(parsed("ONBUILD --x ENV a=b") == R"x(onbuild ["--x"] (env "a" "b" "="))x");
    CHECK(parsed("ONBUILD") == "onbuild");
    CHECK(parsed("ONBUILD ENV a") == "error: ENV must have two arguments");
    CHECK(parsed("ONBUILD ONBUILD RUN x") == R"x(onbuild (onbuild (run "x")))x");
    CHECK(parsed("FOO bar baz") == R"x(foo "")x");
    auto onbuild = node_from_line("ONBUILD RUN [\"a\"]", '\\');
    REQUIRE(onbuild);
    CHECK_FALSE(onbuild->json);
    REQUIRE(onbuild->next.size() == 1);
    REQUIRE(onbuild->next[0].children.size() == 1);
    CHECK(onbuild->next[0].children[0].json);
    CHECK(json_args(*onbuild).empty());
}

TEST_CASE("node_from_line: unknown and odd keywords", "[bk]") {
    CHECK(parsed("FOO") == R"x(foo "")x");
    CHECK(parsed("\xc2\xa0RUN\xc2\xa0x") == "run\xc2\xa0x \"\"");
    CHECK(parsed("R\xc3\x9cN x") == "r\xc3\xbcn \"\"");
    CHECK(parsed("WOR\xe2\x84\xaa" "DIR /x") == R"x(workdir "/x")x");
    CHECK(parsed(R"x(run "quoted \"arg\"")x") == R"x(run "\"quoted \\\"arg\\\"\"")x");
    CHECK(parsed("RUN echo \xff") == R"x(run "echo \xff")x");
    CHECK(parsed("RUN echo \x01\x7f\xe2\x80\x8b") == R"x(run "echo \x01\x7f\u200b")x");
    CHECK(parsed("") == R"x("")x");}

TEST_CASE("node_from_line: fields", "[bk]") {
    auto node = node_from_line("  COPY --link a  b \t", '\\');
    REQUIRE(node);
    CHECK(node->value == "COPY");
    CHECK(node->flags == Words{"--link"});
    CHECK(node->original == "  COPY --link a  b \t");
    CHECK_FALSE(node->json);
    CHECK(args("ENV a=1 b=2") == Words{"a", "1", "=", "b", "2", "="});
    CHECK(args("ENV a 1") == Words{"a", "1", ""});
    CHECK(args(R"(CMD ["a", "b"])") == Words{"a", "b"});
    CHECK(args("HEALTHCHECK CMD x y") == Words{"CMD", "x y"});
}

TEST_CASE("parse_words keeps quotes and escapes", "[bk]") {
    CHECK(parse_words("foo bar", '\\') == Words{"foo", "bar"});
    CHECK(parse_words(R"x(foo\ bar)x", '\\') == Words{R"x(foo\ bar)x"});
    CHECK(parse_words(R"x('abc xyz' "a b")x", '\\') == Words{"'abc xyz'", R"x("a b")x"});
    CHECK(parse_words(R"x(a "b\"c" d)x", '\\') == Words{"a", R"x("b\"c")x", "d"});
    CHECK(parse_words(R"x('a\')x", '\\') == Words{R"x('a\')x"});
    CHECK(parse_words(R"x(a\)x", '\\') == Words{"a"});
    CHECK(parse_words(R"x("a\)x", '\\') == Words{R"x("a)x"});
    CHECK(parse_words(R"x("")x", '\\') == Words{R"x("")x"});
    CHECK(parse_words("'' x", '\\') == Words{"''", "x"});
    CHECK(parse_words(R"x(a`"b c)x", '`') == Words{R"x(a`"b)x", "c"});
    CHECK(parse_words("f\xc3\xb6o b\xc3\xa0r", '\\') == Words{"f\xc3\xb6o", "b\xc3\xa0r"});
    CHECK(parse_words("a\xc2\xa0" "b\xe2\x80\x83" "c", '\\') == Words{"a", "b", "c"});
    CHECK(parse_words("a\xff" "b", '\\') == Words{"a\xef\xbf\xbd" "b"});
    CHECK(parse_words(R"x("a b)x", '\\') == Words{R"x("a b)x"});}

TEST_CASE("split_command and extract_builder_flags", "[bk]") {
    auto sc = split_command("  RUN\t--a=1 --b \"x y\"  ", '\\');
    CHECK(sc.cmd == "RUN");
    CHECK(sc.flags == Words{"--a=1", "--b"});
    CHECK(sc.args == "\"x y\"");
    CHECK(split_command("RUN", '\\').args.empty());
    CHECK(split_command("", '\\').cmd.empty());
    CHECK(split_command("RUN\xc2\xa0x y", '\\').cmd == "RUN\xc2\xa0x");

    auto bf = extract_builder_flags("--a --b=\"c d\" rest of line", '\\');
    CHECK(bf.flags == Words{"--a", "--b=c d"});
    CHECK(bf.rest == "rest of line");
    CHECK(extract_builder_flags("--a -- --b", '\\').rest == " --b");
    CHECK(extract_builder_flags("--a -- --b", '\\').flags == Words{"--a"});
    CHECK(extract_builder_flags("--a --", '\\').flags == Words{"--a"});
    CHECK(extract_builder_flags("--a='' x", '\\').flags == Words{"--a="});
    CHECK(extract_builder_flags("--a='x\\'y' z", '\\').flags == Words{"--a=x'y"});
    CHECK(extract_builder_flags("--a\\", '\\').flags == Words{"--a"});
    CHECK(extract_builder_flags("--a=`\" x", '`').flags == Words{"--a=\""});
    CHECK(extract_builder_flags("-a", '\\').rest == "-a");
    CHECK(extract_builder_flags("--", '\\').flags.empty());
}
