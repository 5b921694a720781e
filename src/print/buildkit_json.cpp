// The BuildKit-compatible JSON: one object per file, field for field as the corpus records it.
#include "print/buildkit_json.hpp"

#include "model/bk_dump.hpp"
#include "model/bk_text.hpp"
#include "syntax/json_writer.hpp"

namespace restage::print {

namespace {

void write_instruction(JsonWriter& w, const model::Instruction& ins) {
    w.begin_object();
    w.key("keyword").value(model::bk::to_lower(ins.keyword));
    w.key("flags").strings(ins.flags);
    w.key("args").strings(ins.args);
    w.key("json").value(ins.json);
    w.key("heredocs").begin_array();
    for (const auto& h : ins.heredocs) {
        w.begin_object();
        w.key("name").value(h.name);
        w.key("expand").value(h.expand);
        w.key("chomp").value(h.chomp);
        w.key("content").value(h.content);
        w.end_object();
    }
    w.end_array();
    w.key("lines").begin_array().value(ins.first_line).value(ins.last_line).end_array();
    w.key("dump").value(model::bk::dump(ins.node));
    w.end_object();
}

void write_typed(JsonWriter& w, const Result<model::bk::TypedFile>& typed) {
    if (!typed) {
        w.key("stages_error").value(typed.error().message);
        return;
    }
    w.key("stages").begin_array();
    for (const auto& s : typed->stages) {
        w.begin_object();
        w.key("name").value(s.name);
        w.key("base").value(s.base);
        w.key("platform").value(s.platform);
        w.key("lines").begin_array().value(s.start_line).value(s.end_line).end_array();
        w.end_object();
    }
    w.end_array();
    w.key("global_args").begin_array();
    for (const auto& a : typed->meta_args) {
        w.begin_object();
        w.key("type").value("ArgCommand");
        w.key("name").value(a.name);
        w.key("start_line").value(a.start_line);
        w.key("end_line").value(a.end_line);
        w.key("code").value(a.code);
        w.key("fields").begin_object().key("Args").begin_array();
        for (const auto& p : a.args) {
            w.begin_object();
            w.key("DocComment").value(p.doc_comment);
            w.key("Key").value(p.key);
            w.key("Value");
            if (p.value) {
                w.value(*p.value);
            } else {
                w.null();
            }
            w.end_object();
        }
        w.end_array().end_object();
        w.end_object();
    }
    w.end_array();
}

}  // namespace

std::string buildkit_json(const Result<model::Document>& doc, bool pretty) {
    JsonWriter w(pretty);
    w.begin_object();
    if (!doc) {
        w.key("ok").value(false);
        w.key("error").value(doc.error().message);
        w.end_object();
        return w.str();
    }
    w.key("ok").value(true);
    w.key("escape").value(std::string(1, doc->escape()));
    w.key("directives").begin_array();
    for (const auto& d : doc->directives()) {
        w.begin_object().key("name").value(d.name).key("value").value(d.value).key("line").value(d.line).end_object();
    }
    w.end_array();
    w.key("instructions").begin_array();
    for (const auto& ins : doc->instructions()) write_instruction(w, ins);
    w.end_array();
    write_typed(w, doc->typed());
    w.end_object();
    return w.str();
}

}  // namespace restage::print
