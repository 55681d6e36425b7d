#pragma once
// The model and training settings: every option of `attnlab-cli train` except the dataset's
// tokenisation (the dataset panel owns that), plus early stopping and learning-rate decay. The
// beam width for inspection is the inspect panel's own. Defaults are core's (ModelConfig and
// TrainingSettings). Three groups: Model, Attention, Training; every field has a
// one-sentence tooltip, and each scorer in the combo box says what its score computes.
//
// validate() first refuses a number typed outside its field's range (kept as typed, never cut:
// "Learning rate: 50 is outside the allowed range, 0 to 10"), then runs core's own checks
// (ModelConfig::validate, TrainingSettings::validate), names the field at fault and tints it red;
// an out-of-range number is shown the moment it is typed; once a problem is shown, every edit checks again,
// so the tint goes away as soon as the value is fixed. setLocked(true) freezes the architecture while a model
// exists; the training fields stay editable for the next run.
#include "core/data/TrainingData.h"
#include "core/nn/ModelConfig.h"
#include "core/train/TrainingSettings.h"
#include "ui/panels/SettingsFields.h"

#include "core/data/ShippedDatasets.h"
#include <QString>

#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;

namespace attnlab::ui {

class SettingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit SettingsPanel(QWidget* parent = nullptr);

    // The architecture; vocabulary sizes are 0 (the window fills them, and maxSourceLength, from
    // the data). Fields the panel does not show keep the values of the last setFromModel().
    ModelConfig modelConfig() const;
    TrainingSettings trainingSettings() const;
    // The split: the validation fraction, no test split (as attnlab-cli train).
    PrepareOptions prepareOptions() const;

    // Shows a model's settings (after opening a model file). Emits changed() once.
    void setFromModel(const ModelConfig& config, const TrainingSettings& settings);
    // Back to core's defaults; while locked only the training fields change.
    void restoreDefaults();

    // True when training can start with these values. Otherwise `message` (if given) says which
    // field and why, e.g. "Hidden size: a bidirectional encoder needs an even hidden size, got
    // 127", the field is tinted red and the message is shown under the form.
    bool validate(QString* message = nullptr) const;

    // A shipped dataset's recommended settings (ShippedDataset::recommended), as attnlab-cli
    // applies them: the fields the last dataset recommended go back to the general defaults where
    // they still hold its values (a field the person changed stays), then `next` is filled in.
    // While locked the architecture keeps its values. Returns what was set, e.g.
    // "bidirectional, batch 32, 7 epochs, learning rate 0.003", or empty.
    QString recommend(const RecommendedSettings& next);

    void setLocked(bool locked);
    bool isLocked() const { return m_locked; }

Q_SIGNALS:
    void changed();

private:
    // Which field a core validation message is about: its text contains `fragment`.
    struct FieldRule {
        const char* fragment;
        QWidget* field;
        QString label;
    };

    void buildFieldRules();
    void connectFields();
    void onFieldChanged();
    bool hasOutOfRangeField() const; // a number typed outside its field's range, shown at once
    void updateEnabled();
    void updateScorerToolTip();
    void showProblem(const QString& message, QWidget* field) const;

    SettingsFields m_f;
    QPushButton* m_defaultsButton = nullptr;
    QLabel* m_problemLabel = nullptr;
    std::vector<FieldRule> m_rules;
    ModelConfig m_baseConfig;        // what the panel does not show (location filters, ...)
    TrainingSettings m_baseSettings; // (attention pairs, validation beam width, ...)
    bool m_locked = false;
    RecommendedSettings m_recommended;   // what the current dataset recommended
    bool m_updating = false;             // setFromModel is filling the fields: one changed() at the end
    mutable bool m_problemShown = false; // re-check on every edit until the problem is fixed
};

} // namespace attnlab::ui
