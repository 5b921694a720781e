// The golden runner: every golden/<ecosystem>/<case>/ folder, byte for byte.
//
// A case holds `Dockerfile`, an optional `context/` (the build context), an optional `args`
// file (options, one per line: --runtime X, --artifact PATH, --no-nonroot, --cache-mounts,
// --debug-stage), and what must come out: `expected.Dockerfile` (rewritten), or
// `expected.err` (refused: one "Dockerfile:LINE: refused: REASON" line per reason, each
// followed by "  hint: UNBLOCK" when there is one), or neither (unchanged). `expected.diff`,
// when present, is the unified diff from the input to the output.
// Invariants on every case: the input round-trips; rewriting the output changes nothing.
// UPDATE_GOLDEN=1 rewrites the expected files from what restage produces (review the diff).
// golden/known-failures.txt lists cases whose expected file is right but not produced yet: each
// must still fail (so a fixed bug forces its line out of the list) and is reported as a warning.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "corpus.hpp"
#include "print/diff.hpp"
#include "rewrite_support.hpp"

namespace fs = std::filesystem;
using restage::rewrite::Outcome;

namespace {

restage::rewrite::Options options_from(const fs::path& args_file) {
    restage::rewrite::Options o;
    if (!fs::exists(args_file)) return o;
    std::ifstream in(args_file);
    std::string word;
    while (in >> word) {
        if (word == "--runtime") in >> word, o.runtime = word;
        else if (word == "--artifact") in >> word, o.artifact = word;
        else if (word == "--no-nonroot") o.nonroot = false;
        else if (word == "--cache-mounts") o.cache_mounts = true;
        else if (word == "--debug-stage") o.debug_stage = true;
        else FAIL("unknown option in " << args_file << ": " << word);
    }
    return o;
}

std::map<std::string, std::string> context_files(const fs::path& dir) {
    std::map<std::string, std::string> files;
    if (!fs::exists(dir)) return files;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (e.is_regular_file()) files[fs::relative(e.path(), dir).generic_string()] = restage::test::read_all(e.path());
    }
    return files;
}

std::string refusal_text(const Outcome& out) {
    std::string text;
    for (const auto& r : out.refusals) {
        text += "Dockerfile:" + std::to_string(r.line) + ": refused: " + r.reason + "\n";
        if (!r.unblock.empty()) text += "  hint: " + r.unblock + "\n";
    }
    return text;
}

std::map<std::string, std::string> known_failures(const fs::path& root) {
    std::map<std::string, std::string> out;
    std::ifstream in(root / "known-failures.txt");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto tab = line.find('\t');
        out[line.substr(0, tab)] = tab == std::string::npos ? "" : line.substr(tab + 1);
    }
    return out;
}

// Whether the case gives its expected result (the same comparisons as the CHECKs below).
bool passes(const Outcome& out, const std::string& input, const fs::path& dir) {
    if (fs::exists(dir / "expected.Dockerfile"))
        return out.status == Outcome::Status::Rewritten && out.text == restage::test::read_all(dir / "expected.Dockerfile");
    if (fs::exists(dir / "expected.err"))
        return out.status == Outcome::Status::Refused && refusal_text(out) == restage::test::read_all(dir / "expected.err");
    return out.status == Outcome::Status::Unchanged && out.text == input;
}

void write(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("golden: every case rewrites, refuses or stays as expected", "[golden]") {
    fs::path root = fs::path(RESTAGE_SOURCE_DIR) / "golden";
    bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
    std::vector<fs::path> cases;
    for (const auto& eco : fs::directory_iterator(root)) {
        // golden/errors/ is the error catalogue, run by test_error_catalogue.cpp.
        if (!eco.is_directory() || eco.path().filename() == "errors") continue;
        for (const auto& c : fs::directory_iterator(eco.path())) {
            if (fs::exists(c.path() / "Dockerfile")) cases.push_back(c.path());
        }
    }
    std::sort(cases.begin(), cases.end());
    REQUIRE_FALSE(cases.empty());
    auto known = known_failures(root);
    for (const auto& dir : cases) {
        std::string name = fs::relative(dir, root).generic_string();
        DYNAMIC_SECTION(name) {
            std::string input = restage::test::read_all(dir / "Dockerfile");
            auto files = context_files(dir / "context");
            auto opts = options_from(dir / "args");
            auto doc = restage::model::Document::parse(input);
            REQUIRE(doc);
            CHECK(doc->print() == input);
            Outcome out = restage::test::rewrite_text(input, files, opts);
            fs::path expected = dir / "expected.Dockerfile", err = dir / "expected.err", diff = dir / "expected.diff";
            if (update && known.count(name)) continue;  // hand-written expectations: keep them
            if (update) {
                fs::remove(expected);
                fs::remove(err);
                if (out.status == Outcome::Status::Rewritten) write(expected, out.text);
                if (out.status == Outcome::Status::Refused) write(err, refusal_text(out));
                if (fs::exists(diff)) write(diff, restage::print::unified_diff(input, out.text, "Dockerfile", "Dockerfile", false));
                continue;
            }
            if (auto k = known.find(name); k != known.end()) {
                WARN("known failure " << name << ": " << k->second);
                INFO(name << " passes now: remove it from golden/known-failures.txt");
                CHECK_FALSE(passes(out, input, dir));
                continue;
            }
            if (fs::exists(expected)) {
                INFO("refusals: " << refusal_text(out));
                REQUIRE(out.status == Outcome::Status::Rewritten);
                CHECK(out.text == restage::test::read_all(expected));
                // A second run changes nothing.
                Outcome again = restage::test::rewrite_text(out.text, files, opts);
                CHECK(again.status == Outcome::Status::Unchanged);
                CHECK(again.text == out.text);
            } else if (fs::exists(err)) {
                CHECK(out.status == Outcome::Status::Refused);
                CHECK(refusal_text(out) == restage::test::read_all(err));
                CHECK(out.text == input);
            } else {
                INFO("refusals: " << refusal_text(out));
                CHECK(out.status == Outcome::Status::Unchanged);
                CHECK(out.text == input);
            }
            if (fs::exists(diff)) {
                CHECK(restage::print::unified_diff(input, out.text, "Dockerfile", "Dockerfile", false) ==
                      restage::test::read_all(diff));
            }
        }
    }
}
