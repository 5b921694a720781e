// bk_line_parsers.cpp: the per-keyword argument parsers of BuildKit's line_parsers.go.
#include "model/bk_line_parsers.hpp"

#include <utility>

#include "model/bk_json.hpp"
#include "model/bk_split_command.hpp"
#include "model/bk_text.hpp"
#include "model/unicode_tables.hpp"

namespace restage::model::bk {
namespace {

/// What a line parser yields: the Next chain and Attributes["json"].
struct Parsed {
    std::vector<Node> next;
    bool json = false;
};

Node value_node(std::string value) {
    Node n;
    n.value = std::move(value);
    return n;
}

Error syntax_error(std::string message) { return Error{ErrorKind::Syntax, std::move(message)}; }

Parsed parse_strings_whitespace_delimited(std::string_view rest) {
    Parsed out;
    if (rest.empty()) return out;
    for (std::string& piece : split_whitespace(rest, -1)) out.next.push_back(value_node(std::move(piece)));
    return out;
}

Parsed parse_string(std::string_view rest) {
    Parsed out;
    if (!rest.empty()) out.next.push_back(value_node(std::string(rest)));
    return out;
}

Result<Parsed> parse_maybe_json(std::string_view rest, bool to_list) {
    if (rest.empty() && !to_list) return Parsed{};
    JsonArray json = parse_json_array(rest);
    if (json.status == JsonArrayStatus::NotStringArray) {
        return syntax_error("when using JSON array syntax, arrays must be comprised of strings only");
    }
    if (json.status == JsonArrayStatus::NotJson) {
        return to_list ? parse_strings_whitespace_delimited(rest) : parse_string(rest);
    }
    Parsed out;
    out.json = true;
    for (std::string& v : json.values) out.next.push_back(value_node(std::move(v)));
    return out;
}

Parsed parse_name_or_name_val(std::string_view rest, char escape) {
    Parsed out;
    for (std::string& w : parse_words(rest, escape)) out.next.push_back(value_node(std::move(w)));
    return out;
}

void append_key_value(Parsed& out, std::string key, std::string value, std::string sep) {
    out.next.push_back(value_node(std::move(key)));
    out.next.push_back(value_node(std::move(value)));
    out.next.push_back(value_node(std::move(sep)));
}

Result<Parsed> parse_name_val(std::string_view rest, std::string_view key, char escape) {
    Parsed out;
    const std::vector<std::string> words = parse_words(rest, escape);
    if (words.empty()) return out;
    // The first word decides: without '=' it is the legacy `KEY name value` form.
    if (words[0].find('=') == std::string::npos) {
        std::vector<std::string> parts = split_whitespace(rest, 2);
        if (parts.size() < 2) return syntax_error(std::string(key) + " must have two arguments");
        append_key_value(out, std::move(parts[0]), std::move(parts[1]), "");
        return out;
    }
    for (const std::string& word : words) {
        const std::size_t eq = word.find('=');
        if (eq == std::string::npos) {
            return syntax_error("Syntax error - can't find = in " + go_quote(word) +
                                ". Must be of the form: name=value");
        }
        append_key_value(out, word.substr(0, eq), word.substr(eq + 1), "=");
    }
    return out;
}

// HEALTHCHECK: BuildKit scans bytes here, so 0x85 and 0xA0 bytes count as white space.
Result<Parsed> parse_health_config(std::string_view rest) {
    std::size_t sep = 0;
    while (sep < rest.size() && !is_space_byte(static_cast<unsigned char>(rest[sep]))) ++sep;
    std::size_t next = sep;
    while (next < rest.size() && is_space_byte(static_cast<unsigned char>(rest[next]))) ++next;
    if (sep == 0) return Parsed{};
    Result<Parsed> cmd = parse_maybe_json(rest.substr(next), false);
    if (!cmd) return cmd.error();
    Parsed out;
    out.json = cmd->json;
    out.next.push_back(value_node(std::string(rest.substr(0, sep))));
    for (Node& n : cmd->next) out.next.push_back(std::move(n));
    return out;
}

Result<Parsed> parse_sub_command(std::string_view rest, char escape) {
    if (rest.empty()) return Parsed{};
    Result<Node> child = node_from_line(rest, escape);
    if (!child) return child.error();
    Parsed out;
    out.next.emplace_back();
    out.next.back().children.push_back(std::move(*child));
    return out;
}

Result<Parsed> dispatch(std::string_view keyword, std::string_view rest, char escape) {
    if (keyword == "add" || keyword == "copy" || keyword == "volume") return parse_maybe_json(rest, true);
    if (keyword == "cmd" || keyword == "entrypoint" || keyword == "run" || keyword == "shell") {
        return parse_maybe_json(rest, false);
    }
    if (keyword == "env") return parse_name_val(rest, "ENV", escape);
    if (keyword == "label") return parse_name_val(rest, "LABEL", escape);
    if (keyword == "arg") return parse_name_or_name_val(rest, escape);
    if (keyword == "expose" || keyword == "from") return parse_strings_whitespace_delimited(rest);
    if (keyword == "healthcheck") return parse_health_config(rest);
    if (keyword == "maintainer" || keyword == "stopsignal" || keyword == "user" || keyword == "workdir") {
        return parse_string(rest);
    }
    if (keyword == "onbuild") return parse_sub_command(rest, escape);
    // An unknown instruction still parses; BuildKit gives it one empty Next node.
    Parsed ignored;
    ignored.next.emplace_back();
    return ignored;
}

enum class Phase { Spaces, Word, Quote };

}  // namespace

std::vector<std::string> parse_words(std::string_view rest, char escape) {
    const auto esc = static_cast<char32_t>(static_cast<unsigned char>(escape));
    std::vector<std::string> words;
    Phase phase = Phase::Spaces;
    char32_t quote = 0;
    bool blank_ok = false;
    std::string word;
    Rune ch;
    for (std::size_t pos = 0; pos <= rest.size(); pos += ch.width) {
        if (pos != rest.size()) ch = decode_rune(rest.substr(pos));
        if (phase == Phase::Spaces) {
            if (pos == rest.size()) break;
            if (unicode::is_space(ch.value)) continue;
            phase = Phase::Word;
        }
        if (pos == rest.size()) {
            if (blank_ok || !word.empty()) words.push_back(word);
            break;
        }
        if (phase == Phase::Word) {
            if (unicode::is_space(ch.value)) {
                phase = Phase::Spaces;
                if (blank_ok || !word.empty()) words.push_back(word);
                word.clear();
                blank_ok = false;
                continue;
            }
            if (ch.value == '\'' || ch.value == '"') {
                quote = ch.value;
                blank_ok = true;
                phase = Phase::Quote;
            }
            if (ch.value == esc) {
                if (pos + ch.width == rest.size()) continue;  // a trailing escape is dropped
                // Outside quotes the escape and the rune after it are both kept.
                append_rune(word, ch.value);
                pos += ch.width;
                ch = decode_rune(rest.substr(pos));
            }
            append_rune(word, ch.value);
            continue;
        }
        // Phase::Quote
        if (ch.value == quote) phase = Phase::Word;
        if (ch.value == esc && quote != '\'') {
            if (pos + ch.width == rest.size()) {
                phase = Phase::Word;
                continue;
            }
            pos += ch.width;
            append_rune(word, ch.value);
            ch = decode_rune(rest.substr(pos));
        }
        append_rune(word, ch.value);
    }
    return words;
}

Result<Node> node_from_line(std::string_view line, char escape) {
    SplitCommand sc = split_command(line, escape);
    Result<Parsed> parsed = dispatch(to_lower(sc.cmd), sc.args, escape);
    if (!parsed) return parsed.error();
    Node node;
    node.value = std::move(sc.cmd);
    node.flags = std::move(sc.flags);
    node.next = std::move(parsed->next);
    node.json = parsed->json;
    node.original = std::string(line);
    return node;
}

}  // namespace restage::model::bk
