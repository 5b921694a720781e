// The JSON report of docs/json-report.md: one line, fields in a fixed order.
#include "cli/report_json.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "syntax/json_writer.hpp"

namespace restage::cli {

namespace {

using rewrite::Outcome;

std::string json_string_or_null(std::string_view s) { return s.empty() ? "null" : json_quote(s); }
std::string json_number_or_null(double v) { return v > 0 ? fmt::format("{}", v) : "null"; }
std::string json_line_or_null(int line) { return line > 0 ? std::to_string(line) : "null"; }

}  // namespace

std::string json_report(const std::vector<FileReport>& reports, std::string_view extra) {
    std::string out = R"({"files":[)";
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const FileReport& r = reports[i];
        out += (i == 0 ? "{" : ",{") + fmt::format(R"("path":{},)", json_quote(r.name));
        if (!r.outcome) {
            const Error& e = *r.error;
            out +=
                R"("status":"error","ecosystem":null,"confidence":null,"builder_image":null,"runtime_image":null,)"
                R"("size_before_mb":null,"size_after_mb":null,"changes":[],"refusals":[],"notes":[],)";
            out += fmt::format(R"("error":{{"file":{},"line":{},"column":{},"message":{}}}}})",
                               json_quote(r.error_file), json_line_or_null(e.where.line),
                               json_line_or_null(e.where.column), json_quote(e.message));
            continue;
        }
        const Outcome& o = *r.outcome;
        out += fmt::format(
            R"("status":"{}","ecosystem":{},"confidence":{:.2f},"builder_image":{},"runtime_image":{},)",
            status_id(o.status), json_quote(detect::ecosystem_id(o.detection.ecosystem)),
            o.detection.confidence, json_string_or_null(o.builder_image),
            json_string_or_null(o.runtime_image));
        out += fmt::format(R"("size_before_mb":{},"size_after_mb":{},"changes":[)",
                           json_number_or_null(o.size_before_mb), json_number_or_null(o.size_after_mb));
        for (std::size_t k = 0; k < o.changes.size(); ++k) {
            const auto& c = o.changes[k];
            std::string lines =
                c.first_line > 0 ? fmt::format("[{},{}]", c.first_line, std::max(c.first_line, c.last_line))
                                 : "null";
            out += fmt::format(R"({}{{"rule":{},"code":{},"reason":{},"lines":{}}})", k == 0 ? "" : ",",
                               json_quote(c.rule), json_string_or_null(c.code), json_quote(c.reason), lines);
        }
        out += R"(],"refusals":[)";
        for (std::size_t k = 0; k < o.refusals.size(); ++k) {
            const auto& f = o.refusals[k];
            out +=
                fmt::format(R"({}{{"reason":{},"line":{},"unblock":{}}})", k == 0 ? "" : ",",
                            json_quote(f.reason), json_line_or_null(f.line), json_string_or_null(f.unblock));
        }
        out += R"(],"notes":[)";
        for (std::size_t k = 0; k < o.notes.size(); ++k) out += (k == 0 ? "" : ",") + json_quote(o.notes[k]);
        out += R"(],"error":null})";
    }
    return out + "]" + std::string(extra) + "}\n";
}

}  // namespace restage::cli
