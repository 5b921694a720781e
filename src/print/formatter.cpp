// The canonical printer: the tree's leaves in order, with the white space between them redone.
#include "print/formatter.hpp"

#include <algorithm>
#include <string_view>

#include "print/format_pieces.hpp"

namespace restage::print {

namespace {

using detail::Piece;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kIndent = "    ";

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && detail::is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && detail::is_space(s.back())) s.remove_suffix(1);
    return s;
}

// `# name=value` as BuildKit's directive regex reads it: printed as the first line of a file, such
// a comment would become a directive.
bool looks_like_directive(std::string_view comment) {
    size_t i = 1;
    while (i < comment.size() && is_blank(comment[i])) ++i;
    auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (i >= comment.size() || !alpha(comment[i])) return false;
    while (i < comment.size() && (alpha(comment[i]) || (comment[i] >= '0' && comment[i] <= '9'))) ++i;
    while (i < comment.size() && is_blank(comment[i])) ++i;
    return i < comment.size() && comment[i] == '=';
}

std::string_view first_line(std::string_view s) { return s.substr(0, s.find('\n')); }

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

// Whether pieces[i] is glued to the next token, directly or across a continuation: BuildKit reads
// one word (`run\'x` or `run\` then `x` is not RUN).
bool glued_to_next(const std::vector<Piece>& pieces, size_t i) {
    using K = Piece::Kind;
    if (i + 1 >= pieces.size()) return false;
    if (pieces[i + 1].kind == K::Token) return true;
    return pieces[i + 1].kind == K::Continuation && i + 2 < pieces.size() && pieces[i + 2].kind != K::Gap;
}

// The text of pieces[i] when it is a gap, else "".
std::string_view gap_at(const std::vector<Piece>& pieces, size_t i) {
    return i < pieces.size() && pieces[i].kind == Piece::Kind::Gap ? std::string_view(pieces[i].text)
                                                                   : std::string_view();
}

class Printer {
public:
    explicit Printer(const model::Document& doc)
        : tree_(doc.tree()), src_(doc.bytes()), escape_(doc.escape()) {
        size_t nl = src_.find('\n');
        eol_ = nl != std::string_view::npos && nl > 0 && src_[nl - 1] == '\r' ? "\r\n" : "\n";
    }

    std::string run() {
        TSNode root = tree_.root().raw();
        size_t at = src_.starts_with(kBom) ? kBom.size() : 0;
        bool first = true, after_newline = true;
        for (uint32_t i = 0, count = ts_node_child_count(root); i < count; ++i) {
            TSNode child = ts_node_child(root, i);
            std::string_view type = ts_node_type(child);
            size_t begin = std::max<size_t>(at, ts_node_start_byte(child)), end = ts_node_end_byte(child);
            if (type == "bom" || end <= begin) {
                at = std::max(at, end);
                continue;
            }
            std::string_view text = src_.substr(begin, end - begin);
            std::string_view gap = src_.substr(at, begin - at);
            auto blank_lines = std::count(gap.begin(), gap.end(), '\n') - (after_newline ? 0 : 1);
            // A blank line before a directive-like first comment keeps it a comment.
            bool keep = !first || (type == "comment" && looks_like_directive(text));
            // A first line starting with a BOM's bytes would lose them as a byte-order mark.
            bool bom_like = first && text.starts_with(kBom);
            if ((blank_lines > 0 && keep) || bom_like) end_line();
            top_level(child, type, text);
            after_newline = text.back() == '\n';
            at = end;
            first = false;
        }
        return std::move(out_);
    }

private:
    void top_level(TSNode n, std::string_view type, std::string_view text) {
        if (type == "directive") {
            out_ += text;
            end_line();
        } else if (type == "comment") {
            out_ += trim(text);
            end_line();
        } else if (type == "line_continuation") {
            // A lone escape before an instruction: BuildKit joins it to the next line.
            out_ += escape_;
            end_line();
            for (auto c : detail::continuation_comments(text)) comment_line(c);
        } else if (type.ends_with("_instruction")) {
            instruction(syntax::Node(n));
        } else {
            lines(text);
            if (!at_line_start()) end_line();
        }
    }

    void instruction(syntax::Node n) {
        std::vector<Piece> pieces = detail::flatten_instruction(tree_, n);
        detail::ShellQuotes quotes(escape_);
        std::string_view space;  // what the white space since the last token prints as
        fresh_ = false;
        for (size_t i = 0; i < pieces.size(); ++i) {
            const Piece& p = pieces[i];
            switch (p.kind) {
                case Piece::Kind::Gap:
                    // Inside a quote (a word the grammar split after a continuation) or a value, as
                    // written.
                    if (!fresh_) space = quotes.open() || p.in_text ? first_line(p.text) : " ";
                    quotes.feed(p.text);
                    break;
                case Piece::Kind::Token:
                    if (fresh_) {
                        out_ += indent_;
                    } else if (!at_line_start()) {
                        out_ += space;
                    }
                    fresh_ = false;
                    space = {};
                    if (p.keyword && !glued_to_next(pieces, i)) {
                        out_ += upper(p.text);
                    } else if (p.verbatim.empty()) {
                        out_ += p.text;
                    } else {
                        lines(p.verbatim);
                    }
                    quotes.feed(p.text);
                    break;
                case Piece::Kind::Continuation:
                    continuation(p, i > 0 ? gap_at(pieces, i - 1) : "", gap_at(pieces, i + 1),
                                 quotes.open() || p.in_text);
                    space = {};
                    break;
                case Piece::Kind::Heredoc:
                    if (!at_line_start()) end_line();
                    out_ += p.text;  // body and delimiter line, byte for byte
                    if (out_.back() != '\n') out_ += eol_;
                    line_start_ = out_.size();
                    fresh_ = false;
                    break;
            }
        }
        if (!at_line_start()) end_line();
    }

    // ` \` or, glued, `\`; or with the source's blanks when they are part of a string or value
    // (`verbatim`). Then the skipped comment lines, and the next line's indentation in indent_.
    void continuation(const Piece& p, std::string_view before, std::string_view after, bool verbatim) {
        after = first_line(after);
        if (fresh_) before = indent_;  // what the next pass will see before this escape
        // Only spaces and tabs fold into one blank: a vertical tab or form feed is content to
        // JSON (which then fails, so the line stays a shell form), and the run stays as written.
        auto plain = [](std::string_view t) { return t.find_first_not_of(" \t") == std::string_view::npos; };
        verbatim = verbatim || !plain(before) || !plain(after);
        bool glued = before.empty() && after.empty();
        if (fresh_) {
            out_ += indent_;  // a line that holds only an escape: `before` is this indentation
        } else if (verbatim) {
            out_ += before;
        } else {
            // BuildKit joins the blanks on both sides into one run; a token may end with blanks the
            // grammar took as quoted, which belong to the run too.
            size_t e = out_.size();
            while (e > line_start_ && is_blank(out_[e - 1])) --e;
            std::string run = out_.substr(e) + std::string(before) + std::string(after);
            size_t backslashes = 0;
            while (e - backslashes > line_start_ && out_[e - backslashes - 1] == '\\') ++backslashes;
            out_.resize(e);
            if (backslashes % 2 == 1 && !run.empty()) {
                out_ += run.front();  // `x\<tab>`: the shell takes the escaped blank as content
                run.erase(0, 1);
            }
            glued = run.empty();
            if (!glued) out_ += ' ';
        }
        out_ += escape_;
        end_line();
        for (auto c : detail::continuation_comments(p.text)) comment_line(c);
        // `a\` then `b` is the word `ab`, which a blank would split: no indentation.
        indent_ = verbatim ? after : glued ? std::string_view() : kIndent;
        fresh_ = true;
    }

    void comment_line(std::string_view comment) {
        out_ += kIndent;
        out_ += comment;
        end_line();
    }

    // Source lines: each one's trailing blanks dropped and its ending made eol_; the last, with
    // no newline, is left open.
    void lines(std::string_view text) {
        for (size_t nl; (nl = text.find('\n')) != std::string_view::npos; text.remove_prefix(nl + 1)) {
            out_ += text.substr(0, nl);
            end_line();
        }
        out_ += text;
    }

    bool at_line_start() const { return out_.size() == line_start_; }

    void trim_line_end() {
        size_t e = out_.size();
        while (e > line_start_ && is_blank(out_[e - 1])) --e;
        out_.resize(e);
    }

    void end_line() {
        trim_line_end();
        out_ += eol_;
        line_start_ = out_.size();
    }

    const syntax::SyntaxTree& tree_;
    std::string_view src_;
    char escape_;
    std::string eol_;
    std::string out_;
    size_t line_start_ = 0;  ///< where the line being printed starts in out_
    bool fresh_ = false;     ///< a continuation was just printed: the next token takes indent_
    std::string indent_;
};

}  // namespace

std::string format(const model::Document& doc) { return Printer(doc).run(); }

}  // namespace restage::print
