// bk::Node: BuildKit's parser node (parser.Node), the input of the bk_* ports.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace restage::model::bk {

/// A heredoc attached to an instruction (parser.Heredoc).
struct Heredoc {
    std::string name;
    bool expand = true;
    bool chomp = false;
    std::uint64_t fd = 0;  ///< the file descriptor before <<, as Go's uint (saturating)
    std::string content;
};

/// One node of BuildKit's parse tree (parser.Node).
struct Node {
    std::string value;               ///< the keyword as written (top node) or an argument
    std::vector<std::string> flags;  ///< top node: the --flags as written
    std::vector<Node> next;          ///< the Next chain, flattened
    std::vector<Node> children;      ///< ONBUILD's Next element: the wrapped instruction
    bool json = false;               ///< Attributes["json"]: the exec (JSON array) form
    std::vector<Heredoc> heredocs;
    std::string original;            ///< the joined line (Node.Original)
};

}  // namespace restage::model::bk
