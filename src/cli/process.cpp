// Child processes: fork/exec with argument vectors, captured output, time limits.
#include "cli/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

extern char** environ;

namespace restage::cli {

namespace {

using Clock = std::chrono::steady_clock;

volatile sig_atomic_t g_interrupted = 0;

void on_interrupt(int) { g_interrupted = 1; }

// The environment with `extra` entries added (a later KEY=… replaces an earlier one).
std::vector<std::string> merged_env(const std::vector<std::string>& extra) {
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; ++e) env.emplace_back(*e);
    for (const auto& x : extra) {
        const std::string key = x.substr(0, x.find('=') + 1);
        std::erase_if(env, [&key](const std::string& e) { return e.rfind(key, 0) == 0; });
        env.push_back(x);
    }
    return env;
}

std::vector<char*> c_strings(std::vector<std::string>& v) {
    std::vector<char*> out;
    for (auto& s : v) out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

// In the child: new process group, fds in place, exec; never returns.
[[noreturn]] void exec_child(std::vector<std::string> argv, std::vector<std::string> env, int out_fd,
                             int err_fd) {
    setpgid(0, 0);
    int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd >= 0) dup2(null_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    for (int fd = 3; fd < 1024; ++fd) close(fd);
    auto args = c_strings(argv);
    auto envp = c_strings(env);
    execvpe(args[0], args.data(), envp.data());
    const std::string msg = "cannot run " + argv[0] + ": " + std::strerror(errno) + "\n";
    (void)!write(2, msg.data(), msg.size());
    _exit(127);
}

int decode_status(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, int timeout_s,
                          const std::vector<std::string>& env, const std::string& err_file) {
    ProcessResult r;
    std::array<int, 2> out{-1, -1}, err{-1, -1};
    if (argv.empty() || pipe2(out.data(), O_CLOEXEC) != 0) return r;
    int err_write = -1;
    if (err_file.empty()) {
        if (pipe2(err.data(), O_CLOEXEC) != 0) return r;
        err_write = err[1];
    } else {
        err_write = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    }
    auto full_env = merged_env(env);
    pid_t pid = fork();
    if (pid == 0) exec_child(argv, full_env, out[1], err_write);
    close(out[1]);
    if (err_write >= 0) close(err_write);
    if (pid < 0) {
        close(out[0]);
        if (err[0] >= 0) close(err[0]);
        return r;
    }
    auto deadline = Clock::now() + std::chrono::seconds(timeout_s);
    bool asked_to_stop = false;
    std::vector<pollfd> fds{{out[0], POLLIN, 0}};
    if (err[0] >= 0) fds.push_back({err[0], POLLIN, 0});
    std::array<std::string*, 2> sinks{&r.out, &r.err};
    std::size_t open_fds = fds.size();
    char buf[65536];
    while (open_fds > 0) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (g_interrupted && !asked_to_stop) {
            // The child gets SIGTERM first, so that a builder removes its working containers.
            kill(-pid, SIGTERM);
            asked_to_stop = true;
            deadline = std::min(deadline, Clock::now() + std::chrono::seconds(15));
            continue;
        }
        if (left <= 0) {
            r.timed_out = !g_interrupted;
            kill(-pid, SIGKILL);
            break;
        }
        if (poll(fds.data(), fds.size(), static_cast<int>(std::min<long long>(left, 1000))) < 0 &&
            errno != EINTR)
            break;
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
            ssize_t n = read(fds[i].fd, buf, sizeof buf);
            if (n > 0) {
                sinks[i]->append(buf, static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open_fds;
            }
        }
    }
    for (auto& f : fds)
        if (f.fd >= 0) close(f.fd);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    r.exit = r.timed_out || g_interrupted ? 128 + SIGKILL : decode_status(status);
    return r;
}

Background start_process(const std::vector<std::string>& argv, const std::string& log_file) {
    Background b;
    int log = open(log_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (log < 0 || argv.empty()) return b;
    // A server running as another user may reopen its stdout/stderr by path (nginx's logs are
    // links to /dev/stdout and /dev/stderr); container engines give it pipes it can open.
    fchmod(log, 0666);
    auto env = merged_env({});
    pid_t pid = fork();
    if (pid == 0) exec_child(argv, env, log, log);
    close(log);
    if (pid > 0) {
        setpgid(pid, pid);  // also here, so a kill right after start reaches the group
        b.pid = pid;
    }
    return b;
}

bool running(Background& b) {
    if (b.pid <= 0) return false;
    int status = 0;
    pid_t got = waitpid(b.pid, &status, WNOHANG);
    if (got == 0) return true;
    b.pid = -1;
    return false;
}

void stop_process(Background& b, int grace_ms) {
    if (b.pid <= 0) return;
    kill(-b.pid, SIGTERM);
    const auto until = Clock::now() + std::chrono::milliseconds(grace_ms);
    while (Clock::now() < until) {
        int status = 0;
        if (waitpid(b.pid, &status, WNOHANG) == b.pid) {
            kill(-b.pid, SIGKILL);  // anything left in its group
            b.pid = -1;
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill(-b.pid, SIGKILL);
    int status = 0;
    waitpid(b.pid, &status, 0);
    b.pid = -1;
}

void catch_interrupts() {
    struct sigaction sa {};
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaction(sig, &sa, nullptr);
}

bool interrupted() { return g_interrupted != 0; }

void ignore_interrupts() {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) signal(sig, SIG_IGN);
    g_interrupted = 0;
}

std::optional<std::string> find_on_path(std::string_view name, std::string_view path) {
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find(':', start);
        if (end == std::string_view::npos) end = path.size();
        std::string dir(path.substr(start, end - start));
        if (dir.empty()) dir = ".";
        std::string candidate = dir + "/" + std::string(name);
        struct stat st {};
        if (stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(candidate.c_str(), X_OK) == 0)
            return candidate;
        start = end + 1;
    }
    return std::nullopt;
}

}  // namespace restage::cli
