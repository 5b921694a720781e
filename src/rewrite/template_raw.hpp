// Raw YAML trees for templates and configuration: positions, overlays, and a strict map reader.
#pragma once

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "syntax/result.hpp"

namespace restage::rewrite::raw {

/// A YAML file's name (as it appears in messages) and its text.
struct Source {
    std::string name;
    std::string text;
};

/// One YAML node with where it was written. Overlays mix nodes of several files, so each
/// node keeps its own source.
struct Node {
    enum class Kind { Null, Scalar, List, Map };
    Kind kind = Kind::Null;
    std::string scalar;
    bool plain = false;  ///< an unquoted scalar (only those can be booleans or numbers)
    std::vector<Node> items;
    std::vector<std::pair<std::string, Node>> entries;  ///< a map's keys in file order
    std::vector<Position> key_pos;                      ///< where each key of `entries` is
    std::vector<std::shared_ptr<const Source>> key_src; ///< and in which file (overlays add keys)
    Position where{};
    int offset = -1;  ///< byte offset of the node in its source, -1 when unknown
    std::shared_ptr<const Source> source;

    Node() = default;  // clang with libstdc++ needs it declared: entries holds pair<string, Node>
    const Node* find(std::string_view key) const;
    /// Throws a LoadError at the i-th key.
    [[noreturn]] void fail_at_key(std::size_t i, std::string message) const;
};

/// The words messages use for a node's kind: "a string", "a list", "a map", "nothing".
std::string_view kind_name(const Node& n);

/// The error a template or config file reports: the message, the position, and the file in `hint`
/// (see templates.hpp). Thrown inside the loaders, caught at their public entry points.
struct LoadError {
    Error error;
};

/// Throws a LoadError of kind Usage at `n`.
[[noreturn]] void fail(const Node& n, std::string message);
/// Throws a LoadError of kind Usage at `where` in `source`.
[[noreturn]] void fail_at(const std::shared_ptr<const Source>& source, Position where, std::string message);

/// Parses YAML text into a tree. An empty file is a Null node. Throws LoadError on bad YAML.
Node parse(std::shared_ptr<const Source> source);

/// Overlays `top` on `base`: maps merge key by key; lists whose items are all maps with an
/// "id" (or all with a "when") merge item by item on that key, new items appended; anything
/// else in `top` replaces `base`.
void merge(Node& base, const Node& top);

/// Reads one map strictly: construction rejects keys outside `known` (with "did you mean")
/// and duplicate keys; the getters check types and required keys. `context` names the map
/// in messages ("build", "rule 'go-split-build'").
class MapReader {
public:
    MapReader(const Node& map, std::string context, std::initializer_list<std::string_view> known);

    const Node* get(std::string_view key) const;
    const Node& required(std::string_view key) const;

    std::string str(std::string_view key, std::string fallback = {}) const;
    std::string required_str(std::string_view key) const;
    std::vector<std::string> strings(std::string_view key) const;
    std::optional<bool> boolean(std::string_view key) const;
    std::optional<long> integer(std::string_view key) const;
    std::optional<double> number(std::string_view key) const;
    /// A map's entries; absent gives none.
    const std::vector<std::pair<std::string, Node>>& map(std::string_view key) const;
    /// A list's items; absent gives none.
    const std::vector<Node>& list(std::string_view key) const;

    const Node& node() const { return map_; }
    const std::string& context() const { return context_; }

private:
    [[noreturn]] void wrong_type(std::string_view key, const Node& value, std::string_view want) const;
    const Node& map_;
    std::string context_;
};

/// Requires `n` to be a map (the top of a file, an item of a list), naming it `what` otherwise.
void expect_map(const Node& n, std::string_view what);
/// A scalar's text, or a LoadError naming `what`.
std::string scalar_of(const Node& n, std::string_view what);

}  // namespace restage::rewrite::raw
