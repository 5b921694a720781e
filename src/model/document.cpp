// Document: builds BuildKit's view of each instruction from the syntax tree's instruction nodes.
#include "model/document.hpp"

#include <array>
#include <utility>

#include "model/bk_dump.hpp"
#include "model/bk_heredoc.hpp"
#include "model/bk_join.hpp"
#include "model/bk_line_parsers.hpp"
#include "model/bk_text.hpp"

namespace restage::model {

namespace {

constexpr std::array<std::string_view, 18> kKeywords = {
    "from", "run", "cmd", "label", "maintainer", "expose", "env", "add", "copy",
    "entrypoint", "volume", "user", "workdir", "arg", "onbuild", "stopsignal", "healthcheck", "shell",
};

// BuildKit reads lines with bufio.Scanner, whose longest token is 64 KiB.
constexpr size_t kMaxLine = 65535;

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] + 32) : a[i];
        if (x != b[i]) return false;
    }
    return true;
}

// The physical lines of [begin, end), each with its line ending.
std::vector<std::string_view> physical_lines(std::string_view src, size_t begin, size_t end) {
    std::vector<std::string_view> lines;
    while (begin < end) {
        size_t nl = src.find('\n', begin);
        size_t stop = nl == std::string_view::npos || nl >= end ? end : nl + 1;
        lines.push_back(src.substr(begin, stop - begin));
        begin = stop;
    }
    return lines;
}

// The start of the line holding byte `at`.
size_t line_start(std::string_view src, size_t at) {
    size_t nl = src.rfind('\n', at == 0 ? 0 : at - 1);
    return at == 0 || nl == std::string_view::npos ? 0 : nl + 1;
}

Error error_at(std::string message, int line, int column = 1) {
    return Error{ErrorKind::Syntax, std::move(message), Position{line, column}, ""};
}

std::optional<Error> check_line_lengths(std::string_view src) {
    size_t begin = 0;
    int line = 1;
    while (begin < src.size()) {
        size_t nl = src.find('\n', begin);
        size_t end = nl == std::string_view::npos ? src.size() : nl;
        if (end - begin > kMaxLine) {
            return error_at("dockerfile line greater than max allowed size of 65535", line);
        }
        if (nl == std::string_view::npos) break;
        begin = nl + 1;
        ++line;
    }
    return std::nullopt;
}

// BuildKit's comment bookkeeping: "#" lines before an instruction, reset by an empty one.
void note_comment(std::vector<std::string>& comments, std::string_view raw_line) {
    std::string_view rest = raw_line.substr(1);  // BuildKit drops the first byte, '#' or a blank
    std::string comment(bk::trim_space(rest));
    if (comment.empty()) {
        comments.clear();
    } else {
        comments.push_back(std::move(comment));
    }
}

}  // namespace

Kind kind_of(std::string_view keyword) {
    for (size_t i = 0; i < kKeywords.size(); ++i) {
        if (iequals(keyword, kKeywords[i])) return static_cast<Kind>(i);
    }
    return Kind::Unknown;
}

std::string_view kind_name(Kind k) {
    auto i = static_cast<size_t>(k);
    return i < kKeywords.size() ? kKeywords[i] : "unknown";
}

Result<Document> Document::parse(std::string bytes) {
    Document doc;
    doc.bytes_ = std::make_unique<std::string>(std::move(bytes));
    std::string_view src = *doc.bytes_;
    doc.tree_ = std::make_unique<syntax::SyntaxTree>(syntax::SyntaxTree::parse(src));

    if (auto e = check_line_lengths(src)) return *e;

    auto directives = bk::parse_directives(src);
    if (!directives) {
        Error e = directives.error();
        if (e.where.column == 0) e.where.column = 1;
        return e;
    }
    doc.escape_ = directives->escape;
    doc.directives_ = std::move(directives->list);

    std::vector<std::string> comments;
    std::vector<CommentLine> pragma_lines;
    for (syntax::Node child : doc.tree_->root().named_children()) {
        std::string_view type = child.type();
        if (type == "comment") {
            size_t b = line_start(src, child.range().begin);
            std::string_view text = src.substr(child.range().begin, child.range().size());
            while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
            if (text.find("restage:") != std::string_view::npos) {
                pragma_lines.push_back(CommentLine{text, child.start().line,
                                                   static_cast<int>(child.range().begin - b) + 1});
            }
            note_comment(comments, src.substr(b, child.range().end - b));
            continue;
        }
        if (type.size() < 12 || type.substr(type.size() - 12) != "_instruction") continue;

        Instruction ins;
        ins.syntax = child;
        ins.range = child.range();
        ins.first_line = child.start().line;
        ins.last_line = child.last_line();
        ins.keyword = std::string(doc.tree_->text(child.field("keyword")));
        ins.kind = kind_of(ins.keyword);

        auto heredoc_nodes = child.fields("heredoc");
        size_t logical_end = heredoc_nodes.empty() ? ins.range.end : heredoc_nodes.front().range().begin;
        auto lines = physical_lines(src, ins.range.begin, logical_end);
        auto joined = bk::join_lines(lines, doc.escape_);
        size_t line_end = logical_end;
        while (line_end > ins.range.begin && (src[line_end - 1] == '\n' || src[line_end - 1] == '\r')) --line_end;
        ins.line = {ins.range.begin, line_end};

        auto node = bk::node_from_line(joined.line, doc.escape_);
        if (!node) return error_at(node.error().message, ins.first_line);
        ins.node = std::move(*node);

        if (bk::can_contain_heredoc(ins.node) && joined.line.find("<<") != std::string::npos) {
            auto names = bk::heredocs_from_line(joined.line);
            if (!names) return error_at(names.error().message, ins.first_line);
            if (names->size() != heredoc_nodes.size()) {
                if (names->size() > heredoc_nodes.size()) return error_at("unterminated heredoc", ins.first_line);
                return Error{ErrorKind::Internal, "the grammar and BuildKit disagree on the heredocs here",
                             Position{ins.first_line, 0}, ""};
            }
            for (size_t i = 0; i < names->size(); ++i) {
                // The scanner ends a heredoc that reaches the end of the file with an empty delimiter.
                if (heredoc_nodes[i].field("end").range().size() == 0) {
                    return error_at("unterminated heredoc", ins.first_line);
                }
                bk::Heredoc& h = (*names)[i];
                syntax::Node body = heredoc_nodes[i].field("body");
                syntax::Range r = body ? body.range() : syntax::Range{heredoc_nodes[i].range().begin,
                                                                       heredoc_nodes[i].range().begin};
                h.content = std::string(src.substr(r.begin, r.size()));
                ins.heredocs.push_back(Heredoc{h.name, h.expand, h.chomp, h.content, r});
            }
            ins.node.heredocs = std::move(*names);
        } else if (!heredoc_nodes.empty()) {
            return Error{ErrorKind::Internal, "the grammar found a heredoc BuildKit does not",
                         Position{ins.first_line, 0}, ""};
        }

        ins.flags = ins.node.flags;
        ins.args = bk::json_args(ins.node);
        ins.json = ins.node.json;
        ins.comments = std::exchange(comments, {});
        doc.instructions_.push_back(std::move(ins));
    }

    if (auto e = doc.tree_->first_error()) return *e;
    if (doc.instructions_.empty()) {
        int last = 1;
        for (char c : src) last += c == '\n';
        if (!src.empty() && src.back() == '\n') --last;
        return error_at("file with no instructions", last);
    }

    std::vector<bk::Instruction> typed_input;
    typed_input.reserve(doc.instructions_.size());
    for (const auto& ins : doc.instructions_) {
        typed_input.push_back(bk::Instruction{ins.node, ins.first_line, ins.last_line, ins.comments});
    }
    doc.typed_ = std::make_unique<Result<bk::TypedFile>>(bk::parse(typed_input));
    std::vector<InstructionLines> lines;
    lines.reserve(doc.instructions_.size());
    for (const auto& ins : doc.instructions_) lines.push_back(InstructionLines{ins.first_line, ins.last_line});
    doc.pragmas_ = std::make_unique<Result<Pragmas>>(parse_pragmas(pragma_lines, lines));
    return doc;
}

}  // namespace restage::model
