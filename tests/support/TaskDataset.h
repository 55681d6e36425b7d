#pragma once
// A generated task (core/data/TaskGenerators) read as a Dataset, as if from its shipped file:
// for tests that train through the window's sessions without touching the disk.
#include "core/data/DatasetReader.h"
#include "core/data/TaskGenerators.h"

#include <memory>
#include <sstream>
#include <string>

namespace attnlab::test {

inline std::shared_ptr<const Dataset> taskDataset(const std::string& task, int count, std::uint64_t seed) {
    std::stringstream text;
    writeTaskTsv(text, task, count, seed);
    DatasetSource source;
    source.name = task;
    source.displayName = task + ".tsv";
    return std::make_shared<const Dataset>(readDataset(text, source));
}

} // namespace attnlab::test
