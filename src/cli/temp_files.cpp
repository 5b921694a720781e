// In-flight temp files of atomic_write, removed when SIGTERM, SIGINT or SIGHUP ends the process.
#include "cli/temp_files.hpp"

#include <limits.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <mutex>

namespace restage::temp_files {
namespace {

constexpr int kSignals[] = {SIGTERM, SIGINT, SIGHUP};

// A slot is Free, being Filled by add(), or Ready for the handler to unlink. std::atomic<int> is
// lock-free, so the handler may read it.
enum State : int { Free = 0, Filled = 1, Ready = 2 };
std::atomic<int> g_state[kSlots];
char g_path[kSlots][PATH_MAX];

extern "C" void on_signal(int signo) {
    int saved = errno;
    for (int i = 0; i < kSlots; ++i) {
        if (g_state[i].load(std::memory_order_acquire) == Ready) ::unlink(g_path[i]);
    }
    errno = saved;
    // SA_RESETHAND put the default action back; the signal stays blocked until this returns,
    // then ends the process.
    ::raise(signo);
}

sigset_t cleanup_signals() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : kSignals) sigaddset(&set, s);
    return set;
}

}  // namespace

void install_signal_cleanup() {
    static std::once_flag once;
    std::call_once(once, [] {
        for (int s : kSignals) {
            struct sigaction old {};
            if (::sigaction(s, nullptr, &old) != 0 || old.sa_handler == SIG_IGN) continue;
            struct sigaction sa {};
            sa.sa_handler = on_signal;
            sigemptyset(&sa.sa_mask);
            sa.sa_flags = SA_RESETHAND;
            ::sigaction(s, &sa, nullptr);
        }
    });
}

SignalBlock::SignalBlock() {
    sigset_t set = cleanup_signals();
    ::pthread_sigmask(SIG_BLOCK, &set, &old_);
}

SignalBlock::~SignalBlock() { ::pthread_sigmask(SIG_SETMASK, &old_, nullptr); }

int add(const char* path) {
    std::size_t n = std::strlen(path);
    if (n >= PATH_MAX) return -1;
    for (int i = 0; i < kSlots; ++i) {
        int expected = Free;
        if (!g_state[i].compare_exchange_strong(expected, Filled, std::memory_order_acq_rel)) continue;
        std::memcpy(g_path[i], path, n + 1);
        g_state[i].store(Ready, std::memory_order_release);
        return i;
    }
    return -1;
}

void forget(int slot) {
    if (slot >= 0 && slot < kSlots) g_state[slot].store(Free, std::memory_order_release);
}

}  // namespace restage::temp_files
