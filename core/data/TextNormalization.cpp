#include "core/data/TextNormalization.h"

#include "core/data/Utf8.h"

namespace attnlab {

std::string TextNormalization::apply(std::string_view text) const {
    return normalizeText(text, lowercase, trim);
}

TextNormalization textNormalization(const DatasetOptions& options) {
    return TextNormalization{.lowercase = options.lowercase, .trim = options.trim};
}

std::vector<std::string> modelTokens(std::string_view text, const TextNormalization& normalization,
                                     Tokenization tokenization) {
    return tokenize(normalization.apply(text), tokenization);
}

} // namespace attnlab
