#pragma once
// The one place a decoded frames or image source becomes what the media views show: the core's
// features, media and gold links (a dataset pair, a file read or a drawn example) with the
// model's outputs and attention become a SpeechAlignment or an ImageAlignment. The inspect box
// and the pinned pairs both fill their MediaAlignmentView through it.
// bands: mel bands, F frames, r frames per key, K keys (= cells for an image), T output rows.
#include "core/data/SourceMedia.h"
#include "core/nn/InputConfig.h"
#include "core/nn/SourceFeatures.h"
#include "core/nn/Tensor.h"
#include "ui/media/ImageAlignment.h"
#include "ui/media/SpeechAlignment.h"
// After the Qt/Eigen includes above: moc cannot parse <compare> when it comes first.
#include "core/util/AlignmentLink.h"

#include <QImage>

#include <string>
#include <vector>

namespace attnlab::ui {

class MediaAlignmentView;

// What the views need besides the decoding: the source as the model read it, and its gold links
// (position, reference token) over frames or cells, as datasets and drawn examples carry them.
struct MediaExample {
    SharedFeatures features;                  // (bands x F) or (P·P·C x cells)
    SharedMedia media;                        // audio to play or the picture; may be null
    Alignment gold;                           // (frame or cell, reference token); empty when unknown
    std::vector<std::string> referenceTokens; // (reference) empty when unknown
};

class MediaAlignmentBuilder {
public:
    // Throws std::invalid_argument for a tokens input: there is nothing to draw but the heatmap.
    explicit MediaAlignmentBuilder(const InputConfig& input);

    // outputs (T) and attention (T x K), row t behind output t. Gold: output t gets reference
    // token t's frames or cells when the reference is unknown or output t is that very token (a
    // wrong word has no gold: its span would mislead). Throw std::invalid_argument (the views'
    // checks) when the shapes disagree.
    SpeechAlignment speech(const MediaExample& example, const std::vector<std::string>& outputs,
                           const Matrix<float>& attention) const;
    ImageAlignment image(const MediaExample& example, const std::vector<std::string>& outputs,
                         const Matrix<float>& attention) const;
    // The one the input kind calls for, shown in `view`.
    void show(MediaAlignmentView& view, const MediaExample& example, const std::vector<std::string>& outputs,
              const Matrix<float>& attention) const;

    // A picture as Qt draws it (RGB888, or Grayscale8 for one channel; a fourth channel dropped).
    static QImage toQImage(const Image& image);

private:
    // Per output row t, the reference token whose gold it gets, or -1.
    std::vector<int> goldTokenOf(const MediaExample& example, const std::vector<std::string>& outputs) const;

    InputConfig m_input;
};

} // namespace attnlab::ui
