#include "core/train/ModelFileChecks.h"

#include <algorithm>
#include <cmath>

namespace attnlab {

void checkTensorSize(const CheckpointFile& file, const char* key, std::int64_t claimed,
                     const std::string& tensor, std::size_t dimension) {
    const auto found = file.tensors.find(tensor);
    if (found == file.tensors.end())
        throw std::invalid_argument("tensor '" + tensor + "' is missing (the config's '" + key + "' is " +
                                    std::to_string(claimed) + ")");
    const std::vector<std::int64_t>& shape = found->second.shape;
    if (dimension >= shape.size() || shape[dimension] != claimed)
        throw std::invalid_argument("the config's '" + std::string(key) + "' is " + std::to_string(claimed) +
                                    " but tensor '" + tensor + "' has shape " + formatShape(shape));
}

void checkAttentionSizes(const CheckpointFile& file, const ModelConfig& c, const char* positionsKey) {
    if (c.scorer == ScorerKind::Additive || c.scorer == ScorerKind::LocationAware)
        checkTensorSize(file, "attention_dim", c.attentionSize(), "attention.v.weight", 1);
    if (c.scorer == ScorerKind::Location)
        checkTensorSize(file, positionsKey, c.maxSourceLength, "attention.weight", 0);
    if (c.scorer == ScorerKind::LocationAware) {
        checkTensorSize(file, "location_filters", c.locationFilters, "attention.conv.weight", 0);
        checkTensorSize(file, "location_kernel", c.locationKernel, "attention.conv.weight", 2);
    }
}

void checkFiniteTensors(const CheckpointFile& file, std::string_view skipPrefix) {
    for (const auto& [name, tensor] : file.tensors) {
        if (!skipPrefix.empty() && name.starts_with(skipPrefix)) continue;
        const auto bad =
            std::find_if(tensor.data.begin(), tensor.data.end(), [](float v) { return !std::isfinite(v); });
        if (bad != tensor.data.end())
            throw std::invalid_argument("tensor '" + name + "' holds " +
                                        (std::isnan(*bad) ? "NaN" : "an infinite value") + " at element " +
                                        std::to_string(bad - tensor.data.begin()) +
                                        ": the weights are broken (saved from a diverged run?)");
    }
}

} // namespace attnlab
