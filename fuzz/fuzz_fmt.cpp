// fuzz_fmt: an accepted file formats to an accepted file, and formatting is idempotent.
#include <cstddef>
#include <cstdint>
#include <string>

#include "check.hpp"
#include "model/document.hpp"
#include "print/formatter.hpp"

using restage::fuzz::check;
using restage::model::Document;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto doc = Document::parse(std::string(reinterpret_cast<const char*>(data), size));
    if (!doc) return 0;
    std::string once = restage::print::format(*doc);
    auto again = Document::parse(once);
    if (!again) std::fprintf(stderr, "fuzz_fmt: the formatted file fails: %s\n", again.error().message.c_str());
    check(again.ok(), "format(x) parses");
    check(again->instructions().size() == doc->instructions().size(), "format keeps every instruction");
    for (size_t i = 0; i < doc->instructions().size(); ++i)
        check(again->instructions()[i].kind == doc->instructions()[i].kind, "format keeps instruction kinds");
    check(restage::print::format(*again) == once, "format(format(x)) == format(x)");
    return 0;
}
