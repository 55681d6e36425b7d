#include "core/train/SafeTensors.h"

#include "core/train/CheckpointError.h"
#include "core/train/Sha256.h"

#include "core/train/JsonReason.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <bit>
#include <cstring>
#include <future>
#include <limits>
#include <set>

namespace attnlab {

namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

// The reference implementation refuses larger headers; so does AttnLab, before parsing anything.
constexpr std::uint64_t kMaxHeaderBytes = 100'000'000;

std::uint64_t readU64LittleEndian(const char* p) {
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i) value = value << 8 | static_cast<unsigned char>(p[i]);
    return value;
}

void appendU64LittleEndian(std::string& out, std::uint64_t value) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>(value >> (8 * i)));
}

// Float32 <-> little-endian bytes whatever the host's byte order.
void floatsToLittleEndian(const std::vector<float>& values, char* out) {
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(out, values.data(), values.size() * sizeof(float));
    } else {
        for (float v : values) {
            const auto bits = std::bit_cast<std::uint32_t>(v);
            for (int i = 0; i < 4; ++i) *out++ = static_cast<char>(bits >> (8 * i));
        }
    }
}

std::vector<float> floatsFromLittleEndian(const char* in, std::size_t count) {
    std::vector<float> values(count);
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(values.data(), in, count * sizeof(float));
    } else {
        for (float& v : values) {
            std::uint32_t bits = 0;
            for (int i = 3; i >= 0; --i) bits = bits << 8 | static_cast<unsigned char>(in[i]);
            in += 4;
            v = std::bit_cast<float>(bits);
        }
    }
    return values;
}

// One tensor's entry as the header describes it, before its bytes are read.
struct HeaderEntry {
    std::string name;
    std::vector<std::int64_t> shape;
    std::uint64_t begin = 0;
    std::uint64_t end = 0;
};

// Element count, or nullopt-like -1 when it would not fit a file of `limitBytes`.
std::int64_t elementCount(const std::vector<std::int64_t>& shape, std::uint64_t limitBytes) {
    std::uint64_t count = 1;
    for (std::int64_t d : shape) {
        const auto dim = static_cast<std::uint64_t>(d);
        if (dim != 0 && count > limitBytes / sizeof(float) / dim) return -1;
        count *= dim;
    }
    return static_cast<std::int64_t>(count);
}

std::uint64_t unsignedField(const Json& value, const std::string& what, const std::string& path) {
    if (!value.is_number_unsigned()) throw CheckpointError(path, what + " must be a non-negative integer");
    return value.get<std::uint64_t>();
}

HeaderEntry parseEntry(const std::string& name, const Json& entry, const std::string& path) {
    const std::string where = "tensor '" + name + "'";
    if (!entry.is_object()) throw CheckpointError(path, where + ": header entry is not an object");
    const auto dtype = entry.find("dtype");
    const auto shape = entry.find("shape");
    const auto offsets = entry.find("data_offsets");
    if (dtype == entry.end() || shape == entry.end() || offsets == entry.end())
        throw CheckpointError(path, where + ": header entry needs dtype, shape and data_offsets");
    if (!dtype->is_string()) throw CheckpointError(path, where + ": dtype is not a string");
    if (dtype->get<std::string>() != "F32")
        throw CheckpointError(path, where + " has dtype " + dtype->get<std::string>() +
                                        "; AttnLab model files hold F32 only");
    if (!shape->is_array()) throw CheckpointError(path, where + ": shape is not an array");
    if (!offsets->is_array() || offsets->size() != 2)
        throw CheckpointError(path, where + ": data_offsets is not a [begin, end] pair");

    HeaderEntry result;
    result.name = name;
    for (const Json& dim : *shape) {
        const std::uint64_t d = unsignedField(dim, where + ": every dimension", path);
        if (d > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            throw CheckpointError(path, where + ": dimension " + std::to_string(d) + " is too large");
        result.shape.push_back(static_cast<std::int64_t>(d));
    }
    result.begin = unsignedField((*offsets)[0], where + ": data_offsets", path);
    result.end = unsignedField((*offsets)[1], where + ": data_offsets", path);
    if (result.end < result.begin)
        throw CheckpointError(path, where + ": data_offsets [" + std::to_string(result.begin) + "," +
                                        std::to_string(result.end) + "] end before they begin");
    return result;
}

std::map<std::string, std::string> parseMetadata(const Json& metadata, const std::string& path) {
    if (!metadata.is_object()) throw CheckpointError(path, "__metadata__ is not an object of strings");
    std::map<std::string, std::string> result;
    for (const auto& [key, value] : metadata.items()) {
        if (!value.is_string()) throw CheckpointError(path, "metadata '" + key + "' is not a string");
        result[key] = value.get<std::string>();
    }
    return result;
}

// The tensors must tile the data section exactly: sorted by offset, each begins where the last
// ended. Returns the data size the header implies.
std::uint64_t checkLayout(std::vector<HeaderEntry>& entries, std::uint64_t dataBytes,
                          const std::string& path) {
    std::sort(entries.begin(), entries.end(), [](const HeaderEntry& a, const HeaderEntry& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    std::uint64_t position = 0;
    const HeaderEntry* previous = nullptr;
    for (const HeaderEntry& e : entries) {
        if (e.begin < position)
            throw CheckpointError(path, "tensors '" + previous->name + "' and '" + e.name + "' overlap");
        if (e.begin > position && e.end > dataBytes) // not a hole: offsets past the end of the file
            throw CheckpointError(path, "tensor '" + e.name + "': data_offsets [" + std::to_string(e.begin) +
                                            "," + std::to_string(e.end) +
                                            "] go beyond the end of the data section (" +
                                            std::to_string(dataBytes) + " bytes)");
        if (e.begin > position)
            throw CheckpointError(path, "bytes " + std::to_string(position) + ".." + std::to_string(e.begin) +
                                            " of the data section belong to no tensor");
        position = e.end;
        previous = &e;
    }
    return position;
}

} // namespace

std::string formatShape(const std::vector<std::int64_t>& shape) {
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i > 0) text += ',';
        text += std::to_string(shape[i]);
    }
    return text + "]";
}

std::string encodeSafeTensors(const CheckpointFile& file, const std::string& path) {
    std::size_t dataBytes = 0;
    for (const auto& [name, tensor] : file.tensors) {
        if (name.empty() || name == "__metadata__")
            throw CheckpointError(path, "'" + name + "' cannot name a tensor");
        for (std::int64_t d : tensor.shape)
            if (d < 0) throw CheckpointError(path, "tensor '" + name + "' has a negative dimension");
        const std::int64_t count = elementCount(tensor.shape, std::numeric_limits<std::uint64_t>::max());
        if (count < 0 || static_cast<std::uint64_t>(count) != tensor.data.size())
            throw CheckpointError(path, "tensor '" + name + "' has shape " + formatShape(tensor.shape) +
                                            " but " + std::to_string(tensor.data.size()) + " values");
        dataBytes += tensor.data.size() * sizeof(float);
    }

    std::string data(dataBytes, '\0');
    std::size_t offset = 0;
    for (const auto& [name, tensor] : file.tensors) {
        floatsToLittleEndian(tensor.data, data.data() + offset);
        offset += tensor.data.size() * sizeof(float);
    }
    std::map<std::string, std::string> metadata = file.metadata;
    metadata["format"] = kFormatVersion;
    metadata["checksum"] = Sha256::hexDigest(data);

    // __metadata__ first, then the tensors in name order (std::map), as safetensors' writer does.
    OrderedJson header = OrderedJson::object();
    header["__metadata__"] = metadata;
    offset = 0;
    for (const auto& [name, tensor] : file.tensors) {
        const std::size_t end = offset + tensor.data.size() * sizeof(float);
        header[name] = {{"dtype", "F32"}, {"shape", tensor.shape}, {"data_offsets", {offset, end}}};
        offset = end;
    }

    std::string headerText;
    try {
        headerText = header.dump();
    } catch (const nlohmann::json::exception& e) { // invalid UTF-8 in a name or a metadata value
        throw CheckpointError(path, "cannot encode the header: " + jsonReason(e));
    }
    headerText.append((8 - headerText.size() % 8) % 8, ' ');

    std::string bytes;
    bytes.reserve(8 + headerText.size() + data.size());
    appendU64LittleEndian(bytes, headerText.size());
    bytes += headerText;
    bytes += data;
    return bytes;
}

CheckpointFile decodeSafeTensors(std::string_view bytes, const std::string& path) {
    if (bytes.size() < 8)
        throw CheckpointError(path, "truncated: " + std::to_string(bytes.size()) +
                                        " bytes, too short for a safetensors file");
    const std::uint64_t headerBytes = readU64LittleEndian(bytes.data());
    const std::uint64_t afterLength = bytes.size() - 8;
    if (headerBytes > afterLength || headerBytes > kMaxHeaderBytes)
        throw CheckpointError(path, "header length " + std::to_string(headerBytes) +
                                        " goes beyond the end of the file (" + std::to_string(bytes.size()) +
                                        " bytes): truncated, or not a safetensors file");
    const std::string_view headerText = bytes.substr(8, headerBytes);
    const std::string_view data = bytes.substr(8 + headerBytes);

    // nlohmann's parser takes a NUL for the end of its input, so whatever follows one would go unread.
    if (const auto nul = headerText.find('\0'); nul != std::string_view::npos)
        throw CheckpointError(path, "the header holds a NUL byte at byte offset " + std::to_string(8 + nul) +
                                        " of the file: a safetensors header is JSON padded with spaces");
    // JSON keeps the last of two equal keys; two tensors of one name would leave the first one's
    // bytes unexplained, so they are refused by name.
    std::set<std::string> names;
    const auto refuseDuplicates = [&](int depth, Json::parse_event_t event, Json& parsed) {
        if (depth != 1 || event != Json::parse_event_t::key) return true;
        const std::string& name = parsed.get_ref<const std::string&>();
        if (!names.insert(name).second)
            throw CheckpointError(
                path, "the header names " +
                          (name == "__metadata__" ? "'__metadata__'" : "tensor '" + name + "'") + " twice");
        return true;
    };
    Json header;
    try {
        header = Json::parse(headerText, refuseDuplicates);
    } catch (const nlohmann::json::exception& e) {
        throw CheckpointError(path, "bad JSON header: " + jsonReason(e));
    }
    if (!header.is_object()) throw CheckpointError(path, "bad JSON header: not an object");

    CheckpointFile file;
    std::vector<HeaderEntry> entries;
    for (const auto& [name, entry] : header.items()) {
        if (name == "__metadata__")
            file.metadata = parseMetadata(entry, path);
        else
            entries.push_back(parseEntry(name, entry, path));
    }
    for (const HeaderEntry& e : entries) {
        const std::int64_t count = elementCount(e.shape, e.end - e.begin);
        if (count < 0 || static_cast<std::uint64_t>(count) * sizeof(float) != e.end - e.begin)
            throw CheckpointError(path, "tensor '" + e.name + "' has shape " + formatShape(e.shape) +
                                            " but data_offsets [" + std::to_string(e.begin) + "," +
                                            std::to_string(e.end) + "] span " +
                                            std::to_string(e.end - e.begin) + " bytes");
    }
    const std::uint64_t expectedData = checkLayout(entries, data.size(), path);
    if (data.size() < expectedData)
        throw CheckpointError(path, "truncated: header says " + std::to_string(expectedData) +
                                        " bytes of data, file has " + std::to_string(data.size()));
    if (data.size() > expectedData)
        throw CheckpointError(path, std::to_string(data.size() - expectedData) +
                                        " bytes after the last tensor: the file is damaged");

    if (const auto format = file.metadata.find("format");
        format != file.metadata.end() && format->second != kFormatVersion)
        throw CheckpointError(path, "format '" + format->second + "' is not supported; this AttnLab reads " +
                                        kFormatVersion);
    // The data is hashed on a second thread while its tensors are copied out on this one.
    std::future<std::string> hashing;
    const auto checksum = file.metadata.find("checksum");
    if (checksum != file.metadata.end())
        hashing = std::async(std::launch::async, [data] { return Sha256::hexDigest(data); });

    for (const HeaderEntry& e : entries) {
        StoredTensor& tensor = file.tensors[e.name];
        tensor.shape = e.shape;
        tensor.data = floatsFromLittleEndian(data.data() + e.begin, (e.end - e.begin) / sizeof(float));
    }
    if (hashing.valid()) {
        const std::string actual = hashing.get();
        if (checksum->second != actual)
            throw CheckpointError(path, "checksum mismatch: the file is corrupted (header says " +
                                            checksum->second + ", data hashes to " + actual + ")");
    }
    return file;
}

} // namespace attnlab
