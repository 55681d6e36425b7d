#pragma once
// `attnlab-cli align` for a frames (speech) or image (captioning) model: each argument is a WAV
// or PNG/JPEG file read with readMediaSource, or with --random a new example of the shipped task
// is drawn. Per output token the human table shows where the model looked: for speech the time
// span in seconds of its strongest keys (those within half of the row's largest weight), for
// pictures the row and column of its top cells. --json: one object per input with the attention
// over keys as text align gives it, plus "input" ("frames"/"image"), "keys" and
// "frames_per_key" (speech) or "grid" [rows, cols] (pictures).
#include "app/cli/AlignDecoding.h"

namespace attnlab::cli {

// Aligns every input of `args`; a file that cannot be read is reported as "FILE: reason" and
// the others still run (exit 2 at the end). Throws InputError when the inputs cannot be used at
// all (no file and no --random).
int alignMedia(const ModelBundle& bundle, const AlignArgs& args);

} // namespace attnlab::cli
