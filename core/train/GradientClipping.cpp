#include "core/train/GradientClipping.h"

#include <cmath>

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

} // namespace attnlab
