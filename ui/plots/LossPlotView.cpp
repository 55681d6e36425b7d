// LossPlot's view: the ranges that follow the data as it arrives (until the person drags or
// zooms), and what hovering a point says. LossPlot.cpp builds the plot and takes the data.
#include "ui/plots/LossPlot.h"

#include "ui/plots/GraphHover.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace attnlab::ui {

namespace {

// QCPRange refuses bounds beyond 1e250 and log ranges whose ratio overflows; a fitted range stays
// well inside both, so a diverged loss widens the view as far as it can instead of freezing it.
constexpr double kRangeLimit = 1e200;
constexpr double kLogSpan = 1e100; // widest upper/lower ratio of a fitted log range
// Bounds of the visible data drawn in `rect`; on a log axis only the positive values count.
// `skip` (the divergence marks, which sit wherever the range puts them) does not count.
std::optional<QCPRange> dataBounds(QCPAxisRect* rect, bool keys, QCP::SignDomain domain,
                                   const QCPGraph* skip = nullptr) {
    std::optional<QCPRange> bounds;
    for (QCPGraph* graph : rect->graphs()) {
        if (graph == skip || !graph->visible() || graph->data()->isEmpty()) continue;
        bool found = false;
        const QCPRange range = keys ? graph->getKeyRange(found, domain) : graph->getValueRange(found, domain);
        if (!found) continue;
        if (bounds)
            bounds->expand(range);
        else
            bounds = range;
    }
    return bounds;
}

} // namespace

void LossPlot::onRangeChanged(int panel) {
    if (!m_fitting) m_follow[panel] = false; // the user dragged or zoomed: stop following
}

// Runs before each replot, so however many points arrived since the last frame, the ranges are
// fitted once.
void LossPlot::fitPanels() {
    m_fitting = true;
    if (m_follow[0]) {
        QCPAxis* x = m_lossRect->axis(QCPAxis::atBottom);
        QCPAxis* y = m_lossRect->axis(QCPAxis::atLeft);
        const bool logarithmic = y->scaleType() == QCPAxis::stLogarithmic;
        const auto keys = dataBounds(m_lossRect, true, QCP::sdBoth);
        const auto values =
            dataBounds(m_lossRect, false, logarithmic ? QCP::sdPositive : QCP::sdBoth, m_divergence);
        x->setRange(
            keys ? QCPRange(keys->lower, std::max(keys->upper, keys->lower + 1.0) + 0.02 * keys->size())
                 : QCPRange(0, 100));
        if (!values)
            y->setRange(logarithmic ? QCPRange(0.01, 10.0) : QCPRange(0.0, 1.0));
        else
            y->setRange(logarithmic ? fittedLogRange(*values) : fittedLinearRange(*values));
    }
    if (m_follow[1]) {
        const auto keys = dataBounds(m_accuracyRect, true, QCP::sdBoth);
        const auto values = dataBounds(m_accuracyRect, false, QCP::sdBoth);
        m_accuracyRect->axis(QCPAxis::atBottom)
            ->setRange(keys ? QCPRange(keys->lower - 0.5, std::max(keys->upper, keys->lower + 4.0) + 0.5)
                            : QCPRange(0.5, 10.5));
        // Exact match is a fraction: keep 0..1 in view (stretch if a caller reports percentages).
        const double top = values ? std::max(1.0, values->upper) : 1.0;
        m_accuracyRect->axis(QCPAxis::atLeft)->setRange(0.0, std::min(top, kRangeLimit) * 1.04);
    }
    m_fitting = false;
    // The marks follow the top edge of whatever range is shown, followed or chosen by the user.
    const double top = markerValue();
    for (auto it = m_divergence->data()->begin(); it != m_divergence->data()->end(); ++it) it->value = top;
    // A marker left on a point the new range moved far away would be drawn thousands of pixels
    // outside the widget; the next mouse move shows it again where it belongs.
    if (m_hover->isShown() &&
        !m_plot->viewport().contains(m_hover->tracer()->position->pixelPosition().toPoint()))
        m_hover->dismiss();
}

QCPRange LossPlot::fittedLogRange(const QCPRange& positive) {
    const double upper = std::clamp(positive.upper * 1.3, 1e-200, kRangeLimit);
    double lower = std::max(positive.lower / 1.3, upper / kLogSpan);
    if (!(lower < upper)) lower = upper / 10.0;
    return QCPRange(lower, upper);
}

QCPRange LossPlot::fittedLinearRange(const QCPRange& values) {
    const double lower = std::clamp(values.lower, -kRangeLimit, kRangeLimit);
    const double upper = std::clamp(values.upper, -kRangeLimit, kRangeLimit);
    const double pad = std::max(0.05 * (upper - lower), 1e-3);
    // A loss is not negative; if one arrives anyway the axis goes below zero to show it.
    return QCPRange(lower >= 0.0 ? std::max(0.0, lower - pad) : lower - pad, upper + pad);
}

QString LossPlot::describe(const GraphHover::Point& point) const {
    std::optional<LossSeries> series;
    auto identify = [&point, &series](const RunGraphs& graphs) {
        if (point.graph == graphs.training) series = LossSeries::TrainingLoss;
        if (point.graph == graphs.smoothed) series = LossSeries::SmoothedTrainingLoss;
        if (point.graph == graphs.validation) series = LossSeries::ValidationLoss;
        if (point.graph == graphs.exactMatch) series = LossSeries::ExactMatch;
        return series.has_value();
    };
    if (point.graph == m_divergence)
        return tr("loss not finite (diverged)\nstep %1").arg(std::llround(point.key));
    QString run; // empty for the current run, "label: " for a kept one
    if (!identify(m_current)) {
        for (size_t i = 0; i < m_previous.size(); ++i) {
            if (!identify(m_previous[i])) continue;
            run = m_history.previous()[i].label + QStringLiteral(": ");
            break;
        }
    }
    static const char* const names[] = {QT_TR_NOOP("training loss"), QT_TR_NOOP("training loss (smoothed)"),
                                        QT_TR_NOOP("validation loss"), QT_TR_NOOP("exact match")};
    const LossSeries which = series.value_or(LossSeries::TrainingLoss);
    const QString where = which == LossSeries::ExactMatch ? tr("epoch %1").arg(std::llround(point.key))
                                                          : tr("step %1").arg(std::llround(point.key));
    return QStringLiteral("%1%2\n%3: %4")
        .arg(run, tr(names[int(which)]), where, QString::number(point.value, 'g', 4));
}

QString LossPlot::hoverTextAt(QPointF pixel) const {
    const auto point = GraphHover::nearest(pixel, {m_lossRect, m_accuracyRect});
    return point ? describe(*point) : QString();
}

void LossPlot::onMouseMove(QMouseEvent* event) {
    const auto point = GraphHover::nearest(event->position(), {m_lossRect, m_accuracyRect});
    if (point)
        m_hover->show(*point, describe(*point));
    else
        m_hover->hide();
}

} // namespace attnlab::ui
