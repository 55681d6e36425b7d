#include "ui/plots/ScrolledPage.h"

#include <QScrollArea>
#include <QVBoxLayout>

namespace attnlab::ui {

ScrolledPage makeScrolledPage(QWidget* view, const QString& pageName) {
    ScrolledPage out;
    out.scroll = new QScrollArea(view);
    out.scroll->setFrameShape(QFrame::NoFrame);
    out.scroll->setWidgetResizable(true);
    // Text wraps and plots fit any width: only the height scrolls.
    out.scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* outer = new QVBoxLayout(view);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(out.scroll);

    out.page = new QWidget;
    out.page->setObjectName(pageName);
    out.page->setAutoFillBackground(true); // an export draws the page alone: give it the window colour
    // The layout before setWidget, as QScrollArea asks; the caller adds the page's widgets after.
    out.layout = new QVBoxLayout(out.page);
    out.scroll->setWidget(out.page);
    return out;
}

} // namespace attnlab::ui
