#include "ui/panels/SettingsPanel.h"

#include "ui/panels/SettingsDoubleSpinBox.h"
#include "ui/panels/SettingsScorers.h"
#include "ui/panels/SettingsWidgets.h"
#include "ui/theme/ThemedTextColour.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <stdexcept>

namespace attnlab::ui {

namespace {
// Vocabulary sizes come from the data; validation only needs them to be plausible.
constexpr int kPlaceholderVocabulary = 16;

template <class Enum> Enum currentEnum(const QComboBox* combo) {
    return static_cast<Enum>(combo->currentData().toInt());
}

template <class Enum> void selectEnum(QComboBox* combo, Enum value) {
    combo->setCurrentIndex(std::max(0, combo->findData(static_cast<int>(value))));
}

int clampToInt(long long value) {
    return static_cast<int>(std::clamp<long long>(value, 0, INT_MAX));
}
} // namespace

SettingsPanel::SettingsPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("SettingsPanel"));
    // The form is taller than a small window; it scrolls instead of squeezing the fields.
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("settingsScroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(m_f.build());

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("problemLabel"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    keepTextColour(*m_problemLabel, QColor(0xb3, 0x26, 0x1e)); // a red that reads on either theme
    m_problemLabel->hide();

    m_defaultsButton = new QPushButton(tr("Restore defaults"), this);
    m_defaultsButton->setObjectName(QStringLiteral("defaultsButton"));
    m_defaultsButton->setToolTip(tr("Put every setting back to the values that train a good model on the "
                                    "shipped datasets."));
    connect(m_defaultsButton, &QPushButton::clicked, this, &SettingsPanel::restoreDefaults);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_problemLabel);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_defaultsButton);
    layout->addLayout(buttons);

    buildFieldRules();
    setFromModel(ModelConfig{}, TrainingSettings{});
    connectFields();
}

void SettingsPanel::buildFieldRules() {
    // Fragments of core's messages (ModelConfig::validate, TrainingSettings::validate) and the field
    // each is about: "a bidirectional encoder needs an even hidden size" is the hidden size's fault.
    // A message no fragment matches (e.g. about the location kernel, which the panel does not show)
    // is shown as it is, with no field tinted.
    m_rules = {
        {"embedding size", m_f.embedding, tr("Embedding size")},
        {"hidden size", m_f.hidden, tr("Hidden size")},
        {"attention size", m_f.attentionDim, tr("Attention size")},
        {"learning rate", m_f.learningRate, tr("Learning rate")},
        {"momentum", m_f.momentum, tr("Momentum")},
        {"clipping norm", m_f.clip, tr("Gradient clipping")},
        {"teacher forcing", m_f.teacherForcing, tr("Teacher forcing")},
        {"dropout", m_f.dropout, tr("Dropout")},
        {"batch size", m_f.batch, tr("Batch size")},
        {"epoch or a positive number of steps", m_f.epochs, tr("Epochs")},
        {"step budget", m_f.maxSteps, tr("Step limit")},
        {"threads", m_f.threads, tr("Threads")},
        {"seed", m_f.seed, tr("Seed")},
        {"validation fraction", m_f.validationFraction, tr("Validation share")},
        {"early-stopping patience", m_f.patience, tr("Early stopping")},
        {"decay factor", m_f.decayFactor, tr("Learning-rate decay")},
        {"decay patience", m_f.decayPatience, tr("Learning-rate decay")},
    };
}

void SettingsPanel::connectFields() {
    for (auto* spin : findChildren<QAbstractSpinBox*>()) {
        if (auto* i = qobject_cast<QSpinBox*>(spin))
            connect(i, &QSpinBox::valueChanged, this, &SettingsPanel::onFieldChanged);
        else if (auto* d = qobject_cast<QDoubleSpinBox*>(spin))
            connect(d, &QDoubleSpinBox::valueChanged, this, &SettingsPanel::onFieldChanged);
    }
    for (auto* combo : findChildren<QComboBox*>())
        connect(combo, &QComboBox::currentIndexChanged, this, &SettingsPanel::onFieldChanged);
    for (auto* check : findChildren<QCheckBox*>())
        connect(check, &QCheckBox::toggled, this, &SettingsPanel::onFieldChanged);
}

ModelConfig SettingsPanel::modelConfig() const {
    ModelConfig c = m_baseConfig;
    c.sourceVocabulary = 0;
    c.targetVocabulary = 0;
    c.embedding = m_f.embedding->value();
    c.hidden = m_f.hidden->value();
    c.bidirectional = m_f.bidirectional->isChecked();
    c.decoder = currentEnum<DecoderStyle>(m_f.decoder);
    c.inputFeeding = m_f.inputFeeding->isChecked();
    c.scorer = currentEnum<ScorerKind>(m_f.scorer);
    c.attentionDim = m_f.attentionDim->value();
    return c;
}

TrainingSettings SettingsPanel::trainingSettings() const {
    TrainingSettings s = m_baseSettings;
    s.optimizer = currentEnum<OptimizerKind>(m_f.optimizer);
    s.learningRate = m_f.learningRate->value();
    s.momentum = m_f.momentum->value();
    s.batchSize = m_f.batch->value();
    s.epochs = m_f.epochs->value();
    s.maxSteps = m_f.maxSteps->value();
    s.clipNorm = m_f.clip->value();
    s.teacherForcing = m_f.teacherForcing->value();
    s.dropout = m_f.dropout->value();
    s.validationFraction = m_f.validationFraction->value();
    s.seed = static_cast<std::uint64_t>(m_f.seed->value());
    s.threads = m_f.threads->value();
    s.earlyStopping = m_f.earlyStopping->isChecked();
    s.patience = m_f.patience->value();
    s.decayOnPlateau = m_f.decayOnPlateau->isChecked();
    s.decayFactor = m_f.decayFactor->value();
    s.decayPatience = m_f.decayPatience->value();
    return s;
}

PrepareOptions SettingsPanel::prepareOptions() const {
    PrepareOptions options;
    options.validationFraction = m_f.validationFraction->value();
    options.testFraction = 0.0; // as attnlab-cli train: the same seed gives the CLI's split
    return options;
}

QString SettingsPanel::recommend(const RecommendedSettings& next) {
    ModelConfig config = modelConfig();
    TrainingSettings settings = trainingSettings();
    const ModelConfig defaultConfig;
    const TrainingSettings defaults;
    const RecommendedSettings& last = m_recommended;
    if (last.bidirectional && config.bidirectional == *last.bidirectional && !m_locked)
        config.bidirectional = defaultConfig.bidirectional;
    if (last.batchSize && settings.batchSize == *last.batchSize) settings.batchSize = defaults.batchSize;
    if (last.epochs && settings.epochs == *last.epochs) settings.epochs = defaults.epochs;
    if (last.learningRate && settings.learningRate == *last.learningRate)
        settings.learningRate = defaults.learningRate;
    if (last.locationKernel && config.locationKernel == *last.locationKernel && !m_locked)
        config.locationKernel = defaultConfig.locationKernel;
    if (last.scorer && config.scorer == *last.scorer && !m_locked) config.scorer = defaultConfig.scorer;
    QStringList said;
    if (next.bidirectional && !m_locked) {
        config.bidirectional = *next.bidirectional;
        said << (*next.bidirectional ? tr("bidirectional") : tr("unidirectional"));
    }
    if (next.batchSize) {
        settings.batchSize = *next.batchSize;
        said << tr("batch %1").arg(*next.batchSize);
    }
    if (next.epochs) {
        settings.epochs = *next.epochs;
        said << tr("%1 epochs").arg(*next.epochs);
    }
    if (next.learningRate) {
        settings.learningRate = *next.learningRate;
        said << tr("learning rate %1").arg(*next.learningRate);
    }
    if (next.locationKernel && !m_locked) { // no field of its own: the model's location_aware kernel
        config.locationKernel = *next.locationKernel;
        said << tr("a location kernel of %1 keys").arg(*next.locationKernel);
    }
    if (next.scorer && !m_locked) {
        config.scorer = *next.scorer;
        said << tr("the %1 scorer").arg(QString::fromStdString(scorerName(*next.scorer)));
    }
    m_recommended = next;
    setFromModel(config, settings);
    return said.join(QStringLiteral(", "));
}

void SettingsPanel::setFromModel(const ModelConfig& config, const TrainingSettings& settings) {
    m_updating = true;
    m_baseConfig = config;
    m_baseSettings = settings;
    m_f.embedding->setValue(config.embedding);
    m_f.hidden->setValue(config.hidden);
    m_f.bidirectional->setChecked(config.bidirectional);
    selectEnum(m_f.decoder, config.decoder);
    m_f.inputFeeding->setChecked(config.inputFeeding);
    selectEnum(m_f.scorer, config.scorer);
    m_f.attentionDim->setValue(config.attentionDim);

    selectEnum(m_f.optimizer, settings.optimizer);
    m_f.learningRate->setValue(settings.learningRate);
    m_f.momentum->setValue(settings.momentum);
    m_f.batch->setValue(settings.batchSize);
    m_f.epochs->setValue(settings.epochs);
    m_f.maxSteps->setValue(clampToInt(settings.maxSteps));
    m_f.clip->setValue(settings.clipNorm);
    m_f.teacherForcing->setValue(settings.teacherForcing);
    m_f.dropout->setValue(settings.dropout);
    m_f.validationFraction->setValue(settings.validationFraction);
    m_f.seed->setValue(clampToInt(static_cast<long long>(std::min<std::uint64_t>(settings.seed, INT_MAX))));
    m_f.threads->setValue(settings.threads);
    m_f.earlyStopping->setChecked(settings.earlyStopping);
    m_f.patience->setValue(settings.patience);
    m_f.decayOnPlateau->setChecked(settings.decayOnPlateau);
    m_f.decayFactor->setValue(settings.decayFactor);
    m_f.decayPatience->setValue(settings.decayPatience);
    m_updating = false;
    onFieldChanged();
}

void SettingsPanel::restoreDefaults() {
    setFromModel(m_locked ? modelConfig() : ModelConfig{}, TrainingSettings{});
}

bool SettingsPanel::validate(QString* message) const {
    // A number typed outside its field's range is kept as typed; it is refused here, by name.
    // A greyed-out field (momentum under Adam) does not take part in the run.
    for (const FieldRule& rule : m_rules) {
        QString value, range;
        if (!isOutOfRange(rule.field, &value, &range)) continue;
        const QString text = tr("%1: %2 is outside the allowed range, %3").arg(rule.label, value, range);
        showProblem(text, rule.field);
        if (message) *message = text;
        return false;
    }
    ModelConfig config = modelConfig();
    config.sourceVocabulary = kPlaceholderVocabulary;
    config.targetVocabulary = kPlaceholderVocabulary;
    try {
        config.validate();
        trainingSettings().validate();
    } catch (const std::invalid_argument& e) {
        const QString reason = QString::fromUtf8(e.what());
        const auto rule = std::find_if(m_rules.begin(), m_rules.end(), [&](const FieldRule& r) {
            return reason.contains(QLatin1String(r.fragment));
        });
        const QString text = rule == m_rules.end() ? reason : rule->label + QStringLiteral(": ") + reason;
        showProblem(text, rule == m_rules.end() ? nullptr : rule->field);
        if (message) *message = text;
        return false;
    }
    showProblem({}, nullptr);
    if (message) message->clear();
    return true;
}

void SettingsPanel::showProblem(const QString& message, QWidget* field) const {
    for (const FieldRule& rule : m_rules) markInvalid(rule.field, rule.field == field);
    m_problemLabel->setText(message);
    m_problemLabel->setVisible(!message.isEmpty());
    m_problemShown = !message.isEmpty();
}

void SettingsPanel::setLocked(bool locked) {
    m_locked = locked;
    m_f.lockedNote->setVisible(locked);
    updateEnabled();
}

void SettingsPanel::onFieldChanged() {
    if (m_updating) return;
    updateEnabled();
    updateScorerToolTip();
    if (m_problemShown || hasOutOfRangeField()) validate();
    Q_EMIT changed();
}

bool SettingsPanel::hasOutOfRangeField() const {
    return std::any_of(m_rules.begin(), m_rules.end(),
                       [](const FieldRule& rule) { return isOutOfRange(rule.field); });
}

void SettingsPanel::updateEnabled() {
    const bool open = !m_locked;
    for (QWidget* w : {static_cast<QWidget*>(m_f.embedding), static_cast<QWidget*>(m_f.hidden),
                       static_cast<QWidget*>(m_f.bidirectional), static_cast<QWidget*>(m_f.decoder),
                       static_cast<QWidget*>(m_f.scorer)})
        w->setEnabled(open);
    m_f.inputFeeding->setEnabled(open && currentEnum<DecoderStyle>(m_f.decoder) == DecoderStyle::Luong);
    m_f.attentionDim->setEnabled(open && scorerUsesAttentionSize(currentEnum<ScorerKind>(m_f.scorer)));
    m_f.momentum->setEnabled(currentEnum<OptimizerKind>(m_f.optimizer) == OptimizerKind::Sgd);
    m_f.patience->setEnabled(m_f.earlyStopping->isChecked());
    m_f.decayFactor->setEnabled(m_f.decayOnPlateau->isChecked());
    m_f.decayPatience->setEnabled(m_f.decayOnPlateau->isChecked());
}

void SettingsPanel::updateScorerToolTip() {
    // The closed combo box explains the chosen scorer; the open list explains each item.
    const QString tip = tr("How the decoder scores each source position before the softmax. Now: %1")
                            .arg(scorerToolTip(currentEnum<ScorerKind>(m_f.scorer)));
    m_f.scorer->setToolTip(tip);
    m_f.scorerCaption->setToolTip(tip);
}

} // namespace attnlab::ui
