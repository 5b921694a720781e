// fuzz_diff: split the input at its first 0xFF byte into a and b; the unified diff of a and b,
// applied to a, gives b.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include "check.hpp"
#include "patch.hpp"
#include "print/diff.hpp"

using restage::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view in(reinterpret_cast<const char*>(data), size);
    size_t cut = in.find('\xff');
    std::string_view a = in.substr(0, cut);
    std::string_view b = cut == std::string_view::npos ? std::string_view() : in.substr(cut + 1);

    std::string diff = restage::print::unified_diff(a, b, "Dockerfile", "Dockerfile", false);
    check(diff.empty() == (a == b), "the diff is empty exactly when the texts are equal");
    auto patched = restage::fuzz::apply_unified_diff(a, diff);
    if (!patched || *patched != b) std::fprintf(stderr, "fuzz_diff: the diff does not apply:\n%s", diff.c_str());
    check(patched.has_value(), "the diff is well formed and applies to a");
    check(*patched == b, "applying the diff to a gives b");

    std::string colored = restage::print::unified_diff(a, b, "a", "b", true);
    check(colored.empty() == diff.empty(), "colour changes nothing but escapes");
    return 0;
}
