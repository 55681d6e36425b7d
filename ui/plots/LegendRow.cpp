#include "ui/plots/LegendRow.h"

#include <qcustomplot.h>

namespace attnlab::ui {

void placeLegendInRow(QCustomPlot& plot, int row, int columns) {
    QCPLegend* legend = plot.legend;
    plot.axisRect()->insetLayout()->take(legend);
    plot.plotLayout()->insertRow(row);
    plot.plotLayout()->addElement(row, 0, legend);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setWrap(columns);
    legend->setBorderPen(Qt::NoPen);
    legend->setMargins(QMargins(4, 0, 4, 0));
    legend->setRowSpacing(0);
    plot.plotLayout()->setRowStretchFactor(row, 0.001); // as tall as its entries, no more
}

} // namespace attnlab::ui
