#include "ui/forecast/ForecastMetricsText.h"

#include <QStringList>

#include <cmath>

namespace attnlab::ui {
namespace {

QString number(double value, int decimals) {
    return std::isfinite(value) ? QString::number(value, 'f', decimals) : QStringLiteral("–");
}

} // namespace

QString forecastMetricsText(const ForecastMetrics& m, const std::vector<std::string>& series) {
    if (m.windows == 0) return QObject::tr("no validation windows");
    QStringList perSeries;
    for (std::size_t s = 0; s < m.seriesMase.size(); ++s)
        perSeries << QStringLiteral("%1 %2").arg(s < series.size() ? QString::fromStdString(series[s])
                                                                   : QString::number(s + 1),
                                                 number(m.seriesMase[s], 2));
    QString text = QObject::tr("MAE %1 · RMSE %2 · MASE %3 (%4)")
                       .arg(number(m.mae, 4), number(m.rmse, 4), number(m.mase, 3),
                            perSeries.join(QStringLiteral(", ")));
    if (std::isfinite(m.goldMass))
        text += QObject::tr(" · gold mass %1 (uniform %2)")
                    .arg(number(m.goldMass, 3), number(m.uniformGoldMass, 3));
    return text;
}

} // namespace attnlab::ui
