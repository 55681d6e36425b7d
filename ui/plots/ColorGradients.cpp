#include "ui/plots/ColorGradients.h"

#include <algorithm>

namespace attnlab::ui {

namespace {
QCPColorGradient gradientThrough(std::initializer_list<QRgb> stops) {
    QCPColorGradient gradient;
    gradient.clearColorStops();
    const int count = static_cast<int>(stops.size());
    int i = 0;
    for (QRgb stop : stops) gradient.setColorStopAt(double(i++) / (count - 1), QColor(stop));
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setLevelCount(256);
    gradient.setNanHandling(QCPColorGradient::nhNanColor);
    gradient.setNanColor(QColor(0xd0, 0xd0, 0xd0));
    return gradient;
}
} // namespace

QCPColorGradient viridisGradient() {
    // Ten evenly spaced samples of matplotlib's 256-entry viridis table (van der Walt & Smith).
    // Linear RGB interpolation between samples this close stays within a few units of the table.
    return gradientThrough(
        {0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725});
}

QCPColorGradient heatmapGradient(HeatmapColours colours) {
    switch (colours) {
    case HeatmapColours::Viridis:
        break;
    case HeatmapColours::Cividis: // nine stops approximating matplotlib's cividis, #00224e to #fee838
        return gradientThrough(
            {0x00224e, 0x123570, 0x3b496c, 0x575d6d, 0x707173, 0x8a8779, 0xa69d75, 0xc4b56c, 0xfee838});
    case HeatmapColours::Greyscale:
        return gradientThrough({0x000000, 0xffffff});
    }
    return viridisGradient();
}

QColor heatmapColor(HeatmapColours colours, double value) {
    return QColor::fromRgb(heatmapGradient(colours).color(std::clamp(value, 0.0, 1.0), QCPRange(0.0, 1.0)));
}

QString heatmapColoursName(HeatmapColours colours) {
    switch (colours) {
    case HeatmapColours::Viridis:
        return QStringLiteral("viridis");
    case HeatmapColours::Cividis:
        return QStringLiteral("cividis");
    case HeatmapColours::Greyscale:
        return QStringLiteral("greyscale");
    }
    return QString();
}

QCPColorGradient divergingGradient() {
    // #2166ac, #f7f7f7, #b2182b: the ends and the centre of ColorBrewer's RdBu.
    return gradientThrough({0x2166ac, 0xf7f7f7, 0xb2182b});
}

QColor divergingColor(double value, double limit) {
    static QCPColorGradient gradient = divergingGradient();
    return QColor::fromRgb(gradient.color(std::clamp(value, -limit, limit), QCPRange(-limit, limit)));
}

QColor viridisColor(double value) {
    static QCPColorGradient gradient = viridisGradient();
    return QColor::fromRgb(gradient.color(std::clamp(value, 0.0, 1.0), QCPRange(0.0, 1.0)));
}

} // namespace attnlab::ui
