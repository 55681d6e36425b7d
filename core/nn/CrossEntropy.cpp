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

template <class T>
T maskedCrossEntropyInPlace(MatrixRef<T> logits, const std::vector<int>& targets,
                            const std::vector<int>& lengths, T gradScale) {
    const Eigen::Index batch = static_cast<Eigen::Index>(lengths.size());
    const Eigen::Index vocabulary = logits.rows();
    if (batch == 0 || static_cast<Eigen::Index>(targets.size()) != logits.cols() ||
        logits.cols() % batch != 0)
        throw std::invalid_argument(
            "maskedCrossEntropyInPlace: logits, targets and lengths disagree in shape");
    T total = T(0);
    for (Eigen::Index column = 0; column < logits.cols(); ++column) {
        // (V) one position's logits, contiguous; they stay in L1/L2 over the three passes.
        Eigen::Map<Eigen::Array<T, Eigen::Dynamic, 1>> z(logits.col(column).data(), vocabulary);
        const Eigen::Index t = column / batch;
        const Eigen::Index b = column % batch;
        if (t >= lengths[b]) {
            z.setZero(); // padding: no loss, no gradient
            continue;
        }
        const int target = targets[column];
        if (target < 0 || target >= vocabulary)
            throw std::out_of_range("maskedCrossEntropyInPlace: target id " + std::to_string(target) +
                                    " out of range");
        const T top = z.maxCoeff();
        const T gold = z(target);
        z = (z - top).exp(); // exp(z − max), kept for the gradient
        const T sum = z.sum();
        total += std::log(sum) + top - gold; // log Σ exp(z) − z_y
        // dL/dz = softmax − onehot = exp(z − max) / Σ − onehot, times gradScale
        z *= gradScale / sum;
        z(target) -= gradScale;
    }
    return total;
}

template float maskedCrossEntropy<float>(const ConstMatrixRef<float>&, const std::vector<int>&,
                                         const std::vector<int>&, float, Matrix<float>*);
template double maskedCrossEntropy<double>(const ConstMatrixRef<double>&, const std::vector<int>&,
                                           const std::vector<int>&, double, Matrix<double>*);
template float maskedCrossEntropyInPlace<float>(MatrixRef<float>, const std::vector<int>&,
                                                const std::vector<int>&, float);
template double maskedCrossEntropyInPlace<double>(MatrixRef<double>, const std::vector<int>&,
                                                  const std::vector<int>&, double);

} // namespace attnlab
