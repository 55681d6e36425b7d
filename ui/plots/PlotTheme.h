#pragma once
// Plots that follow the window's palette and font. Every QCustomPlot of the window takes its
// background, axes, grid, tick labels, legend and titles from its own palette (the Base colour
// under the data, Text for writing, mixes of the two for axes, grid and hints) and its text sizes
// from its own font, and takes them again when the palette or the font changes (View > Theme, the
// system's dark mode, a larger system font). Series colours stay the plots' own; seriesColour() only moves
// one that would vanish into the background (Okabe–Ito black on a dark theme).
//
// Sizes are kept relative: mark an element with setFontScale() (0.9 = a tenth smaller than the
// plot's font) and every re-theme derives its font from the plot's current one.
#include <QColor>
#include <QFont>
#include <QPalette>

#include <functional>

class QCustomPlot;
class QObject;

namespace attnlab::ui::PlotTheme {

// A palette is dark when its window colour is (the system's dark mode, View > Theme > Dark).
bool isDark(const QPalette& palette);

// The plot's colours for a palette.
QColor background(const QPalette& palette); // under the data: Base
QColor text(const QPalette& palette);       // tick labels, axis labels, titles, legend
QColor mutedText(const QPalette& palette);  // hints and empty states: between Text and Base
QColor axisLine(const QPalette& palette);   // axis lines and ticks
QColor gridLine(const QPalette& palette);   // the major grid, faint on either background

// WCAG contrast ratio of two colours (1 to 21).
double contrast(const QColor& a, const QColor& b);
// On a dark Base, `colour` lightened just enough to reach `minimum` contrast against it; unchanged
// when it already does, and always unchanged on a light Base (the look the colours were made for).
QColor seriesColour(const QColor& colour, const QPalette& palette, double minimum = 3.0);

// `base` with its size multiplied by `factor`, whether it was set in points or in pixels.
QFont scaledFont(const QFont& base, double factor);

// Marks a QCPAxis (its tick labels), QCPLegend, QCPTextElement or QCPItemText: its font is the
// plot's font times `factor`, bold or not, at every re-theme. Items (QCPItemText) are left alone
// unless marked with this or setMuted().
void setFontScale(QObject& element, double factor, bool bold = false);
// Marks a QCPTextElement or QCPItemText as a hint: written in mutedText() instead of text().
void setMuted(QObject& element, bool muted = true);

// Applies the plot's palette and font to everything on it now (does not replot).
void apply(QCustomPlot& plot);
// apply() now and on every later palette or font change of the plot, then `restyle` (the plot's
// own items: hover boxes, outlines, series that depend on the background), then a queued replot.
void follow(QCustomPlot& plot, std::function<void()> restyle = {});

} // namespace attnlab::ui::PlotTheme
