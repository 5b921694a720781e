// Node projects shared by the Node planner's tests.
#pragma once

#include <string>

namespace restage::test {

/// An Express API whose start script runs `node server.js`.
inline const std::string kExpress =
    R"({"name":"api","scripts":{"start":"node server.js"},"dependencies":{"express":"^4.19.0"}})";

}  // namespace restage::test
