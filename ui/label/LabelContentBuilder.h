#pragma once
// C target ids (4 specials, then the labels), K labels, S source tokens, P premise, N hypothesis.
// A label model's decoding (SentenceDecoder) as the label views' content: the labels by name with
// their probabilities (renormalised over the labels: the specials are never predicted), the
// pooling weights or the hypothesis x premise map, and the gold evidence when a dataset pair has it.
#include "core/data/Vocabulary.h"
#include "core/util/AlignmentLink.h"
#include "ui/label/ClassificationContent.h"
#include "ui/label/EntailmentContent.h"
#include "ui/session/SentenceDecoder.h"

#include <string>

namespace attnlab::ui {

struct LabelGold {
    Alignment links;   // classification "i-0" evidence words; entailment "i-j" premise i, hypothesis j
    std::string label; // the pair's label; empty for typed text
};

// A dataset pair a typed text may be: its tokens, as the model reads them, and its gold.
struct LabelReference {
    std::vector<std::string> sourceTokens;
    LabelGold gold;
};
// The gold of the reference whose tokens are `tokens`, or none (typed text of one's own).
LabelGold goldFor(const std::vector<LabelReference>& references, const std::vector<std::string>& tokens);

// attends: false for a mean-pooling classifier (scorer none): no weights to colour.
ClassificationContent classificationContent(const SentenceDecoding& decoding, const Vocabulary& targets,
                                            bool attends, const LabelGold& gold = {});
EntailmentContent entailmentContent(const SentenceDecoding& decoding, const Vocabulary& targets,
                                    const LabelGold& gold = {});

} // namespace attnlab::ui
