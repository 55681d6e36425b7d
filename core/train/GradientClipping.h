#pragma once
// Clipping by global gradient norm, as torch.nn.utils.clip_grad_norm_: when the L2 norm of all
// gradients together exceeds maxNorm, every gradient is scaled by maxNorm / (norm + 1e-6).
#include "core/nn/Parameter.h"
#include "core/util/Parallel.h"

namespace attnlab {

// Returns the norm before clipping. maxNorm <= 0 only measures.
double clipGradientNorm(const ParameterList<float>& parameters, double maxNorm);
// The same with the parameters shared out between parallel's threads: each parameter's squared
// norm as above, summed in list order, so the norm and the result are the same bits.
double clipGradientNorm(const ParameterList<float>& parameters, double maxNorm, Parallelism& parallel);

} // namespace attnlab
