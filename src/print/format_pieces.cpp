// Flattening an instruction's subtree into tokens, gaps, continuations and heredocs.
#include "print/format_pieces.hpp"

#include <algorithm>

namespace restage::print::detail {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

class Flattener {
public:
    explicit Flattener(std::string_view src) : src_(src) {}

    void walk(TSNode n, std::string_view parent_type, bool in_text) {
        std::string_view type = ts_node_type(n);
        size_t begin = ts_node_start_byte(n), end = ts_node_end_byte(n);
        std::string_view bytes = src_.substr(begin, end - begin);
        if (type == "heredoc") {
            push(Piece::Kind::Heredoc, bytes);
            return;
        }
        if (type == "line_continuation") {
            push(Piece::Kind::Continuation, bytes);
            out_.back().in_text = in_text;
            return;
        }
        if (type == "json_array") {
            json_array(n, bytes);
            return;
        }
        uint32_t count = ts_node_child_count(n);
        if (count == 0) {
            if (bytes.empty()) return;  // a zero-width token
            push(Piece::Kind::Token, bytes);
            // The keyword of an unknown instruction is no instruction keyword.
            out_.back().keyword = type == "keyword" && parent_type != "unknown_instruction";
            return;
        }
        bool text = in_text || type == "text";
        bool split = split_key(syntax::Node(n));  // then the pairs are read as one raw value
        size_t at = begin;
        for (uint32_t i = 0; i < count; ++i) {
            TSNode child = ts_node_child(n, i);
            size_t child_begin = std::max<size_t>(at, ts_node_start_byte(child));
            between(src_.substr(at, child_begin - at), text);
            text = text || (split && std::string_view(ts_node_type(child)) == "pair");
            walk(child, type, text);
            at = std::max<size_t>(at, ts_node_end_byte(child));
        }
        if (end > at) between(src_.substr(at, end - at), text);
    }

    std::vector<Piece> take() { return std::move(out_); }

private:
    void push(Piece::Kind kind, std::string_view text, bool in_text = false) {
        if (kind == Piece::Kind::Gap && !out_.empty() && out_.back().kind == Piece::Kind::Gap) {
            out_.back().text += text;
            out_.back().in_text = out_.back().in_text || in_text;
            return;
        }
        out_.push_back(Piece{kind, std::string(text), {}, in_text, false});
    }

    // An ENV or LABEL with a key that holds an escaped blank (`a\ b`): BuildKit splits the line at
    // its first white space all the same, and may read a legacy `KEY value` pair whose value
    // starts inside the key and runs to the end, white space included.
    bool split_key(syntax::Node n) const {
        if (n.type() != "env_instruction" && n.type() != "label_instruction") return false;
        for (syntax::Node pair : n.fields("pair")) {
            syntax::Node key = pair.field("key");
            std::string_view k = key ? src_.substr(key.range().begin, key.range().size()) : "";
            if (std::any_of(k.begin(), k.end(), is_space)) return true;
        }
        return false;
    }

    // The bytes between two children: white space, and inside a word or a value the text of
    // its hidden pieces (which may hold quoted blanks, so it stays one token).
    void between(std::string_view s, bool in_text) {
        size_t b = 0, e = s.size();
        while (b < e && is_space(s[b])) ++b;
        while (e > b && is_space(s[e - 1])) --e;
        if (b > 0) push(Piece::Kind::Gap, s.substr(0, b), in_text);
        if (e > b) push(Piece::Kind::Token, s.substr(b, e - b));
        if (e < s.size()) push(Piece::Kind::Gap, s.substr(e), in_text);
    }

    // `["a", "b"]` on one line, or the source bytes when a comment line sits inside.
    void json_array(TSNode n, std::string_view bytes) {
        std::string text = "[";
        bool first = true, comment = false;
        for (uint32_t i = 0, count = ts_node_child_count(n); i < count; ++i) {
            TSNode child = ts_node_child(n, i);
            std::string_view type = ts_node_type(child);
            size_t b = ts_node_start_byte(child), e = ts_node_end_byte(child);
            if (type == "json_string") {
                if (!first) text += ", ";
                text += src_.substr(b, e - b);
                first = false;
            } else if (type == "line_continuation") {
                comment = comment || !continuation_comments(src_.substr(b, e - b)).empty();
            }
        }
        text += "]";
        push(Piece::Kind::Token, text);
        if (comment) out_.back().verbatim = std::string(bytes);
    }

    std::string_view src_;
    std::vector<Piece> out_;
};

}  // namespace

std::vector<Piece> flatten_instruction(const syntax::SyntaxTree& tree, syntax::Node instruction) {
    Flattener f(tree.source());
    f.walk(instruction.raw(), "", false);
    return f.take();
}

std::vector<std::string_view> continuation_comments(std::string_view continuation) {
    std::vector<std::string_view> out;
    size_t at = continuation.find('\n');
    while (at != std::string_view::npos && at + 1 < continuation.size()) {
        size_t next = continuation.find('\n', at + 1);
        std::string_view line =
            continuation.substr(at + 1, next == std::string_view::npos ? next : next - at - 1);
        if (auto t = trim(line); !t.empty()) out.push_back(t);
        at = next;
    }
    return out;
}

void ShellQuotes::State::feed(char c, char escape) {
    if (escaped) {
        escaped = false;
    } else if (single) {
        single = c != '\'';
    } else if (c == escape) {
        escaped = true;
    } else if (dbl) {
        dbl = c != '"';
    } else if (c == '\'') {
        single = true;
    } else if (c == '"') {
        dbl = true;
    }
}

void ShellQuotes::feed(std::string_view text) {
    for (char c : text) {
        shell_.feed(c, '\\');
        if (other_escape_ != '\0') words_.feed(c, other_escape_);
    }
}

}  // namespace restage::print::detail
