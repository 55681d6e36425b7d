#pragma once
// The one exception of model-file code: what() reads "<file>: <problem>" (see FileError).
#include "core/util/FileError.h"

namespace attnlab {

class CheckpointError : public FileError {
public:
    using FileError::FileError;
};

} // namespace attnlab
