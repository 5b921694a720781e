// unified_diff: exact output, minimality against a DP LCS, and round trips through `git apply`.
#include <stdlib.h>
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "print/diff.hpp"

using restage::print::unified_diff;
namespace fs = std::filesystem;

namespace {

std::string diff(std::string_view a, std::string_view b) {
    return unified_diff(a, b, "Dockerfile", "Dockerfile", false);
}

std::string numbered(int from, int to, std::string_view suffix = "") {
    std::string out;
    for (int i = from; i <= to; ++i) out += "l" + std::to_string(i) + std::string(suffix) + "\n";
    return out;
}

bool have_git() { return std::system("git --version >/dev/null 2>&1") == 0; }

/// A scratch directory with git's configuration isolated from the user's.
class GitDir {
public:
    GitDir() {
        std::string tmpl = (fs::temp_directory_path() / "restage-diff-XXXXXX").string();
        REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
        path_ = tmpl;
        REQUIRE(git("init -q") == 0);
    }
    GitDir(const GitDir&) = delete;
    GitDir& operator=(const GitDir&) = delete;
    ~GitDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    int git(const std::string& args) const {
        std::string cmd = "cd '" + path_.string() + "' && HOME='" + path_.string() +
                          "' GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null git " + args +
                          " >/dev/null 2>&1";
        return std::system(cmd.c_str());
    }
    void write(const std::string& name, std::string_view bytes) const {
        fs::create_directories((path_ / name).parent_path());
        std::ofstream out(path_ / name, std::ios::binary);
        out << bytes;
    }
    std::string read(const std::string& name) const {
        std::ifstream in(path_ / name, std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }

private:
    fs::path path_;
};

/// Writes `a` to `name`, applies diff(a, b) with `git apply`, and returns the file's new bytes.
std::string git_applied(std::string_view a, std::string_view b, const std::string& name = "Dockerfile") {
    GitDir dir;
    dir.write(name, a);
    dir.write("change.patch", unified_diff(a, b, name, name, false));
    REQUIRE(dir.git("apply --check change.patch") == 0);
    REQUIRE(dir.git("apply change.patch") == 0);
    return dir.read(name);
}

// The length of a longest common subsequence of lines, by dynamic programming.
std::size_t lcs_length(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::vector<std::size_t>> t(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
        }
    }
    return t[a.size()][b.size()];
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t nl = text.find('\n', at);
        std::size_t end = nl == std::string::npos ? text.size() : nl + 1;
        out.push_back(text.substr(at, end - at));
        at = end;
    }
    return out;
}

std::string random_text(std::mt19937& rng, int max_lines) {
    std::uniform_int_distribution<int> count(0, max_lines), word(0, 4), coin(0, 5);
    std::string out;
    int n = count(rng);
    for (int i = 0; i < n; ++i) out += std::string("line ") + static_cast<char>('a' + word(rng)) + "\n";
    if (!out.empty() && coin(rng) == 0) out.pop_back();  // sometimes no final newline
    if (!out.empty() && coin(rng) == 1) out.insert(out.size() - (out.back() == '\n' ? 1 : 0), "\r");
    return out;
}

}  // namespace

TEST_CASE("diff: equal texts give no diff", "[diff]") {
    CHECK(diff("", "") == "");
    CHECK(diff("FROM a\n", "FROM a\n") == "");
    CHECK(diff("FROM a", "FROM a") == "");
}

TEST_CASE("diff: one changed line with three lines of context", "[diff]") {
    CHECK(diff(numbered(1, 10), numbered(1, 4) + "changed\n" + numbered(6, 10)) ==
          "--- a/Dockerfile\n"
          "+++ b/Dockerfile\n"
          "@@ -2,7 +2,7 @@\n"
          " l2\n"
          " l3\n"
          " l4\n"
          "-l5\n"
          "+changed\n"
          " l6\n"
          " l7\n"
          " l8\n");
}

TEST_CASE("diff: a count of one is left out; a side with no lines names the line before", "[diff]") {
    CHECK(diff("a\n", "b\n") == "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1 +1 @@\n-a\n+b\n");
    CHECK(diff("", "a\nb\n") == "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -0,0 +1,2 @@\n+a\n+b\n");
    CHECK(diff("a\nb\n", "") == "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +0,0 @@\n-a\n-b\n");
    CHECK(diff("a\n", "a\nb\n") == "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1 +1,2 @@\n a\n+b\n");
}

TEST_CASE("diff: removals come before additions in a run of changes", "[diff]") {
    CHECK(diff("keep\na\nb\nkeep2\n", "keep\nx\ny\nkeep2\n") ==
          "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,4 +1,4 @@\n keep\n-a\n-b\n+x\n+y\n keep2\n");
}

TEST_CASE("diff: hunks merge when their contexts touch, and split when they do not", "[diff]") {
    // Changes at lines 2 and 9: six equal lines between them, so one hunk.
    std::string a = numbered(1, 12);
    std::string merged = "l1\nX\n" + numbered(3, 8) + "Y\n" + numbered(10, 12);
    CHECK(
        diff(a, merged) ==
        "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,12 +1,12 @@\n l1\n-l2\n+X\n l3\n l4\n l5\n l6\n l7\n l8\n"
        "-l9\n+Y\n l10\n l11\n l12\n");
    // Changes at lines 2 and 10: seven equal lines between them, so two hunks.
    std::string split = "l1\nX\n" + numbered(3, 9) + "Y\n" + numbered(11, 14);
    CHECK(diff(numbered(1, 14), split) ==
          "--- a/Dockerfile\n+++ b/Dockerfile\n"
          "@@ -1,5 +1,5 @@\n l1\n-l2\n+X\n l3\n l4\n l5\n"
          "@@ -7,7 +7,7 @@\n l7\n l8\n l9\n-l10\n+Y\n l11\n l12\n l13\n");
}

TEST_CASE("diff: a missing final newline is marked", "[diff]") {
    CHECK(diff("a\nb", "a\nb\n") ==
          "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
    CHECK(diff("a\nb\n", "a\nb") ==
          "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n");
    CHECK(diff("a\nb", "x\nb") ==
          "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n-a\n+x\n b\n\\ No newline at end of file\n");
    CHECK(diff("a", "b") ==
          "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n"
          "\\ No newline at end of file\n");
}

TEST_CASE("diff: CRLF is line content", "[diff]") {
    CHECK(diff("a\r\nb\r\n", "a\r\nc\r\n") ==
          "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n");
    CHECK(diff("a\r\n", "a\n") == "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1 +1 @@\n-a\r\n+a\n");
}

TEST_CASE("diff: paths follow a/ and b/", "[diff]") {
    CHECK(unified_diff("a\n", "b\n", "svc/Dockerfile", "svc/Dockerfile.new", false).substr(0, 50) ==
          "--- a/svc/Dockerfile\n+++ b/svc/Dockerfile.new\n@@ -");
}

TEST_CASE("diff: colour only when asked", "[diff]") {
    std::string plain = unified_diff("a\nk\n", "b\nk\n", "f", "f", false);
    CHECK(plain.find('\x1b') == std::string::npos);
    CHECK(unified_diff("a\nk\n", "b\nk\n", "f", "f", true) ==
          "\x1b[1m--- a/f\x1b[0m\n"
          "\x1b[1m+++ b/f\x1b[0m\n"
          "\x1b[36m@@ -1,2 +1,2 @@\x1b[0m\n"
          "\x1b[31m-a\x1b[0m\n"
          "\x1b[32m+b\x1b[0m\n"
          " k\n");
}

TEST_CASE("diff: the change is a shortest one (random texts against a DP LCS)", "[diff]") {
    std::mt19937 rng(20240601);
    for (int round = 0; round < 2000; ++round) {
        std::string a = random_text(rng, 12), b = random_text(rng, 12);
        std::string d = diff(a, b);
        auto la = lines_of(a), lb = lines_of(b);
        std::size_t removed = 0, added = 0;
        for (const auto& line : lines_of(d)) {
            if (line.rfind("---", 0) == 0 || line.rfind("+++", 0) == 0) continue;
            removed += line[0] == '-';
            added += line[0] == '+';
        }
        std::size_t common = lcs_length(la, lb);
        INFO("a=" << a << "\nb=" << b << "\ndiff=" << d);
        CHECK(removed == la.size() - common);
        CHECK(added == lb.size() - common);
    }
}

TEST_CASE("diff: git apply accepts the diff and reproduces the new text", "[diff][git]") {
    if (!have_git()) {
        WARN("git not found: skipped");
        return;
    }
    SECTION("fixed cases") {
        const std::vector<std::pair<std::string, std::string>> cases = {
            {numbered(1, 10), numbered(1, 4) + "changed\n" + numbered(6, 10)},
            {numbered(1, 14), "l1\nX\n" + numbered(3, 9) + "Y\n" + numbered(11, 14)},
            {"a\nb", "a\nb\n"},
            {"a\nb\n", "a\nb"},
            {"a", "b"},
            {"", "a\nb\n"},
            {"a\nb\n", ""},
            {"a\r\nb\r\n", "a\r\nc\r\nd\r\n"},
            {"FROM golang:1.22\nCOPY . .\nRUN go build -o /app\nCMD [\"/app\"]\n",
             "FROM golang:1.22 AS build\nCOPY . .\nRUN go build -o /app\n\nFROM scratch\nCOPY --from=build "
             "/app /app\n"
             "CMD [\"/app\"]\n"},
        };
        for (const auto& [a, b] : cases) {
            INFO("a=" << a << "\nb=" << b);
            CHECK(git_applied(a, b) == b);
        }
        CHECK(git_applied("x\ny\n", "x\nz\n", "svc/api/Dockerfile") == "x\nz\n");
    }
    SECTION("random cases") {
        std::mt19937 rng(7);
        for (int round = 0; round < 40; ++round) {
            std::string a = random_text(rng, 25), b = random_text(rng, 25);
            if (a == b) continue;
            INFO("a=" << a << "\nb=" << b);
            CHECK(git_applied(a, b) == b);
        }
    }
}
