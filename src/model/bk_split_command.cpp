// bk_split_command.cpp: keyword, flags and arguments of one joined instruction line.
#include "model/bk_split_command.hpp"

#include "model/bk_text.hpp"

namespace restage::model::bk {
namespace {

enum class Phase { Spaces, Word, Quote };

}  // namespace

BuilderFlags extract_builder_flags(std::string_view line, char escape) {
    const auto esc = static_cast<unsigned char>(escape);
    BuilderFlags out;
    Phase phase = Phase::Spaces;
    std::string word;
    unsigned char quote = 0;
    bool blank_ok = false;
    unsigned char ch = 0;
    for (std::size_t pos = 0; pos <= line.size(); ++pos) {
        if (pos != line.size()) ch = static_cast<unsigned char>(line[pos]);
        if (phase == Phase::Spaces) {
            if (pos == line.size()) break;
            if (is_space_byte(ch)) continue;
            if (ch != '-' || pos + 1 == line.size() || line[pos + 1] != '-') {
                out.rest = std::string(line.substr(pos));
                return out;
            }
            phase = Phase::Word;
        }
        if (pos == line.size()) {
            if (word != "--" && (blank_ok || !word.empty())) out.flags.push_back(word);
            break;
        }
        if (phase == Phase::Word) {
            if (is_space_byte(ch)) {
                phase = Phase::Spaces;
                if (word == "--") {
                    out.rest = std::string(line.substr(pos));
                    return out;
                }
                if (blank_ok || !word.empty()) out.flags.push_back(word);
                word.clear();
                blank_ok = false;
                continue;
            }
            if (ch == '\'' || ch == '"') {
                quote = ch;
                blank_ok = true;
                phase = Phase::Quote;
                continue;
            }
            if (ch == esc) {
                if (pos + 1 == line.size()) continue;  // an escape at the very end is dropped
                ch = static_cast<unsigned char>(line[++pos]);
            }
            append_rune(word, ch);
            continue;
        }
        // Phase::Quote
        if (ch == quote) {
            phase = Phase::Word;
            continue;
        }
        if (ch == esc) {
            if (pos + 1 == line.size()) {
                phase = Phase::Word;
                continue;
            }
            ch = static_cast<unsigned char>(line[++pos]);
        }
        append_rune(word, ch);
    }
    return out;
}

SplitCommand split_command(std::string_view line, char escape) {
    SplitCommand out;
    std::vector<std::string> parts = split_whitespace(trim_space(line), 2);
    out.cmd = std::move(parts[0]);
    if (parts.size() == 2) {
        BuilderFlags bf = extract_builder_flags(parts[1], escape);
        out.flags = std::move(bf.flags);
        out.args = std::string(trim_space(bf.rest));
    }
    return out;
}

}  // namespace restage::model::bk
