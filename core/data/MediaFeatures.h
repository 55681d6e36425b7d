#pragma once
// D bands or patch pixels, S frames or cells.
// Audio and pictures as a model's source features, the one way training data, a file given at
// inference and a freshly drawn example are all turned into them (the model's InputConfig says
// how):
// - audio: the log-mel filterbank (LogMelFilterbank.h) of the waveform at the config's rate, then
//   each band normalised over the utterance to mean 0 and variance 1 (cepstral mean and variance
//   normalisation per utterance, so a louder recording or another microphone reads the same);
// - a picture: resized to the config's width x height, cut into P x P patches
//   (ImagePatches.h), pixel values v in [0, 1] centred as (v - 0.5) / 0.25.
#include "core/data/SourceMedia.h"
#include "core/data/audio/Waveform.h"
#include "core/nn/InputConfig.h"
#include "core/nn/SourceFeatures.h"

namespace attnlab {

// (bands x frames). Throws std::invalid_argument for a waveform at another rate or with no samples.
SourceFeatures audioFeatures(const Waveform& audio, const InputConfig& input);
// (P·P·3 x cells), from an image already at the config's size.
SourceFeatures imageFeatures(const Image& image, const InputConfig& input);
// The image resized to the config's size (what imageFeatures reads and the views draw).
Image modelImage(const Image& image, const InputConfig& input);
// The waveform as kept for playing: 16-bit PCM.
SourceMedia audioMedia(const Waveform& audio, std::string file = {});

} // namespace attnlab
