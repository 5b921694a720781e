// Template schema: raw YAML trees to Catalogue structs, plus what cross-file checks need.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "rewrite/template_raw.hpp"
#include "rewrite/templates.hpp"

namespace restage::rewrite::schema {

/// A place in a YAML file, kept for the checks that span files.
struct Loc {
    std::shared_ptr<const raw::Source> source;
    Position where{};

    [[noreturn]] void fail(std::string message) const { raw::fail_at(source, where, std::move(message)); }
};

/// A rule's id and code, where they were written.
struct RuleRef {
    std::string id, code;
    Loc id_at, code_at;
};

/// A runtime id named by a template ("variant 'alpine'", "need 'glibc' of variant 'distroless'").
struct RuntimeRef {
    std::string what;
    std::string runtime;  ///< may hold ${version}
    std::vector<std::string> versions;
    Loc at;
};

/// What the schema step saw that only the whole catalogue can check.
struct Seen {
    std::vector<RuleRef> rules;
    std::vector<RuntimeRef> runtime_refs;
};

/// templates/<id>.yaml. `expected_id` is the file name's stem.
Template read_template(const raw::Node& root, const std::string& expected_id, Seen& seen);
/// templates/common.yaml: shared rules.
std::vector<Rule> read_common(const raw::Node& root, Seen& seen);
/// templates/runtimes.yaml into `cat.runtimes` and `cat.image_sizes`.
void read_runtimes(const raw::Node& root, Catalogue& cat);

/// The checks across files: duplicate rule ids and codes, runtime ids that do not exist.
void validate(const Catalogue& cat, const Seen& seen);

/// Checks ${name} uses in `text` (the scalar `node`) against `allowed`; `what` names the text in
/// messages ("reason of rule 'go-split-build'"), `declare` says where to add a name.
void check_variables(const raw::Node& node, const std::string& text, const std::vector<std::string>& allowed,
                     const std::string& what, const std::string& declare);

}  // namespace restage::rewrite::schema
