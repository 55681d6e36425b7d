#include "ui/forecast/ForecastSettingsRow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

namespace attnlab::ui {
namespace {

QSpinBox* spinBox(QWidget* parent, const char* name, int minimum, int maximum, int value) {
    auto* box = new QSpinBox(parent);
    box->setObjectName(QString::fromLatin1(name));
    box->setRange(minimum, maximum);
    box->setValue(value);
    return box;
}

} // namespace

ForecastSettingsRow::ForecastSettingsRow(QWidget* parent) : QWidget(parent) {
    const ForecastRunSpec defaults = defaultForecastSpec();
    m_scorer = new QComboBox(this);
    m_scorer->setObjectName(QStringLiteral("forecastScorer"));
    for (ScorerKind kind : allScorers())
        m_scorer->addItem(QString::fromStdString(scorerName(kind)), static_cast<int>(kind));
    m_scorer->setCurrentIndex(m_scorer->findData(static_cast<int>(defaults.config.scorer)));
    // The limits keep a run one a person waits for: a window of 512 past steps is already slow.
    m_window = spinBox(this, "forecastWindow", 2, 512, defaults.windows.past);
    m_horizon = spinBox(this, "forecastHorizon", 1, 256, defaults.forecast.horizon);
    m_epochs = spinBox(this, "forecastEpochs", 1, 1000, defaults.training.epochs);
    m_gaussian = new QCheckBox(tr("Gaussian (predict a variance)"), this);
    m_gaussian->setObjectName(QStringLiteral("forecastGaussian"));
    m_gaussian->setChecked(defaults.forecast.gaussian);
    m_gaussian->setToolTip(tr("Also predict σ² and train on the Gaussian negative log-likelihood; "
                              "the forecast then shows its 95% interval"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const auto labelled = [&](const QString& text, QWidget* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        layout->addWidget(label);
        layout->addWidget(field);
    };
    labelled(tr("&Scorer"), m_scorer);
    labelled(tr("&Window"), m_window);
    labelled(tr("&Horizon"), m_horizon);
    labelled(tr("&Epochs"), m_epochs);
    layout->addWidget(m_gaussian);
    layout->addStretch(1);
}

ScorerKind ForecastSettingsRow::scorer() const {
    return static_cast<ScorerKind>(m_scorer->currentData().toInt());
}

void ForecastSettingsRow::apply(const ForecastModelBundle& bundle) {
    m_scorer->setCurrentIndex(m_scorer->findData(static_cast<int>(bundle.config.scorer)));
    m_window->setValue(bundle.window);
    m_horizon->setValue(bundle.forecast.horizon);
    m_epochs->setValue(bundle.training.epochs);
    m_gaussian->setChecked(bundle.forecast.gaussian);
}

ForecastRunSpec ForecastSettingsRow::spec() const {
    return spec(scorer());
}

ForecastRunSpec ForecastSettingsRow::spec(ScorerKind scorer) const {
    ForecastRunSpec spec = defaultForecastSpec();
    spec.name = scorerName(scorer);
    spec.config.scorer = scorer;
    spec.windows.past = m_window->value();
    spec.windows.horizon = m_horizon->value();
    spec.forecast.horizon = m_horizon->value();
    spec.forecast.gaussian = m_gaussian->isChecked();
    spec.training.epochs = m_epochs->value();
    spec.training.threads = 1; // as the CLI: one run's batches are too small to share
    return spec;
}

} // namespace attnlab::ui
