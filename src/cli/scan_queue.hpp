// ScanQueue: the files of a scan handed out in order while the walk is still finding them.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>

namespace restage::cli {

/// Files with two result slots each, a report and what else a worker keeps. The walk push()es
/// files and close()s; workers take() the next file and its slots, waiting while the walk goes
/// on. Slots stay where they are while files are added (a deque keeps its elements in place),
/// so a worker fills its slots unlocked.
template <typename Report, typename Extra>
class ScanQueue {
public:
    struct Job {
        const std::string* file;
        Report* report;
        Extra* extra;
    };

    void push(std::string file) {
        {
            std::lock_guard lock(mutex_);
            files_.push_back(std::move(file));
            reports_.emplace_back();
            extras_.emplace_back();
        }
        more_.notify_one();
    }

    void close() {
        {
            std::lock_guard lock(mutex_);
            closed_ = true;
        }
        more_.notify_all();
    }

    /// The next file and its slots, in the order pushed; nullopt once closed and all taken.
    std::optional<Job> take() {
        std::unique_lock lock(mutex_);
        more_.wait(lock, [this] { return next_ < files_.size() || closed_; });
        if (next_ == files_.size()) return std::nullopt;
        const std::size_t i = next_++;
        return Job{&files_[i], &reports_[i], &extras_[i]};
    }

    /// Once closed and every worker is done: the files and their slots, in order.
    const std::deque<std::string>& files() const { return files_; }
    const std::deque<Report>& reports() const { return reports_; }
    std::deque<Report>& reports() { return reports_; }
    const std::deque<Extra>& extras() const { return extras_; }

private:
    std::mutex mutex_;
    std::condition_variable more_;
    std::deque<std::string> files_;
    std::deque<Report> reports_;
    std::deque<Extra> extras_;
    std::size_t next_ = 0;
    bool closed_ = false;
};

}  // namespace restage::cli
