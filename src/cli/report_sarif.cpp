// The SARIF 2.1.0 log: tool, rules, results with regions and fixes, an invocation with errors.
#include "cli/report_sarif.hpp"

#include <algorithm>
#include <map>

#include "syntax/json_writer.hpp"

namespace restage::cli {

namespace {

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void artifact_location(JsonWriter& w, const std::string& uri) {
    w.key("artifactLocation").begin_object().key("uri").value(uri).key("uriBaseId").value("%SRCROOT%").end_object();
}

void result(JsonWriter& w, const SarifFile& f, const rewrite::Change& c) {
    w.begin_object();
    w.key("ruleId").value(c.rule).key("level").value("warning");
    w.key("message").begin_object().key("text").value(c.reason).end_object();
    w.key("locations").begin_array().begin_object().key("physicalLocation").begin_object();
    artifact_location(w, f.uri);
    const int first = std::max(c.first_line, 1);
    w.key("region").begin_object().key("startLine").value(first);
    w.key("endLine").value(std::max(first, c.last_line)).end_object();
    w.end_object().end_object().end_array();
    if (f.fix) {
        w.key("fixes").begin_array().begin_object();
        w.key("description").begin_object().key("text").value("Apply restage's rewrite of " + f.uri).end_object();
        w.key("artifactChanges").begin_array().begin_object();
        artifact_location(w, f.uri);
        w.key("replacements").begin_array().begin_object();
        w.key("deletedRegion").begin_object();
        w.key("charOffset").value(f.fix->char_offset).key("charLength").value(f.fix->char_length).end_object();
        w.key("insertedContent").begin_object().key("text").value(f.fix->inserted).end_object();
        w.end_object().end_array();
        w.end_object().end_array();
        w.end_object().end_array();
    }
    w.end_object();
}

}  // namespace

TextReplacement replacement_of(std::string_view before, std::string_view after) {
    std::size_t prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix]) ++prefix;
    while (prefix > 0 && before[prefix - 1] != '\n') --prefix;  // from the start of a line
    std::size_t suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
           before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) {
        ++suffix;
    }
    // Keep whole lines in the common tail: it starts after a newline (or at the end).
    while (suffix > 0 && before[before.size() - suffix - 1] != '\n') --suffix;
    const std::string_view deleted = before.substr(prefix, before.size() - suffix - prefix);
    return TextReplacement{code_points(before.substr(0, prefix)), code_points(deleted),
                           std::string(after.substr(prefix, after.size() - suffix - prefix))};
}

std::string sarif_report(const std::vector<SarifFile>& files) {
    // Every rule that made a change, once, with its short code in the description.
    std::map<std::string, const rewrite::Change*> rules;
    for (const auto& f : files) {
        if (!f.report->outcome) continue;
        for (const auto& c : f.report->outcome->changes) rules.emplace(c.rule, &c);
    }
    JsonWriter w(true);
    w.begin_object();
    w.key("$schema").value("https://json.schemastore.org/sarif-2.1.0.json");
    w.key("version").value("2.1.0");
    w.key("runs").begin_array().begin_object();
    w.key("tool").begin_object().key("driver").begin_object();
    w.key("name").value("restage").key("version").value("0.1.0");
    w.key("rules").begin_array();
    for (const auto& [id, c] : rules) {
        w.begin_object().key("id").value(id);
        w.key("shortDescription").begin_object().key("text").value(c->code.empty() ? id : c->code + " " + id).end_object();
        w.end_object();
    }
    w.end_array().end_object().end_object();

    bool ok = true;
    w.key("invocations").begin_array().begin_object();
    w.key("toolExecutionNotifications").begin_array();
    for (const auto& f : files) {
        if (f.report->outcome) continue;
        ok = false;
        const Error& e = *f.report->error;
        w.begin_object().key("level").value("error");
        w.key("message").begin_object().key("text").value(e.message).end_object();
        w.key("locations").begin_array().begin_object().key("physicalLocation").begin_object();
        w.key("artifactLocation").begin_object().key("uri").value(f.report->error_file).end_object();
        if (e.where.line > 0) {
            w.key("region").begin_object().key("startLine").value(e.where.line);
            if (e.where.column > 0) w.key("startColumn").value(e.where.column);
            w.end_object();
        }
        w.end_object().end_object().end_array().end_object();
    }
    w.end_array().key("executionSuccessful").value(ok).end_object().end_array();

    w.key("results").begin_array();
    for (const auto& f : files) {
        if (!f.report->outcome) continue;
        for (const auto& c : f.report->outcome->changes) result(w, f, c);
    }
    w.end_array();
    w.end_object().end_array();
    w.end_object();
    return w.str();
}

}  // namespace restage::cli
