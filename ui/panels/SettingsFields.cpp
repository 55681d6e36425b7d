#include "ui/panels/SettingsFields.h"

#include "core/nn/ModelConfig.h"
#include "core/train/TrainingSettings.h"
#include "ui/panels/SettingsDoubleSpinBox.h"
#include "ui/panels/SettingsScorers.h"
#include "ui/panels/SettingsSpinBox.h"
#include "ui/panels/SettingsWidgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace attnlab::ui {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("attnlab::ui::SettingsPanel", text);
}

QGroupBox* makeGroup(const QString& title, const char* objectName) {
    auto* group = new QGroupBox(title);
    group->setObjectName(QString::fromLatin1(objectName));
    return group;
}

// In a narrow dock a field goes under its label instead of past the dock's edge.
QFormLayout* makeForm(QGroupBox* group) {
    auto* form = new QFormLayout(group);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    return form;
}

QCheckBox* makeCheck(const QString& text, const char* objectName, const QString& toolTip, QWidget* parent) {
    auto* check = new QCheckBox(text, parent);
    check->setObjectName(QString::fromLatin1(objectName));
    check->setToolTip(toolTip);
    return check;
}
} // namespace

QWidget* SettingsFields::build() {
    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(buildModelGroup());
    column->addWidget(buildAttentionGroup());
    column->addWidget(buildTrainingGroup());
    column->addStretch(1);
    // One label width for all three groups, so their fields line up in a single column.
    int labelWidth = 0;
    const QList<QLabel*> labels = content->findChildren<QLabel*>();
    for (const QLabel* label : labels)
        if (label->buddy()) labelWidth = std::max(labelWidth, label->sizeHint().width());
    for (QLabel* label : labels)
        if (label->buddy()) label->setMinimumWidth(labelWidth);
    return content;
}

QWidget* SettingsFields::buildModelGroup() {
    QGroupBox* group = makeGroup(tr("Model"), "modelGroup");
    auto* form = makeForm(group);
    embedding = makeIntSpin("embeddingSpin", 1, 1024, 8,
                            tr("Length of the vector that stands for each token (E), in both the source and "
                               "the target embedding."),
                            group);
    hidden = makeIntSpin("hiddenSpin", 1, 2048, 8,
                         tr("Number of units in the encoder and decoder LSTMs (H); more can learn more but "
                            "trains slower."),
                         group);
    bidirectional = makeCheck(
        tr("Read the source both ways"), "bidirectionalCheck",
        tr("Adds a right-to-left encoder LSTM beside the left-to-right one (H/2 units each), so every "
           "source position sees the whole sentence."),
        group);
    decoder = new QComboBox(group);
    decoder->setObjectName(QStringLiteral("decoderCombo"));
    for (DecoderStyle style : {DecoderStyle::Luong, DecoderStyle::Bahdanau}) {
        decoder->addItem(decoderStyleLabel(style), static_cast<int>(style));
        decoder->setItemData(decoder->count() - 1, decoderStyleToolTip(style), Qt::ToolTipRole);
    }
    decoder->setToolTip(tr("When the decoder attends: Luong after its LSTM step (the default), Bahdanau "
                           "before it, feeding the context into the LSTM."));
    inputFeeding = makeCheck(
        tr("Input feeding"), "inputFeedingCheck",
        tr("Feeds the previous output vector h̃ back into the decoder's input, so it remembers where it "
           "attended before (Luong only)."),
        group);
    lockedNote = new QLabel(tr("The model exists, so its shape is fixed; press Reset to change it."), group);
    lockedNote->setObjectName(QStringLiteral("lockedNote"));
    lockedNote->setWordWrap(true);
    lockedNote->setEnabled(false); // drawn grey: a remark, not a control
    lockedNote->hide();

    addFormRow(form, tr("Embedding size"), embedding);
    addFormRow(form, tr("Hidden size"), hidden);
    form->addRow(bidirectional);
    addFormRow(form, tr("Decoder"), decoder);
    form->addRow(inputFeeding);
    form->addRow(lockedNote);
    return group;
}

QWidget* SettingsFields::buildAttentionGroup() {
    QGroupBox* group = makeGroup(tr("Attention"), "attentionGroup");
    auto* form = makeForm(group);
    scorer = new QComboBox(group);
    scorer->setObjectName(QStringLiteral("scorerCombo"));
    for (ScorerKind kind : allScorers()) {
        scorer->addItem(scorerLabel(kind), static_cast<int>(kind));
        scorer->setItemData(scorer->count() - 1, scorerToolTip(kind), Qt::ToolTipRole);
    }
    attentionDim =
        makeIntSpin("attentionDimSpin", 0, 2048, 8,
                    tr("Size A of the hidden layer inside the additive and location-aware scorers; "
                       "'same as hidden' uses H."),
                    group, tr("same as hidden"));
    scorerCaption = addFormRow(form, tr("Scoring function"), scorer);
    addFormRow(form, tr("Attention size"), attentionDim);
    return group;
}

QWidget* SettingsFields::buildTrainingGroup() {
    QGroupBox* group = makeGroup(tr("Training"), "trainingGroup");
    auto* form = makeForm(group);
    optimizer = new QComboBox(group);
    optimizer->setObjectName(QStringLiteral("optimizerCombo"));
    optimizer->addItem(tr("Adam"), static_cast<int>(OptimizerKind::Adam));
    optimizer->setItemData(0,
                           tr("Adam: scales each weight's step by running averages of its gradient and "
                              "squared gradient (β 0.9/0.999)."),
                           Qt::ToolTipRole);
    optimizer->addItem(tr("SGD with momentum"), static_cast<int>(OptimizerKind::Sgd));
    optimizer->setItemData(
        1, tr("SGD: steps against the gradient, plus a share of the previous step (the momentum)."),
        Qt::ToolTipRole);
    optimizer->setToolTip(tr("Adam adapts the step size of every weight and is the safe choice; SGD with "
                             "momentum is the classic alternative."));
    learningRate =
        makeDoubleSpin("learningRateSpin", 0.0, 10.0,
                       tr("Size of each update; too large and the loss jumps or explodes, too small "
                          "and training crawls (type 3e-4 for 0.0003)."),
                       group);
    momentum = makeDoubleSpin("momentumSpin", 0.0, 0.999,
                              tr("Share of the previous update that SGD adds to the next one, which smooths "
                                 "the descent (SGD only)."),
                              group);
    batch = makeIntSpin("batchSpin", 1, 4096, 8,
                        tr("Number of sentence pairs averaged in one training step."), group);
    epochs = makeIntSpin("epochsSpin", 1, 100000, 1, tr("Number of passes over all training pairs."), group);
    maxSteps =
        makeIntSpin("maxStepsSpin", 0, INT_MAX, 100,
                    tr("Stops after this many training steps even if epochs remain; 'no limit' lets the "
                       "epochs decide."),
                    group, tr("no limit"));
    clip = makeDoubleSpin("clipSpin", 0.0, 1000.0,
                          tr("Scales the gradients down when their overall norm is above this value, which "
                             "stops single bad batches from wrecking the model."),
                          group, tr("off"));
    teacherForcing = makeDoubleSpin("teacherForcingSpin", 0.0, 1.0,
                                    tr("Probability of giving the decoder the correct previous token during "
                                       "training instead of its own guess."),
                                    group);
    teacherForcing->setStepType(QAbstractSpinBox::DefaultStepType);
    teacherForcing->setSingleStep(0.05);
    dropout = makeDoubleSpin("dropoutSpin", 0.0, 0.9,
                             tr("Probability of zeroing each embedding and output-vector unit during "
                                "training, which fights overfitting."),
                             group);
    dropout->setStepType(QAbstractSpinBox::DefaultStepType);
    dropout->setSingleStep(0.05);
    validationFraction = makeDoubleSpin("validationFractionSpin", 0.0, 0.5,
                                        tr("Share of the pairs kept aside to measure validation loss and "
                                           "accuracy; the model never trains on them."),
                                        group);
    validationFraction->setStepType(QAbstractSpinBox::DefaultStepType);
    validationFraction->setSingleStep(0.05);
    seed = makeIntSpin("seedSpin", 0, INT_MAX, 1,
                       tr("Seed of the split, the first weights and the batch order; the same seed and "
                          "settings give the same run."),
                       group);
    threads = makeIntSpin("threadsSpin", 0, 256, 1,
                          tr("CPU threads that train; the result is the same for any number."), group,
                          tr("all cores"));

    earlyStopping = makeCheck(tr("Stop when validation stalls"), "earlyStoppingCheck",
                              tr("Ends training once the validation loss has not improved for the patience "
                                 "below, and keeps the best weights."),
                              group);
    patience = makeIntSpin("patienceSpin", 1, 1000, 1,
                           tr("Epochs without a better validation loss before training stops."), group);
    decayOnPlateau =
        makeCheck(tr("Lower the rate when it stalls"), "decayOnPlateauCheck",
                  tr("Multiplies the learning rate by the factor below whenever the validation loss "
                     "has not improved for the decay patience."),
                  group);
    decayFactor = makeDoubleSpin("decayFactorSpin", 0.01, 0.99,
                                 tr("What the learning rate is multiplied by at each plateau."), group);
    decayFactor->setStepType(QAbstractSpinBox::DefaultStepType);
    decayFactor->setSingleStep(0.05);
    decayPatience =
        makeIntSpin("decayPatienceSpin", 1, 1000, 1,
                    tr("Epochs without a better validation loss before the rate is lowered."), group);

    addFormRow(form, tr("Optimizer"), optimizer);
    addFormRow(form, tr("Learning rate"), learningRate);
    addFormRow(form, tr("Momentum"), momentum);
    addFormRow(form, tr("Batch size"), batch);
    addFormRow(form, tr("Epochs"), epochs);
    addFormRow(form, tr("Step limit"), maxSteps);
    addFormRow(form, tr("Gradient clipping"), clip);
    addFormRow(form, tr("Teacher forcing"), teacherForcing);
    addFormRow(form, tr("Dropout"), dropout);
    addFormRow(form, tr("Validation share"), validationFraction);
    addFormRow(form, tr("Seed"), seed);
    addFormRow(form, tr("Threads"), threads);
    form->addRow(earlyStopping);
    addFormRow(form, tr("Patience (epochs)"), patience);
    form->addRow(decayOnPlateau);
    addFormRow(form, tr("Decay factor"), decayFactor);
    addFormRow(form, tr("Decay patience (epochs)"), decayPatience);
    return group;
}

} // namespace attnlab::ui
