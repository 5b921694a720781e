// In-flight temp files of atomic_write, removed when SIGTERM, SIGINT or SIGHUP ends the process.
#pragma once

#include <signal.h>

namespace restage::temp_files {

/// How many temp files may be in flight at once (one per writing thread); a file beyond that is
/// still written atomically, but a signal may leave it behind.
inline constexpr int kSlots = 64;

/// Installs, once per process, a handler for SIGTERM, SIGINT and SIGHUP that unlinks every
/// registered temp file and then ends the process by the same signal (its default action), so a
/// shell sees status 128+N: 143 for SIGTERM, 130 for SIGINT, 129 for SIGHUP. A signal the
/// process ignores (nohup) stays ignored. Only async-signal-safe calls run in the handler.
void install_signal_cleanup();

/// Blocks the cleanup signals in the calling thread while alive, so that a temp file is created
/// and registered with no signal in between.
class SignalBlock {
public:
    SignalBlock();
    SignalBlock(const SignalBlock&) = delete;
    SignalBlock& operator=(const SignalBlock&) = delete;
    ~SignalBlock();

private:
    sigset_t old_;
};

/// Registers `path` (copied) for removal on a signal; returns its slot, or -1 when every slot
/// is taken or the path is too long.
int add(const char* path);

/// Forgets a slot from add() (-1 is ignored): after the rename, or after the file was removed.
void forget(int slot);

}  // namespace restage::temp_files
