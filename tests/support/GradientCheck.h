#pragma once
// Finite-difference gradient checking in double precision, over every element of every parameter
// and of any extra inputs. Central differences of fourth order,
//   n = (−L(x+2h) + 8 L(x+h) − 8 L(x−h) + L(x−2h)) / 12h,
// keep both truncation (h⁴) and rounding (ε/h) error near 1e-12, so a relative error
// |a − n| / max(|a|, |n|, floor) below 1e-6 is meaningful even for small gradients.
#include "core/nn/Parameter.h"
#include "core/util/Random.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace attnlab::test {

// A differentiable input that is not a Parameter (a query, keys, a previous alignment):
// value points at the tensor the loss reads, grad at where backward leaves dL/dvalue.
struct CheckedInput {
    std::string name;
    Matrix<double>* value;
    const Matrix<double>* grad;
};

struct GradientCheckResult {
    double maxRelativeError = 0.0;
    std::string worst; // "name[r,c] analytic vs numeric"
    int checked = 0;
    int nonZero = 0; // elements whose gradient is clearly non-zero (guards against a vacuous pass)
};

// loss(true) must zero and recompute every gradient (parameters and inputs) and return L;
// loss(false) returns L only. Checks every element. The check cannot pass by accident: a
// non-finite analytic or numeric value (NaN compares false with any tolerance), or a parameter
// tensor whose gradient is zero everywhere both ways (a parameter backward never reaches), makes
// maxRelativeError infinite and names the culprit in `worst`.
inline GradientCheckResult checkGradients(const ParameterList<double>& parameters,
                                          const std::vector<CheckedInput>& inputs,
                                          const std::function<double(bool)>& loss, double step = 1e-3,
                                          double floor = 1e-5) {
    struct Target {
        std::string name;
        Matrix<double>* value;
        Matrix<double> analytic;
    };
    loss(true);
    std::vector<Target> targets;
    for (Parameter<double>* p : parameters) targets.push_back({p->name, &p->value, p->grad});
    for (const CheckedInput& in : inputs) targets.push_back({in.name, in.value, *in.grad});

    GradientCheckResult result;
    const auto fail = [&result](const std::string& why) {
        if (std::isinf(result.maxRelativeError)) return; // keep the first culprit
        result.maxRelativeError = INFINITY;
        result.worst = why;
    };
    for (size_t t = 0; t < targets.size(); ++t) {
        Target& target = targets[t];
        Matrix<double>& value = *target.value;
        const bool isParameter = t < parameters.size();
        bool reached = false; // some element's gradient is non-zero, analytic or numeric
        for (Eigen::Index c = 0; c < value.cols(); ++c)
            for (Eigen::Index r = 0; r < value.rows(); ++r) {
                const double original = value(r, c);
                auto at = [&](double offset) {
                    value(r, c) = original + offset;
                    return loss(false);
                };
                const double numeric =
                    (-at(2 * step) + 8 * at(step) - 8 * at(-step) + at(-2 * step)) / (12 * step);
                value(r, c) = original;
                const double analytic = target.analytic(r, c);
                const double error =
                    std::abs(analytic - numeric) / std::max({std::abs(analytic), std::abs(numeric), floor});
                ++result.checked;
                if (std::abs(analytic) > 1e-4) ++result.nonZero;
                reached = reached || analytic != 0.0 || std::abs(numeric) > 1e-9;
                if (!std::isfinite(analytic) || !std::isfinite(numeric)) {
                    char text[160];
                    std::snprintf(text, sizeof text, "[%d,%d] not finite: analytic %g, numeric %g",
                                  static_cast<int>(r), static_cast<int>(c), analytic, numeric);
                    fail(target.name + text);
                } else if (error > result.maxRelativeError) {
                    result.maxRelativeError = error;
                    char text[160];
                    std::snprintf(text, sizeof text, "[%d,%d] analytic %.10g vs numeric %.10g",
                                  static_cast<int>(r), static_cast<int>(c), analytic, numeric);
                    result.worst = target.name + text;
                }
            }
        if (isParameter && value.size() > 0 && !reached)
            fail(target.name + ": the gradient is zero everywhere, analytic and numeric (disconnected?)");
    }
    return result;
}

// A fixed random matrix for projecting outputs to a scalar loss L = Σ R ⊙ Y.
inline Matrix<double> randomMatrix(Eigen::Index rows, Eigen::Index cols, Random& random, double scale = 1.0) {
    Matrix<double> m(rows, cols);
    for (Eigen::Index c = 0; c < cols; ++c)
        for (Eigen::Index r = 0; r < rows; ++r) m(r, c) = random.uniform(-scale, scale);
    return m;
}

} // namespace attnlab::test
