#pragma once
// S source length. What the mechanism views ask the inspection thread for, and what comes back:
// the model's own decoding of one sentence with every step's internals (core's inspectDecode),
// the same under a what-if (a token or an attention row forced), and the beam's whole tree.
#include "core/infer/BeamTree.h"
#include "core/infer/Inspection.h"
#include "ui/session/InferenceModel.h"

#include <QMetaType>
#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace attnlab::ui {

struct MechanismRequest {
    InferenceModel model;                         // a snapshot: the thread copies its weights
    QString text;                                 // a typed sentence, read as align reads it...
    std::vector<std::string> pairTokens;          // ...or a dataset pair's source tokens (when not empty)
    double temperature = 1.0;                     // α = softmax(e / τ) at inference
    int topK = 5;                                 // candidates per step
    std::vector<int> forcedTokens;                // what-if: the prefix to force (the last one differs)
    std::map<int, Vector<float>> forcedAttention; // what-if: step t -> α_t (S)
    int beamWidth = 1;                            // > 1: trace beam search of this width
    int beamNode = -1;                            // a node of that beam to inspect (its path, forced)
};

struct MechanismResult {
    quint64 id = 0;
    QString error; // empty on success
    std::vector<std::string> sourceTokens;
    int unknownCount = 0;
    ModelSnapshot model; // the snapshot the request named (for scorer terms)
    std::shared_ptr<const Vocabulary> targetVocabulary;
    Inspection own;                     // the model's own decoding, at the request's τ
    std::optional<Inspection> whatIf;   // with the forced token or attention
    std::optional<BeamTree> beam;       // with beamWidth > 1
    std::optional<Inspection> beamNode; // the chosen node's hypothesis, step by step
    double seconds = 0;                 // time the inspection thread spent on it

    bool ok() const { return error.isEmpty(); }
    // What the views show: the beam node's hypothesis, else the what-if, else the model's own.
    const Inspection& shown() const { return beamNode ? *beamNode : whatIf ? *whatIf : own; }
    // The target token `id` as text ("?" outside the vocabulary).
    std::string targetToken(int id) const;
};

} // namespace attnlab::ui

Q_DECLARE_METATYPE(std::shared_ptr<const attnlab::ui::MechanismResult>)
