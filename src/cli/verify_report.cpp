// The before/after table of `restage verify`, and its JSON form.
#include "cli/verify_report.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "syntax/json_writer.hpp"

namespace restage::cli {

namespace {

std::string json_list(const std::vector<std::string>& v) {
    std::string out = "[";
    for (std::size_t i = 0; i < v.size(); ++i) out += (i == 0 ? "" : ",") + json_quote(v[i]);
    return out + "]";
}

std::string joined(const std::vector<std::string>& v, std::string_view empty) {
    if (v.empty()) return std::string(empty);
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
}

std::string command_of(const ImageFacts& f) {
    std::string out;
    if (!f.entrypoint.empty()) out += "ENTRYPOINT " + json_list(f.entrypoint);
    if (!f.cmd.empty()) out += (out.empty() ? "" : " ") + std::string("CMD ") + json_list(f.cmd);
    return out.empty() ? "(none)" : out;
}

std::string shown_user(const std::string& user) {
    return is_root_user(user) ? (user.empty() ? "root (no USER)" : user + " (root)") : user;
}

// The answer, for the table and for reports of a difference.
std::string answer_line(const Observed& o, bool http) {
    if (!o.answered) return http ? "no answer" : "could not run";
    return http ? fmt::format("HTTP {}, {} bytes", o.code, o.output.size())
                : fmt::format("exit {}, {} bytes of stdout", o.code, o.output.size());
}

std::string indented(const std::string& text, std::size_t max_lines = 20) {
    std::string out;
    std::size_t lines = 0, start = 0;
    while (start < text.size() && lines < max_lines) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        out += "    " + text.substr(start, end - start) + "\n";
        start = end + 1;
        ++lines;
    }
    if (start < text.size()) out += "    ...\n";
    return out.empty() ? "    (empty)\n" : out;
}

std::string side_json(const Side& s) {
    std::string out = fmt::format(R"({{"built":{},"build_seconds":{:.1f})", s.built, s.build_seconds);
    if (!s.built) out += R"(,"build_log_tail":)" + json_quote(s.build_log_tail);
    if (s.facts) {
        const ImageFacts& f = *s.facts;
        out += fmt::format(R"(,"size_bytes":{},"layers":{},"user":{},"root":{},"entrypoint":{},"cmd":{})",
                           f.size, f.layers, json_quote(f.user), is_root_user(f.user),
                           json_list(f.entrypoint), json_list(f.cmd));
        out += R"(,"build_tools":)" + json_list(s.tools);
    }
    if (s.seen) {
        out += fmt::format(R"(,"answered":{},"code":{},"output":{},"log":{})", s.seen->answered, s.seen->code,
                           json_quote(s.seen->output), json_quote(s.seen->log));
    }
    return out + "}";
}

}  // namespace

bool is_root_user(const std::string& user) {
    const std::string name = user.substr(0, user.find(':'));
    return name.empty() || name == "root" || name == "0";
}

std::string human_size(long long bytes) {
    const double b = static_cast<double>(bytes);
    if (b >= 1e9) return fmt::format("{:.3g} GB", b / 1e9);
    if (b >= 1e6) return fmt::format("{:.3g} MB", b / 1e6);
    if (b >= 1e3) return fmt::format("{:.3g} kB", b / 1e3);
    return fmt::format("{} B", bytes);
}

std::string render_text(const VerifyReport& r) {
    std::string out = fmt::format("restage verify: {} with {}\n", r.file, r.builder);
    auto row = [&out](std::string_view name, const std::string& a, const std::string& b) {
        out += fmt::format("  {:<12} {:<32} {}\n", name, a, b);
    };
    const Side &a = r.before, &b = r.after;
    row("", "before", "after");
    auto build = [](const Side& s) {
        return s.built               ? fmt::format("ok, {:.1f} s", s.build_seconds)
               : s.build_seconds > 0 ? "FAILED"
                                     : "not built";
    };
    row("build", build(a), build(b));
    if (a.facts && b.facts) {
        std::string ratio = b.facts->size > 0
                                ? fmt::format(" ({:.1f}x smaller)", static_cast<double>(a.facts->size) /
                                                                        static_cast<double>(b.facts->size))
                                : "";
        row("image size", human_size(a.facts->size), human_size(b.facts->size) + ratio);
        row("layers", std::to_string(a.facts->layers), std::to_string(b.facts->layers));
        row("user", shown_user(a.facts->user), shown_user(b.facts->user));
        row("runs", command_of(*a.facts), command_of(*b.facts));
        row("build tools", joined(a.tools, "none"), joined(b.tools, "none"));
    }
    if (a.seen && b.seen) row("behaviour", answer_line(*a.seen, r.http), answer_line(*b.seen, r.http));
    out += fmt::format("probe: {}\n", r.probe);
    for (const Side* s : {&a, &b}) {
        if (s->built || s->build_log_tail.empty()) continue;
        out += fmt::format("{} build failed; the builder's last lines:\n{}",
                           s == &a ? "the original's" : "the rewrite's", indented(s->build_log_tail, 40));
    }
    if (r.exit == 1 && a.seen && b.seen) {
        const char* what = r.http ? "body" : "stdout";
        out +=
            fmt::format("before: {}, {}:\n{}", answer_line(*a.seen, r.http), what, indented(a.seen->output));
        out +=
            fmt::format("after: {}, {}:\n{}", answer_line(*b.seen, r.http), what, indented(b.seen->output));
        if (!b.seen->log.empty()) out += "after, the container's output:\n" + indented(b.seen->log);
    }
    out += r.exit == 0   ? "result: behaviour matches\n"
           : r.exit == 1 ? fmt::format("result: behaviour differs: {}\n", r.problem)
                         : fmt::format("result: cannot verify: {}\n", r.problem);
    return out;
}

std::string render_json(const VerifyReport& r) {
    return fmt::format(
        R"({{"file":{},"builder":{},"probe":{},"result":"{}","problem":{},"before":{},"after":{}}})"
        "\n",
        json_quote(r.file), json_quote(r.builder), json_quote(r.probe),
        r.exit == 0   ? "same"
        : r.exit == 1 ? "differs"
                      : "cannot-verify",
        json_quote(r.problem), side_json(r.before), side_json(r.after));
}

}  // namespace restage::cli
