#pragma once
// An error about one file: what() reads "<file>: <problem>", ready for a dialog or a terminal,
// while path() and problem() stay available apart. Saving (FileWriteError) and model files
// (CheckpointError) each throw their own kind of it.
#include <stdexcept>
#include <string>

namespace attnlab {

class FileError : public std::runtime_error {
public:
    FileError(const std::string& path, const std::string& problem)
        : std::runtime_error(path + ": " + problem), m_path(path), m_problem(problem) {}

    const std::string& path() const { return m_path; }
    const std::string& problem() const { return m_problem; }

private:
    std::string m_path;
    std::string m_problem;
};

} // namespace attnlab
