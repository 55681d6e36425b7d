#pragma once
// A QDoubleSpinBox for hyperparameters: it shows the shortest exact form of its value ("0.001",
// "5", "1e-5" rather than "0.00100") and accepts what people type on a command line, scientific
// notation included ("3e-4"). Always '.' as the decimal point, as attnlab-cli writes numbers.
#include <QDoubleSpinBox>

namespace attnlab::ui {

class SettingsDoubleSpinBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    explicit SettingsDoubleSpinBox(QWidget* parent = nullptr);

    // The text shown for a value: %g with 6 significant digits, exponent without padding zeros.
    static QString shortestText(double value);

    QString textFromValue(double value) const override;
    double valueFromText(const QString& text) const override;
    QValidator::State validate(QString& text, int& pos) const override;
    void fixup(QString& text) const override;
};

} // namespace attnlab::ui
