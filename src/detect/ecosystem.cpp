// Ecosystem ids: the stable names used in reports, templates and configuration.
#include <array>
#include <utility>

#include "detect/detect.hpp"

namespace restage::detect {

namespace {
constexpr std::array<std::pair<Ecosystem, std::string_view>, 6> kIds{{
    {Ecosystem::Go, "go"},
    {Ecosystem::Maven, "maven"},
    {Ecosystem::Gradle, "gradle"},
    {Ecosystem::Node, "node"},
    {Ecosystem::Static, "static"},
    {Ecosystem::Unknown, "unknown"},
}};
}  // namespace

std::string_view ecosystem_id(Ecosystem e) {
    for (const auto& [k, id] : kIds) {
        if (k == e) return id;
    }
    return "unknown";
}

Ecosystem ecosystem_from_id(std::string_view id) {
    for (const auto& [k, name] : kIds) {
        if (name == id) return k;
    }
    return Ecosystem::Unknown;
}

}  // namespace restage::detect
