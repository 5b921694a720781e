// Helpers shared by the detector's tests: classify a Dockerfile text, look through its evidence, and a
// scratch folder on disk.
#pragma once

#include <catch2/catch.hpp>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "detect/detect.hpp"

namespace restage::test {

/// Parses `dockerfile` and classifies it with `files` as the build context.
inline restage::detect::Detection detect(std::string dockerfile,
                                         std::map<std::string, std::string> files = {},
                                         const std::vector<restage::detect::Signals>& extra = {}) {
    auto doc = restage::model::Document::parse(std::move(dockerfile));
    REQUIRE(doc.ok());
    return restage::detect::classify(*doc, restage::detect::Context::in_memory(std::move(files)), extra);
}

/// The id of the ecosystem a detection settled on ("go", "maven", "unknown", ...).
inline std::string id(const restage::detect::Detection& d) {
    return std::string(restage::detect::ecosystem_id(d.ecosystem));
}

/// Whether some evidence pointing to `e` has a fact containing `fragment`.
inline bool fires(const restage::detect::Detection& d, std::string_view fragment,
                  restage::detect::Ecosystem e) {
    for (const auto& ev : d.evidence) {
        if (ev.points_to == e && ev.fact.find(fragment) != std::string::npos) return true;
    }
    return false;
}

/// Whether any evidence has a fact containing `fragment`.
inline bool seen(const restage::detect::Detection& d, std::string_view fragment) {
    for (const auto& ev : d.evidence) {
        if (ev.fact.find(fragment) != std::string::npos) return true;
    }
    return false;
}

/// A fresh folder under the system's temp folder, removed at the end of the scope.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "restage-detect-XXXXXX").string();
        REQUIRE(mkdtemp(tmpl.data()) != nullptr);
        path = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    void write(const std::string& rel, const std::string& text) const {
        std::filesystem::create_directories((path / rel).parent_path());
        std::ofstream(path / rel, std::ios::binary) << text;
    }
};

}  // namespace restage::test
