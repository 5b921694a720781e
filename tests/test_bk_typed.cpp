// test_bk_typed.cpp: BuildKit's typed parse: stages, global ARGs, flags and exact error messages.
#include <catch2/catch.hpp>

#include "model/bk_flags.hpp"
#include "model/bk_typed.hpp"
#include "model/go_parse.hpp"
#include "model/go_text.hpp"

using namespace restage::model;
using namespace restage::model::bk;

namespace {

// An instruction as the parser would hand it over: `line` is the joined original; its first word
// is the keyword. An ONBUILD takes its trigger keyword as `args[0]`.
Instruction ins(const std::string& line, std::vector<std::string> args, std::vector<std::string> flags = {},
                bool json = false, int start = 1, int end = 0, std::vector<std::string> comments = {}) {
    Instruction in;
    in.node.value = line.substr(0, line.find(' '));
    in.node.original = line;
    in.node.flags = std::move(flags);
    in.node.json = json;
    if (restage::model::go::to_lower(in.node.value) == "onbuild" && !args.empty()) {
        Node wrap, trigger;
        trigger.value = args[0];
        for (std::size_t i = 1; i < args.size(); ++i) trigger.next.push_back(Node{args[i], {}, {}, {}, false, {}, {}});
        wrap.children.push_back(trigger);
        in.node.next.push_back(wrap);
    } else {
        for (auto& a : args) in.node.next.push_back(Node{a, {}, {}, {}, false, {}, {}});
    }
    in.start_line = start;
    in.end_line = end ? end : start;
    in.prev_comment = std::move(comments);
    return in;
}

// The unwrapped message of one instruction's typed parse, or "ok".
std::string one(const Instruction& in) {
    auto r = parse_instruction(in);
    return r ? "ok" : r.error().message;
}

}  // namespace

TEST_CASE("stages and global ARGs", "[bk_typed]") {
    const std::vector<Instruction> file = {
        ins("ARG  GO=1.22 ", {"GO=1.22"}, {}, false, 1, 1, {"GO the Go version"}),
        ins("ARG BASE", {"BASE"}, {}, false, 2),
        ins("FROM --platform=$BUILDPLATFORM golang:${GO} AS Build", {"golang:${GO}", "AS", "Build"},
            {"--platform=$BUILDPLATFORM"}, false, 4, 5, {"build compiles"}),
        ins("ARG GO", {"GO"}, {}, false, 6),
        ins("RUN go build", {"go build"}, {}, false, 7),
        ins("from ${BASE}", {"${BASE}"}, {}, false, 9),
        ins("COPY --from=build /out /", {"/out", "/"}, {"--from=build"}, false, 10),
    };
    auto r = parse(file);
    REQUIRE(r.ok());
    REQUIRE(r->meta_args.size() == 2);
    const ArgCommand& go = r->meta_args[0];
    CHECK(go.name == "ARG");
    CHECK(go.code == "ARG  GO=1.22");
    CHECK(go.args.size() == 1);
    CHECK(go.args[0].key == "GO");
    CHECK(go.args[0].value == std::optional<std::string>("1.22"));
    CHECK(go.args[0].doc_comment == "the Go version");
    CHECK(r->meta_args[1].args[0].value == std::nullopt);
    REQUIRE(r->stages.size() == 2);
    const Stage& build = r->stages[0];
    CHECK(build.name == "build");
    CHECK(build.base == "golang:${GO}");
    CHECK(build.platform == "$BUILDPLATFORM");
    CHECK(build.doc_comment == "compiles");
    CHECK(build.start_line == 4);
    CHECK(build.end_line == 5);
    CHECK(build.from_index == 2);
    CHECK(build.commands == std::vector<std::size_t>{3, 4});
    CHECK(r->stages[1].name.empty());
    CHECK(r->stages[1].base == "${BASE}");
    CHECK(r->stages[1].commands == std::vector<std::size_t>{6});
}

TEST_CASE("BuildKit's TestCommentsDetection", "[bk_typed]") {
    auto r = parse({
        ins("ARG foo=bar", {"foo=bar"}, {}, false, 2, 2, {"foo sets foo"}),
        ins("FROM busybox AS base", {"busybox", "AS", "base"}, {}, false, 5, 5, {"foo sets foo", "base defines first stage"}),
        ins("ARG foo", {"foo"}, {}, false, 7, 7, {"this is irrelevant"}),
        ins("ARG bar baz=123", {"bar", "baz=123"}, {}, false, 10, 10, {"bar defines bar", "baz is something else"}),
    });
    REQUIRE(r.ok());
    CHECK(r->stages[0].doc_comment == "defines first stage");
    CHECK(r->meta_args[0].args[0].doc_comment == "sets foo");
}

TEST_CASE("instructions.Parse errors", "[bk_typed]") {
    auto err = [](std::vector<Instruction> file) {
        auto r = parse(file);
        return r ? std::string("ok") : r.error().message;
    };
    const Instruction from = ins("FROM alpine", {"alpine"});
    CHECK(err({from, ins("COPY --from /a /b", {"/a", "/b"}, {"--from"}, false, 15)}) ==
          "dockerfile parse error on line 15: missing a value on flag: --from");
    CHECK(err({ins("RUN true", {"true"}, {}, false, 3)}) == "no build stage in current context");
    CHECK(err({ins("ARG A", {"A"}), ins("ENV A=1", {"A", "1", "="}, {}, false, 2)}) ==
          "no build stage in current context");
    CHECK(err({from, ins("FNTRYPOINT x", {}, {}, false, 4)}) ==
          "dockerfile parse error on line 4: unknown instruction: FNTRYPOINT (did you mean ENTRYPOINT?)");
    auto parsed = parse({ins("FROM a", {"a"}, {}, false, 3)});
    CHECK(parsed.ok());
    auto failed = parse({from, ins("BADCMD x", {}, {}, false, 4)});
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().message == "dockerfile parse error on line 4: unknown instruction: BADCMD");
    CHECK(failed.error().where.line == 4);
}

TEST_CASE("argument counts", "[bk_typed]") {
    for (const char* cmd : {"MAINTAINER", "WORKDIR", "USER", "STOPSIGNAL"})
        CHECK(one(ins(cmd, {})) == std::string(cmd) + " requires exactly one argument");
    for (const char* cmd : {"ENV", "LABEL", "ONBUILD", "HEALTHCHECK", "EXPOSE", "VOLUME", "ARG"})
        CHECK(one(ins(cmd, {})) == std::string(cmd) + " requires at least one argument");
    for (const char* cmd : {"ADD", "COPY"})
        CHECK(one(ins(std::string(cmd) + " arg1", {"arg1"})) ==
              std::string(cmd) +
                  " requires at least two arguments, but only one was provided. Destination could not be determined");
    CHECK(one(ins("ENV arg1 arg2 arg3", {"arg1", "arg2", "arg3", ""})) == "Bad input to ENV, too many arguments");
    CHECK(one(ins("LABEL =arg2", {"", "arg2", "="})) == "LABEL names can not be blank");
    CHECK(one(ins("ARG =x", {"=x"})) == "ARG names can not be blank");
    CHECK(one(ins("FROM a b", {"a", "b"})) == "FROM requires either one or three arguments");
    CHECK(one(ins("FROM a TO b", {"a", "TO", "b"})) == "FROM requires either one or three arguments");
    CHECK(one(ins("FROM a AS 1st", {"a", "AS", "1st"})) ==
          "invalid name for build stage: \"1st\", name can't start with a number or contain symbols");
    CHECK(one(ins("FROM a AS b@c", {"a", "AS", "b@c"})) ==
          "invalid name for build stage: \"b@c\", name can't start with a number or contain symbols");
    auto named = parse_instruction(ins("FROM a aS Foo_Bar.1-x", {"a", "aS", "Foo_Bar.1-x"}));
    REQUIRE(named.ok());
    CHECK(std::get<Stage>(*named).name == "foo_bar.1-x");
    CHECK(one(ins("VOLUME [\" \"]", {" "}, {}, true)) == "VOLUME specified can not be an empty string");
    CHECK(one(ins("SHELL bash -c", {"bash -c"})) == "SHELL requires the arguments to be in JSON form");
    CHECK(one(ins("SHELL []", {}, {}, true)) == "SHELL requires at least one argument");
    CHECK(one(ins("SHELL [\"bash\"]", {"bash"}, {}, true)) == "ok");
    CHECK(one(ins("COPY a <<EOF", {"a", "<<EOF"})) == "COPY cannot accept a heredoc as a destination");
    CHECK(one(ins("ADD <<EOF /x", {"<<EOF", "/x"})) == "ok");
}

TEST_CASE("ONBUILD triggers", "[bk_typed]") {
    CHECK(one(ins("ONBUILD ONBUILD RUN x", {"onbuild"})) == "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
    CHECK(one(ins("ONBUILD FROM scratch", {"from", "scratch"})) == "FROM isn't allowed as an ONBUILD trigger");
    CHECK(one(ins("ONBUILD maintainer me", {"maintainer", "me"})) == "MAINTAINER isn't allowed as an ONBUILD trigger");
    CHECK(one(ins("ONBUILD RUN make", {"run", "make"})) == "ok");
    CHECK(one(ins("ONBUILD --x RUN make", {"run", "make"}, {"--x"})) == "unknown flag: --x");
}

TEST_CASE("flags", "[bk_typed]") {
    CHECK(one(ins("MAINTAINER --boo joe", {"joe"}, {"--boo"})) == "unknown flag: --boo");
    CHECK(one(ins("COPY --form=a b c", {"b", "c"}, {"--form=a"})) == "unknown flag: --form (did you mean from?)");
    CHECK(one(ins("RUN --mont=type=cache x", {"x"}, {"--mont=type=cache"})) == "unknown flag: --mont (did you mean mount?)");
    CHECK(one(ins("FROM --platfrom=x a", {"a"}, {"--platfrom=x"})) == "unknown flag: --platfrom (did you mean platform?)");
    CHECK(one(ins("COPY --from=a --from=b c d", {"c", "d"}, {"--from=a", "--from=b"})) ==
          "duplicate flag specified: --from");
    CHECK(one(ins("COPY --exclude=a --exclude=b c d", {"c", "d"}, {"--exclude=a", "--exclude=b"})) == "ok");
    CHECK(one(ins("COPY --link=yes a b", {"a", "b"}, {"--link=yes"})) == "expecting boolean value for flag --link, not: yes");
    CHECK(one(ins("COPY --link= a b", {"a", "b"}, {"--link="})) == "missing a value on flag: --link");
    CHECK(one(ins("COPY --link=FALSE --chown= a b", {"a", "b"}, {"--link=FALSE", "--chown="})) == "ok");
    CHECK(one(ins("COPY --exclude a b", {"a", "b"}, {"--exclude"})) == "missing a value on flag: --exclude");
    // BuildKit never parses the flags of ARG, STOPSIGNAL and HEALTHCHECK NONE.
    CHECK(one(ins("ARG --x A", {"A"}, {"--x"})) == "ok");
    CHECK(one(ins("STOPSIGNAL --x TERM", {"TERM"}, {"--x"})) == "ok");
    CHECK(one(ins("HEALTHCHECK --x NONE", {"NONE"}, {"--x"})) == "ok");

    Flags f({"--b", "--s=v", "--", "--nope"});
    auto& b = f.add_bool("b", false);
    auto& s = f.add_string("s", "def");
    REQUIRE(f.parse().ok());
    CHECK(b.value == "true");
    CHECK(s.value == "v");
    CHECK(f.used("s"));
    Flags g({"-x"});
    CHECK(g.parse().error().message == "arg should start with -- : -x");
    Flags h({});
    h.add_bool("b", false);
    h.add_string("b", "");
    CHECK(h.parse().error().message == "error setting up flags: Duplicate flag defined: b");
}

TEST_CASE("HEALTHCHECK", "[bk_typed]") {
    auto hc = [](std::vector<std::string> flags, std::vector<std::string> args, bool json = false) {
        return one(ins("HEALTHCHECK ...", std::move(args), std::move(flags), json));
    };
    CHECK(hc({}, {"NONE", "x"}) == "HEALTHCHECK NONE takes no arguments");
    CHECK(hc({}, {"none"}) == "ok");
    CHECK(hc({}, {"foo", "x"}) == "Unknown type \"FOO\" in HEALTHCHECK (try CMD)");
    CHECK(hc({}, {"CMD"}, true) == "Missing command after HEALTHCHECK CMD");
    CHECK(hc({"--intervl=1s"}, {"CMD", "x"}) == "unknown flag: --intervl (did you mean interval?)");
    CHECK(hc({"--interval=50ns"}, {"CMD", "x"}) == "Interval \"interval\" cannot be less than 1ms");
    CHECK(hc({"--start-interval=-1s"}, {"CMD", "x"}) == "Interval \"start-interval\" cannot be less than 1ms");
    CHECK(hc({"--interval=0", "--timeout=1ms", "--start-period=1.5h"}, {"CMD", "x"}) == "ok");
    CHECK(hc({"--timeout=1x"}, {"CMD", "x"}) == "time: unknown unit \"x\" in duration \"1x\"");
    CHECK(hc({"--timeout=10"}, {"CMD", "x"}) == "time: missing unit in duration \"10\"");
    CHECK(hc({"--start-period=abc"}, {"CMD", "x"}) == "time: invalid duration \"abc\"");
    CHECK(hc({"--retries=-1"}, {"CMD", "x"}) == "--retries cannot be negative (-1)");
    CHECK(hc({"--retries=x"}, {"CMD", "x"}) == "strconv.ParseInt: parsing \"x\": invalid syntax");
    CHECK(hc({"--retries=2147483648"}, {"CMD", "x"}) == "strconv.ParseInt: parsing \"2147483648\": value out of range");
    CHECK(hc({"--retries=3", "--retries=4"}, {"CMD", "x"}) == "duplicate flag specified: --retries");
}

TEST_CASE("RUN options", "[bk_typed]") {
    auto run = [](std::vector<std::string> flags) { return one(ins("RUN ...", {"x"}, std::move(flags))); };
    CHECK(run({"--mount=type=cache,target=/root/.cache", "--mount=type=secret,id=a", "--network=none"}) == "ok");
    CHECK(run({"--network=bridge"}) == "invalid network mode \"bridge\"");
    CHECK(run({"--security=insecure"}) == "ok");
    CHECK(run({"--security=foo"}) == "security \"foo\" is not valid");
    CHECK(run({"--mount=type=bind,from=$STAGE"}) == "'from' doesn't support variable expansion, define alias stage instead");
    CHECK(run({"--mount=FROM=stage$,bogus=1,ro"}) == "ok");  // other keys are checked at build time
    CHECK(run({"--mount=type=\"a"}) == "failed to parse csv mounts: parse error on line 1, column 6: bare \" in non-quoted-field");
    CHECK(run({"--mount=\"a\"b"}) == "failed to parse csv mounts: parse error on line 1, column 3: extraneous or missing \" in quoted-field");
    CHECK(run({"--mount="}) == "failed to parse csv mounts: EOF");
    CHECK(run({"--device=a,b"}) == "invalid field 'b' must be a key=value pair");
    CHECK(run({"--device=vendor1.com/device=foo,name=vendor2.com/device=bar"}) ==
          "device name already set to vendor1.com/device=foo");
    CHECK(run({"--device=a,nmae=b"}) == "unexpected key 'nmae' in 'nmae=b' (did you mean name?)");
    CHECK(run({"--device=a,required=maybe"}) == "invalid value for required: maybe");
    CHECK(run({"--device=name=a,required"}) == "ok");
}

TEST_CASE("unknown instructions", "[bk_typed]") {
    // The suggestion takes the keyword's case when it is all lower or all upper case.
    CHECK(one(ins("runn x", {})) == "unknown instruction: runn (did you mean run?)");
    CHECK(one(ins("RUNN x", {})) == "unknown instruction: RUNN (did you mean RUN?)");
    CHECK(one(ins("Runn x", {})) == "unknown instruction: Runn (did you mean run?)");
    // "rnu" is as far from RUN as from ENV: BuildKit's pick is random, ours the first in ABC order.
    CHECK(one(ins("rnu x", {})) == "unknown instruction: rnu (did you mean env?)");
    CHECK(one(ins("FOO bar", {})) == "unknown instruction: FOO (did you mean FROM?)");
    CHECK(one(ins("BADCMD x", {})) == "unknown instruction: BADCMD");
}

TEST_CASE("Go value parsers", "[bk_typed]") {
    CHECK(*go::parse_duration("1h30m") == 5400000000000);
    CHECK(*go::parse_duration("-1.5s") == -1500000000);
    CHECK(*go::parse_duration(".5\u00b5s") == 500);
    CHECK(go::parse_duration("").error().message == "time: invalid duration \"\"");
    CHECK(go::parse_duration("1\u00e9").error().message == "time: unknown unit \"\\xc3\\xa9\" in duration \"1\\xc3\\xa9\"");
    CHECK(go::parse_duration("9999999999h").error().message == "time: invalid duration \"9999999999h\"");
    CHECK(*go::parse_int("-2147483648", 32) == -2147483648LL);
    CHECK(go::parse_int("+", 32).error().message == "strconv.ParseInt: parsing \"+\": invalid syntax");
    CHECK(go::parse_int("99999999999999999999x", 32).error().message ==
          "strconv.ParseInt: parsing \"99999999999999999999x\": value out of range");
    CHECK(*go::csv_fields("a,\"b,\"\"c\"\"\",") == std::vector<std::string>{"a", "b,\"c\"", ""});
}
