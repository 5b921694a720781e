// Base images: which toolchain or runtime an image name stands for. Data, one row per family
// of images; OS images (alpine, debian, ubuntu, scratch, ...) have no row and say nothing.
#include <array>

#include "detect/signals.hpp"

namespace restage::detect::internal {

namespace {

struct ImageRow {
    std::string_view pattern;  // glob on the last path component, or on the whole name if it has '/'
    Target target;
    std::string_view flavor;
    std::string_view language;
};

// Order matters: the first matching row wins (hugo before the generic rows, ...).
constexpr std::array kImages{
    ImageRow{"golang", Target::Go, "", ""},
    ImageRow{"go-toolset", Target::Go, "", ""},
    ImageRow{"tinygo", Target::Go, "", ""},
    ImageRow{"maven", Target::Maven, "", ""},
    ImageRow{"gradle", Target::Gradle, "", ""},
    ImageRow{"openjdk*", Target::Jvm, "", ""},
    ImageRow{"*-openjdk*", Target::Jvm, "", ""},
    ImageRow{"*jdk*", Target::Jvm, "", ""},
    ImageRow{"*jre*", Target::Jvm, "", ""},
    ImageRow{"java", Target::Jvm, "", ""},
    ImageRow{"eclipse-temurin", Target::Jvm, "", ""},
    ImageRow{"temurin", Target::Jvm, "", ""},
    ImageRow{"amazoncorretto", Target::Jvm, "", ""},
    ImageRow{"corretto", Target::Jvm, "", ""},
    ImageRow{"ibmjava", Target::Jvm, "", ""},
    ImageRow{"ibm-semeru-runtimes", Target::Jvm, "", ""},
    ImageRow{"sapmachine", Target::Jvm, "", ""},
    ImageRow{"tomcat", Target::Jvm, "", ""},
    ImageRow{"tomee", Target::Jvm, "", ""},
    ImageRow{"jetty", Target::Jvm, "", ""},
    ImageRow{"wildfly", Target::Jvm, "", ""},
    ImageRow{"jboss*", Target::Jvm, "", ""},
    ImageRow{"payara*", Target::Jvm, "", ""},
    ImageRow{"open-liberty", Target::Jvm, "", ""},
    ImageRow{"websphere-liberty", Target::Jvm, "", ""},
    ImageRow{"hugo*", Target::Static, "hugo", ""},
    ImageRow{"jekyll*", Target::Static, "jekyll", ""},
    ImageRow{"node", Target::Js, "", ""},
    ImageRow{"nodejs*", Target::Js, "", ""},
    ImageRow{"alpine-node", Target::Js, "", ""},
    ImageRow{"*script-node", Target::Js, "", ""},  // devcontainers' javascript-node, typescript-node
    ImageRow{"nginx*", Target::Static, "", ""},
    ImageRow{"httpd", Target::Static, "", ""},
    ImageRow{"caddy", Target::Static, "", ""},
    ImageRow{"lighttpd", Target::Static, "", ""},
    ImageRow{"python*", Target::Other, "", "python"},
    ImageRow{"pypy", Target::Other, "", "python"},
    ImageRow{"ruby", Target::Other, "", "ruby"},
    ImageRow{"rails", Target::Other, "", "ruby"},
    ImageRow{"php*", Target::Other, "", "php"},
    ImageRow{"composer", Target::Other, "", "php"},
    ImageRow{"wordpress", Target::Other, "", "php"},
    ImageRow{"*dotnet*", Target::Other, "", "dotnet"},
    ImageRow{"microsoft/aspnet*", Target::Other, "", "dotnet"},
    ImageRow{"rust", Target::Other, "", "rust"},
    ImageRow{"perl", Target::Other, "", "perl"},
    ImageRow{"elixir", Target::Other, "", "elixir"},
    ImageRow{"erlang", Target::Other, "", "erlang"},
    ImageRow{"haskell", Target::Other, "", "haskell"},
    ImageRow{"swift", Target::Other, "", "swift"},
    ImageRow{"clojure", Target::Other, "", "clojure"},
    ImageRow{"gcc", Target::Other, "", "c"},
};

}  // namespace

std::string image_name(std::string_view ref) {
    if (auto at = ref.find('@'); at != std::string_view::npos) ref = ref.substr(0, at);
    auto slash = ref.rfind('/');
    auto colon = ref.rfind(':');
    if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) ref = ref.substr(0, colon);
    return lower(ref);
}

std::optional<ImageKind> image_kind(std::string_view name) {
    std::string full = lower(name);
    std::string last = program_name(full);
    // mcr.microsoft.com/dotnet/sdk: the interesting part is the path, not "sdk".
    for (const auto& row : kImages) {
        bool whole = row.pattern.find('/') != std::string_view::npos || row.pattern.front() == '*';
        if (glob_match(row.pattern, last) || (whole && glob_match(row.pattern, full))) {
            return ImageKind{row.target, std::string(row.flavor), std::string(row.language)};
        }
    }
    return std::nullopt;
}

}  // namespace restage::detect::internal
