#include "ui/forecast/ForecastContent.h"

#include "ui/label/LabelChecks.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace attnlab::ui {

namespace {

const std::string kWhat = "ForecastContent";

void requireLength(const std::vector<double>& values, size_t expected, const std::string& what) {
    if (values.size() != expected)
        throw std::invalid_argument(kWhat + ": " + what + " has " + std::to_string(values.size()) +
                                    " values, expected " + std::to_string(expected));
    for (size_t i = 0; i < values.size(); ++i)
        if (!std::isfinite(values[i]))
            throw std::invalid_argument(kWhat + ": " + what + " value " + std::to_string(i) + " is " +
                                        std::to_string(values[i]) + ", not a finite number");
}

} // namespace

void checkForecastContent(const ForecastContent& content) {
    if (content.series.empty()) throw std::invalid_argument(kWhat + ": no series");
    const size_t D = content.series.size();
    if (content.seriesNames.size() != D)
        throw std::invalid_argument(kWhat + ": " + std::to_string(content.seriesNames.size()) +
                                    " series names for " + std::to_string(D) + " series");
    if (content.shownSeries < 0 || size_t(content.shownSeries) >= D)
        throw std::invalid_argument(kWhat + ": shown series " + std::to_string(content.shownSeries) +
                                    " is outside 0.." + std::to_string(D - 1));
    const size_t W = content.series.front().past.size();
    const size_t K = content.series.front().forecast.size();
    if (W == 0) throw std::invalid_argument(kWhat + ": series 0 has an empty past window");
    if (K == 0) throw std::invalid_argument(kWhat + ": series 0 has no forecast steps");
    const bool gaussian = !content.series.front().variance.empty();
    for (size_t d = 0; d < D; ++d) {
        const ForecastSeries& s = content.series[d];
        const std::string name =
            "series " + std::to_string(d) + " (" + content.seriesNames[d].toStdString() + ")";
        requireLength(s.past, W, name + " past");
        requireLength(s.forecast, K, name + " forecast");
        if (!s.truth.empty()) requireLength(s.truth, K, name + " truth");
        if (gaussian != !s.variance.empty())
            throw std::invalid_argument(kWhat + ": " + name +
                                        (gaussian ? " has no variance" : " has a variance") +
                                        " but series 0 " + (gaussian ? "has one" : "has none"));
        if (!gaussian) continue;
        requireLength(s.variance, K, name + " variance");
        for (size_t j = 0; j < K; ++j)
            if (s.variance[j] < 0.0)
                throw std::invalid_argument(kWhat + ": " + name + " variance " + std::to_string(j) + " is " +
                                            std::to_string(s.variance[j]) + ", negative");
    }
    if (content.hasAttention()) {
        requireShape(content.attention, Eigen::Index(K), Eigen::Index(W),
                     "ForecastContent attention (K x W)");
        for (Eigen::Index j = 0; j < Eigen::Index(K); ++j) {
            std::vector<double> row(W);
            for (Eigen::Index i = 0; i < Eigen::Index(W); ++i)
                row[size_t(i)] = double(content.attention(j, i));
            requireDistribution(row, kWhat + " attention row " + std::to_string(j) + " (step t+" +
                                         std::to_string(j + 1) + ")");
        }
    }
    for (const AlignmentLink& link : content.gold)
        if (link.source < 0 || size_t(link.source) >= W || link.target < 0 || size_t(link.target) >= K)
            throw std::invalid_argument(kWhat + ": gold link " + std::to_string(link.source) + "-" +
                                        std::to_string(link.target) + " is outside the " + std::to_string(W) +
                                        " past positions x " + std::to_string(K) + " steps");
}

QString pastLabel(int position, int window) {
    const int back = window - 1 - position;
    return back == 0 ? QStringLiteral("t") : QStringLiteral("t\u2212%1").arg(back);
}

QString stepLabel(int step) {
    return QStringLiteral("t+%1").arg(step + 1);
}

} // namespace attnlab::ui
