// Child processes for `restage verify`: fork/exec with argument vectors (never a shell string),
// captured output, a time limit, and servers started in their own process group.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace restage::cli {

/// What a finished child did.
struct ProcessResult {
    int exit = -1;           ///< exit status; 128+N when killed by signal N; -1 when it could not start
    std::string out, err;    ///< captured stdout and stderr (err empty when it went to a file)
    bool timed_out = false;  ///< killed because it ran longer than its limit
};

/// Runs `argv` (argv[0] looked up on PATH) with stdin from /dev/null and waits for it. Its stdout
/// and stderr are captured, or stderr goes to `err_file` when given; after `timeout_s` seconds its
/// whole process group is killed. `env` entries ("K=V") are added to the environment.
ProcessResult run_process(const std::vector<std::string>& argv, int timeout_s = 600,
                          const std::vector<std::string>& env = {}, const std::string& err_file = {});

/// A child started in its own process group (a server), its output going to `log_file`.
struct Background {
    pid_t pid = -1;
};
Background start_process(const std::vector<std::string>& argv, const std::string& log_file);
/// Whether it is still running (reaps it when it has ended).
bool running(Background& b);
/// SIGTERM to its group, SIGKILL after `grace_ms`, then reaps it.
void stop_process(Background& b, int grace_ms = 1500);

/// From now on SIGINT, SIGTERM and SIGHUP only mark the process as interrupted: a running child's
/// group is killed and run_process returns, so the caller can clean up before it exits.
void catch_interrupts();
/// Whether one of those signals has arrived.
bool interrupted();
/// Ignores those signals from now on and forgets an interruption, so cleaning up can run.
void ignore_interrupts();

/// The executable `name` on `path` (a PATH-style list), or nullopt.
std::optional<std::string> find_on_path(std::string_view name, std::string_view path);

}  // namespace restage::cli
