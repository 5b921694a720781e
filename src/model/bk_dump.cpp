// bk_dump.cpp: Node.Dump() and the corpus argument list.
#include "model/bk_dump.hpp"

#include "model/bk_text.hpp"

namespace restage::model::bk {

std::string dump(const Node& n) {
    std::string out = to_lower(n.value);
    if (!n.flags.empty()) {
        out += ' ';
        out += go_quote_list(n.flags);
    }
    for (const Node& child : n.children) {
        out += '(';
        out += dump(child);
        out += ")\n";
    }
    for (const Node& arg : n.next) {
        out += ' ';
        out += arg.children.empty() ? go_quote(arg.value) : dump(arg);
    }
    return std::string(trim_space(out));
}

std::vector<std::string> json_args(const Node& n) {
    std::vector<std::string> out;
    for (const Node& arg : n.next) {
        if (arg.children.empty()) out.push_back(arg.value);
    }
    return out;
}

}  // namespace restage::model::bk
