#include "rewrite/runtime_user.hpp"

#include <algorithm>
#include <cctype>

#include "model/document.hpp"
#include "rewrite/command.hpp"
#include "rewrite/ecosystem.hpp"
#include "rewrite/sources.hpp"

namespace restage::rewrite {

using model::Kind;

bool is_root(const std::string& user) {
    std::string u = user.substr(0, user.find(':'));
    return u.empty() || u == "root" || u == "0";
}

bool numeric(const std::string& user) {
    std::string u = user.substr(0, user.find(':'));
    return !u.empty() && std::all_of(u.begin(), u.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string> handed_over(const StageFacts& f) {
    std::vector<std::string> out;
    for (const auto& s : f.steps) {
        const auto& i = f.at(s.index);
        if ((i.kind == Kind::Copy || i.kind == Kind::Add) && !i.args.empty()) {
            bool chown = std::any_of(i.flags.begin(), i.flags.end(),
                                     [](const std::string& fl) { return fl.rfind("--chown=", 0) == 0; });
            if (chown)
                out.push_back(join_path(s.workdir, expand(i.args.back(), f.env_entries, f.doc->escape())));
        }
        if (i.kind != Kind::Run || i.json || i.args.empty()) continue;
        for (const auto& simple : simple_commands(i.args[0])) {
            auto w = command_words(simple);
            if (w.size() < 3 || w[0] != "chown") continue;
            size_t k = 1;
            while (k < w.size() && w[k][0] == '-') ++k;
            for (++k; k < w.size(); ++k)
                out.push_back(join_path(s.workdir, expand(w[k], f.env_entries, f.doc->escape())));
        }
    }
    return out;
}

int privileged_port(const StageFacts& f) {
    if (f.user && !is_root(f.user_name)) return 0;  // it runs as another user already
    for (const auto& s : f.steps) {
        const auto& i = f.at(s.index);
        if (i.kind != model::Kind::Expose) continue;
        for (const auto& a : i.args) {
            std::string word = expand(a, f.env_entries, f.doc->escape());
            size_t digits = 0;
            while (digits < word.size() && std::isdigit(static_cast<unsigned char>(word[digits]))) ++digits;
            if (digits == 0 || digits > 5 || (digits < word.size() && word[digits] != '/')) continue;
            int port = std::stoi(word.substr(0, digits));
            if (port > 0 && port < 1024) return port;
        }
    }
    return 0;
}

std::string root_home_path(const std::string& workdir, const std::vector<ArtifactCopy>& artifacts) {
    auto in_root_home = [](const std::string& p) { return p == "/root" || p.rfind("/root/", 0) == 0; };
    if (in_root_home(workdir)) return workdir;
    for (const auto& a : artifacts) {
        if (in_root_home(a.to)) return a.to;
    }
    return "";
}

}  // namespace restage::rewrite
