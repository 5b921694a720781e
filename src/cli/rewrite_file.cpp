// The single-file rewrite path shared by `restage FILE` and `restage scan`.
#include "cli/rewrite_file.hpp"

#include <sys/stat.h>

#include <filesystem>

#include "cli/app.hpp"
#include "cli/atomic_write.hpp"
#include "cli/exit_codes.hpp"
#include "model/document.hpp"
#include "syntax/diagnostic.hpp"

namespace restage::cli {

namespace {

namespace fs = std::filesystem;

// Template and config errors name their file in `hint`; keep that file's text for the caret.
FileReport& load_error(const Error& e, FileReport& r) {
    Error bare = e;
    bare.hint.clear();
    r.error = bare;
    r.error_file = e.hint.empty() ? "restage" : e.hint;
    r.exit = exit_code_for(e.kind);
    std::error_code ec;
    if (!e.hint.empty() && fs::is_regular_file(e.hint, ec)) {
        if (auto text = read_file(e.hint)) r.error_source = std::move(*text);
    } else if (e.hint.rfind("templates/", 0) == 0) {
        for (const auto& f : rewrite::builtin_files()) {
            if (e.hint.substr(10) == f.name) r.error_source = std::string(f.text);
        }
    }
    return r;
}

// Command-line flags win over .restage.yaml; the config's `images` are already in the catalogue.
rewrite::Options merged_options(const RewriteOptions& o, rewrite::Config config) {
    rewrite::Options r;
    if (!o.runtime.empty()) r.runtime = o.runtime;
    if (!o.artifact.empty()) r.artifact = o.artifact;
    r.nonroot = o.no_nonroot ? false : config.nonroot.value_or(true);
    r.cache_mounts = o.cache_mounts || config.cache_mounts.value_or(false);
    r.debug_stage = o.debug_stage || config.debug_stage.value_or(false);
    config.images.clear();
    r.config = std::move(config);
    return r;
}

fs::path context_for(const RewriteOptions& o, const std::string& file) {
    if (!o.context.empty()) return o.context;
    fs::path dir = file == "-" ? fs::path() : fs::path(file).parent_path();
    return dir.empty() ? fs::path(".") : dir;
}

}  // namespace

Result<std::shared_ptr<const rewrite::Catalogue>> RunCache::catalogue(const std::optional<fs::path>& templates,
                                                                      const rewrite::Config& config) {
    const std::string dir_key = templates ? "dir:" + templates->string() : "builtin";
    std::string key = dir_key;
    for (const auto& f : config.files) key += '\n' + f.string();
    std::lock_guard lock(mutex_);
    if (auto it = applied_.find(key); it != applied_.end()) return it->second;
    auto loaded = loaded_.find(dir_key);
    if (loaded == loaded_.end()) {
        auto catalogue = rewrite::load_catalogue(templates);
        if (!catalogue) return catalogue.error();
        loaded = loaded_.emplace(dir_key, std::move(*catalogue)).first;
    }
    auto applied = std::make_shared<rewrite::Catalogue>(loaded->second);
    if (auto ok = rewrite::apply_config(config, *applied); !ok) return ok.error();
    applied_.emplace(key, applied);
    return std::shared_ptr<const rewrite::Catalogue>(std::move(applied));
}

detect::Context RunCache::context(const fs::path& dir) {
    std::lock_guard lock(mutex_);
    auto it = contexts_.find(dir.string());
    if (it == contexts_.end()) it = contexts_.emplace(dir.string(), detect::Context::from_dir(dir)).first;
    return it->second;
}

std::optional<Loaded> load_for(const std::string& file, const std::string& templates_option, RunCache& cache,
                               FileReport& r) {
    // Standard input has no folder: the current directory's config applies.
    auto config = rewrite::load_config_for(file == "-" ? fs::current_path() / "Dockerfile" : fs::path(file),
                                           std::nullopt, &cache.configs);
    if (!config) {
        load_error(config.error(), r);
        return std::nullopt;
    }
    std::optional<fs::path> templates = config->templates;
    if (!templates_option.empty()) templates = fs::path(templates_option);
    auto catalogue = cache.catalogue(templates, *config);
    if (!catalogue) {
        load_error(catalogue.error(), r);
        return std::nullopt;
    }
    return Loaded{std::move(*config), *catalogue};
}

FileReport rewrite_file(const RewriteOptions& o, const std::string& file, RunCache& cache) {
    FileReport r{file, display_name(file), "", std::nullopt, std::nullopt, "", "", kExitOk};
    auto fail = [&r](const Error& e, std::string_view source) {
        r.error = e;
        r.error_file = r.name;
        r.error_source = std::string(source);
        r.exit = exit_code_for(e.kind);
        return r;
    };
    auto input = read_input(file);
    if (!input) return fail(input.error(), "");
    r.source = *input;
    auto doc = model::Document::parse(std::move(*input));
    if (!doc) return fail(doc.error(), r.source);

    auto loaded = load_for(file, o.templates, cache, r);
    if (!loaded) return r;

    auto ctx = cache.context(context_for(o, file));
    auto out = rewrite::rewrite(*doc, ctx, *loaded->catalogue, merged_options(o, std::move(loaded->config)));
    if (!out) return fail(out.error(), r.source);
    if (out->size_before_mb == 0 && !out->builder_image.empty()) {
        if (auto size = loaded->catalogue->image_size(out->builder_image)) out->size_before_mb = *size;
    }
    r.outcome = std::move(*out);
    return r;
}

Result<Ok> write_in_place(const std::string& file, std::string_view text) {
    struct stat st {};
    if (::stat(file.c_str(), &st) == 0 && (st.st_mode & 0222) == 0) {
        return Error{ErrorKind::Io, "cannot write " + file + ": the file is read-only", {}, ""};
    }
    return atomic_write(file, text);
}

std::string error_text(const FileReport& r, bool color) {
    std::string text = render_diagnostic(r.error_file, r.error_source, *r.error, color);
    if (text.empty() || text.back() != '\n') text += '\n';
    return text;
}

const char* status_id(rewrite::Outcome::Status s) {
    switch (s) {
        case rewrite::Outcome::Status::Rewritten:
            return "rewritten";
        case rewrite::Outcome::Status::Unchanged:
            return "unchanged";
        case rewrite::Outcome::Status::Refused:
            return "refused";
    }
    return "error";
}

std::string diff_path(const std::string& file) {
    if (file == "-") return "Dockerfile";
    fs::path p = fs::path(file).lexically_normal();
    if (p.is_absolute()) {
        std::error_code ec;
        fs::path rel = p.lexically_relative(fs::current_path(ec));
        if (!ec && !rel.empty()) p = rel;
    }
    return p.generic_string();
}

}  // namespace restage::cli
