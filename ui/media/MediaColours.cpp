#include "ui/media/MediaColours.h"

namespace attnlab::ui {

QCPColorGradient spectrogramGradient() {
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0.0, QColor(0xf6, 0xf6, 0xf6));
    gradient.setColorStopAt(1.0, QColor(0x10, 0x10, 0x10));
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setLevelCount(256);
    gradient.setNanHandling(QCPColorGradient::nhNanColor);
    gradient.setNanColor(QColor(0xd0, 0xb0, 0xb0)); // a tint of red: not a level of the grey scale
    return gradient;
}

} // namespace attnlab::ui
