// test_formatter_corpus.cpp: `restage fmt` on the real-world corpus: idempotent, and BuildKit reads
// the output as it read the input (but for line numbers and white space in shell commands).
#include <catch2/catch.hpp>

#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "corpus.hpp"
#include "model/bk_text.hpp"
#include "model/document.hpp"
#include "print/formatter.hpp"

using restage::model::Document;
using restage::model::Instruction;
using restage::model::Kind;
namespace bk = restage::model::bk;

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

// Every run of white space outside shell quotes as one space, none at the ends. Quotes as the
// formatter counts them: inside '...' nothing is escaped; elsewhere a backslash escapes.
std::string collapse(std::string_view s) {
    std::string out;
    bool single = false, dbl = false, escaped = false, space = false;
    for (char c : s) {
        if (!single && !dbl && !escaped && is_space(c)) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
        if (escaped) {
            escaped = false;
        } else if (single) {
            single = c != '\'';
        } else if (c == '\\') {
            escaped = true;
        } else if (dbl) {
            dbl = c != '"';
        } else {
            single = c == '\'';
            dbl = c == '"';
        }
    }
    return out;
}

// Whether BuildKit's arguments of this instruction are shell text, where white space outside
// quotes may change.
bool shell_form(Kind kind, bool json) {
    return !json && (kind == Kind::Run || kind == Kind::Cmd || kind == Kind::Entrypoint ||
                     kind == Kind::Shell || kind == Kind::Healthcheck);
}

std::string describe(const std::vector<std::string>& v) {
    std::ostringstream out;
    for (const auto& s : v) out << "[" << s << "] ";
    return out.str();
}

// How two lists of arguments differ, "" when they do not (collapsed first when `shell`).
std::string diff_args(std::vector<std::string> a, std::vector<std::string> b, bool shell) {
    if (shell) {
        for (auto& s : a) s = collapse(s);
        for (auto& s : b) s = collapse(s);
    }
    return a == b ? "" : "args " + describe(a) + "vs " + describe(b);
}

template <typename H>
std::string diff_heredocs(const std::vector<H>& a, const std::vector<H>& b) {
    if (a.size() != b.size()) return "heredoc count";
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i].name != b[i].name || a[i].expand != b[i].expand || a[i].chomp != b[i].chomp ||
            a[i].content != b[i].content) {
            return "heredoc " + a[i].name;
        }
    }
    return "";
}

// ONBUILD's wrapped instruction, compared as an instruction of its own.
std::string diff_trigger(const bk::Node& a, const bk::Node& b) {
    bool wraps_a = !a.next.empty() && !a.next[0].children.empty();
    bool wraps_b = !b.next.empty() && !b.next[0].children.empty();
    if (wraps_a != wraps_b) return "ONBUILD trigger";
    if (!wraps_a) return "";
    const bk::Node& x = a.next[0].children[0];
    const bk::Node& y = b.next[0].children[0];
    if (bk::to_lower(x.value) != bk::to_lower(y.value)) return "ONBUILD keyword";
    if (x.flags != y.flags || x.json != y.json) return "ONBUILD flags or form";
    std::vector<std::string> args_a, args_b;
    for (const auto& n : x.next) args_a.push_back(n.value);
    for (const auto& n : y.next) args_b.push_back(n.value);
    if (auto d = diff_args(args_a, args_b, shell_form(restage::model::kind_of(x.value), x.json));
        !d.empty()) {
        return "ONBUILD " + d;
    }
    return diff_heredocs(x.heredocs, y.heredocs);
}

std::string diff_instruction(const Instruction& a, const Instruction& b) {
    if (a.kind != b.kind || bk::to_lower(a.keyword) != bk::to_lower(b.keyword)) return "keyword " + a.keyword;
    if (a.flags != b.flags) return "flags " + describe(a.flags) + "vs " + describe(b.flags);
    if (a.json != b.json) return "json form";
    if (auto d = diff_args(a.args, b.args, shell_form(a.kind, a.json)); !d.empty()) return d;
    if (auto d = diff_heredocs(a.heredocs, b.heredocs); !d.empty()) return d;
    if (a.comments != b.comments) return "comments " + describe(a.comments) + "vs " + describe(b.comments);
    return a.kind == Kind::Onbuild ? diff_trigger(a.node, b.node) : "";
}

// The message with every "line <digits>" as "line N".
std::string without_lines(const std::string& message) {
    std::string out;
    for (size_t i = 0; i < message.size();) {
        if (message.compare(i, 5, "line ") == 0 && i + 5 < message.size() &&
            std::isdigit(static_cast<unsigned char>(message[i + 5]))) {
            out += "line N";
            for (i += 5; i < message.size() && std::isdigit(static_cast<unsigned char>(message[i]));) ++i;
        } else {
            out += message[i++];
        }
    }
    return out;
}

std::string diff_typed(const Document& a, const Document& b) {
    const auto& x = a.typed();
    const auto& y = b.typed();
    if (x.ok() != y.ok()) return "typed parse ok/error";
    if (!x.ok())
        return without_lines(x.error().message) == without_lines(y.error().message) ? "" : "typed error";
    if (x->stages.size() != y->stages.size()) return "stage count";
    for (size_t i = 0; i < x->stages.size(); ++i) {
        const auto& s = x->stages[i];
        const auto& t = y->stages[i];
        if (s.name != t.name || s.base != t.base || s.platform != t.platform) return "stage " + s.name;
    }
    if (x->meta_args.size() != y->meta_args.size()) return "global ARG count";
    for (size_t i = 0; i < x->meta_args.size(); ++i) {
        const auto& p = x->meta_args[i].args;
        const auto& q = y->meta_args[i].args;
        if (p.size() != q.size()) return "global ARG pairs";
        for (size_t j = 0; j < p.size(); ++j) {
            if (p[j].key != q[j].key || p[j].value != q[j].value || p[j].doc_comment != q[j].doc_comment) {
                return "global ARG " + p[j].key;
            }
        }
    }
    return "";
}

/// How BuildKit's reading of `out` differs from that of `in`, "" when it does not (property 2).
std::string formatter_semantic_diff(const Document& in, const Document& out) {
    if (in.escape() != out.escape()) return "escape";
    if (in.directives().size() != out.directives().size()) return "directives";
    for (size_t i = 0; i < in.directives().size(); ++i) {
        if (in.directives()[i].name != out.directives()[i].name ||
            in.directives()[i].value != out.directives()[i].value) {
            return "directive " + in.directives()[i].name;
        }
    }
    const auto& a = in.instructions();
    const auto& b = out.instructions();
    if (a.size() != b.size())
        return "instruction count " + std::to_string(a.size()) + " vs " + std::to_string(b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        if (auto d = diff_instruction(a[i], b[i]); !d.empty()) {
            return "line " + std::to_string(a[i].first_line) + ": " + d;
        }
    }
    return diff_typed(in, out);
}

// tests/corpus/fmt-known-differences.txt: "file<TAB>reason" lines.
std::map<std::string, std::string> fmt_known_differences() {
    std::map<std::string, std::string> out;
    std::ifstream in(std::string(RESTAGE_SOURCE_DIR) + "/tests/corpus/fmt-known-differences.txt");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto tab = line.find('\t');
        out[line.substr(0, tab)] = tab == std::string::npos ? "" : line.substr(tab + 1);
    }
    return out;
}

// format(in), or "" with `why` set when `in` or the output does not parse.
std::string format_checked(const std::string& in, std::string& why) {
    auto doc = Document::parse(in);
    if (!doc) {
        why = "input does not parse: " + doc.error().message;
        return "";
    }
    std::string out = restage::print::format(*doc);
    auto again = Document::parse(out);
    if (!again) {
        why = "output does not parse: " + again.error().message;
        return "";
    }
    if (std::string d = formatter_semantic_diff(*doc, *again); !d.empty()) why = d;
    return out;
}

}  // namespace

TEST_CASE("formatter: BuildKit reads the output as the input, on tricky inputs", "[formatter]") {
    const char* inputs[] = {
        "FROM a\nRUN a &&    \\\n  # c\n\n   b \"x  \\\n  y\" 'p  \\\n q'\n",
        "FROM a\nENV A x  \\\n  y\nLABEL a=\"b  \\\n  c\" d=e\\\nf\n",
        "FROM a\nCMD [ \"a\" , \\\n \"b\" ]\nENTRYPOINT [\"x\",\\\n# c\n\"y\"]\n",
        "# escape=`\nFROM a\nRUN a `\n  b \"c `\n  d\"\nCOPY a C:\\dir\\\n",
        "\xEF\xBB\xBF\n# escape=`\nFROM a\r\nRUN a \\\r\n  b\r\n",
        "FROM a:1.\\\n2 AS b\nARG X=1\\\n2\nRUN echo 'a\\' \\\n b\nONBUILD RUN a  \\\n   b\n",
        "FROM a\nRUN <<EOF  \n  x  \nEOF\nCOPY <<-E /x\n\ty\n\tE\n",
        "FROM a\nRUN echo x\\\t\\\n  y\nrun\\\nx\nENV a\\ b   value\nLABEL a\\ b=c   d=e\n",
        "# escape=`\nFROM a\nRUN x\\`\n\ty\nENTRYPOINT --flag=\\'\t`\n  '  x\nENV \\\"  a `\n\n\tb\n",
        "FROM a\nRUN --flag=1\t\\\n# c\n\\   \nENV  \\ \n\n  b\nARG x='a \\\n  b   c'\n",
    };
    for (const char* input : inputs) {
        INFO("input: " << input);
        std::string why;
        std::string out = format_checked(input, why);
        INFO("output: " << out);
        CHECK(why.empty());
        std::string why2;
        CHECK(format_checked(out, why2) == out);
    }
}

TEST_CASE("formatter corpus: idempotent, and BuildKit reads the output as the input", "[corpus][formatter]") {
    const auto& files = restage::test::corpus_files();
    if (files.empty()) {
        WARN("no corpus at ../shared/corpus: skipped");
        return;
    }
    auto known = fmt_known_differences();
    REQUIRE(known.size() <= 5);
    size_t formatted = 0, unchanged = 0, not_parsed = 0;
    std::set<std::string> seen;
    for (const auto& f : files) {
        if (!Document::parse(f.bytes)) {
            ++not_parsed;  // BuildKit rejects it too (checked by the parser's corpus test)
            continue;
        }
        std::string why;
        std::string out = format_checked(f.bytes, why);
        if (why.empty()) {
            std::string why2;
            std::string again = format_checked(out, why2);
            if (again != out) why = "not idempotent" + (why2.empty() ? "" : ": " + why2);
        }
        ++formatted;
        unchanged += out == f.bytes;
        if (why.empty()) continue;
        if (known.count(f.name)) {
            seen.insert(f.name);
            continue;
        }
        INFO(f.name << ": " << why);
        CHECK(why.empty());
    }
    for (const auto& [name, reason] : known) {
        INFO("known difference no longer occurs: " << name << " (" << reason << ")");
        CHECK(seen.count(name));
    }
    WARN("fmt corpus: " << formatted << " files formatted (" << unchanged << " already canonical), "
                        << seen.size() << " known differences, " << not_parsed << " not parsed");
}
