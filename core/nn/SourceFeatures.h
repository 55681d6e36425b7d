#pragma once
// D values per position, S positions.
// A source that is not tokens: a log-mel filterbank (D bands x S frames) or an image cut into
// patches (D = P·P·C pixels x S cells), column-major, column s = position s. Shared read-only
// between the dataset, its splits and the batches made from them.
#include <initializer_list>
#include <memory>
#include <span>
#include <vector>

namespace attnlab {

struct SourceFeatures {
    int rows = 0;              // D
    int columns = 0;           // S
    std::vector<float> values; // (D x S) column-major

    std::span<const float> column(int s) const {
        return {values.data() + static_cast<std::size_t>(s) * rows, static_cast<std::size_t>(rows)};
    }
};

using SharedFeatures = std::shared_ptr<const SourceFeatures>;

// A model's source for decoding: token ids, or (frames, image) features with `ids` holding one
// placeholder per position. Converts implicitly from ids, so token callers pass their vector.
struct ModelSource {
    ModelSource() = default;
    ModelSource(std::vector<int> tokenIds) : ids(std::move(tokenIds)) {} // NOLINT: implicit on purpose
    ModelSource(std::initializer_list<int> tokenIds) : ids(tokenIds) {}
    ModelSource(std::vector<int> placeholderIds, const SourceFeatures* sourceFeatures)
        : ids(std::move(placeholderIds)), features(sourceFeatures) {}

    std::vector<int> ids;                     // (S) a few ids: copied, as a decode costs far more
    const SourceFeatures* features = nullptr; // (D x S) frames or cells, owned by the caller

    int length() const { return static_cast<int>(ids.size()); }
};

} // namespace attnlab
