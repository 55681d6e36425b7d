#include "ui/mechanism/SourceBars.h"

#include "ui/plots/PlotTheme.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace attnlab::ui {

namespace {
constexpr int kMostLabelledBars = 28; // more bars than this: too narrow for a number each
}

SourceBars::SourceBars(const QString& title, QColor positive, QColor negative, QWidget* parent)
    : QWidget(parent) {
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("sourceBarsPlot"));
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, new QCPTextElement(m_plot, title)); // PlotTheme sets its font
    m_plot->plotLayout()->setRowStretchFactor(0, 0.01); // the title keeps its text's height
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText));
    m_plot->xAxis->grid()->setVisible(false);
    PlotTheme::setFontScale(*m_plot->yAxis, 0.9); // the numbers smaller than the tokens
    auto makeBars = [this](QColor colour) {
        auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setWidth(0.7);
        bars->setPen(Qt::NoPen);
        bars->setBrush(colour);
        return bars;
    };
    m_positive = makeBars(positive);
    m_negative = makeBars(negative);
    m_outline = new QCPItemRect(m_plot);
    m_outline->setBrush(Qt::NoBrush);
    m_outline->setVisible(false);
    m_emptyText = new QCPItemText(m_plot);
    m_emptyText->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_emptyText->position->setCoords(0.5, 0.5);
    PlotTheme::setMuted(*m_emptyText);
    PlotTheme::setFontScale(*m_emptyText, 1.0);
    m_plot->setMouseTracking(true);
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        const int position = positionAt(event->position());
        if (position == m_hovered) return;
        m_hovered = position;
        Q_EMIT hovered(position);
    });
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        if (const int position = positionAt(event->position()); position >= 0) Q_EMIT clicked(position);
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    // The zero line and the outline in the theme's text colour; the bars' numbers are made again.
    PlotTheme::follow(*m_plot, [this] {
        const QColor ink = PlotTheme::text(m_plot->palette());
        m_plot->yAxis->grid()->setZeroLinePen(QPen(ink, 1.0));
        m_outline->setPen(QPen(ink, 2.0));
        redraw();
    });
}

void SourceBars::setValues(const Vector<float>& values, const QStringList& tokens, const QString& emptyText) {
    m_values.assign(values.data(), values.data() + values.size());
    m_tokens = tokens;
    m_emptyText->setText(emptyText);
    if (m_highlighted >= count()) m_highlighted = -1;
    redraw();
}

void SourceBars::setProbabilityAxis(bool probabilities) {
    m_probabilities = probabilities;
    redraw();
}

void SourceBars::highlight(int position) {
    m_highlighted = position >= 0 && position < count() ? position : -1;
    redraw();
}

double SourceBars::value(int position) const {
    return position >= 0 && position < count() ? m_values[static_cast<size_t>(position)] : std::nan("");
}

int SourceBars::positionAt(QPointF pixel) const {
    if (count() == 0 || !m_plot->axisRect()->rect().contains(pixel.toPoint())) return -1;
    const int position = static_cast<int>(std::floor(m_plot->xAxis->pixelToCoord(pixel.x()) + 0.5));
    return position >= 0 && position < count() ? position : -1;
}

QString SourceBars::barLabel(int position) const {
    for (QCPItemText* label : m_labels)
        if (label->position->key() == position) return label->text();
    return QString();
}

void SourceBars::redraw() {
    for (QCPItemText* label : m_labels) m_plot->removeItem(label);
    m_labels.clear();
    QVector<double> keys, above, below;
    auto ticker = qSharedPointerCast<QCPAxisTickerText>(m_plot->xAxis->ticker());
    ticker->clear();
    double low = 0, high = m_probabilities ? 1.0 : 0.0;
    for (int s = 0; s < count(); ++s) {
        const double v = m_values[static_cast<size_t>(s)];
        keys << s;
        above << (v >= 0 ? v : 0.0);
        below << (v < 0 ? v : 0.0);
        low = std::min(low, v);
        high = std::max(high, v);
        ticker->addTick(s, s < m_tokens.size() ? m_tokens[s] : QString());
    }
    m_positive->setData(keys, above, true);
    m_negative->setData(keys, below, true);
    const double span = std::max(high - low, 1e-6);
    const bool labelled = count() <= kMostLabelledBars;
    for (int s = 0; labelled && s < count(); ++s) {
        const double v = m_values[static_cast<size_t>(s)];
        if (m_probabilities && v < 0.005) continue; // "0.00" under every unattended token is noise
        auto* label = new QCPItemText(m_plot);
        label->setFont(PlotTheme::scaledFont(m_plot->font(), 0.9));
        label->setColor(PlotTheme::text(m_plot->palette()));
        label->setText(QString::number(v, 'f', m_probabilities ? 2 : 1));
        label->position->setCoords(s, v);
        label->setPositionAlignment(v >= 0 ? (Qt::AlignHCenter | Qt::AlignBottom)
                                           : (Qt::AlignHCenter | Qt::AlignTop));
        label->setClipToAxisRect(false);
        m_labels.push_back(label);
    }
    m_emptyText->setVisible(count() == 0 && !m_emptyText->text().isEmpty());
    m_plot->xAxis->setRange(-0.5, std::max(count(), 1) - 0.5);
    // Room above (and below) the bars for their numbers.
    m_plot->yAxis->setRange(low < 0 ? low - 0.18 * span : 0.0, high + 0.18 * span);
    m_outline->setVisible(m_highlighted >= 0);
    if (m_highlighted >= 0) {
        const double v = m_values[static_cast<size_t>(m_highlighted)];
        m_outline->topLeft->setCoords(m_highlighted - 0.45, std::max(v, 0.0));
        m_outline->bottomRight->setCoords(m_highlighted + 0.45, std::min(v, 0.0));
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace attnlab::ui
