// Raw template trees packed into bytes: the built-in templates are parsed once, at build time.
#pragma once

#include <memory>
#include <span>
#include <string>

#include "rewrite/template_raw.hpp"

namespace restage::rewrite::raw {

/// `n` as bytes that unpack() turns back into an equal tree: kinds, scalars, the plain flag,
/// map keys in order with their positions, and every node's line, column and offset. All
/// nodes and keys must come from one file (as parse() gives them); the file is not stored.
std::string pack(const Node& n);

/// The tree pack() wrote, every node and key of it from `source`. Packed bytes are generated
/// with the binary, so bytes that do not decode are a bug: std::logic_error.
Node unpack(std::span<const unsigned char> bytes, const std::shared_ptr<const Source>& source);

}  // namespace restage::rewrite::raw
