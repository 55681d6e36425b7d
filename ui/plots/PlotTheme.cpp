#include "ui/plots/PlotTheme.h"

#include <qcustomplot.h>

#include <QEvent>

#include <algorithm>
#include <cmath>

namespace attnlab::ui::PlotTheme {

namespace {

constexpr const char* kFontScale = "plotThemeFontScale";
constexpr const char* kBold = "plotThemeBold";
constexpr const char* kMuted = "plotThemeMuted";

// a at t = 0, b at t = 1.
QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

double relativeLuminance(const QColor& colour) {
    auto linear = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) +
           0.0722 * linear(colour.blueF());
}

// The pen's colour replaced, its width and dashes kept; an invisible pen stays invisible.
QPen recoloured(QPen pen, const QColor& colour) {
    if (pen.style() != Qt::NoPen) pen.setColor(colour);
    return pen;
}

QFont fontOf(const QObject& element, const QFont& plotFont, bool boldByDefault = false) {
    const QVariant scale = element.property(kFontScale);
    QFont font = scaledFont(plotFont, scale.isValid() ? scale.toDouble() : 1.0);
    const QVariant bold = element.property(kBold);
    font.setBold(bold.isValid() ? bold.toBool() : boldByDefault);
    return font;
}

QColor textOf(const QObject& element, const QPalette& palette) {
    return element.property(kMuted).toBool() ? mutedText(palette) : text(palette);
}

// Re-themes its plot when the plot's palette or font changes (including through the application's).
class Follower : public QObject {
public:
    Follower(QCustomPlot& plot, std::function<void()> restyle)
        : QObject(&plot), m_plot(plot), m_restyle(std::move(restyle)) {
        plot.installEventFilter(this);
        refresh();
    }

    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == &m_plot &&
            (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)) {
            refresh();
            m_plot.replot(QCustomPlot::rpQueuedReplot);
        }
        return false;
    }

private:
    void refresh() {
        apply(m_plot);
        if (m_restyle) m_restyle();
    }

    QCustomPlot& m_plot;
    std::function<void()> m_restyle;
};

} // namespace

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor background(const QPalette& palette) {
    return palette.color(QPalette::Base);
}

QColor text(const QPalette& palette) {
    return palette.color(QPalette::Text);
}

QColor mutedText(const QPalette& palette) {
    return mix(text(palette), background(palette), 0.42);
}

QColor axisLine(const QPalette& palette) {
    return mix(text(palette), background(palette), 0.2);
}

QColor gridLine(const QPalette& palette) {
    // QCustomPlot's own grid is (200, 200, 200) on white: 78% of the way from the text to the paper.
    return mix(text(palette), background(palette), isDark(palette) ? 0.7 : 0.78);
}

double contrast(const QColor& a, const QColor& b) {
    const double la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor seriesColour(const QColor& colour, const QPalette& palette, double minimum) {
    // The light theme is the look the colours were chosen for: they stay exactly as they are there.
    const QColor base = background(palette);
    if (relativeLuminance(base) >= 0.2) return colour;
    QColor adjusted = colour;
    for (int step = 1; step <= 20 && contrast(adjusted, base) < minimum; ++step)
        adjusted = mix(colour, QColor(Qt::white), step / 20.0);
    adjusted.setAlpha(colour.alpha());
    return adjusted;
}

QFont scaledFont(const QFont& base, double factor) {
    QFont font = base;
    if (base.pointSizeF() > 0)
        font.setPointSizeF(base.pointSizeF() * factor);
    else
        font.setPixelSize(std::max(1, int(std::lround(base.pixelSize() * factor))));
    return font;
}

void setFontScale(QObject& element, double factor, bool bold) {
    element.setProperty(kFontScale, factor);
    element.setProperty(kBold, bold);
}

void setMuted(QObject& element, bool muted) {
    element.setProperty(kMuted, muted);
}

void apply(QCustomPlot& plot) {
    const QPalette palette = plot.palette();
    const QFont font = plot.font();
    plot.setBackground(background(palette));
    for (QCPAxis* axis : plot.findChildren<QCPAxis*>()) {
        axis->setBasePen(recoloured(axis->basePen(), axisLine(palette)));
        axis->setTickPen(recoloured(axis->tickPen(), axisLine(palette)));
        axis->setSubTickPen(recoloured(axis->subTickPen(), axisLine(palette)));
        axis->setTickLabelColor(text(palette));
        axis->setLabelColor(text(palette));
        axis->setTickLabelFont(fontOf(*axis, font));
        axis->setLabelFont(font);
    }
    for (QCPGrid* grid : plot.findChildren<QCPGrid*>()) {
        grid->setPen(recoloured(grid->pen(), gridLine(palette)));
        grid->setSubGridPen(recoloured(grid->subGridPen(), mix(gridLine(palette), background(palette), 0.4)));
        grid->setZeroLinePen(recoloured(grid->zeroLinePen(), gridLine(palette)));
    }
    for (QCPLegend* legend : plot.findChildren<QCPLegend*>()) {
        legend->setTextColor(text(palette)); // and every entry's
        legend->setFont(fontOf(*legend, font));
        if (legend->brush().style() != Qt::NoBrush) legend->setBrush(background(palette));
        legend->setBorderPen(recoloured(legend->borderPen(), axisLine(palette)));
    }
    for (QCPTextElement* title : plot.findChildren<QCPTextElement*>()) {
        title->setTextColor(textOf(*title, palette));
        title->setFont(fontOf(*title, font, title->font().bold()));
    }
    for (QCPItemText* item : plot.findChildren<QCPItemText*>()) {
        if (item->property(kMuted).isValid()) item->setColor(textOf(*item, palette));
        if (item->property(kFontScale).isValid()) item->setFont(fontOf(*item, font));
    }
}

void follow(QCustomPlot& plot, std::function<void()> restyle) {
    new Follower(plot, std::move(restyle)); // owned by the plot
}

} // namespace attnlab::ui::PlotTheme
