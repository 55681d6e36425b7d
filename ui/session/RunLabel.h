#pragma once
// Names a training run by its settings, for the legend of the loss plot: a kept grey run says
// what differed from the run next to it ("run 1: additive · lr 5"), not just "run 1".
#include "core/nn/ModelConfig.h"
#include "core/train/TrainingSettings.h"

#include <QString>
#include <QStringList>

namespace attnlab::ui {

struct RunSettings {
    QString dataset;
    ModelConfig config;
    TrainingSettings training;
};

class RunLabel {
public:
    // The settings of `run` that differ from `other`, e.g. {"additive", "lr 5", "H 64"}; the
    // scorer, decoder, encoder, sizes, optimizer, learning rate, batch, clipping, teacher forcing,
    // dropout, seed and dataset are compared.
    static QStringList differences(const RunSettings& run, const RunSettings& other);
    // The scorer and the learning rate, e.g. {"general", "lr 0.001"}.
    static QStringList essentials(const RunSettings& run);
    // "run 2: additive · lr 5": what differed from `current`; the essentials without a current
    // run; "run 2: same settings" when nothing differed.
    static QString label(int number, const RunSettings& run, const RunSettings* current);
};

} // namespace attnlab::ui
