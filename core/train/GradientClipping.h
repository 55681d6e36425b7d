#pragma once
// Clipping by global gradient norm, as torch.nn.utils.clip_grad_norm_: when the L2 norm of all
// gradients together exceeds maxNorm, every gradient is scaled by maxNorm / (norm + 1e-6).
#include "core/nn/Parameter.h"

namespace attnlab {

// Returns the norm before clipping. maxNorm <= 0 only measures.
double clipGradientNorm(const ParameterList<float>& parameters, double maxNorm);

} // namespace attnlab
