// Reason texts: ${variable} substitution in the sentences rules report.
#include "rewrite/templates.hpp"

namespace restage::rewrite {

std::string expand_reason(std::string_view text, const std::map<std::string, std::string>& vars) {
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        size_t open = text.find("${", i);
        if (open == std::string_view::npos) break;
        size_t close = text.find('}', open + 2);
        if (close == std::string_view::npos) break;
        out.append(text.substr(i, open - i));
        auto it = vars.find(std::string(text.substr(open + 2, close - open - 2)));
        out.append(it != vars.end() ? std::string_view(it->second) : text.substr(open, close - open + 1));
        i = close + 1;
    }
    out.append(text.substr(i));
    return out;
}

}  // namespace restage::rewrite
