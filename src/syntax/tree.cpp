// SyntaxTree: parsing with tree-sitter, field access, and errors from ERROR/MISSING nodes.
#include "syntax/tree.hpp"

#include <cstdlib>
#include <optional>
#include <string>

namespace restage::syntax {

Position Node::start() const {
    TSPoint p = ts_node_start_point(n_);
    return {static_cast<int>(p.row) + 1, static_cast<int>(p.column) + 1};
}

int Node::last_line() const {
    TSPoint s = ts_node_start_point(n_);
    TSPoint e = ts_node_end_point(n_);
    // A node that ends with its newline ends at column 0 of the next row.
    if (e.column == 0 && e.row > s.row) return static_cast<int>(e.row);
    return static_cast<int>(e.row) + 1;
}

Node Node::field(std::string_view name) const {
    return Node(ts_node_child_by_field_name(n_, name.data(), static_cast<uint32_t>(name.size())));
}

std::vector<Node> Node::fields(std::string_view name) const {
    std::vector<Node> out;
    TSTreeCursor c = ts_tree_cursor_new(n_);
    if (ts_tree_cursor_goto_first_child(&c)) {
        do {
            const char* f = ts_tree_cursor_current_field_name(&c);
            if (f != nullptr && name == f) out.emplace_back(ts_tree_cursor_current_node(&c));
        } while (ts_tree_cursor_goto_next_sibling(&c));
    }
    ts_tree_cursor_delete(&c);
    return out;
}

std::vector<Node> Node::named_children() const {
    // A cursor walks the children in linear time; ts_node_named_child(i) restarts each time.
    std::vector<Node> out;
    TSTreeCursor c = ts_tree_cursor_new(n_);
    if (ts_tree_cursor_goto_first_child(&c)) {
        do {
            TSNode child = ts_tree_cursor_current_node(&c);
            if (ts_node_is_named(child)) out.emplace_back(child);
        } while (ts_tree_cursor_goto_next_sibling(&c));
    }
    ts_tree_cursor_delete(&c);
    return out;
}

std::string Node::sexp() const {
    char* s = ts_node_string(n_);
    std::string out(s);
    std::free(s);
    return out;
}

SyntaxTree SyntaxTree::parse(std::string_view source) {
    // One parser per thread: creating one is cheap next to parsing, but not free.
    struct ParserHolder {
        TSParser* p = ts_parser_new();
        ParserHolder() { ts_parser_set_language(p, tree_sitter_dockerfile()); }
        ~ParserHolder() { ts_parser_delete(p); }
    };
    thread_local ParserHolder holder;
    SyntaxTree t;
    t.source_ = source;
    t.tree_.reset(ts_parser_parse_string(holder.p, nullptr, source.data(), static_cast<uint32_t>(source.size())));
    return t;
}

namespace {

std::optional<Node> find_error(Node n) {
    if (!n.has_error()) return std::nullopt;
    if (n.type() == "ERROR" || ts_node_is_missing(n.raw())) return n;
    uint32_t count = ts_node_child_count(n.raw());
    for (uint32_t i = 0; i < count; ++i) {
        if (auto e = find_error(Node(ts_node_child(n.raw(), i)))) return e;
    }
    return n;
}

}  // namespace

std::optional<Error> SyntaxTree::first_error() const {
    auto e = find_error(root());
    if (!e) return std::nullopt;
    Error err{ErrorKind::Syntax, "", e->start(), ""};
    if (ts_node_is_missing(e->raw())) {
        std::string_view t = e->type();
        err.message = t == "heredoc_end" ? "unterminated heredoc" : "missing " + std::string(t);
    } else {
        auto text = this->text(*e);
        auto nl = text.find('\n');
        err.message = "unexpected '" + std::string(text.substr(0, std::min<size_t>(nl, 40))) + "'";
    }
    return err;
}

}  // namespace restage::syntax
