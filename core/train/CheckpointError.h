#pragma once
// The one exception of model-file code: what() reads "<file>: <problem>", ready for a dialog or a
// terminal, while path() and problem() stay available apart.
#include <stdexcept>
#include <string>

namespace attnlab {

class CheckpointError : public std::runtime_error {
public:
    CheckpointError(const std::string& path, const std::string& problem)
        : std::runtime_error(path + ": " + problem), m_path(path), m_problem(problem) {}

    const std::string& path() const { return m_path; }
    const std::string& problem() const { return m_problem; }

private:
    std::string m_path;
    std::string m_problem;
};

} // namespace attnlab
