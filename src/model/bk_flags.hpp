// bk_flags.hpp: BuildKit's BFlags: the --flags an instruction accepts, parsed with its messages.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "syntax/result.hpp"

namespace restage::model::bk {

/// instructions.BFlags: declare the flags an instruction accepts, then parse() the ones written.
class Flags {
public:
    enum class Type { Bool, String, Strings };

    /// One declared flag and, after parse(), its value.
    struct Flag {
        Type type = Type::String;
        std::string value;                ///< bool flags hold "true"/"false"
        std::vector<std::string> values;  ///< every value of a Strings flag
    };

    /// The flags as written on the instruction, e.g. {"--from=build", "--link"}.
    explicit Flags(std::vector<std::string> args) : args_(std::move(args)) {}

    /// Declares a flag; the returned reference stays valid for the lifetime of this object.
    Flag& add_bool(const std::string& name, bool def);
    Flag& add_string(const std::string& name, std::string def);
    Flag& add_strings(const std::string& name);

    /// BFlags.Parse: stops at "--"; errors such as "unknown flag: --form (did you mean from?)",
    /// "missing a value on flag: --from", "duplicate flag specified: --from",
    /// "expecting boolean value for flag link, not: yes", "arg should start with -- : x".
    Result<Ok> parse();

    /// Whether parse() saw the flag.
    bool used(const std::string& name) const { return used_.count(name) != 0; }

private:
    Flag& add(const std::string& name, Type type);

    std::vector<std::string> args_;
    std::map<std::string, Flag> flags_;
    std::vector<std::string> order_;  // declaration order, for suggestions
    std::set<std::string> used_;
    std::optional<std::string> setup_error_;
};

}  // namespace restage::model::bk
