// What official builder images set themselves, which a Dockerfile built FROM them inherits.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace restage::rewrite {

struct ImageDefaults {
    std::vector<std::string> env;  ///< KEY=VALUE the image sets (golang: GOPATH=/go)
    std::string workdir = "/";     ///< its WORKDIR (golang: /go, gradle: /home/gradle)
};

/// The defaults of `image` (a FROM reference, tag and digest allowed); "/" and no ENV for images
/// restage does not know.
ImageDefaults image_defaults(std::string_view image);

}  // namespace restage::rewrite
