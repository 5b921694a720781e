// test_detect_corpus.cpp: classify() against the ecosystem a person named for each curated
// corpus case (cases/*/SOURCE), with each case's own build context.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "corpus.hpp"
#include "detect/detect.hpp"

namespace {

struct Known {
    std::string answer;
    std::string reason;
};

// tests/corpus/detect-known-differences.tsv: case, restage's answer, reason.
std::map<std::string, Known> known_differences() {
    std::map<std::string, Known> out;
    std::ifstream in(std::string(RESTAGE_SOURCE_DIR) + "/tests/corpus/detect-known-differences.tsv");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto t1 = line.find('\t');
        auto t2 = line.find('\t', t1 + 1);
        if (t1 == std::string::npos || t2 == std::string::npos) continue;
        out[line.substr(0, t1)] = Known{line.substr(t1 + 1, t2 - t1 - 1), line.substr(t2 + 1)};
    }
    return out;
}

// The value of `key: value` in SOURCE, or "".
std::string source_field(const std::string& source, const std::string& key) {
    std::istringstream in(source);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key + ": ", 0) == 0) return line.substr(key.size() + 2);
    }
    return "";
}

// The answers that agree with SOURCE's label. "java" is Maven or Gradle; the context's
// manifests tell which when only one build tool's files are there.
std::set<std::string> acceptable(const std::string& label, const std::filesystem::path& context) {
    if (label == "go" || label == "node" || label == "static") return {label};
    if (label != "java") return {"unknown"};
    auto has = [&](const char* name) { return std::filesystem::exists(context / name); };
    bool maven = has("pom.xml") || has("mvnw");
    bool gradle = has("build.gradle") || has("build.gradle.kts") || has("settings.gradle") || has("gradlew");
    if (maven && !gradle) return {"maven"};
    if (gradle && !maven) return {"gradle"};
    return {"maven", "gradle"};
}

std::string join(const std::set<std::string>& s) {
    std::string out;
    for (const auto& x : s) out += (out.empty() ? "" : " or ") + x;
    return out;
}

}  // namespace

TEST_CASE("corpus: detect agrees with the people-named ecosystem of the cases", "[detect][corpus]") {
    auto dir = restage::test::corpus_dir();
    if (!dir) {
        WARN("no corpus at ../shared/corpus: skipped");
        return;
    }
    auto known = known_differences();
    REQUIRE(known.size() <= 3);

    std::vector<std::filesystem::path> cases;
    for (const auto& entry : std::filesystem::directory_iterator(*dir / "cases")) cases.push_back(entry.path());
    std::sort(cases.begin(), cases.end());

    int total = 0, agree_source = 0, agree = 0;
    std::string disagreements;
    std::set<std::string> known_seen;
    for (const auto& path : cases) {
        const std::string name = path.filename().string();
        const std::string label = source_field(restage::test::read_all(path / "SOURCE"), "ecosystem");
        if (label.empty()) continue;
        ++total;
        auto doc = restage::model::Document::parse(restage::test::read_all(path / "Dockerfile"));
        std::string answer = "parse error";
        double confidence = 0;
        if (doc) {
            auto d = restage::detect::classify(*doc, restage::detect::Context::from_dir(path / "context"));
            answer = std::string(restage::detect::ecosystem_id(d.ecosystem));
            confidence = d.confidence;
        }
        auto wanted = acceptable(label, path / "context");
        bool with_source = wanted.count(answer) != 0;
        agree_source += with_source;
        if (auto k = known.find(name); k != known.end()) {
            known_seen.insert(name);
            INFO(name << ": listed as a known difference (" << k->second.answer << "), restage says " << answer);
            CHECK(answer == k->second.answer);
            CHECK_FALSE(with_source);  // a listed case that agrees with SOURCE again is a stale entry
            agree += answer == k->second.answer;
            continue;
        }
        agree += with_source;
        if (!with_source) {
            disagreements += "  " + name + ": SOURCE says " + label + " (" + join(wanted) + "), restage says " + answer +
                             " (confidence " + std::to_string(confidence).substr(0, 4) + ")\n";
        }
    }
    for (const auto& [name, k] : known) {
        INFO("known difference for a case that is not in the corpus: " << name);
        CHECK(known_seen.count(name) == 1);
    }
    REQUIRE(total > 0);
    const double raw = static_cast<double>(agree_source) / total;
    const double adjusted = static_cast<double>(agree) / total;
    WARN("detect: " << agree_source << "/" << total << " agree with SOURCE (" << raw * 100 << "%); " << agree << "/"
                    << total << " with the " << known.size() << " known differences ("
                    << adjusted * 100 << "%)\n"
                    << (disagreements.empty() ? "  no other disagreement\n" : disagreements));
    CHECK(adjusted >= 0.95);
}
