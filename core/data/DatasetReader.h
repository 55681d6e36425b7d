#pragma once
// Reading user datasets: UTF-8 TSV (source<TAB>target[<TAB>alignment], further columns ignored)
// or CSV with a header row. Lines starting with '#' and blank lines are skipped and counted;
// CRLF and a UTF-8 byte order mark are accepted. Any bad line stops loading with a DatasetError
// naming file, line and reason; a file without a single good pair is an error too.
//
// A TSV third column is a gold alignment when the first pair's third column is non-empty and at
// least half of its words are Pharaoh links (i-j, i?j; see looksLikeAlignment): then every line
// must have one (an empty third column means "no links"), and a malformed word in it ("1-x") is
// an error naming the line and the word. Otherwise the third column is ignored (e.g. Tatoeba's
// attribution) and counted in the load report; a later line whose third column looks like an
// alignment is an error.
//
// Label kinds (issue 15; DatasetOptions::task, or detected: a CSV header with a label column, a
// TSV "# task: classification" comment before the first pair):
//   classification  TSV text<TAB>label[<TAB>evidence links "i-0"]; CSV text/sentence/review, label
//   entailment      TSV premise<TAB>hypothesis<TAB>label[<TAB>links "i-j", premise word i to
//                   hypothesis word j]; CSV premise, hypothesis, label (SNLI's sentence1,
//                   sentence2, gold_label too)
// The links column follows the same rule as the third column above. A label of several words,
// an empty premise or hypothesis, or one holding the separator word "|" is an error naming the line.
#include "core/data/Dataset.h"
#include "core/data/ProgressCallback.h"

#include <cstdint>
#include <istream>
#include <string>

namespace attnlab {

Dataset loadDataset(const std::string& path, const DatasetOptions& options = {},
                    const ProgressCallback& progress = {});

// Where the text of readDataset comes from.
struct DatasetSource {
    std::string name;        // the dataset's name (a file's stem, a shipped task's name)
    std::string path;        // the file, empty for text in memory
    std::string displayName; // what errors call it; the format is guessed from it when Auto
    std::int64_t totalBytes = -1;
};

// The reader behind loadDataset, over any stream (text generated in memory, tests).
Dataset readDataset(std::istream& in, const DatasetSource& source, const DatasetOptions& options = {},
                    const ProgressCallback& progress = {});

// Tsv or Csv: `format` itself unless Auto, then by the extension of `fileName`.
DatasetFormat resolveFormat(DatasetFormat format, const std::string& fileName);

} // namespace attnlab
