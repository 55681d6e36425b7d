#include "ui/panels/SettingsDoubleSpinBox.h"

#include <QRegularExpression>

namespace attnlab::ui {

namespace {
// Decimals only bound the rounding QDoubleSpinBox applies to every value; 12 keeps 1e-8 exact enough.
constexpr int kDecimals = 12;
// How far a typed number may go outside the allowed range and still be kept, to be shown as wrong.
constexpr double kTypedLimit = 1e12;

QString bare(const QString& text) {
    return text.trimmed();
}
} // namespace

SettingsDoubleSpinBox::SettingsDoubleSpinBox(QWidget* parent) : QDoubleSpinBox(parent) {
    setDecimals(kDecimals);
    setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
}

void SettingsDoubleSpinBox::setAllowedRange(double minimum, double maximum) {
    m_allowedMin = minimum;
    m_allowedMax = maximum;
    // A special value text ("off") is shown at the box's minimum, so that minimum must stay.
    setRange(specialValueText().isEmpty() ? -kTypedLimit : minimum, kTypedLimit);
}

QString SettingsDoubleSpinBox::allowedRangeText() const {
    return tr("%1 to %2").arg(shortestText(m_allowedMin), shortestText(m_allowedMax));
}

void SettingsDoubleSpinBox::stepBy(int steps) {
    QDoubleSpinBox::stepBy(steps);
    if (value() > m_allowedMax)
        setValue(m_allowedMax);
    else if (value() < m_allowedMin)
        setValue(m_allowedMin);
}

QAbstractSpinBox::StepEnabled SettingsDoubleSpinBox::stepEnabled() const {
    if (isReadOnly()) return StepNone;
    StepEnabled enabled = StepNone;
    if (value() < m_allowedMax) enabled |= StepUpEnabled;
    if (value() > m_allowedMin) enabled |= StepDownEnabled;
    return enabled;
}

QString SettingsDoubleSpinBox::shortestText(double value) {
    QString text = QString::number(value, 'g', 6);
    // "1e-05" -> "1e-5", "1e+06" -> "1e6"
    static const QRegularExpression exponent(QStringLiteral("e([+-])0*(\\d)"));
    text.replace(exponent, QStringLiteral("e\\1\\2"));
    text.replace(QStringLiteral("e+"), QStringLiteral("e"));
    return text;
}

QString SettingsDoubleSpinBox::textFromValue(double value) const {
    return shortestText(value);
}

double SettingsDoubleSpinBox::valueFromText(const QString& text) const {
    if (!specialValueText().isEmpty() && bare(text) == specialValueText()) return minimum();
    bool ok = false;
    const double value = bare(text).toDouble(&ok);
    return ok ? value : this->value();
}

QValidator::State SettingsDoubleSpinBox::validate(QString& text, int&) const {
    const QString t = bare(text);
    if (!specialValueText().isEmpty() && t == specialValueText()) return QValidator::Acceptable;
    bool ok = false;
    const double value = t.toDouble(&ok);
    if (ok)
        return value >= minimum() && value <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
    // What could still become a number: "", "-", "0.", "1e", "1e-".
    static const QRegularExpression partial(QStringLiteral("^[+-]?\\d*\\.?\\d*([eE][+-]?\\d*)?$"));
    return partial.match(t).hasMatch() ? QValidator::Intermediate : QValidator::Invalid;
}

void SettingsDoubleSpinBox::fixup(QString& text) const {
    text = shortestText(value());
}

} // namespace attnlab::ui
