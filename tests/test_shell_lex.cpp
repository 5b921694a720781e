// test_shell_lex.cpp: the shell lexer against BuildKit's own test data and exact cases.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>

#include "model/go_text.hpp"
#include "model/shell_lex.hpp"
#include "model/shell_pattern.hpp"

using namespace restage::model;

namespace {

// BuildKit's repository, as the search tool mirrors it; its test data is read at test time only.
const char* const kBuildkitGit = "/work/.mirror/moby+buildkit/repo";

// `git show HEAD:path` from the BuildKit mirror, or nullopt when the mirror is not on this machine.
std::optional<std::string> buildkit_file(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_directory(kBuildkitGit, ec)) return std::nullopt;
    const std::string cmd = std::string("git -C '") + kBuildkitGit + "' show 'HEAD:" + path + "' 2>/dev/null";
    FILE* f = popen(cmd.c_str(), "r");
    if (!f) return std::nullopt;
    std::string out;
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
    if (pclose(f) != 0) return std::nullopt;
    return out;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t p = s.find(sep, start);
        out.push_back(s.substr(start, p - start));
        if (p == std::string::npos) return out;
        start = p + 1;
    }
}

EnvLookup env_map(std::map<std::string, std::string> m) {
    return [m = std::move(m)](const std::string& k) -> std::optional<std::string> {
        auto it = m.find(k);
        if (it == m.end()) return std::nullopt;
        return it->second;
    };
}

std::string word(std::string_view input, const EnvLookup& env, const LexOptions& o = {}) {
    auto r = process_word(input, env, o);
    return r ? *r : "error: " + r.error().message;
}

}  // namespace

TEST_CASE("BuildKit's envVarTest data", "[shell_lex]") {
    const auto data = buildkit_file("frontend/dockerfile/shell/envVarTest");
    if (!data) {
        WARN("BuildKit mirror not found; envVarTest skipped");
        return;
    }
    const auto env = env_from_entries({"PWD=/home", "SHELL=bash", "KOREAN=한국어", "NULL="});
    std::istringstream in(*data);
    int cases = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind('#', 0) == 0) continue;
        const std::string trimmed(go::trim_space(line));
        if (trimmed.empty()) continue;
        const auto f = split(trimmed, '|');
        REQUIRE(f.size() == 3);
        const std::string platform(go::trim_space(f[0])), source(go::trim_space(f[1])),
            expected(go::trim_space(f[2]));
        if (platform == "W") continue;
        auto r = process_word(source, env);
        INFO("source: " << source);
        if (expected == "error") {
            CHECK_FALSE(r.ok());
        } else {
            REQUIRE(r.ok());
            CHECK(*r == expected);
        }
        ++cases;
    }
    CHECK(cases > 200);
}

TEST_CASE("BuildKit's wordsTest data", "[shell_lex]") {
    const auto data = buildkit_file("frontend/dockerfile/shell/wordsTest");
    if (!data) {
        WARN("BuildKit mirror not found; wordsTest skipped");
        return;
    }
    // BuildKit's own test reads the file once, so only its normal mode ever runs; so do we.
    std::vector<std::string> envs;
    std::istringstream in(*data);
    int cases = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind('#', 0) == 0) continue;
        if (line.rfind("ENV ", 0) == 0) {
            std::string kv = line.substr(3);
            kv.erase(0, kv.find_first_not_of(' '));
            envs.push_back(kv);
            continue;
        }
        const auto f = split(line, '|');
        REQUIRE(f.size() == 2);
        const std::string test(go::trim_space(f[0]));
        std::string rest = f[1];
        rest.erase(0, rest.find_first_not_of(' '));
        auto r = process_words(test, env_from_entries(envs));
        INFO("test: " << test);
        CHECK((r ? *r : std::vector<std::string>{"error"}) == split(rest, ','));
        ++cases;
    }
    CHECK(cases > 20);
}

TEST_CASE("exact error messages", "[shell_lex]") {
    const auto env = env_from_entries({"PWD=/home", "NULL="});
    CHECK(word("${", env) == "error: failed to process \"${\": syntax error: missing '}'");
    CHECK(word("${}", env) == "error: failed to process \"${}\": syntax error: bad substitution");
    CHECK(word("${:-x}", env) == "error: failed to process \"${:-x}\": syntax error: bad substitution");
    CHECK(word("${PWD", env) == "error: failed to process \"${PWD\": unsupported modifier (\xEF\xBF\xBD) in substitution");
    CHECK(word("${PWD:-x", env) == "error: failed to process \"${PWD:-x\": syntax error: missing '}'");
    CHECK(word("${PWD:=x}", env) == "error: failed to process \"${PWD:=x}\": unsupported modifier (:=) in substitution");
    CHECK(word("${PWD:#x}", env) == "error: failed to process \"${PWD:#x}\": unsupported modifier (:#) in substitution");
    CHECK(word("${PWD^}", env) == "error: failed to process \"${PWD^}\": unsupported modifier (^) in substitution");
    CHECK(word("${X?}", env) == "error: failed to process \"${X?}\": X: is not allowed to be unset");
    CHECK(word("${NULL:?}", env) == "error: failed to process \"${NULL:?}\": NULL: is not allowed to be empty");
    CHECK(word("${X:?need X}", env) == "error: failed to process \"${X:?need X}\": X: need X");
    CHECK(word("'a", env) ==
          "error: failed to process \"'a\": unexpected end of statement while looking for matching single-quote");
    CHECK(word("\"a\\", env) ==
          "error: failed to process \"\\\"a\\\\\": unexpected end of statement while looking for matching double-quote");
    CHECK(word("${PWD/a", env) == "error: failed to process \"${PWD/a\": syntax error: missing '/' in ${}");
    CHECK(word("${PWD/a/b", env) == "error: failed to process \"${PWD/a/b\": syntax error: missing '}'");
    CHECK(word("${PWD#\\x}", env) ==
          "error: failed to process \"${PWD#\\\\x}\": invalid pattern (\\x) in substitution: invalid escape '\\x'");
    // trimSuffix reports the reversed pattern, as BuildKit does.
    CHECK(word("${PWD%a\\x}", env) ==
          "error: failed to process \"${PWD%a\\\\x}\": invalid pattern (\\xa) in substitution: invalid escape '\\x'");
    CHECK(word("\t${", env) == "error: failed to process \"\\t${\": syntax error: missing '}'");
}

TEST_CASE("${...} nesting is bounded at 100 levels, not by the stack", "[shell_lex]") {
    const auto env = env_from_entries({});
    auto nested = [](int n) {
        std::string w;
        for (int i = 0; i < n; ++i) w += "${A:-";
        return w + "x" + std::string(static_cast<std::size_t>(n), '}');
    };
    CHECK(word(nested(100), env) == "x");
    const std::string deep = nested(200000);
    CHECK(word(deep, env) ==
          "error: failed to process " + go::quote(deep) + ": variables nested more than 100 deep");
}

TEST_CASE("expansion forms", "[shell_lex]") {
    const auto env = env_map({{"FOO", "xxyy"}, {"E", ""}, {"P", "/a/foo/b/c.txt"}});
    CHECK(word("$FOO-${FOO}", env) == "xxyy-xxyy");
    CHECK(word("${X-d}|${E-d}|${X:-d}|${E:-d}", env) == "d||d|d");
    CHECK(word("${X+a}|${E+a}|${X:+a}|${E:+a}|${FOO:+a}", env) == "|a|||a");
    CHECK(word("${FOO#x}|${FOO##*x}|${FOO%y}|${FOO%%y*}", env) == "xyy|yy|xxy|xx");
    // The replacement keeps its escapes (BuildKit's own test expects "\\/tmp\\/foo.txt" too).
    CHECK(word("${P/\\/?\\//\\/}|${P//\\/?\\//\\/}", env) == "\\/foo/b/c.txt|\\/foo\\/c.txt");
    CHECK(word("${FOO//y/$$}", env) == "xx");          // $$ is the unset variable "$"
    CHECK(word("${FOO//y/[\\$0]}", env) == "xx[\\y][\\y]");  // Go's $0 template names the match
    CHECK(word("${FOO//*/z}", env) == "z");
    CHECK(word("${FOO/#/z}", env) == "xxyy");           // no anchors: '#' is a literal
    CHECK(word("$1$@x$", env) == "x$");
    CHECK(word("a\\ b 'c d' \"e $FOO\"", env) == "a b c d e xxyy");
    CHECK(word("`$FOO", env, {U'`'}) == "$FOO");
    CHECK(word("\\$FOO", env, {U'`'}) == "\\xxyy");
}

TEST_CASE("options", "[shell_lex]") {
    const auto env = env_map({{"A", "1"}});
    LexOptions raw;
    raw.raw_quotes = true;
    raw.skip_unset_env = true;
    CHECK(word("'x'\"$A $B ${B:-z} ${B/p/r}\"", env, raw) == "'x'\"1 $B ${B:-z} ${B/p/r}\"");
    LexOptions esc;
    esc.raw_escapes = true;
    CHECK(word("a\\ b \"\\$A\\q\"", env, esc) == "a\\ b \\$A\\\\q");
    LexOptions noquotes;
    noquotes.skip_process_quotes = true;
    CHECK(word("'$A'", env, noquotes) == "'1'");
}

TEST_CASE("words and matches", "[shell_lex]") {
    const auto env = env_map({{"FOO", "xxx"}, {"BAR", ""}, {"SP", " a  b "}});
    auto r = lex_word("${FOO-aaa} ${BAR-bbb} ${BAZ-ccc}", env);
    REQUIRE(r.ok());
    CHECK(r->word == "xxx  ccc");
    CHECK(r->words == std::vector<std::string>{"xxx", "ccc"});
    CHECK(r->matched == std::set<std::string>{"BAR", "FOO"});
    CHECK(r->unmatched == std::set<std::string>{"BAZ"});
    CHECK(*process_words("x${SP}y \"${SP}\" <<  EOF", env) ==
          std::vector<std::string>{"x", "a", "b", "y", " a  b ", "<<  EOF"});
    // BuildKit's shared word buffer drops the text before a nested ${...} from the split words.
    CHECK(*process_words("a${X:-b}c", env) == std::vector<std::string>{"bc"});
    CHECK(process_words("\"\"", env)->empty());
}

TEST_CASE("BuildKit's TestProcessWithMatches", "[shell_lex]") {
    struct Case {
        const char* input;
        std::map<std::string, std::string> env;
        const char* expected;  // nullptr: an error
        std::set<std::string> matched, unmatched;
    };
    const std::vector<Case> cases = {
        {"x ${UNUSED}", {{"DUMMY", "dummy"}}, "x ", {}, {"UNUSED"}},
        {"${FOO:-aaa} ${BAR:-bbb} ${BAZ:-ccc}", {{"FOO", "xxx"}, {"BAR", ""}}, "xxx bbb ccc", {"FOO", "BAR"}, {"BAZ"}},
        {"${FOO:+aaa} ${BAR:+bbb} ${BAZ:+ccc}", {{"FOO", "xxx"}, {"BAR", ""}}, "aaa  ", {"FOO", "BAR"}, {"BAZ"}},
        {"${BAR?bbb}", {{"BAR", ""}}, "", {"BAR"}, {}},
        {"${BAR:?bbb}", {{"BAR", ""}}, nullptr, {}, {}},
        {"${FOO=aaa}", {{"FOO", "xxx"}}, nullptr, {}, {}},
        {"${FOO#()[]{\\}^$.\\*\\?|\\\\}", {{"FOO", "()[]{}^$.*?|\\x"}}, "x", {"FOO"}, {}},
        {"${FOO%%\\**}", {{"FOO", "xx**"}}, "xx", {"FOO"}, {}},
        {"${FOO#*x*y}", {{"FOO", "xxyy"}}, "y", {"FOO"}, {}},
        {"${FOO#*}", {{"FOO", "xxyy"}}, "xxyy", {"FOO"}, {}},
        {"${FOO#$BAR}", {{"FOO", "xxyy"}, {"BAR", "x"}}, "xyy", {"FOO", "BAR"}, {}},
        {"${FOO#?\\?}", {{"FOO", "???y"}}, "?y", {"FOO"}, {}},
        {"${ABC:-.}${FOO%x}${ABC:-.}", {{"FOO", "xxyy"}}, ".xxyy.", {"FOO"}, {"ABC"}},
        {"${FOO%%\\**\\*}", {{"FOO", "a***yy*"}}, "a", {"FOO"}, {}},
        {"${FOO:#}", {}, nullptr, {}, {}},
        {"${FOO:%%}", {}, nullptr, {}, {}},
        {"${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}", {{"FOO", "/foo*/*/*.txt"}, {"NEEDLE", "\\*/"}},
         "/foo.*/*.txt - /foo..*.txt", {"FOO", "NEEDLE"}, {}},
        {"${FOO/$NEEDLE/} - ${FOO//$NEEDLE/}", {{"FOO", "/tmp/tmp/bar.txt"}, {"NEEDLE", "/tmp"}},
         "/tmp/bar.txt - /bar.txt", {"FOO", "NEEDLE"}, {}},
        {"${FOO/$NEEDLE/$REPLACEMENT}", {{"FOO", "http://google.de"}, {"NEEDLE", "http://"}, {"REPLACEMENT", "https://"}},
         "https://google.de", {"FOO", "NEEDLE", "REPLACEMENT"}, {}},
        {"${FOO//\\//\\/}", {{"FOO", "/tmp/foo.txt"}}, "\\/tmp\\/foo.txt", {"FOO"}, {}},
        {"${FOO/$BAR/ww}", {{"FOO", "xxyy"}, {"BAR", ""}}, "wwxxyy", {"FOO", "BAR"}, {}},
        {"${FOO//ww}", {{"FOO", "xxyy"}}, nullptr, {}, {}},
        {"${FOO///}", {{"FOO", "xxyy"}}, "xxyy", {"FOO"}, {}},
        {"${FOO///}", {}, "", {}, {"FOO"}},
        {"something-${V}.${OS}-${ARCH}${VARIANT:+-${VARIANT}}.tar.gz",
         {{"V", "v1.2.3"}, {"OS", "linux"}, {"ARCH", "arm"}, {"VARIANT", "v7"}},
         "something-v1.2.3.linux-arm-v7.tar.gz", {"V", "OS", "ARCH", "VARIANT"}, {}},
    };
    for (const auto& c : cases) {
        INFO("input: " << c.input);
        auto r = lex_word(c.input, env_map(c.env));
        if (!c.expected) {
            CHECK_FALSE(r.ok());
            continue;
        }
        REQUIRE(r.ok());
        CHECK(r->word == c.expected);
        CHECK(r->matched == c.matched);
        CHECK(r->unmatched == c.unmatched);
    }
}

TEST_CASE("patterns", "[shell_lex]") {
    using namespace shell_pattern;
    CHECK(reverse_string("🖖🚀👽") == "👽🚀🖖");
    CHECK(reverse_pattern("a\\*c") == "c\\*a");
    CHECK(reverse_pattern("\\\\\\ab") == "b\\a\\\\");
    CHECK(reverse_pattern("ab\\") == "\\ba");
    CHECK(reverse_pattern("👽\\🚀🖖") == "🖖\\🚀👽");
    for (const char* bad : {"\\", "\\x", "\\\\\\"}) CHECK_FALSE(compile(bad, true, true).ok());
    CHECK(compile("\\", true, true).error().message == "invalid escape '\\\xEF\xBF\xBD'");
    CHECK(*trim_prefix("*", "a\nb", true) == "\nb");  // `.` stops at a newline
    CHECK(go::quote("a\"\\\n\x01\x7f\xff\u00a0é") == "\"a\\\"\\\\\\n\\x01\\x7f\\xff\\u00a0é\"");
}
