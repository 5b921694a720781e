// The WORKDIR and ENV of the official builder images, from their published Dockerfiles.
#include "rewrite/image_defaults.hpp"

namespace restage::rewrite {

namespace {

// "docker.io/library/golang:1.22@sha256:..." -> "golang"; "gcr.io/x/golang:1" -> "gcr.io/x/golang".
std::string repository(std::string_view image) {
    std::string ref(image.substr(0, image.find('@')));
    auto slash = ref.rfind('/');
    auto colon = ref.rfind(':');
    if (colon != std::string::npos && (slash == std::string::npos || colon > slash)) ref.resize(colon);
    for (std::string_view prefix : {"docker.io/library/", "index.docker.io/library/", "docker.io/", "library/"}) {
        if (ref.rfind(prefix, 0) == 0) return ref.substr(prefix.size());
    }
    return ref;
}

}  // namespace

ImageDefaults image_defaults(std::string_view image) {
    std::string repo = repository(image);
    if (repo == "golang") return {{"GOPATH=/go"}, "/go"};
    if (repo == "gradle") return {{}, "/home/gradle"};
    return {};
}

}  // namespace restage::rewrite
