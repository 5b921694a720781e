// Applying byte-range edits in order, refusing overlaps.
#include "rewrite/edits.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace restage::rewrite {

Result<std::string> apply_edits(std::string_view source, std::vector<Edit> edits) {
    std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    std::string out;
    out.reserve(source.size() + 256);
    size_t at = 0;
    for (size_t i = 0; i < edits.size(); ++i) {
        const Edit& e = edits[i];
        if (e.begin < at || e.end < e.begin || e.end > source.size() ||
            (i > 0 && e.begin == edits[i - 1].begin && e.begin == e.end && edits[i - 1].begin == edits[i - 1].end)) {
            return Error{ErrorKind::Internal, fmt::format("overlapping edits at byte {}", e.begin), {}, ""};
        }
        out.append(source.substr(at, e.begin - at));
        out.append(e.text);
        at = e.end;
    }
    out.append(source.substr(at));
    return out;
}

}  // namespace restage::rewrite
