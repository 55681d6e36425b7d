#pragma once
// An audio or image file AttnLab cannot use: missing, not a recording or picture, or one in a
// form it does not take (stereo, a sample rate below 8 kHz, no samples). what() reads
// "FILE: REASON", ready for a dialog or a terminal; file() and reason() stay available apart, so
// a dataset reader can put the dataset's own file and line in front.
//
// Kept apart from FileError (saving, model files): a MediaError is bad input, like DatasetError.
#include <stdexcept>
#include <string>

namespace attnlab {

class MediaError : public std::runtime_error {
public:
    MediaError(std::string file, std::string reason);

    const std::string& file() const { return m_file; }
    const std::string& reason() const { return m_reason; }

private:
    std::string m_file;
    std::string m_reason;
};

} // namespace attnlab
