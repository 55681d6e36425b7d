#pragma once
// B batch, S input positions, D feature size, E projected size, N grid cells.
// The front end of frames and images: each input vector projected linearly,
// x_s = W f_s + b (frames; images: the pixels of one patch), and for an image a learned embedding
// of the cell's position added, x_n += P[n] (as a ViT's patch embedding, without the CNN).
#include "core/nn/Linear.h"

namespace attnlab {

template <class T> class InputProjection {
public:
    // cells > 0: add learned positions, one per grid cell (inputs then have exactly N positions).
    InputProjection(int featureSize, int outputs, int cells);

    int outputs() const { return m_linear.outputs(); }
    void initialize(const InitSeed& seed); // Linear as PyTorch; positions N(0, 0.02²) as ViT
    // features: (D x S·B), time-major; out: (E x S·B).
    void forward(const ConstMatrixRef<T>& features, int batch, MatrixRef<T> out) const;
    // dOut: (E x S·B). Accumulates dW, db and dP (no gradient to the data).
    void backward(const ConstMatrixRef<T>& features, int batch, const ConstMatrixRef<T>& dOut);

    ParameterList<T> parameters();

private:
    Linear<T> m_linear;
    Parameter<T> m_position; // (N x E), PyTorch's nn.Embedding layout; unused when N = 0
    int m_cells;
};

} // namespace attnlab
