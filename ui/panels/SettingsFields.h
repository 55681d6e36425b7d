#pragma once
// The widgets of the settings panel, built into its three group boxes (Model, Attention, Training)
// with object names, ranges and one-sentence tooltips. SettingsPanel reads and writes
// them; this only lays them out.
class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;
class QWidget;

namespace attnlab::ui {

class SettingsDoubleSpinBox;

struct SettingsFields {
    // Model
    QSpinBox* embedding = nullptr;
    QSpinBox* hidden = nullptr;
    QCheckBox* bidirectional = nullptr;
    QComboBox* decoder = nullptr; // item data: int(DecoderStyle)
    QCheckBox* inputFeeding = nullptr;
    QLabel* lockedNote = nullptr;
    // Attention
    QComboBox* scorer = nullptr;     // item data: int(ScorerKind)
    QLabel* scorerCaption = nullptr; // its form label, whose tooltip follows the choice
    QSpinBox* attentionDim = nullptr;
    // Training
    QComboBox* optimizer = nullptr; // item data: int(OptimizerKind)
    SettingsDoubleSpinBox* learningRate = nullptr;
    SettingsDoubleSpinBox* momentum = nullptr;
    QSpinBox* batch = nullptr;
    QSpinBox* epochs = nullptr;
    QSpinBox* maxSteps = nullptr;
    SettingsDoubleSpinBox* clip = nullptr;
    SettingsDoubleSpinBox* teacherForcing = nullptr;
    SettingsDoubleSpinBox* dropout = nullptr;
    SettingsDoubleSpinBox* validationFraction = nullptr;
    QSpinBox* seed = nullptr;
    QSpinBox* threads = nullptr;
    QCheckBox* earlyStopping = nullptr;
    QSpinBox* patience = nullptr;
    QCheckBox* decayOnPlateau = nullptr;
    SettingsDoubleSpinBox* decayFactor = nullptr;
    QSpinBox* decayPatience = nullptr;

    // Creates every field and returns a widget holding the three groups, one under the other.
    QWidget* build();

private:
    QWidget* buildModelGroup();
    QWidget* buildAttentionGroup();
    QWidget* buildTrainingGroup();
};

} // namespace attnlab::ui
