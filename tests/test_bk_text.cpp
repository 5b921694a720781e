// Tests for bk_text and bk_dump: Go's Split, ToLower, TrimSpace, %q and Node.Dump().
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "model/bk_dump.hpp"
#include "model/bk_text.hpp"

namespace bk = restage::model::bk;

namespace {

using Strings = std::vector<std::string>;

bk::Node value(std::string v) {
    bk::Node n;
    n.value = std::move(v);
    return n;
}

}  // namespace

TEST_CASE("split_whitespace is regexp [\\t\\v\\f\\r ]+ Split", "[bk]") {
    CHECK(bk::split_whitespace("a b\t\tc", -1) == Strings{"a", "b", "c"});
    CHECK(bk::split_whitespace("a b c", 2) == Strings{"a", "b c"});
    CHECK(bk::split_whitespace("a  b", 1) == Strings{"a  b"});
    CHECK(bk::split_whitespace(" a ", -1) == Strings{"", "a", ""});
    CHECK(bk::split_whitespace("a\nb\xc2\xa0" "c", -1) == Strings{"a\nb\xc2\xa0" "c"});
    CHECK(bk::split_whitespace("a\vb\fc\rd", -1) == Strings{"a", "b", "c", "d"});
    CHECK(bk::split_whitespace("", -1) == Strings{""});
    CHECK(bk::split_whitespace("a b", 0).empty());
}

TEST_CASE("to_lower follows strings.ToLower", "[bk]") {
    CHECK(bk::to_lower("RuN") == "run");
    CHECK(bk::to_lower("R\xc3\x9cN") == "r\xc3\xbcn");
    CHECK(bk::to_lower("WOR\xe2\x84\xaa" "DIR") == "workdir");  // KELVIN SIGN lowers to k
    CHECK(bk::to_lower("ONBU\xc4\xb0LD") == "onbuild");         // dotted capital I lowers to i
    CHECK(bk::to_lower("\xd0\x96\xce\x91") == "\xd0\xb6\xce\xb1");
    CHECK(bk::to_lower("A\xff") == "a\xef\xbf\xbd");  // non-ASCII input: invalid bytes become U+FFFD
    CHECK(bk::to_lower("A\x80") == "a\xef\xbf\xbd");
}

TEST_CASE("trim helpers", "[bk]") {
    CHECK(bk::trim_space("\xe3\x80\x80 a b\t\xc2\x85") == "a b");
    CHECK(bk::trim_space("\xff ") == "\xff");
    CHECK(bk::trim_left_space("\xc2\xa0 a ") == "a ");
    CHECK(bk::trim_newline("a\r\n\r\n") == "a");
    CHECK(bk::trim_newline("a\r b\n") == "a\r b");
    CHECK(bk::is_space_byte(0xA0));
    CHECK(bk::is_space_byte(0x85));
    CHECK_FALSE(bk::is_space_byte(0xC2));
}

TEST_CASE("go_quote is strconv.Quote", "[bk]") {
    CHECK(bk::go_quote("a \"b\" \\c") == R"("a \"b\" \\c")");
    CHECK(bk::go_quote("\a\b\f\n\r\t\v") == R"("\a\b\f\n\r\t\v")");
    CHECK(bk::go_quote(std::string("\x00\x1f\x7f", 3)) == R"("\x00\x1f\x7f")");
    CHECK(bk::go_quote("\xc3\xa9\xe2\x98\x83\xf0\x9f\x98\x80") == "\"\xc3\xa9\xe2\x98\x83\xf0\x9f\x98\x80\"");
    CHECK(bk::go_quote("\xc2\xa0\xc2\xad\xe2\x80\x8b\xef\xbb\xbf") == R"("\u00a0\u00ad\u200b\ufeff")");
    CHECK(bk::go_quote("\xf3\xa0\x80\x81") == R"("\U000e0001")");
    CHECK(bk::go_quote("\xff\xc3(") == R"("\xff\xc3(")");
    CHECK(bk::go_quote_list({"--a", "--b=\"x\""}) == R"(["--a" "--b=\"x\""])");
    CHECK(bk::go_quote_list({}) == "[]");
}

TEST_CASE("dump and json_args", "[bk]") {
    bk::Node copy = value("COPY");
    copy.flags = {"--from=build", "--link"};
    copy.next = {value("a b"), value("/dst\n")};
    CHECK(bk::dump(copy) == R"(copy ["--from=build" "--link"] "a b" "/dst\n")");
    CHECK(bk::json_args(copy) == Strings{"a b", "/dst\n"});

    bk::Node onbuild = value("ONBUILD");
    onbuild.next.emplace_back();
    onbuild.next[0].children.push_back(copy);
    CHECK(bk::dump(onbuild) == R"(onbuild (copy ["--from=build" "--link"] "a b" "/dst\n"))");
    CHECK(bk::json_args(onbuild).empty());

    CHECK(bk::dump(value("")) == "");
    CHECK(bk::dump(value("\xe2\x80\x83RUN")) == "run");  // Dump ends with TrimSpace
}
