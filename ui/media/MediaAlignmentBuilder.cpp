#include "ui/media/MediaAlignmentBuilder.h"

#include "ui/media/MediaAlignmentView.h"

#include <algorithm>
#include <stdexcept>

namespace attnlab::ui {

namespace {
// (T x K) row-major, as the views read it.
std::vector<float> rowMajor(const Matrix<float>& attention) {
    std::vector<float> values(size_t(attention.rows()) * size_t(attention.cols()));
    for (Eigen::Index t = 0; t < attention.rows(); ++t)
        for (Eigen::Index k = 0; k < attention.cols(); ++k)
            values[size_t(t) * size_t(attention.cols()) + size_t(k)] = attention(t, k);
    return values;
}

void requireFeatures(const MediaExample& example) {
    if (!example.features) throw std::invalid_argument("a media example needs its features");
}
} // namespace

MediaAlignmentBuilder::MediaAlignmentBuilder(const InputConfig& input) : m_input(input) {
    if (input.tokens()) throw std::invalid_argument("a tokens model has no media to show");
}

std::vector<int> MediaAlignmentBuilder::goldTokenOf(const MediaExample& example,
                                                    const std::vector<std::string>& outputs) const {
    std::vector<int> token(outputs.size(), -1);
    if (example.gold.empty()) return token;
    const bool knownReference = !example.referenceTokens.empty();
    for (size_t t = 0; t < outputs.size(); ++t) {
        if (!knownReference ||
            (t < example.referenceTokens.size() && outputs[t] == example.referenceTokens[t]))
            token[t] = int(t);
    }
    return token;
}

SpeechAlignment MediaAlignmentBuilder::speech(const MediaExample& example,
                                              const std::vector<std::string>& outputs,
                                              const Matrix<float>& attention) const {
    requireFeatures(example);
    const SourceFeatures& features = *example.features;
    SpeechAlignment alignment;
    alignment.bands = features.rows;
    alignment.frames = features.columns;
    alignment.filterbank = features.values; // both (bands x F) column-major
    alignment.framesPerKey = m_input.positionsPerKey();
    alignment.outputs = outputs;
    alignment.attention = rowMajor(attention);
    alignment.hopSeconds = m_input.hopMs / 1000.0;
    alignment.sampleRate = m_input.sampleRate;
    if (example.media && !example.media->audio.empty() && example.media->sampleRate > 0) {
        alignment.sampleRate = example.media->sampleRate;
        alignment.audio.reserve(example.media->audio.size());
        for (std::int16_t sample : example.media->audio) alignment.audio.push_back(float(sample) / 32768.0f);
    }
    // The gold links are frames (not keys): a span from the first to the last frame of the token.
    const std::vector<int> token = goldTokenOf(example, outputs);
    if (!example.gold.empty()) {
        alignment.gold.assign(outputs.size(), {-1, -1});
        for (size_t t = 0; t < outputs.size(); ++t) {
            if (token[t] < 0) continue;
            std::pair<int, int>& span = alignment.gold[t];
            for (const AlignmentLink& link : example.gold) {
                if (link.target != token[t]) continue;
                span.first = span.first < 0 ? link.source : std::min(span.first, link.source);
                span.second = std::max(span.second, link.source + 1);
            }
        }
    }
    checkSpeechAlignment(alignment);
    return alignment;
}

ImageAlignment MediaAlignmentBuilder::image(const MediaExample& example,
                                            const std::vector<std::string>& outputs,
                                            const Matrix<float>& attention) const {
    ImageAlignment alignment;
    if (example.media) alignment.image = toQImage(example.media->image);
    alignment.gridRows = m_input.gridRows();
    alignment.gridCols = m_input.gridColumns();
    alignment.outputs = outputs;
    alignment.attention = rowMajor(attention);
    const std::vector<int> token = goldTokenOf(example, outputs);
    if (!example.gold.empty()) {
        alignment.goldCells.assign(outputs.size(), {});
        for (size_t t = 0; t < outputs.size(); ++t) {
            if (token[t] < 0) continue;
            for (const AlignmentLink& link : example.gold)
                if (link.target == token[t]) alignment.goldCells[t].push_back(link.source);
        }
    }
    checkImageAlignment(alignment);
    return alignment;
}

void MediaAlignmentBuilder::show(MediaAlignmentView& view, const MediaExample& example,
                                 const std::vector<std::string>& outputs,
                                 const Matrix<float>& attention) const {
    if (m_input.kind == InputKind::Frames)
        view.setSpeech(speech(example, outputs, attention));
    else
        view.setImage(image(example, outputs, attention));
}

QImage MediaAlignmentBuilder::toQImage(const Image& image) {
    if (image.width <= 0 || image.height <= 0 || image.pixels.empty()) return {};
    const int channels = image.channels;
    QImage result(image.width, image.height,
                  channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
    for (int y = 0; y < image.height; ++y) {
        uchar* line = result.scanLine(y);
        const std::uint8_t* source = image.pixels.data() + size_t(y) * size_t(image.width) * size_t(channels);
        for (int x = 0; x < image.width; ++x) {
            const std::uint8_t* pixel = source + size_t(x) * size_t(channels);
            if (channels == 1) {
                line[x] = pixel[0];
            } else {
                // Two channels (grey + alpha) repeat the grey; three or four give R, G, B.
                const bool grey = channels < 3;
                line[3 * x] = pixel[0];
                line[3 * x + 1] = grey ? pixel[0] : pixel[1];
                line[3 * x + 2] = grey ? pixel[0] : pixel[2];
            }
        }
    }
    return result;
}

} // namespace attnlab::ui
