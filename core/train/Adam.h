#pragma once
// Adam (Kingma & Ba 2015) as torch.optim.Adam without weight decay:
//   m = β1 m + (1 − β1) g;  v = β2 v + (1 − β2) g²
//   θ −= lr · (m / (1 − β1^t)) / (√(v / (1 − β2^t)) + ε)
#include "core/train/Optimizer.h"

#include <vector>

namespace attnlab {

struct AdamSettings {
    double learningRate = 1e-3;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double epsilon = 1e-8;
};

class Adam : public Optimizer {
public:
    Adam(ParameterList<float> parameters, AdamSettings settings = {});

    void step() override;
    // Elementwise, in fixed slices of at most 128K values (a 8,000 x 256 output layer is 16 of
    // them), so the result is step()'s, bit for bit, for any thread count.
    void step(Parallelism& parallel) override;
    double learningRate() const override { return m_settings.learningRate; }
    void setLearningRate(double rate) override { m_settings.learningRate = rate; }
    long long steps() const override { return m_steps; }

private:
    struct Slice {
        int parameter;
        Eigen::Index firstColumn, columns;
    };
    struct StepConstants;
    StepConstants advance(); // counts the step; its bias corrections
    void update(const Slice& slice, const StepConstants& k);

    ParameterList<float> m_parameters;
    std::vector<Slice> m_slices; // every parameter, cut into column ranges
    AdamSettings m_settings;
    std::vector<Matrix<float>> m_first;  // m, one per parameter, same shapes
    std::vector<Matrix<float>> m_second; // v
    long long m_steps = 0;
};

} // namespace attnlab
