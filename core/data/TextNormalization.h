#pragma once
// What is done to each side's text before it is tokenised (the dataset options trim and
// lowercase), kept with a trained model so that a person's text meets the model in the form its
// training data had. modelTokens is the one way text becomes a model's tokens outside the dataset
// reader: the window's typed sentence, `attnlab-cli align` and `eval` all call it.
#include "core/data/DatasetOptions.h"
#include "core/data/Tokenization.h"

#include <string>
#include <string_view>
#include <vector>

namespace attnlab {

struct TextNormalization {
    // The defaults are DatasetOptions' own, so they are also what a model file saved before these
    // settings were recorded was trained with.
    bool lowercase = false; // simple Unicode lowercase (one code point to one)
    bool trim = true;       // strip Unicode whitespace at both ends

    // Valid UTF-8 in, valid UTF-8 out; applying it twice changes nothing more.
    std::string apply(std::string_view text) const;

    friend bool operator==(const TextNormalization&, const TextNormalization&) = default;
};

// The normalisation a dataset read with these options applied to both of its sides.
TextNormalization textNormalization(const DatasetOptions& options);

// Text as a model trained on data normalised so reads it: normalised, then tokenised, exactly as
// DatasetBuilder and Dataset prepared every training pair. `text` must be valid UTF-8.
std::vector<std::string> modelTokens(std::string_view text, const TextNormalization& normalization,
                                     Tokenization tokenization);

} // namespace attnlab
