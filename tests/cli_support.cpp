// Helpers for end-to-end tests: the built binary run with posix_spawn in a sandbox.
#include "cli_support.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

namespace restage::test {

Run run_restage(const Sandbox& box, const std::vector<std::string>& args, const std::string& input) {
    const fs::path io = box.path() / ".io";
    fs::create_directories(io);
    {
        std::ofstream in(io / "stdin", std::ios::binary);
        in << input;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, (io / "stdin").c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, (io / "stdout").c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addopen(&actions, 2, (io / "stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addchdir_np(&actions, box.path().c_str());

    std::vector<std::string> argv_s{RESTAGE_BINARY};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_s{"NO_COLOR=1", "HOME=" + box.path().string(), "LC_ALL=C"};
    if (const char* path = std::getenv("PATH")) env_s.push_back(std::string("PATH=") + path);
    std::vector<char*> envp;
    for (auto& e : env_s) envp.push_back(e.data());
    envp.push_back(nullptr);

    pid_t pid = 0;
    int spawned = posix_spawn(&pid, RESTAGE_BINARY, &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(spawned == 0);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    Run r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = box.read(".io/stdout");
    r.err = box.read(".io/stderr");
    return r;
}

void go_project(const Sandbox& box, const std::string& dir, const std::string& name) {
    std::string at = dir.empty() ? "" : dir + "/";
    box.write(at + "go.mod", "module example.com/hello\n\ngo 1.22\n");
    box.write(at + "go.sum", "");
    box.write(at + "main.go", "package main\n");
    box.write(at + name, kGoDockerfile);
}

const Json& field(const Json& object, const std::string& key) {
    REQUIRE(object.object() != nullptr);
    auto it = object.object()->find(key);
    INFO("missing key " << key << " in " << object.dump());
    REQUIRE(it != object.object()->end());
    return it->second;
}

bool have_git() { return std::system("git --version >/dev/null 2>&1") == 0; }

int git(const Sandbox& box, const std::string& args) {
    std::string cmd = "cd '" + box.path().string() + "' && HOME='" + box.path().string() +
                      "' GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null git " + args + " >/dev/null 2>&1";
    return std::system(cmd.c_str());
}

}  // namespace restage::test
