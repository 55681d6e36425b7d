#pragma once
// A padded batch of token-id sequence pairs, time-major, as the model consumes it.
// Produced by core/data's batcher, consumed by core/nn's model.
#include <cstddef>
#include <vector>

namespace attnlab {

// Special token ids shared by every vocabulary.
enum SpecialToken : int { PadId = 0, StartId = 1, EndId = 2, UnknownId = 3 };

struct SequenceBatch {
    int batchSize = 0;              // B
    int sourceLength = 0;           // S: the longest source in the batch
    int targetLength = 0;           // T: the longest target, </s> included
    std::vector<int> source;        // (S x B) time-major: source[t * B + b], PadId past the end
    std::vector<int> sourceLengths; // (B) each >= 1
    std::vector<int> target;        // (T x B) time-major gold outputs y_0..y_{len-1}, last is EndId
    std::vector<int> targetLengths; // (B) each >= 1, EndId included
    std::vector<int> pairIndices;   // (B) index of each pair in its dataset split (for tracing)
    // Frames and images (ModelConfig::input): D values per source position, (D x S·B) time-major
    // columns (column t·B + b), zero past each length; `source` then holds UnknownId per position.
    int featureSize = 0;         // D; 0 for token sources
    std::vector<float> features; // (D x S·B)
    // Forecasting (issue 15): the values to predict, D per target step, (D x T·B) time-major
    // columns (column t·B + b); empty for token targets.
    std::vector<float> targetValues; // (D x T·B)

    int sourceAt(int t, int b) const { return source[static_cast<size_t>(t) * batchSize + b]; }
    int targetAt(int t, int b) const { return target[static_cast<size_t>(t) * batchSize + b]; }
    int targetTokenCount() const {
        int n = 0;
        for (int len : targetLengths) n += len;
        return n;
    }
};

} // namespace attnlab
