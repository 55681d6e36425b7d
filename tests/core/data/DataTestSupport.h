#pragma once
// Shared by the core/data tests: where the test files are, and readable QCOMPARE failures for
// alignments and pairs.
#include "core/data/Dataset.h"
#include "core/data/DatasetError.h"
#include "core/data/PharaohAlignment.h"

#include <QtTest>

#include <string>

namespace attnlab {

inline std::string testDataset(const std::string& name) {
    return std::string(ATTNLAB_TEST_DATASETS "/") + name;
}
inline std::string shippedDatasetPath(const std::string& name) {
    return std::string(ATTNLAB_SHIPPED_DATASETS "/") + name;
}

// Found by argument-dependent lookup from QCOMPARE.
inline char* toString(const Alignment& links) {
    std::string text = "[";
    text += formatAlignment(links);
    text += ']';
    return qstrdup(text.c_str());
}
inline char* toString(const TextPair& pair) {
    return qstrdup((pair.source + " | " + pair.target + " | " + formatAlignment(pair.alignment)).c_str());
}

inline Alignment links(const Dataset& dataset, int i) {
    const auto span = dataset.alignment(i);
    return Alignment(span.begin(), span.end());
}

} // namespace attnlab
