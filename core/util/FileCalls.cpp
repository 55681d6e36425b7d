#include "core/util/FileCalls.h"

#include <atomic>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace attnlab {

namespace {
FileCalls systemCalls;
std::atomic<FileCalls*> current{&systemCalls};
} // namespace

int FileCalls::open(const char* path, int flags, mode_t mode) {
    return ::open(path, flags, mode);
}

ssize_t FileCalls::write(int fd, const void* data, std::size_t size) {
    return ::write(fd, data, size);
}

int FileCalls::fsync(int fd) {
    return ::fsync(fd);
}

int FileCalls::close(int fd) {
    return ::close(fd);
}

int FileCalls::rename(const char* from, const char* to) {
    return std::rename(from, to);
}

int FileCalls::unlink(const char* path) {
    return ::unlink(path);
}

FileCalls& fileCalls() {
    return *current.load();
}

ScopedFileCalls::ScopedFileCalls(FileCalls& calls) : m_previous(current.exchange(&calls)) {}

ScopedFileCalls::~ScopedFileCalls() {
    current.store(m_previous);
}

} // namespace attnlab
