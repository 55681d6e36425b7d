#include "ui/forecast/ForecastCaption.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace attnlab::ui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("ForecastCaption", text);
}

QString percent(double weight) {
    return QStringLiteral("%1%").arg(std::lround(100.0 * weight));
}

} // namespace

QString forecastCaption(const ForecastContent& content, int step) {
    if (!content.hasAttention())
        return tr("No attention (scorer none): every step reads the window through the encoder's final "
                  "state, so no past point is singled out.");
    const int K = content.horizon();
    const int W = content.window();
    if (step < 0 || step >= K)
        return tr("Hover over a forecast step (or choose one) to see which past points it looked at.");

    std::vector<int> order(
        static_cast<size_t>(W)); // (W) past positions, heaviest first; ties keep time order
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return content.attention(step, a) > content.attention(step, b); });
    const double top = content.attention(step, order.front());
    QString text;
    if (top * W < 2.0) {
        text = tr("step %1 spreads its attention over the window: at most %2, on %3")
                   .arg(stepLabel(step), percent(top), pastLabel(order.front(), W));
    } else {
        QStringList named;
        for (int k = 0; k < std::min(kCaptionPositions, W); ++k) {
            const double weight = content.attention(step, order[size_t(k)]);
            if (k > 0 && weight < kCaptionMinimumWeight) break;
            named << QStringLiteral("%1 (%2)").arg(pastLabel(order[size_t(k)], W), percent(weight));
        }
        text = tr("step %1 looks mostly at %2").arg(stepLabel(step), named.join(QStringLiteral(", ")));
    }

    QStringList gold;
    double goldMass = 0.0;
    for (const AlignmentLink& link : content.gold)
        if (link.target == step) {
            gold << pastLabel(link.source, W);
            goldMass += content.attention(step, link.source);
        }
    if (gold.size() == 1)
        text += tr("; the gold point %1 gets %2").arg(gold.front(), percent(goldMass));
    else if (gold.size() > 1)
        text += tr("; the gold points %1 get %2 together")
                    .arg(gold.join(QStringLiteral(", ")), percent(goldMass));
    return text;
}

} // namespace attnlab::ui
