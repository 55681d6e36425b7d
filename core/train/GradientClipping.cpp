#include "core/train/GradientClipping.h"

#include <cmath>
#include <vector>

namespace attnlab {

double clipGradientNorm(const ParameterList<float>& parameters, double maxNorm) {
    double squared = 0.0;
    for (const Parameter<float>* p : parameters) squared += p->grad.cast<double>().squaredNorm();
    const double norm = std::sqrt(squared);
    if (maxNorm > 0.0 && norm > maxNorm) {
        const float scale = static_cast<float>(maxNorm / (norm + 1e-6));
        for (Parameter<float>* p : parameters) p->grad *= scale;
    }
    return norm;
}

double clipGradientNorm(const ParameterList<float>& parameters, double maxNorm, Parallelism& parallel) {
    const int count = static_cast<int>(parameters.size());
    std::vector<double> squares(parameters.size()); // (parameters)
    parallel.forEach(count, [&](int i) { squares[i] = parameters[i]->grad.cast<double>().squaredNorm(); });
    double squared = 0.0;
    for (double s : squares) squared += s; // in list order, as the serial version
    const double norm = std::sqrt(squared);
    if (maxNorm > 0.0 && norm > maxNorm) {
        const float scale = static_cast<float>(maxNorm / (norm + 1e-6));
        parallel.forEach(count, [&](int i) { parameters[i]->grad *= scale; });
    }
    return norm;
}

} // namespace attnlab
