#pragma once
// The Gates tab's plots take their background, axes and text from the widget's palette, so they
// read on a dark theme as on a light one (QCustomPlot paints white and black unless told).
class QCustomPlot;
class QPalette;

namespace attnlab::ui {

void applyPlotPalette(QCustomPlot& plot, const QPalette& palette);

} // namespace attnlab::ui
