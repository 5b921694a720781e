// SyntaxTree: the tree-sitter parse of a Dockerfile's bytes, and field-based node access.
#pragma once

#include <tree_sitter/api.h>

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "syntax/result.hpp"

extern "C" const TSLanguage* tree_sitter_dockerfile(void);

namespace restage::syntax {

/// A half-open byte range [begin, end) into the source.
struct Range {
    size_t begin = 0;
    size_t end = 0;
    size_t size() const { return end - begin; }
    bool operator==(const Range&) const = default;
};

/// A node of the tree; a thin view that is valid while its SyntaxTree lives.
class Node {
public:
    Node() = default;
    explicit Node(TSNode n) : n_(n) {}

    bool null() const { return ts_node_is_null(n_); }
    explicit operator bool() const { return !null(); }
    std::string_view type() const { return ts_node_type(n_); }
    Range range() const { return {ts_node_start_byte(n_), ts_node_end_byte(n_)}; }
    /// 1-based line and column (in bytes) of the first byte.
    Position start() const;
    /// 1-based line of the last byte (a node ending with its newline ends on that line).
    int last_line() const;
    bool has_error() const { return ts_node_has_error(n_); }

    /// The first child with this field name, or a null node.
    Node field(std::string_view name) const;
    /// Every child with this field name, in order.
    std::vector<Node> fields(std::string_view name) const;
    /// The named children, in order.
    std::vector<Node> named_children() const;
    /// ts_node_string: the S-expression with field names (for tests and `parse --tree`).
    std::string sexp() const;

    TSNode raw() const { return n_; }

private:
    TSNode n_{};
};

/// The parse of one source; it borrows the bytes, which must outlive it.
class SyntaxTree {
public:
    /// Parses `source` (any bytes: tree-sitter never fails, errors become ERROR nodes).
    static SyntaxTree parse(std::string_view source);

    Node root() const { return Node(ts_tree_root_node(tree_.get())); }
    std::string_view source() const { return source_; }
    std::string_view text(Node n) const {
        auto r = n.range();
        return source_.substr(r.begin, r.size());
    }

    /// The first ERROR or MISSING node as an error with its position, if any.
    std::optional<Error> first_error() const;

private:
    struct Deleter {
        void operator()(TSTree* t) const { ts_tree_delete(t); }
    };
    std::unique_ptr<TSTree, Deleter> tree_;
    std::string_view source_;
};

}  // namespace restage::syntax
