// Shell words for the detector: a script split into simple commands, and wrappers removed.
// Deliberately approximate: it only has to find which programs a RUN or CMD runs, so
// expansions stay as written and redirections stay as words.
#include <cctype>

#include "detect/signals.hpp"

namespace restage::detect::internal {

namespace {

constexpr int kMaxDepth = 4;  // sh -c 'sh -c "..."' nesting followed at most this deep

bool is_assignment(std::string_view w) {
    auto eq = w.find('=');
    if (eq == std::string_view::npos || eq == 0) return false;
    for (std::size_t i = 0; i < eq; ++i) {
        unsigned char c = static_cast<unsigned char>(w[i]);
        if (!(std::isalnum(c) || c == '_') || (i == 0 && std::isdigit(c))) return false;
    }
    return true;
}

// Shell keywords that start a compound command; the command proper follows them.
bool is_keyword(std::string_view w) {
    return w == "if" || w == "then" || w == "else" || w == "elif" || w == "do" || w == "while" ||
           w == "until" || w == "!" || w == "{" || w == "}" || w == "fi" || w == "done";
}

// The characters split() looks at; '#' and '$' only start a comment or a command after
// some, but stopping a run at them costs nothing.
bool is_special(char c) {
    return std::string_view("\\'\"#$;&|\n()`").find(c) != std::string_view::npos ||
           std::isspace(static_cast<unsigned char>(c));
}

std::vector<std::vector<std::string>> split(std::string_view s) {
    std::vector<std::vector<std::string>> cmds;
    std::vector<std::string> words;
    std::string cur;
    bool in_word = false;
    auto end_word = [&] {
        if (in_word) words.push_back(std::move(cur));
        cur.clear();
        in_word = false;
    };
    auto end_cmd = [&] {
        end_word();
        while (!words.empty() && is_keyword(words.front())) words.erase(words.begin());
        if (!words.empty()) cmds.push_back(std::move(words));
        words.clear();
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        char next = i + 1 < s.size() ? s[i + 1] : '\0';
        if (c == '\\') {
            if (next == '\n') {
                ++i;
            } else if (next != '\0') {
                cur += next;
                in_word = true;
                ++i;
            }
        } else if (c == '\'') {
            auto close = s.find('\'', i + 1);
            if (close == std::string_view::npos) close = s.size();
            cur.append(s.substr(i + 1, close - i - 1));
            in_word = true;
            i = close;
        } else if (c == '"') {
            in_word = true;
            for (++i; i < s.size() && s[i] != '"'; ++i) {
                if (s[i] == '\\' && i + 1 < s.size() && std::string_view("\"\\$`\n").find(s[i + 1]) != std::string_view::npos) {
                    if (s[++i] != '\n') cur += s[i];
                } else {
                    cur += s[i];
                }
            }
        } else if (c == '#' && !in_word) {
            while (i < s.size() && s[i] != '\n') ++i;
            end_cmd();
        } else if (c == '$' && next == '(') {
            end_cmd();
            ++i;
        } else if (c == ';' || c == '&' || c == '|' || c == '\n' || c == '(' || c == ')' || c == '`') {
            end_cmd();
        } else if (std::isspace(static_cast<unsigned char>(c))) {
            end_word();
        } else {
            // The run of characters none of the branches above treats specially, at once.
            std::size_t end = i + 1;
            while (end < s.size() && !is_special(s[end])) ++end;
            cur.append(s.substr(i, end - i));
            in_word = true;
            i = end - 1;
        }
    }
    end_cmd();
    return cmds;
}

void expand(std::vector<std::string> argv, int depth, std::vector<std::vector<std::string>>& out) {
    argv = unwrap_command(std::move(argv));
    if (argv.empty()) return;
    std::string prog = program_name(argv[0]);
    if ((prog == "sh" || prog == "bash" || prog == "ash" || prog == "dash" || prog == "zsh") && depth < kMaxDepth) {
        for (std::size_t i = 1; i + 1 < argv.size(); ++i) {
            if (argv[i].size() > 1 && argv[i][0] == '-' && argv[i].find('c') != std::string::npos) {
                for (auto& cmd : split(argv[i + 1])) expand(std::move(cmd), depth + 1, out);
                return;
            }
        }
    }
    out.push_back(std::move(argv));
}

}  // namespace

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string program_name(std::string_view word) {
    auto slash = word.find_last_of('/');
    if (slash != std::string_view::npos) word = word.substr(slash + 1);
    return std::string(word);
}

std::vector<std::string> operands(const std::vector<std::string>& argv, std::size_t from) {
    std::vector<std::string> out;
    for (std::size_t i = from; i < argv.size(); ++i) {
        if (!argv[i].empty() && argv[i][0] != '-') out.push_back(argv[i]);
    }
    return out;
}

std::vector<std::string> unwrap_command(std::vector<std::string> argv) {
    for (;;) {
        std::size_t drop = 0;
        while (drop < argv.size() && is_assignment(argv[drop])) ++drop;
        if (drop == 0 && !argv.empty()) {
            std::string prog = program_name(argv[0]);
            if (prog == "sudo" || prog == "env" || prog == "exec" || prog == "nohup" || prog == "time" ||
                prog == "tini" || prog == "dumb-init" || prog == "npx" || prog == "pnpx" || prog == "su-exec" ||
                prog == "gosu") {
                drop = 1;
                // flags, `--`, and the user argument of sudo -u / gosu / su-exec
                while (drop < argv.size() && (argv[drop].rfind('-', 0) == 0 || is_assignment(argv[drop]))) {
                    bool takes_value = argv[drop] == "-u" || argv[drop] == "-g" || argv[drop] == "-p" ||
                                       argv[drop] == "--package";
                    drop += takes_value ? 2 : 1;
                }
                if ((prog == "gosu" || prog == "su-exec") && drop < argv.size()) ++drop;
            } else if ((prog == "bundle" && argv.size() > 1 && argv[1] == "exec") ||
                       ((prog == "yarn" || prog == "pnpm") && argv.size() > 1 && argv[1] == "dlx")) {
                drop = 2;
            }
        }
        if (drop == 0) return argv;
        argv.erase(argv.begin(), argv.begin() + static_cast<std::ptrdiff_t>(std::min(drop, argv.size())));
    }
}

std::vector<std::vector<std::string>> shell_commands(std::string_view script) {
    std::vector<std::vector<std::string>> out;
    for (auto& cmd : split(script)) expand(std::move(cmd), 0, out);
    return out;
}

std::vector<std::vector<std::string>> exec_commands(const std::vector<std::string>& argv) {
    std::vector<std::vector<std::string>> out;
    expand(argv, 0, out);
    return out;
}

bool glob_match(std::string_view pattern, std::string_view text) {
    std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

}  // namespace restage::detect::internal
