#include "ui/panels/SettingsSpinBox.h"

#include <algorithm>

namespace attnlab::ui {

namespace {
// How far a typed number may go outside the allowed range and still be kept, to be shown as wrong.
constexpr int kTypedLimit = 999999999;
} // namespace

void SettingsSpinBox::setAllowedRange(int minimum, int maximum) {
    m_allowedMin = minimum;
    m_allowedMax = maximum;
    // A special value text ("no limit") is shown at the box's minimum, so that minimum must stay.
    setRange(specialValueText().isEmpty() ? std::min(-kTypedLimit, minimum) : minimum,
             std::max(kTypedLimit, maximum));
}

QString SettingsSpinBox::allowedRangeText() const {
    return tr("%1 to %2").arg(m_allowedMin).arg(m_allowedMax);
}

void SettingsSpinBox::stepBy(int steps) {
    // From a value outside the range, an arrow leads back to its nearest end.
    const long long next = static_cast<long long>(value()) + static_cast<long long>(steps) * singleStep();
    setValue(static_cast<int>(std::clamp<long long>(next, m_allowedMin, m_allowedMax)));
}

QAbstractSpinBox::StepEnabled SettingsSpinBox::stepEnabled() const {
    if (isReadOnly()) return StepNone;
    StepEnabled enabled = StepNone;
    if (value() < m_allowedMax) enabled |= StepUpEnabled;
    if (value() > m_allowedMin) enabled |= StepDownEnabled;
    return enabled;
}

} // namespace attnlab::ui
