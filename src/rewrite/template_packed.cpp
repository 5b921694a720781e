// Packed raw trees: a node is its kind, line, column and offset, then its scalar, items or
// entries; numbers are unsigned LEB128, strings a length and their bytes.
#include "rewrite/template_packed.hpp"

#include <stdexcept>

namespace restage::rewrite::raw {
namespace {

void put_number(std::string& out, std::size_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

void put_string(std::string& out, const std::string& s) {
    put_number(out, s.size());
    out += s;
}

void put_position(std::string& out, Position where) {
    put_number(out, static_cast<std::size_t>(where.line));
    put_number(out, static_cast<std::size_t>(where.column));
}

void put_node(std::string& out, const Node& n) {
    out.push_back(static_cast<char>(n.kind));
    put_position(out, n.where);
    put_number(out, static_cast<std::size_t>(n.offset + 1));  // -1 when unknown
    switch (n.kind) {
        case Node::Kind::Null:
            break;
        case Node::Kind::Scalar:
            out.push_back(n.plain ? 1 : 0);
            put_string(out, n.scalar);
            break;
        case Node::Kind::List:
            put_number(out, n.items.size());
            for (const Node& item : n.items) put_node(out, item);
            break;
        case Node::Kind::Map:
            put_number(out, n.entries.size());
            for (std::size_t i = 0; i < n.entries.size(); ++i) {
                put_string(out, n.entries[i].first);
                put_position(out, n.key_pos[i]);
                put_node(out, n.entries[i].second);
            }
            break;
    }
}

class Reader {
public:
    Reader(std::span<const unsigned char> bytes, const std::shared_ptr<const Source>& source)
        : bytes_(bytes), source_(source) {}

    Node node() {
        Node n;
        n.source = source_;
        const std::size_t kind = byte();
        if (kind > static_cast<std::size_t>(Node::Kind::Map)) bad();
        n.kind = static_cast<Node::Kind>(kind);
        n.where = position();
        n.offset = static_cast<int>(number()) - 1;
        switch (n.kind) {
            case Node::Kind::Null:
                break;
            case Node::Kind::Scalar:
                n.plain = byte() != 0;
                n.scalar = string();
                break;
            case Node::Kind::List:
                n.items.resize(number());
                for (Node& item : n.items) item = node();
                break;
            case Node::Kind::Map: {
                const std::size_t count = number();
                n.entries.reserve(count);
                n.key_pos.resize(count);
                n.key_src.assign(count, source_);
                for (std::size_t i = 0; i < count; ++i) {
                    std::string key = string();
                    n.key_pos[i] = position();
                    n.entries.emplace_back(std::move(key), node());
                }
                break;
            }
        }
        return n;
    }

    bool done() const { return at_ == bytes_.size(); }

private:
    [[noreturn]] static void bad() { throw std::logic_error("packed templates do not decode"); }

    std::size_t byte() {
        if (at_ >= bytes_.size()) bad();
        return bytes_[at_++];
    }

    std::size_t number() {
        std::size_t v = 0;
        for (int shift = 0;; shift += 7) {
            const std::size_t b = byte();
            if (shift > 56) bad();
            v |= (b & 0x7f) << shift;
            if (b < 0x80) return v;
        }
    }

    std::string string() {
        const std::size_t size = number();
        if (size > bytes_.size() - at_) bad();
        std::string s(reinterpret_cast<const char*>(bytes_.data() + at_), size);
        at_ += size;
        return s;
    }

    Position position() {
        const int line = static_cast<int>(number());
        return Position{line, static_cast<int>(number())};
    }

    std::span<const unsigned char> bytes_;
    std::size_t at_ = 0;
    const std::shared_ptr<const Source>& source_;
};

}  // namespace

std::string pack(const Node& n) {
    std::string out;
    put_node(out, n);
    return out;
}

Node unpack(std::span<const unsigned char> bytes, const std::shared_ptr<const Source>& source) {
    Reader reader(bytes, source);
    Node n = reader.node();
    if (!reader.done()) throw std::logic_error("packed templates do not decode");
    return n;
}

}  // namespace restage::rewrite::raw
