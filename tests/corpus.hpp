// The real-world corpus in ../shared/corpus: every Dockerfile with BuildKit's own result.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "json_value.hpp"

namespace restage::test {

/// One corpus file: its path, bytes and BuildKit's result (the object with "file" removed).
struct CorpusFile {
    std::string name;  ///< bulk/<file> or cases/<case>/Dockerfile
    std::filesystem::path path;
    std::string bytes;
    Json buildkit;
};

/// The corpus folder: $RESTAGE_SHARED/corpus, else <source>/../shared/corpus; nullopt when absent.
std::optional<std::filesystem::path> corpus_dir();

/// Every corpus file (2,075 bulk + 138 cases); empty when there is no corpus.
const std::vector<CorpusFile>& corpus_files();

/// The whole text of a file.
std::string read_all(const std::filesystem::path& p);

}  // namespace restage::test
