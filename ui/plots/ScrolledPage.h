#pragma once
// A view's whole content on one page inside a scroll area (the label and forecast views, issue 15),
// so a projector's large font scrolls instead of clipping, and an export draws the page alone.
#include <QString>

class QScrollArea;
class QVBoxLayout;
class QWidget;

namespace attnlab::ui {

struct ScrolledPage {
    QScrollArea* scroll = nullptr; // fills view, no frame, no horizontal scroll bar
    QWidget* page = nullptr;       // the scroll area's widget, named pageName
    QVBoxLayout* layout = nullptr; // the page's layout, empty: the caller fills it
};

// Lays out view as one scroll area whose widget is a new, empty page. The page resizes with the
// view's width (its contents wrap or shrink rather than scroll sideways) and paints the window
// colour, so that an export of the page alone is not transparent.
ScrolledPage makeScrolledPage(QWidget* view, const QString& pageName);

} // namespace attnlab::ui
