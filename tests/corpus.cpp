// Loading the corpus once per test run.
#include "corpus.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace restage::test {

std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::optional<std::filesystem::path> corpus_dir() {
    std::filesystem::path shared;
    if (const char* env = std::getenv("RESTAGE_SHARED"); env != nullptr && *env != '\0') {
        shared = env;
    } else {
        shared = std::filesystem::path(RESTAGE_SOURCE_DIR) / ".." / "shared";
    }
    auto dir = shared / "corpus";
    if (!std::filesystem::exists(dir / "bulk.buildkit.jsonl")) return std::nullopt;
    return dir;
}

const std::vector<CorpusFile>& corpus_files() {
    static const std::vector<CorpusFile> files = [] {
        std::vector<CorpusFile> out;
        auto dir = corpus_dir();
        if (!dir) return out;
        std::ifstream jsonl(*dir / "bulk.buildkit.jsonl");
        std::string line;
        while (std::getline(jsonl, line)) {
            auto j = parse_json(line);
            if (!j || !j->object()) continue;
            auto obj = *j->object();
            std::string file = *obj.at("file").string();
            obj.erase("file");
            auto path = *dir / "bulk" / file;
            out.push_back({"bulk/" + file, path, read_all(path), Json{obj}});
        }
        for (const auto& entry : std::filesystem::directory_iterator(*dir / "cases")) {
            auto expected = parse_json(read_all(entry.path() / "buildkit.json"));
            if (!expected) continue;
            auto path = entry.path() / "Dockerfile";
            out.push_back({"cases/" + entry.path().filename().string() + "/Dockerfile", path, read_all(path),
                           *expected});
        }
        std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
        return out;
    }();
    return files;
}

}  // namespace restage::test
