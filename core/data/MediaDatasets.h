#pragma once
// Datasets whose sources are audio or pictures (issue 14):
// - the shipped `spoken` tasks: utterances synthesised by espeak-ng (SpokenTask.h) as log-mel
//   frames, target = the words, gold links = the frames inside each word's span;
// - the shipped `shapes` task: synthetic scenes (ShapesTask.h) as patch cells, target = the
//   caption, gold links = the cells each colour and shape word names;
// - a person's own TSV, `file<TAB>transcript[<TAB>alignment]` (or caption), one pair per line,
//   the file a WAV (any format libsndfile reads; mono; resampled to 16 kHz) or a PNG/JPEG
//   (resized to 48 x 48), its path relative to the TSV's folder. '#' starts a comment line; CRLF
//   and a BOM are accepted. Any file that cannot be read stops the load with a DatasetError naming
//   the TSV, the line, the file and the reason: nothing is skipped silently.
#include "core/data/Dataset.h"
#include "core/data/ProgressCallback.h"

#include <cstdint>
#include <optional>
#include <string>

namespace attnlab {

struct SpokenDatasetOptions {
    int minWords = 2;
    int maxWords = 6;
};

// The input settings the shipped tasks and users' files are read with.
InputConfig defaultFramesInput();
InputConfig defaultImageInput();

Dataset generateSpokenDataset(const std::string& name, int count, std::uint64_t seed,
                              const SpokenDatasetOptions& spoken, const DatasetOptions& options,
                              const ProgressCallback& progress = {});
Dataset generateShapesDataset(const std::string& name, int count, std::uint64_t seed,
                              const DatasetOptions& options, const ProgressCallback& progress = {});

// Frames for a sound file (.wav .flac .ogg), Image for a picture (.png .jpg .jpeg), by the
// extension in any case; nullopt otherwise.
std::optional<InputKind> mediaKindOfFile(const std::string& file);

// Frames or Image when the first pair of the TSV at `path` names a sound or picture file (by its
// extension: .wav .flac .ogg; .png .jpg .jpeg), nullopt for a text dataset or an unreadable file.
std::optional<InputKind> mediaKindOfTsv(const std::string& path);
Dataset loadMediaDataset(const std::string& path, InputKind kind, const DatasetOptions& options,
                         const ProgressCallback& progress = {});

// Gold links of one spoken word: the frames whose window centre lies in [begin, end) samples
// (at least the frame nearest the span's middle), as (frame, word) links.
void addWordFrames(int begin, int end, int word, const InputConfig& input, int frames, Alignment& links);

} // namespace attnlab
