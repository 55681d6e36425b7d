#include "ui/mechanism/ValueMap.h"

#include "ui/plots/ColorGradients.h"
#include "ui/plots/PlotTheme.h"

#include <qcustomplot.h>

#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>

namespace attnlab::ui {

ValueMap::ValueMap(const QString& title, QWidget* parent) : QWidget(parent) {
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("valueMapPlot"));
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, new QCPTextElement(m_plot, title)); // PlotTheme sets its font
    m_plot->plotLayout()->setRowStretchFactor(0, 0.01); // the title keeps its text's height
    m_plot->axisRect()->setMinimumSize(10, 8);          // a strip of one row is a few pixels high
    m_plot->axisRect()->setAutoMargins(QCP::msLeft | QCP::msTop);
    m_plot->axisRect()->setMargins(QMargins(0, 0, 8, 4));
    m_plot->xAxis->setVisible(false);
    m_plot->yAxis->setRangeReversed(true); // row 0 at the top
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText));
    m_plot->yAxis->grid()->setVisible(false);
    PlotTheme::setFontScale(*m_plot->yAxis, 0.9); // the row labels a little smaller than the title
    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setGradient(divergingGradient());
    m_map->setInterpolate(false);
    m_plot->setMouseTracking(true);
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        const QString tip = toolTipAt(event->position());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(event->globalPosition().toPoint(), tip, m_plot);
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    PlotTheme::follow(*m_plot, [this] { labelRows(); }); // a larger font labels fewer rows
}

void ValueMap::setValues(const Matrix<float>& values, const QStringList& rowLabels) {
    m_values = values;
    m_rowLabels = rowLabels;
    redraw();
}

void ValueMap::setLimit(double limit) {
    m_limit = limit;
    redraw();
}

double ValueMap::value(int row, int column) const {
    if (row < 0 || column < 0 || row >= rowCount() || column >= columnCount()) return std::nan("");
    return m_map->data()->cell(columnCount() == 1 ? 0 : column, rowCount() == 1 ? 0 : row);
}

QString ValueMap::toolTipAt(QPointF pixel) const {
    if (rowCount() == 0 || !m_plot->axisRect()->rect().contains(pixel.toPoint())) return QString();
    const int column = static_cast<int>(std::floor(m_plot->xAxis->pixelToCoord(pixel.x()) + 0.5));
    const int row = static_cast<int>(std::floor(m_plot->yAxis->pixelToCoord(pixel.y()) + 0.5));
    if (row < 0 || column < 0 || row >= rowCount() || column >= columnCount()) return QString();
    const QString label = row < m_rowLabels.size() ? m_rowLabels[row] : QString::number(row + 1);
    return tr("%1, unit %2 of %3: %4")
        .arg(label)
        .arg(column + 1)
        .arg(columnCount())
        .arg(m_values(row, column), 0, 'f', 4);
}

void ValueMap::redraw() {
    const int rows = rowCount(), columns = columnCount();
    // QCPColorMap places cell centres from the first to the last coordinate of its range; a single
    // row (or column) would have an empty range, so it is stored twice, a quarter above and below.
    const int storedRows = std::max(rows, 1) == 1 ? 2 : rows;
    const int storedColumns = std::max(columns, 1) == 1 ? 2 : columns;
    m_map->data()->setSize(storedColumns, storedRows);
    m_map->data()->setRange(storedColumns == columns ? QCPRange(0, columns - 1) : QCPRange(-0.25, 0.25),
                            storedRows == rows ? QCPRange(0, rows - 1) : QCPRange(-0.25, 0.25));
    m_map->data()->fill(0.0);
    for (int r = 0; r < storedRows; ++r)
        for (int c = 0; c < storedColumns; ++c)
            if (rows > 0 && columns > 0)
                m_map->data()->setCell(c, r, m_values(std::min(r, rows - 1), std::min(c, columns - 1)));
    const double largest = rows > 0 ? static_cast<double>(m_values.cwiseAbs().maxCoeff()) : 1.0;
    const double shown = m_limit > 0 ? m_limit : (largest > 0 ? largest : 1.0);
    m_map->setDataRange(QCPRange(-shown, shown));
    m_plot->xAxis->setRange(-0.5, std::max(columns, 1) - 0.5);
    m_plot->yAxis->setRange(-0.5, std::max(rows, 1) - 0.5);
    labelRows();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

// Every row labelled while the rows are as tall as a line of the labels' font; else every k-th.
void ValueMap::labelRows() {
    auto ticker = qSharedPointerCast<QCPAxisTickerText>(m_plot->yAxis->ticker());
    ticker->clear();
    const int rows = rowCount();
    if (rows == 0) return;
    const double rowPixels = std::max(1, m_plot->axisRect()->height()) / double(rows);
    const double linePixels = QFontMetricsF(m_plot->yAxis->tickLabelFont()).height();
    const int every = std::max(1, static_cast<int>(std::ceil(linePixels / rowPixels)));
    for (int r = 0; r < rows; r += every)
        ticker->addTick(r, r < m_rowLabels.size() ? m_rowLabels[r] : QString());
}

void ValueMap::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    labelRows();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace attnlab::ui
