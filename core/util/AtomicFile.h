#pragma once
// Saving a file so that a failure or a crash at any moment leaves either the previous file or the
// new one, whole, never a mix: the bytes go to PATH.tmp-XXXXXX beside PATH, are flushed to disk
// (fsync), and the temp file is renamed over PATH; the directory is then synced so the rename
// itself lasts. Model files (saveCheckpoint) and the CLI's JSON and generated data use it.
#include "core/util/FileError.h"

#include <string>
#include <string_view>

namespace attnlab {

// The problem names the temp file and the system's reason, and says "the disk is full" for ENOSPC.
class FileWriteError : public FileError {
public:
    using FileError::FileError;
};

// Replaces (or creates) `path` with `bytes`. On any failure it throws FileWriteError, `path` is
// untouched and no temp file is left behind (a process killed mid-save leaves its temp file:
// nothing is alive to remove it, and PATH is still whole). Every system call goes through
// fileCalls() (core/util/FileCalls.h), where tests inject failures.
void writeFileAtomically(const std::string& path, std::string_view bytes);

// "No such file or directory", or for a full disk "the disk is full (No space left on device)".
std::string describeSystemError(int error);

} // namespace attnlab
