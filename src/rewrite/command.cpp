// Commands: splitting shell lines conservatively; anything unusual keeps its shell.
#include "rewrite/command.hpp"

#include "syntax/json_writer.hpp"
#include "model/shell_lex.hpp"

namespace restage::rewrite {

std::optional<std::vector<std::string>> exec_form(const std::string& shell_command) {
    static const std::string kShellChars = "$&|;<>()`*?[]~{}#\\\n";
    if (shell_command.find_first_of(kShellChars) != std::string::npos) return std::nullopt;
    model::LexOptions opts;
    auto words = model::process_words(shell_command, model::empty_env(), opts);
    if (!words || words->empty()) return std::nullopt;
    if ((*words)[0] == "exec") words->erase(words->begin());
    if (words->empty()) return std::nullopt;
    return *words;
}

std::string json_argv(const std::vector<std::string>& argv) {
    std::string out = "[";
    for (size_t i = 0; i < argv.size(); ++i) {
        if (i > 0) out += ", ";
        out += json_quote(argv[i]);
    }
    return out + "]";
}

std::vector<std::string> simple_commands(const std::string& line) {
    std::vector<std::string> out;
    std::string cur;
    char quote = 0;
    for (size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quote) {
            if (c == quote) quote = 0;
            else if (c == '\\' && quote == '"' && i + 1 < line.size()) cur += line[i++];
            cur += c;
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            cur += c;
            continue;
        }
        if (c == '\\' && i + 1 < line.size()) {
            cur += c;
            cur += line[++i];
            continue;
        }
        bool sep = c == ';' || c == '\n' || c == '|' || (c == '&' && i + 1 < line.size() && line[i + 1] == '&');
        if (sep) {
            if (c == '&' || (c == '|' && i + 1 < line.size() && line[i + 1] == '|')) ++i;
            out.push_back(cur);
            cur.clear();
            continue;
        }
        cur += c;
    }
    out.push_back(cur);
    std::vector<std::string> trimmed;
    for (auto& s : out) {
        auto b = s.find_first_not_of(" \t");
        if (b == std::string::npos) continue;
        trimmed.push_back(s.substr(b, s.find_last_not_of(" \t") - b + 1));
    }
    return trimmed;
}

std::vector<std::string> command_words(const std::string& simple_command) {
    model::LexOptions opts;
    opts.skip_unset_env = true;
    auto words = model::process_words(simple_command, model::empty_env(), opts);
    std::vector<std::string> out;
    if (!words) return out;
    size_t i = 0;
    while (i < words->size()) {
        const auto& w = (*words)[i];
        auto eq = w.find('=');
        bool assignment = eq != std::string::npos && eq > 0 && w.find('/') > eq && w[0] != '-';
        if (!assignment) break;
        ++i;
    }
    out.assign(words->begin() + static_cast<long>(i), words->end());
    return out;
}

}  // namespace restage::rewrite
