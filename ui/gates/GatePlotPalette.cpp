#include "ui/gates/GatePlotPalette.h"

#include <qcustomplot.h>

#include <QPalette>

namespace attnlab::ui {

void applyPlotPalette(QCustomPlot& plot, const QPalette& palette) {
    const QColor text = palette.color(QPalette::WindowText);
    QColor grid = palette.color(QPalette::Mid);
    plot.setBackground(palette.brush(QPalette::Window));
    for (QCPAxisRect* rect : plot.axisRects()) {
        rect->setBackground(palette.brush(QPalette::Base));
        for (QCPAxis* axis : rect->axes()) {
            axis->setBasePen(QPen(text));
            axis->setTickPen(QPen(text));
            axis->setSubTickPen(QPen(text));
            axis->setTickLabelColor(text);
            axis->setLabelColor(text);
            axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
        }
    }
    for (int i = 0; i < plot.plotLayout()->elementCount(); ++i)
        if (auto* title = qobject_cast<QCPTextElement*>(plot.plotLayout()->elementAt(i)))
            title->setTextColor(text);
    if (plot.legend) {
        plot.legend->setBrush(palette.brush(QPalette::Base));
        plot.legend->setTextColor(text);
        plot.legend->setBorderPen(QPen(grid));
    }
}

} // namespace attnlab::ui
