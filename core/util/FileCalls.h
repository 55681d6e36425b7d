#pragma once
// The system calls an atomic save makes (open, write, fsync, close, rename, unlink), behind one
// small seam: production code always goes through fileCalls(), which is the plain POSIX calls,
// and a test installs its own FileCalls with ScopedFileCalls to make any single call fail (a full
// disk, an I/O error) and check that nothing already on disk is lost.
#include <sys/types.h>

#include <cstddef>

namespace attnlab {

class FileCalls {
public:
    virtual ~FileCalls() = default;
    // Each behaves as its POSIX namesake: -1 and errno on failure.
    virtual int open(const char* path, int flags, mode_t mode);
    virtual ssize_t write(int fd, const void* data, std::size_t size);
    virtual int fsync(int fd);
    virtual int close(int fd);
    virtual int rename(const char* from, const char* to);
    virtual int unlink(const char* path);
};

// The calls in use: the system's, unless a ScopedFileCalls is alive.
FileCalls& fileCalls();

// For tests: routes fileCalls() to `calls` until destroyed. Not for use while another thread saves.
class ScopedFileCalls {
public:
    explicit ScopedFileCalls(FileCalls& calls);
    ~ScopedFileCalls();
    ScopedFileCalls(const ScopedFileCalls&) = delete;
    ScopedFileCalls& operator=(const ScopedFileCalls&) = delete;

private:
    FileCalls* m_previous;
};

} // namespace attnlab
