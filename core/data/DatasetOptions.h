#pragma once
// How a dataset file is read and what is done to each pair on the way in.
#include "core/data/TaskKind.h"
#include "core/data/Tokenization.h"

#include <string>

namespace attnlab {

enum class DatasetFormat {
    Auto, // CSV when the file name ends in .csv (any case), else TSV
    Tsv,  // source<TAB>target[<TAB>alignment[<TAB>ignored...]]
    Csv,  // comma-separated with a header row naming the source and target columns
};

struct DatasetOptions {
    // Tokenisation of the model's source and target, that is after `reverse` has swapped the
    // sides. A shipped task overrides both with its own (see openDataset).
    Tokenization sourceTokens = Tokenization::Char;
    Tokenization targetTokens = Tokenization::Char;
    bool reverse = false;    // learn target -> source; gold alignments are transposed
    bool lowercase = false;  // simple Unicode lowercase (one code point to one)
    bool trim = true;        // strip Unicode whitespace at both ends of each side
    int maxSourceLength = 0; // in tokens; longer pairs are dropped and counted; 0 = no limit
    int maxTargetLength = 0; // in tokens, </s> not counted; 0 = no limit
    DatasetFormat format = DatasetFormat::Auto;
    // CSV header names of the two sides (case-insensitive). Empty: the first header named
    // source/src/input (target/tgt/output). An alignment column is one named alignment/align.
    std::string sourceColumn;
    std::string targetColumn;
    // What the pairs mean (issue 15). Classification or Entailment reads the file as that kind.
    // Pairs with detectTask: the file may say otherwise (a CSV header with a label column and no
    // target column; a TSV comment line "# task: classification" before the first pair), else
    // pairs. Pairs without detectTask: pairs, whatever the file says. For the label kinds the
    // target is one word (word tokens, forced), entailment sources are word tokens "premise |
    // hypothesis" (forced), and reverse cannot apply. A loaded Dataset's options hold the kind found.
    TaskKind task = TaskKind::Pairs;
    bool detectTask = true;
};

} // namespace attnlab
