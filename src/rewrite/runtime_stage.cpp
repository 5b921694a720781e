// assemble(): edits for the builder stage, and the text of the runtime stage.
#include "rewrite/runtime_stage.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "model/bk_text.hpp"
#include "rewrite/command.hpp"
#include "rewrite/runtime_user.hpp"
#include "rewrite/text_util.hpp"

namespace restage::rewrite {

namespace {


using model::Kind;

struct Block {
    size_t begin = 0;  ///< first byte of its comment lines, or of its line
    size_t end = 0;    ///< after its last line
};

Block block_of(std::string_view src, const model::Instruction& i) {
    size_t start = comments_above(src, line_begin(src, i.range.begin));
    return {start, i.range.end};
}

// Deleting a block between two blank lines would leave two: take the following one too.
Edit delete_block(std::string_view src, Block b) {
    size_t end = b.end;
    bool blank_before = b.begin == 0 || blank_line_at(src, line_begin(src, b.begin - 1));
    if (blank_before && end < src.size() && blank_line_at(src, end)) end = next_line(src, end);
    return {b.begin, end, ""};
}

bool references(const std::string& text, const std::string& name) {
    for (size_t at = text.find('$'); at != std::string::npos; at = text.find('$', at + 1)) {
        size_t s = at + 1 < text.size() && text[at + 1] == '{' ? at + 2 : at + 1;
        if (text.compare(s, name.size(), name) != 0) continue;
        size_t after = s + name.size();
        if (after >= text.size() || !(std::isalnum(static_cast<unsigned char>(text[after])) || text[after] == '_'))
            return true;
    }
    return false;
}

// A build step after `index` makes a USER there part of the build.
bool user_feeds_build(const StageFacts& f, size_t index) {
    for (const auto& s : f.steps) {
        if (s.index <= index) continue;
        Kind k = f.at(s.index).kind;
        if (k == Kind::Run || k == Kind::Copy || k == Kind::Add || k == Kind::Workdir) return true;
    }
    return false;
}

std::string package_install(const RuntimeBase& base, const std::vector<std::string>& pkgs) {
    std::string list;
    for (const auto& p : pkgs) list += " " + p;
    if (base.package_manager == "apk") return "RUN apk add --no-cache" + list;
    return "RUN apt-get update && apt-get install -y --no-install-recommends" + list +
           " && rm -rf /var/lib/apt/lists/*";
}

// The image to debug a runtime with: distroless publishes :debug tags with a busybox shell;
// every other base already has a shell.
std::string debug_image(const RuntimeBase& base, const std::string& image) {
    if (base.family != "distroless") return image;
    auto colon = image.rfind(':');
    if (colon == std::string::npos || image.find('/', colon) != std::string::npos) return image + ":debug";
    std::string tag = image.substr(colon + 1);
    return image.substr(0, colon + 1) + (tag == "nonroot" ? "debug-nonroot" : tag == "latest" ? "debug" : tag + "-debug");
}

// The runtime image with the builder's version argument in place of its value, when the builder's
// FROM takes its version from a global ARG (FROM node:${NODE_VERSION}-bookworm) and the runtime
// image names that version once (nodejs22-debian12): `--build-arg NODE_VERSION=20` then moves
// both stages. The argument's name, or "".
std::string follow_version_arg(const StageFacts& f, std::string& image) {
    const auto& ins = f.doc->instructions();
    const std::string& raw = ins[f.from].args.empty() ? std::string() : ins[f.from].args[0];
    auto token_char = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; };
    for (size_t k = 0; k < f.from; ++k) {
        if (ins[k].kind != Kind::Arg) continue;
        for (const auto& a : ins[k].args) {
            size_t eq = a.find('=');
            if (eq == std::string::npos) continue;
            std::string name = a.substr(0, eq), value = a.substr(eq + 1);
            if (value.empty() || !std::all_of(value.begin(), value.end(), token_char)) continue;
            if (!references(raw, name)) continue;
            size_t at = image.find(value), found = std::string::npos;
            int count = 0;
            for (; at != std::string::npos; at = image.find(value, at + 1)) {
                bool alone = (at == 0 || !token_char(image[at - 1])) &&
                             (at + value.size() == image.size() || !token_char(image[at + value.size()]));
                if (alone) {
                    found = at;
                    ++count;
                }
            }
            if (count != 1) continue;
            image.replace(found, value.size(), "${" + name + "}");
            return name;
        }
    }
    return "";
}

}  // namespace

std::string manifest_copies(const std::vector<std::string>& present, const std::string& dest, const std::string& eol) {
    std::string files, dirs;
    size_t nfiles = 0;
    for (const auto& p : present) {
        if (p.back() == '/') {
            dirs += "COPY " + p + " " + (dest.back() == '/' ? dest : dest + "/") + p + eol;
        } else {
            files += p + " ";
            ++nfiles;
        }
    }
    std::string to = dest;
    if (nfiles > 1 && to.back() != '/') to += "/";
    return dirs + (nfiles == 0 ? "" : "COPY " + files + to + eol);
}

std::string builder_name(const PlanInput& in) {
    const auto& from = in.facts.at(in.facts.from);
    if (from.args.size() == 3) return model::bk::to_lower(from.args[2]);
    return in.tmpl.stage_name.empty() ? "build" : in.tmpl.stage_name;
}

Result<Assembled> assemble(const PlanInput& in, const Build& b) {
    const auto& f = in.facts;
    std::string_view src = in.doc.bytes();
    std::string eol = eol_of(src);
    Assembled out;
    std::vector<Edit> edits = b.builder_edits;
    std::string stage = builder_name(in);
    const RuntimeBase* base = in.catalogue.runtime(b.runtime);
    if (base == nullptr) return Error{ErrorKind::Internal, "no runtime '" + b.runtime + "' in the catalogue", {}, ""};
    std::map<std::string, std::string> vars = {{"builder_image", f.base_image},
                                               {"runtime_image", runtime_image(in, b.runtime)},
                                               {"stage", stage}};

    // The builder: named, manifests first, runtime-only instructions moved out.
    const auto& from = f.at(f.from);
    std::string workdir = b.builder_workdir ? eol + "WORKDIR " + *b.builder_workdir : "";
    if (from.args.size() != 3 || !workdir.empty())
        edits.push_back({from.line.end, from.line.end, (from.args.size() != 3 ? " AS " + stage : "") + workdir});

    if (b.insert_manifests_before && b.manifest != nullptr && enabled(in, "deps-before-sources")) {
        const auto& copy = f.at(*b.insert_manifests_before);
        // The sources' destination is a folder: the manifests go into it, and the fetch runs there.
        std::string dest = copy.args.empty() ? "./" : copy.args.back();
        if (dest.back() != '/') dest += "/";
        std::string copy_dir = f.steps.front().workdir;
        for (const auto& s : f.steps) {
            if (s.index == *b.insert_manifests_before) copy_dir = s.workdir;
        }
        std::string into = join_path(copy_dir, expand(dest, f.env_entries, in.doc.escape()));
        std::vector<std::string> present;
        for (const auto& file : b.manifest->files) {
            if (in.ctx.exists(file)) present.push_back(file);
        }
        std::string fetch = (into == copy_dir ? "" : "cd " + into + " && ") + b.manifest->fetch;
        if (in.options.cache_mounts && !b.manifest->cache_mount.empty()) {
            fetch = "--mount=type=cache,target=" + b.manifest->cache_mount + " " + fetch;
        }
        size_t at = comments_above(src, line_begin(src, copy.range.begin));
        edits.push_back({at, at, manifest_copies(present, dest, eol) + "RUN " + fetch + eol});
        vars["manifests"] = joined(present, " ");
        vars["fetch"] = b.manifest->fetch;
        vars["targets"] = b.manifest->cache_mount;
        out.changes.push_back(change(in.tmpl, "deps-before-sources", vars, copy.first_line, copy.last_line));
        if (in.options.cache_mounts && !b.manifest->cache_mount.empty()) {
            out.changes.push_back(change(in.tmpl, "cache-mounts", vars, copy.first_line, copy.last_line));
        }
    }
    if (enabled(in, "deps-before-sources")) {
        for (size_t index : b.drop_from_builder) edits.push_back(delete_block(src, block_of(src, f.at(index))));
    }

    std::vector<std::string> moved;  // runtime-only instructions, with their comments
    std::optional<std::string> moved_user, moved_cmd, moved_entrypoint;
    for (const auto& s : f.steps) {
        if (s.role != Role::Runtime) continue;
        const auto& i = f.at(s.index);
        if (i.kind == Kind::User && user_feeds_build(f, s.index)) continue;
        Block blk = block_of(src, i);
        edits.push_back(delete_block(src, blk));
        std::string text = with_eol(std::string(src.substr(blk.begin, blk.end - blk.begin)), eol);
        if (i.kind == Kind::User) moved_user = text;
        else if (i.kind == Kind::Cmd) moved_cmd = text;
        else if (i.kind == Kind::Entrypoint) moved_entrypoint = text;
        else moved.push_back(text);
    }

    auto builder = apply_edits(src, edits);
    if (!builder) return builder.error();
    // Moving the last instructions out can leave blank lines at the end of the builder.
    std::string text = std::move(*builder);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ' || text.back() == '\t')) {
        text.pop_back();
    }
    text = with_eol(std::move(text), eol);

    // The runtime stage.
    std::vector<std::string> lines;  // the runtime stage after its FROM
    std::vector<std::string> env_blocks;
    for (const auto& s : f.steps) {
        const auto& i = f.at(s.index);
        if (i.kind != Kind::Env) continue;
        bool runtime = false;
        for (size_t k = 0; k + 2 < i.args.size(); k += 3) {
            if (std::find(b.build_only_env.begin(), b.build_only_env.end(), i.args[k]) == b.build_only_env.end()) runtime = true;
        }
        if (runtime) env_blocks.push_back(std::string(src.substr(i.range.begin, i.line.end - i.range.begin)));
    }
    std::string later;  // everything after the ARGs, to find which ARGs it uses
    for (const auto& e : env_blocks) later += e + "\n";
    for (const auto& m : moved) later += m;
    for (const auto* o : {&moved_cmd, &moved_entrypoint}) later += o->value_or("");
    for (const auto& s : f.steps) {
        const auto& i = f.at(s.index);
        if (i.kind != Kind::Arg) continue;
        bool used = false;
        for (const auto& a : i.args) used = used || references(later, a.substr(0, a.find('=')));
        if (used) lines.push_back(std::string(src.substr(i.range.begin, i.line.end - i.range.begin)));
    }
    for (const auto& e : env_blocks) lines.push_back(e);
    // The builder image's own WORKDIR (gradle: /home/gradle) is where relative paths point.
    if (f.has_workdir || f.final_workdir != "/") lines.push_back("WORKDIR " + f.final_workdir);
    // USER: non-root by default (the catalogue says which user each base has, or how to add one).
    std::string user;
    std::optional<std::string> add_user_line;
    std::string original_user = f.user ? f.user_name : "";
    bool nonroot = in.options.nonroot && enabled(in, "runtime-nonroot");
    if (std::string dir = root_home_path(f.final_workdir, b.artifacts); nonroot && !dir.empty()) {
        nonroot = false;
        vars["path"] = dir;
        out.changes.push_back(change(in.tmpl, "root-home-kept", vars));
    }
    if (int port = privileged_port(f); nonroot && !b.user && port > 0) {
        nonroot = false;
        vars["port"] = std::to_string(port);
        out.changes.push_back(change(in.tmpl, "low-port-root-kept", vars));
    }
    if (!nonroot) {
        if (moved_user) user = "";  // moved verbatim below
    } else if (b.user) {
        user = *b.user;
    } else if (!original_user.empty() && !is_root(original_user) &&
               (numeric(original_user) || original_user.substr(0, original_user.find(':')) == base->user)) {
        user = original_user;
    } else if (!base->user.empty()) {
        user = base->user;
    } else if (!base->add_user.empty()) {
        std::string name = base->new_user.empty() ? "app" : base->new_user;
        add_user_line = "RUN " + expand_reason(base->add_user, {{"user", name}, {"uid", std::to_string(base->uid)}});
        user = name;
    } else {
        user = std::to_string(base->uid) + ":" + std::to_string(base->uid);
    }
    // Files the app writes at run time belong to its user: a VOLUME's folder (Docker fills a new
    // volume from it, ownership included), and artifacts the planner marks as written to.
    std::string owner = nonroot && !user.empty() ? user.substr(0, user.find(':')) : "";
    std::string chown = owner.empty() ? "" : "--chown=" + owner + ":" + (user.find(':') == std::string::npos ? owner : user.substr(user.find(':') + 1)) + " ";
    std::vector<ArtifactCopy> artifacts = b.artifacts;
    // What the original, running as another user than root, gave to that user stays writable by
    // the runtime's.
    auto within = [](const std::string& a, const std::string& b) { return a == b || a.rfind(b == "/" ? b : b + "/", 0) == 0; };
    for (const auto& p : f.user && !is_root(original_user) ? handed_over(f) : std::vector<std::string>{}) {
        for (auto& a : artifacts) a.owned = a.owned || within(a.from, p) || (p != "/" && within(p, a.from));
    }
    std::vector<std::string> volumes;
    for (const auto& s : f.steps) {
        const auto& i = f.at(s.index);
        if (i.kind != Kind::Volume || chown.empty()) continue;
        for (const auto& v : i.args) {
            // /tmp and /var/tmp exist everywhere, writable by all.
            auto in_dir = [&](const char* d) { return v == d || v.rfind(std::string(d) + "/", 0) == 0; };
            if (v.empty() || v[0] != '/' || v.find('$') != std::string::npos || in_dir("/tmp") || in_dir("/var/tmp"))
                continue;
            volumes.push_back(v);
            artifacts.push_back({v, v, true});
        }
    }
    if (!volumes.empty()) text += "RUN mkdir -p " + joined(volumes, " ") + eol;
    for (const auto& a : artifacts)
        lines.push_back("COPY --from=" + stage + " " + (a.owned ? chown : "") + a.from + " " + a.to);
    if (!in.needs.packages.empty() && enabled(in, "keep-runtime-packages")) {
        lines.push_back(package_install(*base, in.needs.packages));
        std::string pkgs;
        for (const auto& p : in.needs.packages) pkgs += (pkgs.empty() ? "" : " ") + p;
        vars["packages"] = pkgs;
        // Where the original installed the first of them.
        auto names = [](const std::string& text, const std::string& word) {
            auto edge = [](char c) { return std::isspace(static_cast<unsigned char>(c)) || c == '\\' || c == ';'; };
            for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
                size_t end = at + word.size();
                if ((at == 0 || edge(text[at - 1])) && (end == text.size() || edge(text[end]) || text[end] == '='))
                    return true;
            }
            return false;
        };
        int installed = 0;
        for (const auto& s : f.steps) {
            const auto& i = f.at(s.index);
            if (installed == 0 && i.kind == Kind::Run && !i.args.empty() && names(i.args[0], in.needs.packages.front()))
                installed = i.first_line;
        }
        vars["line"] = installed > 0 ? "line " + std::to_string(installed) : "the original";
        out.changes.push_back(change(in.tmpl, "keep-runtime-packages", vars));
    }
    // The tools a HEALTHCHECK calls (curl, wget) that the base lacks but can install.
    std::vector<std::string> tools;
    for (const auto& t : in.needs.tools) {
        bool busybox_applet = t == "wget" && base->has("busybox");
        if (t == "sh" || base->has(t) || busybox_applet || base->package_manager.empty()) continue;
        if (std::find(in.needs.packages.begin(), in.needs.packages.end(), t) == in.needs.packages.end()) tools.push_back(t);
    }
    if (!tools.empty()) {
        lines.push_back(package_install(*base, tools));
        vars["tools"] = joined(tools, " ");
        out.changes.push_back(change(in.tmpl, "healthcheck-tools", vars));
    }
    for (const auto& l : b.runtime_setup) lines.push_back(l);

    if (add_user_line) lines.push_back(*add_user_line);

    if (nonroot && !user.empty() && user != original_user) {
        vars["user"] = user;
        vars["uid"] = std::to_string(base->uid);
        vars["previous_user"] = original_user.empty() ? "root" : original_user;
        out.changes.push_back(change(in.tmpl, "runtime-nonroot", vars, f.user ? f.at(*f.user).first_line : 0,
                                     f.user ? f.at(*f.user).last_line : 0));
    }

    std::string stage_text;
    for (const auto& l : lines) stage_text += l + eol;
    for (const auto& m : moved) stage_text += m;
    if (!nonroot && moved_user) stage_text += *moved_user;
    // Root was kept, but this base runs as its own user unless told otherwise.
    if (!nonroot && !moved_user && base->default_user && !(b.user && !b.user->empty())) stage_text += "USER root" + eol;
    if (nonroot && !user.empty()) stage_text += "USER " + user + eol;

    auto command = [&](const std::optional<std::string>& block, const std::optional<Command>& c,
                       const std::optional<std::vector<std::string>>& replacement, const char* keyword) {
        if (replacement) {
            stage_text += std::string(keyword) + " " + json_argv(*replacement) + eol;
            return;
        }
        if (!block) return;
        if (c && !c->json && !base->shell) {
            if (auto argv = exec_form(c->shell)) {
                stage_text += std::string(keyword) + " " + json_argv(*argv) + eol;
                vars["instruction"] = keyword;
                vars["line"] = std::to_string(f.at(c->index).first_line);
                vars["exec_form"] = json_argv(*argv);
                out.changes.push_back(change(in.tmpl, "cmd-exec-form", vars, f.at(c->index).first_line,
                                             f.at(c->index).last_line));
                return;
            }
        }
        stage_text += *block;
    };
    command(moved_entrypoint, f.entrypoint, b.entrypoint, "ENTRYPOINT");
    command(moved_cmd, f.cmd, b.cmd, "CMD");

    // With --debug-stage, the same stage on an image with a shell comes first as target `debug`;
    // the runtime stays last, so a plain build still produces it.
    std::string image = runtime_image(in, b.runtime);
    if (std::string arg = enabled(in, "runtime-follows-arg") ? follow_version_arg(f, image) : ""; !arg.empty()) {
        vars["name"] = arg;
        vars["image"] = image;
        out.changes.push_back(change(in.tmpl, "runtime-follows-arg", vars));
    }
    std::string final_stage = eol + "FROM " + image + eol + stage_text;
    if (in.options.debug_stage && enabled(in, "debug-stage")) {
        std::string debug = debug_image(*base, image);
        final_stage = eol + "FROM " + debug + " AS debug" + eol + stage_text + final_stage;
        vars["debug_image"] = debug;
        out.changes.push_back(change(in.tmpl, "debug-stage", vars));
    }
    out.text = text + final_stage;
    out.changes.insert(out.changes.begin(), b.changes.begin(), b.changes.end());
    return out;
}

}  // namespace restage::rewrite
