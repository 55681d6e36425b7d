#pragma once
// A FileCalls (core/util/FileCalls.h) for fault-injection tests: it logs every call an atomic save
// makes, fails call number `failAt` (1-based; 0 fails none) with errno `error`, and, with
// writeChunk > 0, writes at most that many bytes per call so that a save makes several write calls
// (and a failure can land after a partial write). unlink is cleanup after a failure: it is passed
// through and not counted.
#include "core/util/FileCalls.h"

#include <cerrno>
#include <string>
#include <vector>

namespace attnlab::test {

class FaultyFileCalls : public FileCalls {
public:
    int failAt = 0;
    int error = EIO;
    std::size_t writeChunk = 0;
    std::vector<std::string> log; // "open", "write", "fsync", "close", "rename" in call order

    int open(const char* path, int flags, mode_t mode) override {
        return fails("open") ? -1 : FileCalls::open(path, flags, mode);
    }
    ssize_t write(int fd, const void* data, std::size_t size) override {
        if (fails("write")) return -1;
        return FileCalls::write(fd, data, writeChunk > 0 && size > writeChunk ? writeChunk : size);
    }
    int fsync(int fd) override { return fails("fsync") ? -1 : FileCalls::fsync(fd); }
    // A failed close still releases the descriptor, as POSIX close does.
    int close(int fd) override {
        const bool failing = fails("close");
        const int result = FileCalls::close(fd);
        if (!failing) return result;
        errno = error;
        return -1;
    }
    int rename(const char* from, const char* to) override {
        return fails("rename") ? -1 : FileCalls::rename(from, to);
    }

private:
    bool fails(const char* call) {
        log.emplace_back(call);
        if (static_cast<int>(log.size()) != failAt) return false;
        errno = error;
        return true;
    }
};

} // namespace attnlab::test
