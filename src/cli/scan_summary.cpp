// The scan summary: one row per file, then the totals and the refusal reasons counted.
#include "cli/scan_summary.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <map>

#include "syntax/json_writer.hpp"

namespace restage::cli {

namespace {

using rewrite::Outcome;

// "no supported ecosystem detected (saw base image python:3.12)" counts as its first words.
std::string reason_kind(const std::string& reason) { return reason.substr(0, reason.find(" (")); }

std::string megabytes(double mb) { return mb >= 10 ? fmt::format("{:.0f} MB", mb) : fmt::format("{:.1f} MB", mb); }

double saving_mb(const Outcome& o) {
    if (o.status != Outcome::Status::Rewritten || o.size_before_mb <= 0 || o.size_after_mb <= 0) return 0;
    return std::max(0.0, o.size_before_mb - o.size_after_mb);
}

struct Totals {
    int rewritten = 0, refused = 0, unchanged = 0, errors = 0;
    double saving = 0;
    std::map<std::string, int> reasons;
};

Totals totals_of(const std::deque<ScanEntry>& entries) {
    Totals t;
    for (const auto& e : entries) {
        if (e.failed()) {
            ++t.errors;
            continue;
        }
        const Outcome& o = *e.report.outcome;
        switch (o.status) {
            case Outcome::Status::Rewritten:
                ++t.rewritten;
                t.saving += saving_mb(o);
                break;
            case Outcome::Status::Unchanged:
                ++t.unchanged;
                break;
            case Outcome::Status::Refused:
                ++t.refused;
                ++t.reasons[reason_kind(o.refusals.front().reason)];
                break;
        }
    }
    return t;
}

// The reasons, most frequent first, then by text.
std::vector<std::pair<std::string, int>> sorted_reasons(const Totals& t) {
    std::vector<std::pair<std::string, int>> out(t.reasons.begin(), t.reasons.end());
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}

}  // namespace

std::string summary_table(const std::deque<ScanEntry>& entries) {
    using Row = std::array<std::string, 5>;
    std::vector<Row> rows{{"path", "ecosystem", "result", "runtime base", "saving"}};
    for (const auto& e : entries) {
        const FileReport& r = e.report;
        if (!r.outcome) {
            rows.push_back({r.name, "-", "error", "-", "-"});
            continue;
        }
        const Outcome& o = *r.outcome;
        const double saving = saving_mb(o);
        rows.push_back({r.name, std::string(detect::ecosystem_id(o.detection.ecosystem)),
                        e.write_error ? "error" : status_id(o.status), o.runtime_image.empty() ? "-" : o.runtime_image,
                        saving > 0 ? "~" + megabytes(saving) : "-"});
    }
    std::array<size_t, 5> width{};
    for (const auto& row : rows) {
        for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
    }
    std::string out;
    for (const auto& row : rows) {
        std::string line;
        for (size_t i = 0; i < row.size(); ++i) line += fmt::format("{:<{}}  ", row[i], width[i]);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + '\n';
    }
    const Totals t = totals_of(entries);
    out += fmt::format("\n{} file{}: {} rewritten, {} refused, {} unchanged, {} error{}", entries.size(),
                       entries.size() == 1 ? "" : "s", t.rewritten, t.refused, t.unchanged, t.errors,
                       t.errors == 1 ? "" : "s");
    out += t.saving > 0 ? fmt::format("; estimated saving {}\n", megabytes(t.saving)) : "\n";
    for (const auto& [reason, n] : sorted_reasons(t)) out += fmt::format("refused: {} {}\n", n, reason);
    return out;
}

std::string json_summary(const std::deque<ScanEntry>& entries) {
    const Totals t = totals_of(entries);
    JsonWriter w;
    w.begin_object();
    w.key("files").value(entries.size()).key("rewritten").value(t.rewritten).key("refused").value(t.refused);
    w.key("unchanged").value(t.unchanged).key("errors").value(t.errors);
    w.key("saving_mb").value(static_cast<long long>(t.saving + 0.5));
    w.key("refusal_reasons").begin_array();
    for (const auto& [reason, n] : sorted_reasons(t)) {
        w.begin_object().key("reason").value(reason).key("files").value(n).end_object();
    }
    w.end_array().end_object();
    return ",\"summary\":" + w.str();
}

}  // namespace restage::cli
