// bk::Node: BuildKit's parser node (parser.Node), the input of the bk_* ports.
#pragma once

#include <string>
#include <vector>

namespace restage::model::bk {

/// A heredoc attached to an instruction (parser.Heredoc).
struct Heredoc {
    std::string name;
    bool expand = true;
    bool chomp = false;
    unsigned fd = 0;
    std::string content;
};

/// One node of BuildKit's parse tree (parser.Node).
struct Node {
    std::string value;
    std::vector<std::string> flags;
    std::vector<Node> next;
    std::vector<Node> children;
    bool json = false;
    std::vector<Heredoc> heredocs;
    std::string original;
};

}  // namespace restage::model::bk
