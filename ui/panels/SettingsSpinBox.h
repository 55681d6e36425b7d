#pragma once
// A QSpinBox for whole-number hyperparameters that keeps whatever number is typed: "5000" in a
// field allowed 1 to 4096 stays "5000" (QSpinBox would drop the last keystroke, so it became
// "500"); isInAllowedRange() says whether it may be used, and the panel tints it and names the
// range. The arrows stay inside the allowed range. The whole-number twin of SettingsDoubleSpinBox.
#include <QSpinBox>

namespace attnlab::ui {

class SettingsSpinBox : public QSpinBox {
    Q_OBJECT
public:
    explicit SettingsSpinBox(QWidget* parent = nullptr) : QSpinBox(parent) {}

    // Set any special value text first: it stands for the minimum, so the box cannot go below it.
    void setAllowedRange(int minimum, int maximum);
    bool isInAllowedRange() const { return value() >= m_allowedMin && value() <= m_allowedMax; }
    QString allowedRangeText() const; // "1 to 4096"

    void stepBy(int steps) override;
    StepEnabled stepEnabled() const override; // public: tests and the panel ask it

private:
    int m_allowedMin = 0;
    int m_allowedMax = 99; // QSpinBox's own default range until setAllowedRange
};

} // namespace attnlab::ui
