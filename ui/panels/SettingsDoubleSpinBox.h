#pragma once
// A QDoubleSpinBox for hyperparameters: it shows the shortest exact form of its value ("0.001",
// "5", "1e-5" rather than "0.00100") and accepts what people type on a command line, scientific
// notation included ("3e-4"). Always '.' as the decimal point, as attnlab-cli writes numbers.
//
// With an allowed range the box keeps whatever number is typed: "50" in a field allowed 0 to 10
// stays "50" (QDoubleSpinBox would drop the keystroke or put the last good value back, so "50"
// became "5"); isInAllowedRange() says whether it may be used, and the panel tints it and names
// the range. The arrows stay inside the allowed range.
#include <QDoubleSpinBox>

namespace attnlab::ui {

class SettingsDoubleSpinBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    explicit SettingsDoubleSpinBox(QWidget* parent = nullptr);

    // Set any special value text first: it stands for the minimum, so the box cannot go below it.
    void setAllowedRange(double minimum, double maximum);
    double allowedMinimum() const { return m_allowedMin; }
    double allowedMaximum() const { return m_allowedMax; }
    bool isInAllowedRange() const { return value() >= m_allowedMin && value() <= m_allowedMax; }
    // "0 to 10", "0.01 to 0.99"
    QString allowedRangeText() const;

    // The text shown for a value: %g with 6 significant digits, exponent without padding zeros.
    static QString shortestText(double value);

    QString textFromValue(double value) const override;
    double valueFromText(const QString& text) const override;
    QValidator::State validate(QString& text, int& pos) const override;
    void fixup(QString& text) const override;
    void stepBy(int steps) override;
    StepEnabled stepEnabled() const override; // public: tests and the panel ask it

private:
    double m_allowedMin = 0.0;
    double m_allowedMax = 99.99; // QDoubleSpinBox's own default range until setAllowedRange
};

} // namespace attnlab::ui
