// rewrite(): detection, the ecosystem's plan, edits on the original, the runtime stage, checks.
#include <algorithm>
#include <optional>
#include <regex>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "model/shell_lex.hpp"
#include "rewrite/checks.hpp"
#include "rewrite/command.hpp"
#include "rewrite/edits.hpp"
#include "rewrite/ecosystem.hpp"
#include "rewrite/runtime_stage.hpp"
#include "rewrite/text_util.hpp"

namespace restage::rewrite {

namespace {

using model::Kind;

// A JDK from the OS compiles; the runtime images bring their own Java. The regex is compiled
// on the first OS package, not in every run.
bool is_os_jdk(const std::string& package) {
    static const std::regex jdk(
        R"((default|openjdk-?[0-9]*)-(jdk|jre)(-headless)?|openjdk[0-9]+(-jdk|-jre)?)");
    return std::regex_match(package, jdk);
}

// Build tools an original installs that the final image does not need.
const std::set<std::string> kBuildOnlyPackages = {
    "git", "gcc", "g++", "make", "build-essential", "musl-dev", "libc-dev", "libc6-dev", "upx", "upx-ucl",
    "cmake", "autoconf", "automake", "libtool", "pkg-config", "pkgconfig", "python3", "python", "binutils",
    "maven", "gradle", "openjdk-17-jdk", "nodejs", "npm", "yarn", "golang", "go", "unzip", "zip", "wget",
    "ca-certificates", "tzdata", "bash", "openssh-client", "gnupg", "software-properties-common",
    "apt-transport-https", "lsb-release", "linux-headers", "alpine-sdk", "g++-multilib"};

// BuildKit's lint rule UndefinedArgInFrom: a variable in a FROM image that no ARG before the first
// FROM declares (nor BuildKit's platform ARGs) expands to nothing, so the image is not the one meant.
std::optional<Refusal> undeclared_arg_in_from(const model::bk::TypedFile& typed) {
    std::set<std::string> declared = {"BUILDPLATFORM",  "BUILDOS",  "BUILDARCH",  "BUILDVARIANT",
                                      "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT"};
    for (const auto& arg : typed.meta_args)
        for (const auto& pair : arg.args) declared.insert(pair.key);
    std::vector<std::string> entries(declared.begin(), declared.end());
    for (const auto& stage : typed.stages) {
        auto lexed = model::lex_word(stage.base, model::env_from_entries(entries));
        if (!lexed || lexed->unmatched.empty()) continue;
        return Refusal{fmt::format("FROM {}: ARG {} is not declared before the first FROM, so the image "
                                   "is not what it says",
                                   stage.base, *lexed->unmatched.begin()),
                       stage.start_line, "declare the ARG before the first FROM, or fix its name"};
    }
    return std::nullopt;
}

Needs needs_of(const StageFacts& f) {
    Needs n;
    auto note_tool = [&](const std::string& t) {
        if (std::find(n.tools.begin(), n.tools.end(), t) == n.tools.end()) n.tools.push_back(t);
    };
    for (const auto* c : {&f.entrypoint, &f.cmd}) {
        if (!*c || (*c)->json) continue;
        if (!exec_form((*c)->shell)) n.shell = true;
    }
    // Exec form would change what runs: a shell-form ENTRYPOINT ignores CMD, and a shell-form
    // CMD reaches an ENTRYPOINT as ["/bin/sh", "-c", ...].
    if (f.entrypoint && !f.entrypoint->json && f.cmd) n.shell = true;
    if (f.entrypoint && f.cmd && !f.cmd->json) n.shell = true;
    for (const auto& s : f.steps) {
        const auto& in = f.at(s.index);
        if (in.kind != Kind::Healthcheck || in.args.size() < 2) continue;
        if (!in.json) n.shell = true;  // HEALTHCHECK CMD in shell form runs /bin/sh -c
        std::string first = in.json ? in.args[1] : in.args[1].substr(0, in.args[1].find(' '));
        if (first == "curl" || first == "wget") note_tool(first);
    }
    for (const auto& p : f.os_packages) {
        if (!kBuildOnlyPackages.count(p) && !is_os_jdk(p)) n.packages.push_back(p);
    }
    for (const auto& s : f.steps) {
        const auto& in = f.at(s.index);
        if (in.kind != Kind::Run || in.json || in.args.empty()) continue;
        if (in.args[0].find("apk add") != std::string::npos) n.package_family = "apk";
        if (in.args[0].find("apt-get install") != std::string::npos || in.args[0].find("apt install") != std::string::npos)
            n.package_family = "apt";
    }
    if (n.packages.empty()) n.package_family.clear();
    return n;
}

Outcome unchanged(Outcome out, std::string note) {
    out.status = Outcome::Status::Unchanged;
    out.notes.push_back(std::move(note));
    return out;
}

Outcome refused(Outcome out, std::vector<Refusal> why) {
    out.status = Outcome::Status::Refused;
    out.refusals = std::move(why);
    return out;
}

// The other ecosystems that build in this Dockerfile: seen in the context (also_seen) and named
// by one of its instructions. Files of another ecosystem that only sit in the context (a
// build.gradle that CI uses to run npm, a package.json of docs tooling) build nothing here.
std::vector<detect::Ecosystem> also_building(const detect::Detection& det) {
    std::vector<detect::Ecosystem> out;
    for (auto e : det.also_seen) {
        bool in_dockerfile = std::any_of(det.evidence.begin(), det.evidence.end(), [&](const detect::Evidence& ev) {
            return ev.points_to == e && ev.line > 0;
        });
        if (in_dockerfile) out.push_back(e);
    }
    return out;
}

}  // namespace

Change change(const Template& t, const std::string& rule, const std::map<std::string, std::string>& vars,
              int first_line, int last_line) {
    const Rule* r = t.rule(rule);
    // Overlays can switch rules off but not remove them: a missing rule is restage's own bug.
    if (r == nullptr) throw std::logic_error("the " + t.id + " template has no rule '" + rule + "'");
    return Change{r->id, r->code, expand_reason(r->reason, vars), first_line, last_line};
}

Planner planner_for(detect::Ecosystem e) {
    // The registry: one row per ecosystem.
    switch (e) {
        case detect::Ecosystem::Go: return plan_go;
        case detect::Ecosystem::Maven:
        case detect::Ecosystem::Gradle: return plan_java;
        case detect::Ecosystem::Node: return plan_node;
        case detect::Ecosystem::Static: return plan_static;
        default: return nullptr;
    }
}

Result<Outcome> plan_and_check(const model::Document& doc, const detect::Context& ctx, const Catalogue& catalogue,
                               const Options& options) {
    Outcome out;
    out.text = doc.bytes();
    const auto& ins = doc.instructions();
    size_t froms = std::count_if(ins.begin(), ins.end(), [](const auto& i) { return i.kind == Kind::From; });
    out.detection = detect::classify(doc, ctx, catalogue.signals());
    if (froms == 0) return refused(out, {{"the file has no FROM instruction", 0, ""}});
    if (froms > 1) return unchanged(out, "already multi-stage: restage does not re-split it");
    if (!doc.typed()) {
        return refused(out, {{"BuildKit rejects this file when it builds it: " + doc.typed().error().message, 0,
                              "fix the Dockerfile, then run restage again"}});
    }
    if (auto undeclared = undeclared_arg_in_from(*doc.typed())) return refused(out, {*undeclared});

    const auto& det = out.detection;
    if (det.ecosystem == detect::Ecosystem::Unknown) {
        std::string saw = det.evidence.empty() ? "nothing it recognises" : det.evidence.front().fact;
        return refused(out, {{"no supported ecosystem detected (saw " + saw + ")", 0,
                              "restage rewrites Go, Java (Maven, Gradle), Node and static sites"}});
    }
    if (auto building = also_building(det); !building.empty()) {
        std::string others;
        for (auto e : building) others += (others.empty() ? "" : ", ") + std::string(detect::ecosystem_id(e));
        return refused(out, {{fmt::format("mixed ecosystems: {} and {} both build here",
                                          detect::ecosystem_id(det.ecosystem), others),
                              0, "split the build, or pass --artifact PATH to name what the image runs"}});
    }
    const Template* tmpl = catalogue.find(det.ecosystem);
    Planner planner = planner_for(det.ecosystem);
    if (tmpl == nullptr || planner == nullptr) {
        return refused(out, {{fmt::format("no template for {}", detect::ecosystem_id(det.ecosystem)), 0,
                              "add one with --templates DIR"}});
    }

    StageFacts facts = analyse(doc);
    Needs needs = needs_of(facts);
    const Rule* exec_rule = tmpl->rule("cmd-exec-form");
    if (exec_rule != nullptr && (!exec_rule->enabled || options.ignored_rules.count(exec_rule->id))) {
        for (const auto* c : {&facts.entrypoint, &facts.cmd}) needs.shell = needs.shell || (*c && !(*c)->json);
    }
    Build b = planner(PlanInput{doc, facts, ctx, det, *tmpl, catalogue, options, needs});
    if (auto other = b.plan_as) {
        // The first planner's changes say why another plans the image.
        const Template* t = catalogue.find(*other);
        Planner p = planner_for(*other);
        if (t == nullptr || p == nullptr) throw std::logic_error("no planner for " + std::string(detect::ecosystem_id(*other)));
        std::vector<Change> why = std::move(b.changes);
        tmpl = t;
        b = p(PlanInput{doc, facts, ctx, det, *tmpl, catalogue, options, needs});
        if (b.refusals.empty() && b.notes.empty()) b.changes.insert(b.changes.begin(), why.begin(), why.end());
    }
    PlanInput in{doc, facts, ctx, det, *tmpl, catalogue, options, needs};
    if (!b.refusals.empty()) return refused(out, b.refusals);
    if (!b.notes.empty()) {
        for (size_t i = 1; i < b.notes.size(); ++i) out.notes.push_back(b.notes[i]);
        return unchanged(out, b.notes.front());
    }

    out.size_before_mb = catalogue.image_size(facts.base_image).value_or(0);
    if (b.prepended_builder) {
        // The original stays the final stage; the build it needed comes first.
        auto final_stage = apply_edits(doc.bytes(), b.builder_edits);
        if (!final_stage) return final_stage.error();
        out.text = *b.prepended_builder + *final_stage;
        out.changes = b.changes;
        out.builder_image = facts.base_image;
        out.runtime_image = facts.base_image;
        out.size_after_mb = out.size_before_mb;
    } else {
        auto assembled = assemble(in, b);
        if (!assembled) return assembled.error();
        out.text = std::move(assembled->text);
        out.changes = std::move(assembled->changes);
        out.builder_image = facts.base_image;
        out.runtime_image = runtime_image(in, b.runtime);
        if (const auto* r = catalogue.runtime(b.runtime)) out.size_after_mb = r->size_mb;
    }

    if (auto bad = check_output(doc, out.text, b, in)) return *bad;
    out.status = Outcome::Status::Rewritten;
    return out;
}

}  // namespace restage::rewrite
