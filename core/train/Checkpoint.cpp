#include "core/train/Checkpoint.h"

#include "core/train/LayoutCopy.h"
#include "core/util/AtomicFile.h"

#include <Eigen/Core>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace attnlab {

namespace {

std::string systemError(const std::string& what, int error) {
    return what + ": " + std::strerror(error);
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

CheckpointFile checkpointOf(const ParameterList<float>& parameters,
                            const std::map<std::string, std::string>& metadata,
                            const std::map<std::string, StoredTensor>& extra, const std::string& path) {
    CheckpointFile file;
    file.metadata = metadata;
    file.tensors = extra;
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
        copyColumnMajorToRowMajor(p->value.data(), p->value.rows(), p->value.cols(), tensor.data.data());
    }
    return file;
}

void saveCheckpoint(const std::string& path, const ParameterList<float>& parameters,
                    const std::map<std::string, std::string>& metadata,
                    const std::map<std::string, StoredTensor>& extra) {
    writeCheckpointFile(path, checkpointOf(parameters, metadata, extra, path));
}

void writeCheckpointFile(const std::string& path, const CheckpointFile& file) {
    const std::string bytes = encodeSafeTensors(file, path);
    try {
        writeFileAtomically(path, bytes);
    } catch (const FileWriteError& e) {
        throw CheckpointError(path, e.problem());
    }
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
        if (!expected.contains(name) && !name.starts_with("history."))
            throw CheckpointError(path, "unexpected tensor '" + name + "' " + formatShape(tensor.shape) +
                                            ": the file was saved from a different model configuration");

    for (Parameter<float>* p : parameters) {
        const StoredTensor& tensor = file.tensors.at(p->name);
        // file row-major (rows x cols) -> column-major value
        copyRowMajorToColumnMajor(tensor.data.data(), p->value.rows(), p->value.cols(), p->value.data());
    }
}

} // namespace attnlab
