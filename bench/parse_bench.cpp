// parse_bench: parse throughput of restage's Document::parse over a folder of Dockerfiles.
//
// Usage: restage_bench_parse DIR [ROUNDS]
// Reads every file under DIR into memory first, then parses all of them ROUNDS times on one
// thread and reports MB/s, files/s and peak RSS (getrusage). Parsing includes the tree-sitter
// parse and BuildKit's semantics for every instruction (what `restage parse --json` needs).
#include <fmt/core.h>
#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "model/document.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        fmt::print(stderr, "usage: {} DIR [ROUNDS]\n", argv[0]);
        return 2;
    }
    int rounds = argc > 2 ? std::stoi(argv[2]) : 5;
    std::vector<std::string> files;
    size_t bytes = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(argv[1])) {
        if (!e.is_regular_file()) continue;
        std::ifstream in(e.path(), std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        files.push_back(ss.str());
        bytes += files.back().size();
    }
    if (files.empty()) {
        fmt::print(stderr, "no files under {}\n", argv[1]);
        return 2;
    }
    size_t instructions = 0;
    auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < rounds; ++r) {
        for (const auto& f : files) {
            auto doc = restage::model::Document::parse(f);
            if (doc) instructions += doc->instructions().size();
        }
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    double mb = static_cast<double>(bytes) * rounds / 1e6;
    fmt::print("files {} ({:.2f} MB) x {} rounds: {:.3f} s\n", files.size(), bytes / 1e6, rounds, secs);
    fmt::print("throughput {:.1f} MB/s, {:.0f} files/s, {:.0f} instructions/s\n", mb / secs,
               files.size() * rounds / secs, instructions / secs);
    fmt::print("peak RSS {:.1f} MB\n", ru.ru_maxrss / 1024.0);
    return 0;
}
