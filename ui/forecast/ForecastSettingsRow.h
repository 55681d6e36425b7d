#pragma once
// W window, K horizon.
// The Forecast tab's settings row (issue 15): scorer (the seven), window W, horizon K, epochs and
// the Gaussian head, starting at the shipped defaults (defaultForecastSpec()). spec() is the run
// those choices describe; every other setting stays the default, as `attnlab-cli train` leaves it.
#include "core/experiment/ForecastRun.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace attnlab::ui {

class ForecastSettingsRow : public QWidget {
    Q_OBJECT
public:
    explicit ForecastSettingsRow(QWidget* parent = nullptr);

    ScorerKind scorer() const;
    // The defaults with this row's choices, named by the scorer's name; scorer replaces the
    // chosen one (a comparison trains the others with the same settings).
    ForecastRunSpec spec() const;
    ForecastRunSpec spec(ScorerKind scorer) const;

    // Takes a trained model's scorer, window, horizon, epochs and head.
    void apply(const ForecastModelBundle& bundle);

    QComboBox& scorerBox() const { return *m_scorer; }
    QSpinBox& windowBox() const { return *m_window; }
    QSpinBox& horizonBox() const { return *m_horizon; }
    QSpinBox& epochsBox() const { return *m_epochs; }
    QCheckBox& gaussianBox() const { return *m_gaussian; }

private:
    QComboBox* m_scorer = nullptr;
    QSpinBox* m_window = nullptr;
    QSpinBox* m_horizon = nullptr;
    QSpinBox* m_epochs = nullptr;
    QCheckBox* m_gaussian = nullptr;
};

} // namespace attnlab::ui
