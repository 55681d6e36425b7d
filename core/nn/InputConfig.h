#pragma once
// D feature size, S input positions, K key positions.
// What a model's source is (issue 14): tokens (an embedding per id), frames (a sequence of
// real-valued vectors: a log-mel filterbank, bands x frames) or an image (cut into a grid of
// P x P patches, one key per cell). Saved in the model file so a WAV or PNG given later is turned
// into features exactly as the training data were.
#include "core/util/AlignmentLink.h"

#include <string>

namespace attnlab {

enum class InputKind { Tokens, Frames, Image };

struct InputConfig {
    InputKind kind = InputKind::Tokens;
    // Frames: the filterbank the features come from.
    int sampleRate = 16000;
    int melBands = 40;
    double windowMs = 25;
    double hopMs = 10;
    // Pyramidal levels (Listen, Attend and Spell): each concatenates neighbouring outputs of the
    // LSTM below and runs another LSTM over them, halving the time axis; keys = ceil(S / 2^R).
    int frameReduction = 0;
    // Image: pictures are resized to width x height and cut into patch x patch cells.
    int imageWidth = 48;
    int imageHeight = 48;
    int imageChannels = 3;
    int patch = 8;
    // Image: a bidirectional LSTM along each row of cells after the projection (else the
    // projected patches plus positions are the keys).
    bool rowEncoder = true;

    bool tokens() const { return kind == InputKind::Tokens; }
    // D: the size of one input vector (frames: bands; image: P·P·C); 0 for tokens.
    int featureSize() const;
    int gridRows() const { return imageHeight / patch; }
    int gridColumns() const { return imageWidth / patch; }
    int gridCells() const { return gridRows() * gridColumns(); }
    // How many input positions one key covers: 2^R for frames, else 1.
    int positionsPerKey() const { return kind == InputKind::Frames ? 1 << frameReduction : 1; }
    // K for an input of S positions.
    int keyLength(int inputLength) const {
        const int r = positionsPerKey();
        return (inputLength + r - 1) / r;
    }
    // Throws std::invalid_argument naming the first bad field.
    void validate() const;
};

// Gold links over input positions (frames, cells) as links over the keys the model attends to:
// frame s belongs to key s / 2^R; duplicates merged (a sure link wins over a possible one).
Alignment keyAlignment(const Alignment& gold, const InputConfig& input);

std::string inputKindName(InputKind kind);         // "tokens", "frames", "image"
InputKind parseInputKind(const std::string& name); // throws std::invalid_argument listing the names

} // namespace attnlab
