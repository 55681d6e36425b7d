#pragma once
// Colour gradients for the plots. QCustomPlot 2.1 ships no perceptually uniform gradient, and its
// presets (jet, spectrum) band and mislead: a weight of 0.6 must look "a bit more" than 0.5, not a
// different hue. Viridis is built here from its published colour stops.
#include <qcustomplot.h>

#include <QColor>

namespace attnlab::ui {

// Matplotlib's viridis: dark violet (0) through teal to yellow (1); lightness rises monotonically
// and it survives the common colour-vision deficiencies and greyscale printing.
QCPColorGradient viridisGradient();

// The colour the gradient gives a value in [0, 1] (clamped), as QCPColorMap would draw it.
QColor viridisColor(double value);

// The colour maps a person can choose for the attention heatmaps (View > Heatmap Colours).
enum class HeatmapColours {
    Viridis,   // the default
    Cividis,   // viridis reworked to read the same with red–green colour blindness (Nuñez et al.)
    Greyscale, // black to white: for printing and for projectors that wash colours out
};
QCPColorGradient heatmapGradient(HeatmapColours colours);
QColor heatmapColor(HeatmapColours colours, double value);
QString heatmapColoursName(HeatmapColours colours); // "viridis", "cividis", "greyscale"

// The one diverging map, for signed values (an LSTM's cell state, the query and keys, raw scores):
// blue below zero, near white at zero, red above (ColorBrewer's RdBu ends, which stay apart for
// the common colour-vision deficiencies). Use it over a range symmetric about zero, so white is 0.
QCPColorGradient divergingGradient();
// The colour of value on [−limit, limit] (clamped; limit > 0), as QCPColorMap would draw it.
QColor divergingColor(double value, double limit);

} // namespace attnlab::ui
