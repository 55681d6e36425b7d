#include "ui/theme/ThemedTextColour.h"

#include "ui/plots/PlotTheme.h"

#include <QEvent>
#include <QWidget>

namespace attnlab::ui {

namespace {

constexpr double kTextContrast = 4.5; // WCAG AA for body text

class TextColourKeeper : public QObject {
public:
    TextColourKeeper(QWidget& widget, const QColor& colour)
        : QObject(&widget), m_widget(widget), m_colour(colour) {
        setObjectName(QStringLiteral("themedTextColour"));
        widget.installEventFilter(this);
        apply();
    }

    void setColour(const QColor& colour) {
        m_colour = colour;
        apply();
    }

    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == &m_widget && event->type() == QEvent::PaletteChange) apply();
        return false;
    }

private:
    // Setting the palette sends another PaletteChange; it finds the colour already right and stops.
    void apply() {
        QPalette background = m_widget.palette();
        background.setColor(QPalette::Base, background.color(QPalette::Window)); // labels sit on the window
        const QColor readable = PlotTheme::seriesColour(m_colour, background, kTextContrast);
        if (m_widget.palette().color(QPalette::WindowText) == readable &&
            m_widget.palette().color(QPalette::Text) == readable)
            return;
        QPalette text; // only these two roles: the rest inherits
        text.setColor(QPalette::WindowText, readable);
        text.setColor(QPalette::Text, readable);
        m_widget.setPalette(text);
    }

    QWidget& m_widget;
    QColor m_colour;
};

TextColourKeeper* keeperOf(QWidget& widget) {
    return widget.findChild<TextColourKeeper*>(QStringLiteral("themedTextColour"),
                                               Qt::FindDirectChildrenOnly);
}

} // namespace

void keepTextColour(QWidget& widget, const QColor& colour) {
    if (TextColourKeeper* keeper = keeperOf(widget))
        keeper->setColour(colour);
    else
        new TextColourKeeper(widget, colour);
}

void clearTextColour(QWidget& widget) {
    delete keeperOf(widget);
    widget.setPalette(QPalette()); // inherit the theme's again
}

} // namespace attnlab::ui
