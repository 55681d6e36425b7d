#pragma once
// A named trainable tensor and its gradient. Optimizers, gradient clipping, checkpoints and the
// gradient checker all walk the same ParameterList, in the same order.
#include "core/nn/Tensor.h"

#include <cstdint>
#include <string>
#include <vector>

namespace attnlab {

template <class T> struct Parameter {
    Parameter() = default;
    Parameter(std::string parameterName, Eigen::Index rows, Eigen::Index cols,
              std::vector<std::int64_t> fileShape = {})
        : name(std::move(parameterName)), value(Matrix<T>::Zero(rows, cols)),
          grad(Matrix<T>::Zero(rows, cols)), shape(std::move(fileShape)) {
        if (shape.empty())
            shape = cols == 1 ? std::vector<std::int64_t>{rows} : std::vector<std::int64_t>{rows, cols};
    }

    std::string name; // PyTorch-style name, e.g. "encoder.weight_ih_l0"
    Matrix<T> value;  // (rows x cols), PyTorch's (out x in) for weights, (n x 1) for vectors
    Matrix<T> grad;   // same shape as value
    // Shape in the model file (row-major); its product equals value.size(). E.g. a Conv1d weight
    // held as (F x W) is written as [F, 1, W].
    std::vector<std::int64_t> shape;

    void zeroGrad() { grad.setZero(); }
};

template <class T> using ParameterList = std::vector<Parameter<T>*>;

template <class T> void zeroGrad(const ParameterList<T>& parameters) {
    for (Parameter<T>* p : parameters) p->zeroGrad();
}

template <class T> std::int64_t parameterCount(const ParameterList<T>& parameters) {
    std::int64_t n = 0;
    for (const Parameter<T>* p : parameters) n += p->value.size();
    return n;
}

} // namespace attnlab
