// Test support for the tree-sitter grammar: the parser, S-expressions and the corpus reader.
#include "grammar_support.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

extern "C" const TSLanguage* tree_sitter_dockerfile(void);

namespace restage::test {

namespace {

namespace fs = std::filesystem;

const fs::path kCorpusDir = fs::path(RESTAGE_SOURCE_DIR) / "grammar" / "test" / "corpus";

struct ParserDeleter {
    void operator()(TSParser* p) const { ts_parser_delete(p); }
};

bool is_rule(std::string_view line, char c) {
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    return line.size() >= 3 && line.find_first_not_of(c) == std::string_view::npos;
}

bool is_blank_line(std::string_view line) {
    return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string_view trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// With lines[at] an `===` line: the index of the closing `===` line when a header starts here.
std::size_t header_end(const std::vector<std::string_view>& lines, std::size_t at) {
    if (!is_rule(lines[at], '=')) return 0;
    std::size_t j = at + 1;
    while (j < lines.size() && !is_rule(lines[j], '=') && !is_blank_line(lines[j])) ++j;
    return j > at + 1 && j < lines.size() && is_rule(lines[j], '=') ? j : 0;
}

CorpusCase read_case(const std::vector<std::string_view>& lines, std::size_t open, std::size_t close,
                     std::size_t body_end) {
    CorpusCase c;
    c.line = static_cast<int>(open) + 1;
    for (std::size_t i = open + 1; i < close; ++i) {
        const std::string_view t = trim(lines[i]);
        if (t == ":skip") {
            c.skip = true;
        } else if (t == ":error") {
            c.error = true;
        } else if (!t.empty() && t.front() == ':' && t.find(' ') == std::string_view::npos) {
            c.problem = "unsupported attribute " + std::string(t);
        } else {
            c.title += (c.title.empty() ? "" : " ") + std::string(t);
        }
    }
    std::size_t divider = 0;
    std::size_t divider_len = 0;
    for (std::size_t i = close + 1; i < body_end; ++i) {
        if (is_rule(lines[i], '-') && trim(lines[i]).size() >= divider_len) {
            divider = i;
            divider_len = trim(lines[i]).size();
        }
    }
    if (divider_len == 0) {
        c.problem = "no `---` line between the input and the expected tree";
        return c;
    }
    for (std::size_t i = close + 1; i < divider; ++i) c.input += lines[i];
    if (!c.input.empty() && c.input.back() == '\n') c.input.pop_back();
    if (!c.input.empty() && c.input.back() == '\r') c.input.pop_back();
    std::string expected;
    for (std::size_t i = divider + 1; i < body_end; ++i) {
        if (trim(lines[i]).substr(0, 1) != ";") expected += lines[i];
    }
    c.expected = normalize_sexp(expected);
    if (c.expected.empty() && !c.error) c.problem = "no expected tree";
    return c;
}

}  // namespace

Tree parse(std::string_view source) {
    static const std::unique_ptr<TSParser, ParserDeleter> parser = [] {
        std::unique_ptr<TSParser, ParserDeleter> p(ts_parser_new());
        ts_parser_set_language(p.get(), tree_sitter_dockerfile());
        return p;
    }();
    return Tree(
        ts_parser_parse_string(parser.get(), nullptr, source.data(), static_cast<uint32_t>(source.size())));
}

std::string node_string(TSNode node) {
    char* s = ts_node_string(node);
    std::string out(s);
    std::free(s);
    return out;
}

std::string sexp_of(std::string_view source) { return node_string(ts_tree_root_node(parse(source).get())); }

std::string normalize_sexp(std::string_view text) {
    std::string out;
    bool blank = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            blank = !out.empty();
            continue;
        }
        if (blank && c != ')') out += ' ';
        blank = false;
        out += c;
    }
    return out;
}

std::string pretty_sexp(std::string_view sexp) {
    std::string out;
    std::size_t depth = 0;
    bool blank = false;        // a blank separates the next token from the last one
    bool after_field = false;  // the last token was `name:`; its node stays on its line
    const auto new_line = [&] {
        if (!out.empty()) out += '\n' + std::string(2 * depth, ' ');
    };
    for (std::size_t i = 0; i < sexp.size();) {
        const char c = sexp[i];
        if (c == ' ') {
            blank = true;
            ++i;
        } else if (c == '(') {
            if (after_field) {
                out += ' ';
            } else {
                new_line();
            }
            out += '(';
            ++depth;
            blank = after_field = false;
            ++i;
        } else if (c == ')') {
            out += ')';
            depth -= depth > 0 ? 1 : 0;
            blank = after_field = false;
            ++i;
        } else {
            const std::size_t end = std::min(sexp.find_first_of(" ()", i), sexp.size());
            const std::string_view token = sexp.substr(i, end - i);
            after_field = token.size() > 1 && token.back() == ':';
            if (after_field) {
                new_line();
            } else if (blank) {
                out += ' ';
            }
            out += token;
            blank = false;
            i = end;
        }
    }
    return out;
}

std::vector<CorpusCase> read_corpus(const std::string& name, const std::string& text) {
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t nl = text.find('\n', start);
        const std::size_t end = nl == std::string::npos ? text.size() : nl + 1;
        lines.emplace_back(text.data() + start, end - start);
        start = end;
    }
    std::vector<std::pair<std::size_t, std::size_t>> headers;  // (open, close)
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (const std::size_t close = header_end(lines, i)) {
            headers.emplace_back(i, close);
            i = close;
        }
    }
    std::vector<CorpusCase> cases;
    for (std::size_t h = 0; h < headers.size(); ++h) {
        const std::size_t body_end = h + 1 < headers.size() ? headers[h + 1].first : lines.size();
        cases.push_back(read_case(lines, headers[h].first, headers[h].second, body_end));
        cases.back().file = name;
    }
    return cases;
}

const std::vector<CorpusCase>& corpus() {
    static const std::vector<CorpusCase> all = [] {
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(kCorpusDir)) {
            if (entry.path().extension() == ".txt") files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        std::vector<CorpusCase> out;
        for (const auto& f : files) {
            std::ifstream in(f, std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            auto cases = read_corpus(f.filename().string(), text.str());
            out.insert(out.end(), cases.begin(), cases.end());
        }
        return out;
    }();
    return all;
}

}  // namespace restage::test
