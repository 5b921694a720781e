// bk_flags.cpp: BFlags.Parse, message for message.
#include "model/bk_flags.hpp"

#include "model/go_text.hpp"
#include "model/suggest.hpp"

namespace restage::model::bk {
namespace {

Error flag_error(std::string message) {
    return Error{ErrorKind::Semantic, std::move(message)};
}

}  // namespace

Flags::Flag& Flags::add(const std::string& name, Type type) {
    auto [it, inserted] = flags_.try_emplace(name);
    if (!inserted) {
        setup_error_ = "Duplicate flag defined: " + name;
        return it->second;
    }
    it->second.type = type;
    order_.push_back(name);
    return it->second;
}

Flags::Flag& Flags::add_bool(const std::string& name, bool def) {
    Flag& f = add(name, Type::Bool);
    f.value = def ? "true" : "false";
    return f;
}

Flags::Flag& Flags::add_string(const std::string& name, std::string def) {
    Flag& f = add(name, Type::String);
    f.value = std::move(def);
    return f;
}

Flags::Flag& Flags::add_strings(const std::string& name) {
    return add(name, Type::Strings);
}

Result<Ok> Flags::parse() {
    if (setup_error_) return flag_error("error setting up flags: " + *setup_error_);
    for (const auto& a : args_) {
        if (a == "--") return Ok{};  // POSIX: the rest are operands
        if (a.rfind("--", 0) != 0) return flag_error("arg should start with -- : " + a);
        const auto eq = a.find('=');
        const bool has_value = eq != std::string::npos;
        const std::string flag_name = a.substr(0, eq);
        const std::string value = has_value ? a.substr(eq + 1) : std::string();
        const std::string name = flag_name.substr(2);
        auto it = flags_.find(name);
        if (it == flags_.end()) return flag_error(with_suggestion("unknown flag: " + flag_name, name, order_, true));
        Flag& flag = it->second;
        if (used_.count(name) && flag.type != Type::Strings)
            return flag_error("duplicate flag specified: " + flag_name);
        used_.insert(name);
        switch (flag.type) {
            case Type::Bool: {
                if (has_value && value.empty()) return flag_error("missing a value on flag: " + flag_name);
                const std::string v = go::to_lower(value);
                if (v == "true" || v.empty()) {
                    flag.value = "true";
                } else if (v == "false") {
                    flag.value = "false";
                } else {
                    return flag_error("expecting boolean value for flag " + flag_name + ", not: " + value);
                }
                break;
            }
            case Type::String:
                if (!has_value) return flag_error("missing a value on flag: " + flag_name);
                flag.value = value;
                break;
            case Type::Strings:
                if (!has_value) return flag_error("missing a value on flag: " + flag_name);
                flag.values.push_back(value);
                break;
        }
    }
    return Ok{};
}

}  // namespace restage::model::bk
