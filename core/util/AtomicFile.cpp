#include "core/util/AtomicFile.h"

#include "core/util/FileCalls.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <random>

namespace attnlab {

namespace {

// Closes the descriptor and removes the temp file unless the rename went through.
class TempFile {
public:
    explicit TempFile(const std::string& target) : m_target(target) {
        std::random_device entropy;
        for (int attempt = 0; attempt < 100 && m_fd < 0; ++attempt) {
            static const char* const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
            std::string name = target + ".tmp-";
            for (int i = 0; i < 6; ++i) name.push_back(alphabet[entropy() % 36]);
            // 0666 so the umask applies as for any new file (mkstemp would force 0600).
            m_fd = fileCalls().open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
            if (m_fd >= 0)
                m_name = name;
            else if (errno != EEXIST)
                fail("cannot create " + name, errno);
        }
        if (m_fd < 0) throw FileWriteError(m_target, "cannot find a free temporary name beside the file");
    }
    ~TempFile() {
        if (m_fd >= 0) fileCalls().close(m_fd);
        if (!m_committed && !m_name.empty()) fileCalls().unlink(m_name.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    void write(std::string_view bytes) {
        const char* p = bytes.data();
        std::size_t left = bytes.size();
        while (left > 0) {
            const ssize_t n = fileCalls().write(m_fd, p, left);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) fail("cannot write " + m_name, errno);
            if (n == 0) fail("cannot write " + m_name, ENOSPC); // no progress and no error: no room
            p += n;
            left -= static_cast<std::size_t>(n);
        }
    }

    // fsync before rename: otherwise a crash can leave PATH renamed but empty.
    void commit() {
        if (fileCalls().fsync(m_fd) != 0) fail("cannot flush " + m_name + " to disk", errno);
        const int fd = m_fd;
        m_fd = -1;
        if (fileCalls().close(fd) != 0) fail("cannot close " + m_name, errno);
        if (fileCalls().rename(m_name.c_str(), m_target.c_str()) != 0)
            fail("cannot rename " + m_name + " over it", errno);
        m_committed = true;
    }

private:
    [[noreturn]] void fail(const std::string& what, int error) const {
        throw FileWriteError(m_target, what + ": " + describeSystemError(error));
    }

    std::string m_target; // the path as the caller gave it; messages name it
    std::string m_name;
    int m_fd = -1;
    bool m_committed = false;
};

std::string directoryOf(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

// Makes the rename itself durable. The new file is already in place when this runs, so a failure
// here loses nothing and is not reported: throwing would say the save failed when it did not.
void syncDirectory(const std::string& directory) {
    const int fd = fileCalls().open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    if (fd < 0) return;
    fileCalls().fsync(fd);
    fileCalls().close(fd);
}

} // namespace

std::string describeSystemError(int error) {
    const std::string reason = std::strerror(error);
    if (error == ENOSPC) return "the disk is full (" + reason + ")";
    if (error == EDQUOT) return "the disk quota is used up (" + reason + ")";
    return reason;
}

void writeFileAtomically(const std::string& path, std::string_view bytes) {
    TempFile temp(path);
    temp.write(bytes);
    temp.commit();
    syncDirectory(directoryOf(path));
}

} // namespace attnlab
