// bk_typed.cpp: instructions.Parse and the instructions whose typed form we keep (FROM, ARG).
#include "model/bk_typed.hpp"

#include "model/bk_request.hpp"
#include "model/go_text.hpp"
#include "model/suggest.hpp"

namespace restage::model::bk {
namespace detail {

Error semantic(std::string message) {
    return Error{ErrorKind::Semantic, std::move(message)};
}

Command Request::command_value() const {
    return Command{command, std::string(go::trim_space(node().original))};
}

}  // namespace detail

namespace {

using detail::Request;
using detail::semantic;

// nodeArgs: the argument chain, with a nested instruction (ONBUILD's trigger) flattened in.
void node_args(const Node& node, std::vector<std::string>& out) {
    for (const Node& arg : node.next) {
        if (arg.children.empty()) {
            out.push_back(arg.value);
        } else if (arg.children.size() == 1) {
            out.push_back(arg.children[0].value);
            node_args(arg.children[0], out);
        }
    }
}

// getDocComment: the first comment line that starts with "NAME ".
std::string doc_comment(const std::vector<std::string>& comments, const std::string& name) {
    if (name.empty()) return "";
    for (const auto& line : comments)
        if (line.rfind(name + " ", 0) == 0) return line.substr(name.size() + 1);
    return "";
}

// ^[a-z][a-z0-9-_.]*$
bool valid_stage_name(const std::string& s) {
    if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) return false;
    return true;
}

Result<Typed> parse_from(Request& r) {
    std::string name;
    if (r.args.size() == 3 && go::equal_fold(r.args[1], "as")) {
        name = go::to_lower(r.args[2]);
        if (!valid_stage_name(name))
            return semantic("invalid name for build stage: " + go::quote(r.args[2]) +
                            ", name can't start with a number or contain symbols");
    } else if (r.args.size() != 1) {
        return semantic("FROM requires either one or three arguments");
    }
    auto& platform = r.flags.add_string("platform", "");
    if (auto ok = r.flags.parse(); !ok) return ok.error();
    Stage s;
    s.name = name;
    s.base = r.args[0];
    s.platform = platform.value;
    s.code = r.command_value().code;
    s.doc_comment = doc_comment(r.in.prev_comment, name);
    s.start_line = r.in.start_line;
    s.end_line = r.in.end_line;
    return Typed{std::move(s)};
}

Result<Typed> parse_arg(Request& r) {
    if (r.args.empty()) return semantic("ARG requires at least one argument");
    ArgCommand a;
    a.name = r.command;
    a.code = r.command_value().code;
    a.start_line = r.in.start_line;
    a.end_line = r.in.end_line;
    for (const auto& arg : r.args) {
        ArgPair p;
        // Unlike ENV, the parser leaves NAME=VALUE whole: a bare NAME declares without a value.
        if (const auto eq = arg.find('='); eq != std::string::npos) {
            if (eq == 0) return semantic("ARG names can not be blank");
            p.key = arg.substr(0, eq);
            p.value = arg.substr(eq + 1);
        } else {
            p.key = arg;
        }
        p.doc_comment = doc_comment(r.in.prev_comment, p.key);
        a.args.push_back(std::move(p));
    }
    return Typed{std::move(a)};
}

Result<Typed> parse_onbuild(Request& r) {
    if (r.args.empty()) return semantic("ONBUILD requires at least one argument");
    if (auto ok = r.flags.parse(); !ok) return ok.error();
    const std::string trigger = go::to_upper(go::trim_space(r.args[0]));
    if (trigger == "ONBUILD") return semantic("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
    if (trigger == "MAINTAINER" || trigger == "FROM") return semantic(trigger + " isn't allowed as an ONBUILD trigger");
    return Typed{r.command_value()};
}

const std::vector<std::string>& instruction_names() {
    static const std::vector<std::string> names = {
        "ADD",   "ARG",     "CMD",   "COPY",       "ENTRYPOINT", "ENV",  "EXPOSE", "FROM",   "HEALTHCHECK",
        "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    };
    return names;
}

}  // namespace

Result<Typed> parse_instruction(const Instruction& in) {
    Request r{in, in.node.value, {}, Flags(in.node.flags)};
    node_args(in.node, r.args);
    const std::string keyword = go::to_lower(in.node.value);
    auto result = [&]() -> Result<Typed> {
        if (keyword == "env") return detail::parse_env_or_label(r, "ENV");
        if (keyword == "maintainer") return detail::parse_maintainer(r);
        if (keyword == "label") return detail::parse_env_or_label(r, "LABEL");
        if (keyword == "add") return detail::parse_add(r);
        if (keyword == "copy") return detail::parse_copy(r);
        if (keyword == "from") return parse_from(r);
        if (keyword == "onbuild") return parse_onbuild(r);
        if (keyword == "workdir") return detail::parse_workdir(r);
        if (keyword == "run") return detail::parse_run(r);
        if (keyword == "cmd" || keyword == "entrypoint") return detail::parse_flags_only(r);
        if (keyword == "healthcheck") return detail::parse_healthcheck(r);
        if (keyword == "expose") return detail::parse_expose(r);
        if (keyword == "user") return detail::parse_user(r);
        if (keyword == "volume") return detail::parse_volume(r);
        if (keyword == "stopsignal") return detail::parse_stopsignal(r);
        if (keyword == "arg") return parse_arg(r);
        if (keyword == "shell") return detail::parse_shell(r);
        return semantic(with_suggestion("unknown instruction: " + in.node.value, in.node.value,
                                        instruction_names(), false));
    }();
    if (!result) {
        Error e = result.error();
        e.where = Position{in.start_line, 0};
        return e;
    }
    return result;
}

Result<TypedFile> parse(const std::vector<Instruction>& instructions) {
    TypedFile file;
    for (std::size_t i = 0; i < instructions.size(); ++i) {
        const Instruction& in = instructions[i];
        auto typed = parse_instruction(in);
        if (!typed) {
            Error e = typed.error();
            e.message = "dockerfile parse error on line " + std::to_string(in.start_line) + ": " + e.message;
            return e;
        }
        if (file.stages.empty()) {
            if (auto* arg = std::get_if<ArgCommand>(&*typed)) {
                file.meta_args.push_back(std::move(*arg));
                continue;
            }
        }
        if (auto* stage = std::get_if<Stage>(&*typed)) {
            stage->from_index = i;
            file.stages.push_back(std::move(*stage));
            continue;
        }
        if (file.stages.empty()) {
            Error e = semantic("no build stage in current context");
            e.where = Position{in.start_line, 0};
            return e;
        }
        file.stages.back().commands.push_back(i);
    }
    return file;
}

}  // namespace restage::model::bk
