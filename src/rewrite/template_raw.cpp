// Raw YAML trees: yaml-cpp to positioned nodes, overlays, and the strict map reader.
#include "rewrite/template_raw.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "model/suggest.hpp"

namespace restage::rewrite::raw {
namespace {

Position position_of(const YAML::Mark& m) { return m.line < 0 ? Position{} : Position{m.line + 1, m.column + 1}; }

Node convert(const YAML::Node& y, const std::shared_ptr<const Source>& source) {
    Node n;
    n.source = source;
    n.where = position_of(y.Mark());
    n.offset = y.Mark().pos;
    switch (y.Type()) {
        case YAML::NodeType::Scalar:
            n.kind = Node::Kind::Scalar;
            n.scalar = y.Scalar();
            n.plain = y.Tag() == "?";
            break;
        case YAML::NodeType::Sequence:
            n.kind = Node::Kind::List;
            for (const auto& item : y) n.items.push_back(convert(item, source));
            break;
        case YAML::NodeType::Map:
            n.kind = Node::Kind::Map;
            for (const auto& kv : y) {
                const Position key_pos = position_of(kv.first.Mark());
                if (!kv.first.IsScalar()) fail_at(source, key_pos, "a key must be a string");
                Node value = convert(kv.second, source);
                // yaml-cpp marks an empty value at the next token, often on the next line;
                // the key is where a reader looks.
                if (value.kind == Node::Kind::Null) {
                    value.where = key_pos;
                    value.offset = -1;
                }
                n.entries.emplace_back(kv.first.Scalar(), std::move(value));
                n.key_pos.push_back(key_pos);
                n.key_src.push_back(source);
            }
            break;
        default:
            n.kind = Node::Kind::Null;
            break;
    }
    return n;
}

// The key a list of maps merges on, when all its items have it.
std::optional<std::string_view> merge_key(const Node& list) {
    for (std::string_view key : {"id", "when"}) {
        const bool all = !list.items.empty() && std::all_of(list.items.begin(), list.items.end(), [&](const Node& i) {
            const Node* k = i.kind == Node::Kind::Map ? i.find(key) : nullptr;
            return k && k->kind == Node::Kind::Scalar;
        });
        if (all) return key;
    }
    return std::nullopt;
}

}  // namespace

const Node* Node::find(std::string_view key) const {
    for (const auto& [k, v] : entries) {
        if (k == key) return &v;
    }
    return nullptr;
}

void Node::fail_at_key(std::size_t i, std::string message) const {
    fail_at(key_src[i], key_pos[i], std::move(message));
}

std::string_view kind_name(const Node& n) {
    switch (n.kind) {
        case Node::Kind::Scalar: return "a string";
        case Node::Kind::List: return "a list";
        case Node::Kind::Map: return "a map";
        case Node::Kind::Null: break;
    }
    return "nothing";
}

void fail_at(const std::shared_ptr<const Source>& source, Position where, std::string message) {
    Error e;
    e.kind = ErrorKind::Usage;
    e.message = std::move(message);
    e.where = where;
    e.hint = source ? source->name : std::string();
    throw LoadError{std::move(e)};
}

void fail(const Node& n, std::string message) { fail_at(n.source, n.where, std::move(message)); }

Node parse(std::shared_ptr<const Source> source) {
    try {
        return convert(YAML::Load(source->text), source);
    } catch (const YAML::ParserException& e) {
        fail_at(source, position_of(e.mark), "invalid YAML: " + e.msg);
    }
}

void merge(Node& base, const Node& top) {
    if (base.kind == Node::Kind::Map && top.kind == Node::Kind::Map) {
        for (std::size_t i = 0; i < top.entries.size(); ++i) {
            const auto& [key, value] = top.entries[i];
            auto it = std::find_if(base.entries.begin(), base.entries.end(), [&key = key](const auto& e) { return e.first == key; });
            if (it != base.entries.end()) {
                merge(it->second, value);
            } else {
                base.entries.emplace_back(key, value);
                base.key_pos.push_back(top.key_pos[i]);
                base.key_src.push_back(top.key_src[i]);
            }
        }
        return;
    }
    if (base.kind == Node::Kind::List && top.kind == Node::Kind::List) {
        const auto key = merge_key(base);
        if (key && merge_key(top) == key) {
            for (const Node& item : top.items) {
                auto it = std::find_if(base.items.begin(), base.items.end(), [&](const Node& b) {
                    return b.find(*key)->scalar == item.find(*key)->scalar;
                });
                if (it != base.items.end()) {
                    merge(*it, item);
                } else {
                    base.items.push_back(item);
                }
            }
            return;
        }
    }
    base = top;
}

void expect_map(const Node& n, std::string_view what) {
    if (n.kind != Node::Kind::Map) fail(n, "expected a map for " + std::string(what) + ", got " + std::string(kind_name(n)));
}

std::string scalar_of(const Node& n, std::string_view what) {
    if (n.kind != Node::Kind::Scalar) {
        fail(n, "expected a string for " + std::string(what) + ", got " + std::string(kind_name(n)));
    }
    return n.scalar;
}

MapReader::MapReader(const Node& map, std::string context, std::initializer_list<std::string_view> known)
    : map_(map), context_(std::move(context)) {
    expect_map(map_, context_);
    const std::vector<std::string> options(known.begin(), known.end());
    for (std::size_t i = 0; i < map_.entries.size(); ++i) {
        const std::string& key = map_.entries[i].first;
        if (std::find(options.begin(), options.end(), key) == options.end()) {
            std::string message = "unknown key '" + key + "' in " + context_;
            if (auto s = model::suggest(key, options, true)) message += " (did you mean '" + *s + "'?)";
            map_.fail_at_key(i, message);
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (map_.entries[j].first == key) map_.fail_at_key(i, "duplicate key '" + key + "' in " + context_);
        }
    }
}

const Node* MapReader::get(std::string_view key) const { return map_.find(key); }

const Node& MapReader::required(std::string_view key) const {
    if (const Node* n = get(key)) return *n;
    fail(map_, "missing required key '" + std::string(key) + "' in " + context_);
}

void MapReader::wrong_type(std::string_view key, const Node& value, std::string_view want) const {
    fail(value, "expected " + std::string(want) + " for '" + std::string(key) + "' in " + context_ + ", got " +
                    std::string(kind_name(value)));
}

std::string MapReader::str(std::string_view key, std::string fallback) const {
    const Node* n = get(key);
    if (!n) return fallback;
    if (n->kind != Node::Kind::Scalar) wrong_type(key, *n, "a string");
    return n->scalar;
}

std::string MapReader::required_str(std::string_view key) const {
    const Node& n = required(key);
    if (n.kind != Node::Kind::Scalar) wrong_type(key, n, "a string");
    if (n.scalar.empty()) fail(n, "'" + std::string(key) + "' in " + context_ + " must not be empty");
    return n.scalar;
}

std::vector<std::string> MapReader::strings(std::string_view key) const {
    std::vector<std::string> out;
    for (const Node& item : list(key)) {
        if (item.kind != Node::Kind::Scalar) {
            fail(item, "expected a string in '" + std::string(key) + "' in " + context_ + ", got " +
                           std::string(kind_name(item)));
        }
        out.push_back(item.scalar);
    }
    return out;
}

std::optional<bool> MapReader::boolean(std::string_view key) const {
    const Node* n = get(key);
    if (!n) return std::nullopt;
    if (n->kind != Node::Kind::Scalar) wrong_type(key, *n, "true or false");
    if (n->plain && n->scalar == "true") return true;
    if (n->plain && n->scalar == "false") return false;
    fail(*n, "expected true or false for '" + std::string(key) + "' in " + context_ + ", got '" + n->scalar + "'");
}

std::optional<long> MapReader::integer(std::string_view key) const {
    const Node* n = get(key);
    if (!n) return std::nullopt;
    if (n->kind != Node::Kind::Scalar) wrong_type(key, *n, "an integer");
    long v = 0;
    const char* end = n->scalar.data() + n->scalar.size();
    auto [p, ec] = std::from_chars(n->scalar.data(), end, v);
    if (!n->plain || ec != std::errc() || p != end) {
        fail(*n, "expected an integer for '" + std::string(key) + "' in " + context_ + ", got '" + n->scalar + "'");
    }
    return v;
}

std::optional<double> MapReader::number(std::string_view key) const {
    const Node* n = get(key);
    if (!n) return std::nullopt;
    if (n->kind != Node::Kind::Scalar) wrong_type(key, *n, "a number");
    char* end = nullptr;
    const double v = std::strtod(n->scalar.c_str(), &end);
    if (!n->plain || n->scalar.empty() || *end != '\0') {
        fail(*n, "expected a number for '" + std::string(key) + "' in " + context_ + ", got '" + n->scalar + "'");
    }
    return v;
}

const std::vector<std::pair<std::string, Node>>& MapReader::map(std::string_view key) const {
    static const std::vector<std::pair<std::string, Node>> kNone;
    const Node* n = get(key);
    if (!n) return kNone;
    if (n->kind != Node::Kind::Map) wrong_type(key, *n, "a map");
    return n->entries;
}

const std::vector<Node>& MapReader::list(std::string_view key) const {
    static const std::vector<Node> kNone;
    const Node* n = get(key);
    if (!n) return kNone;
    if (n->kind != Node::Kind::List) wrong_type(key, *n, "a list");
    return n->items;
}

}  // namespace restage::rewrite::raw
