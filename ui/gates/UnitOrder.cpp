#include "ui/gates/UnitOrder.h"

#include <algorithm>
#include <numeric>

namespace attnlab::ui {

std::vector<int> unitsInOrder(int units) {
    std::vector<int> order(static_cast<size_t>(std::max(units, 0)));
    std::iota(order.begin(), order.end(), 0);
    return order;
}

std::vector<double> rowVariances(const Matrix<float>& values) {
    std::vector<double> variances;
    variances.reserve(static_cast<size_t>(values.rows()));
    for (Eigen::Index r = 0; r < values.rows(); ++r) {
        const Eigen::ArrayXd row = values.row(r).cast<double>().transpose().array(); // (N)
        variances.push_back(row.size() > 0 ? (row - row.mean()).square().mean() : 0.0);
    }
    return variances;
}

std::vector<int> unitsByVariance(const Matrix<float>& values) {
    const std::vector<double> variances = rowVariances(values);
    std::vector<int> order = unitsInOrder(static_cast<int>(values.rows()));
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return variances[static_cast<size_t>(a)] > variances[static_cast<size_t>(b)];
    });
    return order;
}

} // namespace attnlab::ui
