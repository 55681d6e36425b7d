#include "core/nn/LstmLayer.h"

namespace attnlab {

template <class T>
LstmLayer<T>::LstmLayer(const std::string& prefix, const std::string& suffix, int inputSize, int hiddenSize,
                        bool reverse)
    : m_cell(prefix, suffix, inputSize, hiddenSize), m_reverse(reverse) {}

template <class T>
void LstmLayer<T>::forward(const ConstMatrixRef<T>& x, const std::vector<int>& lengths, int steps,
                           LstmLayerCache<T>& cache, MatrixRef<T> outputs) const {
    const int batch = static_cast<int>(lengths.size());
    const int h = hiddenSize();
    requireShape(x, m_cell.inputSize(), static_cast<Eigen::Index>(steps) * batch, "LstmLayer input");
    requireShape(outputs, h, static_cast<Eigen::Index>(steps) * batch, "LstmLayer outputs");
    cache.gates.resize(4 * h, steps * batch);
    cache.hidden.resize(h, (steps + 1) * batch);
    cache.cells.resize(h, (steps + 1) * batch);
    const int initial = m_reverse ? steps : 0;
    cache.hidden.middleCols(initial * batch, batch).setZero();
    cache.cells.middleCols(initial * batch, batch).setZero();

    m_cell.projectInputs(x, cache.gates); // all steps' input projections in one product
    for (int k = 0; k < steps; ++k) {
        const int t = m_reverse ? steps - 1 - k : k;
        const auto hPrev = cache.hidden.middleCols(previousBlock(t) * batch, batch);
        const auto cPrev = cache.cells.middleCols(previousBlock(t) * batch, batch);
        auto hNow = cache.hidden.middleCols(stateBlock(t) * batch, batch);
        auto cNow = cache.cells.middleCols(stateBlock(t) * batch, batch);
        m_cell.step(cache.gates.middleCols(t * batch, batch), hPrev, cPrev, hNow, cNow);
        auto out = outputs.middleCols(t * batch, batch);
        out = hNow;
        for (int b = 0; b < batch; ++b) {
            if (t < lengths[b]) continue;
            hNow.col(b) = hPrev.col(b); // finished (or not yet started): the state is carried
            cNow.col(b) = cPrev.col(b);
            out.col(b).setZero();
        }
    }
}

template <class T>
void LstmLayer<T>::backward(const ConstMatrixRef<T>& x, const std::vector<int>& lengths, int steps,
                            const LstmLayerCache<T>& cache, const ConstMatrixRef<T>& dOutputs,
                            const ConstMatrixRef<T>& dhFinal, const ConstMatrixRef<T>& dcFinal,
                            MatrixRef<T> dx) {
    const int batch = static_cast<int>(lengths.size());
    const int h = hiddenSize();
    m_dz.resize(4 * h, steps * batch);
    m_dh = dhFinal;
    m_dc = dcFinal;
    m_dhPrev.resize(h, batch);
    m_savedDh.resize(h, batch);
    m_savedDc.resize(h, batch);

    // Walk the steps in the opposite order of the forward pass.
    for (int k = steps - 1; k >= 0; --k) {
        const int t = m_reverse ? steps - 1 - k : k;
        auto dz = m_dz.middleCols(t * batch, batch);
        // The output at a valid step is the state itself: its gradient joins the carried one.
        for (int b = 0; b < batch; ++b) {
            if (t < lengths[b]) {
                m_dh.col(b) += dOutputs.col(t * batch + b);
            } else {
                m_savedDh.col(b) = m_dh.col(b);
                m_savedDc.col(b) = m_dc.col(b);
            }
        }
        m_cell.stepBackward(cache.gates.middleCols(t * batch, batch),
                            cache.cells.middleCols(previousBlock(t) * batch, batch),
                            cache.cells.middleCols(stateBlock(t) * batch, batch), m_dh, m_dc, dz);
        for (int b = 0; b < batch; ++b)
            if (t >= lengths[b]) dz.col(b).setZero(); // a carried state has no gate gradient
        m_cell.recurrentBackward(dz, m_dhPrev);
        for (int b = 0; b < batch; ++b) {
            if (t < lengths[b]) continue;
            m_dhPrev.col(b) = m_savedDh.col(b); // carried state: gradient passes straight through
            m_dc.col(b) = m_savedDc.col(b);
        }
        m_dh.swap(m_dhPrev);
    }
    // Weight gradients over all steps at once; the previous state of step t is block previousBlock(t).
    const auto hPrev =
        m_reverse ? cache.hidden.rightCols(steps * batch) : cache.hidden.leftCols(steps * batch);
    m_cell.weightsBackward(x, hPrev, m_dz);
    m_cell.inputBackward(m_dz, dx);
}

template class LstmLayer<float>;
template class LstmLayer<double>;

} // namespace attnlab
