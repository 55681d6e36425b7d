#include "core/nn/CrossEntropy.h"

#include <cmath>

namespace attnlab {

template <class T>
T maskedCrossEntropy(const ConstMatrixRef<T>& logits, const std::vector<int>& targets,
                     const std::vector<int>& lengths, T gradScale, Matrix<T>* dLogits) {
    const Eigen::Index batch = static_cast<Eigen::Index>(lengths.size());
    if (batch == 0 || static_cast<Eigen::Index>(targets.size()) != logits.cols() ||
        logits.cols() % batch != 0)
        throw std::invalid_argument("maskedCrossEntropy: logits, targets and lengths disagree in shape");
    if (dLogits) dLogits->setZero(logits.rows(), logits.cols());
    T total = T(0);
    for (Eigen::Index column = 0; column < logits.cols(); ++column) {
        const Eigen::Index t = column / batch;
        const Eigen::Index b = column % batch;
        if (t >= lengths[b]) continue;
        const int target = targets[column];
        if (target < 0 || target >= logits.rows())
            throw std::out_of_range("maskedCrossEntropy: target id " + std::to_string(target) +
                                    " out of range");
        const auto z = logits.col(column);
        const T top = z.maxCoeff();
        const T logSum = std::log((z.array() - top).exp().sum()) + top; // log Σ exp(z)
        total += logSum - z(target);
        if (dLogits) {
            auto d = dLogits->col(column);
            d = ((z.array() - logSum).exp() * gradScale).matrix();
            d(target) -= gradScale;
        }
    }
    return total;
}

template float maskedCrossEntropy<float>(const ConstMatrixRef<float>&, const std::vector<int>&,
                                         const std::vector<int>&, float, Matrix<float>*);
template double maskedCrossEntropy<double>(const ConstMatrixRef<double>&, const std::vector<int>&,
                                           const std::vector<int>&, double, Matrix<double>*);

} // namespace attnlab
