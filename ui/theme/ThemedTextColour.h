#pragma once
// A label's text in a signal colour (an error's red) that stays readable on either theme: the
// colour as given on a light window, lightened just enough on a dark one (PlotTheme::seriesColour
// against the window colour, 4.5:1), and again whenever the theme changes. Only the text roles are
// set, so everything else about the widget keeps following the theme.
class QColor;
class QWidget;

namespace attnlab::ui {

void keepTextColour(QWidget& widget, const QColor& colour);
void clearTextColour(QWidget& widget); // back to the theme's own text colour

} // namespace attnlab::ui
