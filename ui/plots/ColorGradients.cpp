#include "ui/plots/ColorGradients.h"

#include <algorithm>

namespace attnlab::ui {

QCPColorGradient viridisGradient() {
    // Ten evenly spaced samples of matplotlib's 256-entry viridis table (van der Walt & Smith).
    // Linear RGB interpolation between samples this close stays within a few units of the table.
    static const QRgb stops[] = {0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e,
                                 0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725};
    constexpr int count = int(std::size(stops));
    QCPColorGradient gradient;
    gradient.clearColorStops();
    for (int i = 0; i < count; ++i) gradient.setColorStopAt(double(i) / (count - 1), QColor(stops[i]));
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setLevelCount(256);
    gradient.setNanHandling(QCPColorGradient::nhNanColor);
    gradient.setNanColor(QColor(0xd0, 0xd0, 0xd0));
    return gradient;
}

QColor viridisColor(double value) {
    static QCPColorGradient gradient = viridisGradient();
    return QColor::fromRgb(gradient.color(std::clamp(value, 0.0, 1.0), QCPRange(0.0, 1.0)));
}

} // namespace attnlab::ui
