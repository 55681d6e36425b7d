#include "core/train/Checkpoint.h"

#include <Eigen/Core>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace attnlab {

namespace {

using RowMajorMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

std::string systemError(const std::string& what, int error) {
    return what + ": " + std::strerror(error);
}

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
            m_fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
            if (m_fd >= 0)
                m_name = name;
            else if (errno != EEXIST)
                throw CheckpointError(m_target, systemError("cannot create " + name, errno));
        }
        if (m_fd < 0) throw CheckpointError(m_target, "cannot find a free temporary name beside the file");
    }
    ~TempFile() {
        if (m_fd >= 0) ::close(m_fd);
        if (!m_committed) ::unlink(m_name.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    void write(const std::string& bytes) {
        const char* p = bytes.data();
        std::size_t left = bytes.size();
        while (left > 0) {
            const ssize_t n = ::write(m_fd, p, left);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) throw CheckpointError(m_target, systemError("cannot write " + m_name, errno));
            p += n;
            left -= static_cast<std::size_t>(n);
        }
    }

    // fsync before rename: otherwise a crash can leave PATH renamed but empty.
    void commit() {
        if (::fsync(m_fd) != 0) throw CheckpointError(m_target, systemError("cannot flush " + m_name, errno));
        const int fd = m_fd;
        m_fd = -1;
        if (::close(fd) != 0) throw CheckpointError(m_target, systemError("cannot close " + m_name, errno));
        if (::rename(m_name.c_str(), m_target.c_str()) != 0)
            throw CheckpointError(m_target, systemError("cannot rename " + m_name + " over it", errno));
        m_committed = true;
    }

private:
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

// Makes the rename itself durable; a failure here loses nothing already on disk, so it is ignored.
void syncDirectory(const std::string& directory) {
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

std::string readWholeFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw CheckpointError(path, systemError("cannot open", errno));
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        throw CheckpointError(path, "not a regular file");
    }
    // The header's length first: a file that is not safetensors (a video, say) is refused before
    // its size is read into memory.
    std::uint8_t prefix[8] = {};
    if (info.st_size >= 8 && ::pread(fd, prefix, sizeof prefix, 0) == static_cast<ssize_t>(sizeof prefix)) {
        std::uint64_t headerLength = 0;
        for (int i = 7; i >= 0; --i) headerLength = headerLength << 8 | prefix[i];
        if (headerLength > static_cast<std::uint64_t>(info.st_size) - 8) {
            ::close(fd);
            throw CheckpointError(
                path, "header length " + std::to_string(headerLength) + " goes beyond the end of the file (" +
                          std::to_string(info.st_size) + " bytes)"); // as decodeSafeTensors says it
        }
    }
    std::string bytes;
    bytes.reserve(static_cast<std::size_t>(info.st_size));
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            throw CheckpointError(path, systemError("cannot read", error));
        }
        if (n == 0) break;
        bytes.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return bytes;
}

} // namespace

void saveCheckpoint(const std::string& path, const ParameterList<float>& parameters,
                    const std::map<std::string, std::string>& metadata) {
    CheckpointFile file;
    file.metadata = metadata;
    for (const Parameter<float>* p : parameters) {
        std::int64_t count = 1;
        for (std::int64_t d : p->shape) count *= d;
        if (count != p->value.size())
            throw CheckpointError(path, "parameter '" + p->name + "' has file shape " +
                                            formatShape(p->shape) + " but " +
                                            std::to_string(p->value.size()) + " values");
        if (!file.tensors.emplace(p->name, StoredTensor{}).second)
            throw CheckpointError(path, "two parameters are named '" + p->name + "'");
        StoredTensor& tensor = file.tensors[p->name];
        tensor.shape = p->shape;
        tensor.data.resize(static_cast<std::size_t>(count));
        // (rows x cols) column-major value -> the same matrix row-major in the file
        Eigen::Map<RowMajorMatrix>(tensor.data.data(), p->value.rows(), p->value.cols()) = p->value;
    }
    const std::string bytes = encodeSafeTensors(file, path);

    TempFile temp(path);
    temp.write(bytes);
    temp.commit();
    syncDirectory(directoryOf(path));
}

CheckpointFile readCheckpoint(const std::string& path) {
    return decodeSafeTensors(readWholeFile(path), path);
}

void loadParameters(const CheckpointFile& file, const ParameterList<float>& parameters,
                    const std::string& path) {
    std::set<std::string> expected;
    for (const Parameter<float>* p : parameters) {
        const auto found = file.tensors.find(p->name);
        if (found == file.tensors.end())
            throw CheckpointError(path, "tensor '" + p->name + "' is missing (the model expects " +
                                            formatShape(p->shape) + ")");
        if (found->second.shape != p->shape)
            throw CheckpointError(path, "tensor '" + p->name + "' has shape " +
                                            formatShape(found->second.shape) + " but the model expects " +
                                            formatShape(p->shape));
        if (static_cast<std::int64_t>(found->second.data.size()) != p->value.size())
            throw CheckpointError(path, "tensor '" + p->name + "' holds " +
                                            std::to_string(found->second.data.size()) +
                                            " values but the model has " + std::to_string(p->value.size()));
        expected.insert(p->name);
    }
    for (const auto& [name, tensor] : file.tensors)
        if (!expected.contains(name))
            throw CheckpointError(path, "unexpected tensor '" + name + "' " + formatShape(tensor.shape) +
                                            ": the file was saved from a different model configuration");

    for (Parameter<float>* p : parameters) {
        const StoredTensor& tensor = file.tensors.at(p->name);
        // file row-major (rows x cols) -> column-major value
        p->value = Eigen::Map<const RowMajorMatrix>(tensor.data.data(), p->value.rows(), p->value.cols());
    }
}

} // namespace attnlab
