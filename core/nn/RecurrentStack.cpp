#include "core/nn/RecurrentStack.h"

#include <stdexcept>

namespace attnlab {

namespace {
int directionSize(int hidden, bool bidirectional) {
    if (bidirectional && hidden % 2 != 0)
        throw std::invalid_argument("a bidirectional encoder needs an even hidden size, got " +
                                    std::to_string(hidden));
    return bidirectional ? hidden / 2 : hidden;
}
int halved(int n) {
    return (n + 1) / 2;
}
} // namespace

template <class T> void concatenateNeighbours(const Matrix<T>& in, int steps, int batch, Matrix<T>& out) {
    const Eigen::Index h = in.rows();
    const int half = halved(steps);
    out.resize(2 * h, static_cast<Eigen::Index>(half) * batch);
    for (int t = 0; t < half; ++t) {
        out.block(0, t * batch, h, batch) = in.middleCols(2 * t * batch, batch);
        if (2 * t + 1 < steps)
            out.block(h, t * batch, h, batch) = in.middleCols((2 * t + 1) * batch, batch);
        else
            out.block(h, t * batch, h, batch).setZero();
    }
}

template <class T> void splitNeighbours(const ConstMatrixRef<T>& dOut, int steps, int batch, Matrix<T>& dIn) {
    const Eigen::Index h = dOut.rows() / 2;
    dIn.resize(h, static_cast<Eigen::Index>(steps) * batch);
    for (int t = 0; t < halved(steps); ++t) {
        dIn.middleCols(2 * t * batch, batch) = dOut.block(0, t * batch, h, batch);
        if (2 * t + 1 < steps)
            dIn.middleCols((2 * t + 1) * batch, batch) = dOut.block(h, t * batch, h, batch);
    }
}

template <class T>
RecurrentStack<T>::RecurrentStack(int inputSize, int hiddenSize, bool bidirectional, int reductions)
    : m_hidden(hiddenSize), m_directionHidden(directionSize(hiddenSize, bidirectional)) {
    if (reductions < 0) throw std::invalid_argument("negative frame reduction");
    for (int level = 0; level <= reductions; ++level) {
        const int in = level == 0 ? inputSize : 2 * hiddenSize;
        const std::string suffix = "_l" + std::to_string(level);
        m_forward.push_back(std::make_unique<LstmLayer<T>>("encoder.", suffix, in, m_directionHidden, false));
        if (bidirectional)
            m_reverse.push_back(
                std::make_unique<LstmLayer<T>>("encoder.", suffix + "_reverse", in, m_directionHidden, true));
    }
    m_dLevelInput.resize(m_forward.size());
}

template <class T> void RecurrentStack<T>::initialize(const InitSeed& seed) {
    for (auto& layer : m_forward) layer->initialize(seed);
    for (auto& layer : m_reverse) layer->initialize(seed);
}

template <class T>
void RecurrentStack<T>::runLevel(int level, const ConstMatrixRef<T>& input, RecurrentLevelCache<T>& cache,
                                 MatrixRef<T> outputs) const {
    // Each direction writes its outputs straight into its rows.
    const int h = m_directionHidden;
    m_forward[level]->forward(input, cache.lengths, cache.steps, cache.forward, outputs.topRows(h));
    if (!m_reverse.empty())
        m_reverse[level]->forward(input, cache.lengths, cache.steps, cache.reverse, outputs.bottomRows(h));
}

template <class T>
void RecurrentStack<T>::forward(const ConstMatrixRef<T>& x, const std::vector<int>& lengths, int steps,
                                RecurrentStackCache<T>& cache, Matrix<T>& keys, Matrix<T>& finalHidden,
                                Matrix<T>& finalCell) const {
    const int b = static_cast<int>(lengths.size());
    const int top = levels() - 1;
    cache.levels.resize(levels());
    for (int level = 0; level <= top; ++level) {
        RecurrentLevelCache<T>& c = cache.levels[level];
        if (level == 0) {
            c.steps = steps;
            c.lengths = lengths;
            c.input.resize(0, 0);
        } else {
            const RecurrentLevelCache<T>& below = cache.levels[level - 1];
            c.steps = halved(below.steps);
            c.lengths.resize(b);
            for (int i = 0; i < b; ++i) c.lengths[i] = halved(below.lengths[i]);
            concatenateNeighbours(below.outputs, below.steps, b, c.input);
        }
        Matrix<T>& out = level == top ? keys : c.outputs;
        out.resize(m_hidden, static_cast<Eigen::Index>(c.steps) * b);
        if (level == top) c.outputs.resize(0, 0);
        if (level == 0)
            runLevel(level, x, c, out);
        else
            runLevel(level, c.input, c, out);
    }
    const RecurrentLevelCache<T>& last = cache.levels[top];
    const int h = m_directionHidden;
    finalHidden.resize(m_hidden, b);
    finalCell.resize(m_hidden, b);
    finalHidden.topRows(h) = m_forward[top]->finalHidden(last.forward, last.steps);
    finalCell.topRows(h) = m_forward[top]->finalCell(last.forward, last.steps);
    if (!m_reverse.empty()) {
        finalHidden.bottomRows(h) = m_reverse[top]->finalHidden(last.reverse, last.steps);
        finalCell.bottomRows(h) = m_reverse[top]->finalCell(last.reverse, last.steps);
    }
}

template <class T>
void RecurrentStack<T>::backLevel(int level, const ConstMatrixRef<T>& input,
                                  const RecurrentLevelCache<T>& cache, const ConstMatrixRef<T>& dOutputs,
                                  const ConstMatrixRef<T>& dhFinal, const ConstMatrixRef<T>& dcFinal,
                                  Matrix<T>& dInput) {
    const int h = m_directionHidden;
    const Eigen::Index columns = static_cast<Eigen::Index>(cache.steps) * cache.lengths.size();
    dInput.resize(input.rows(), columns);
    m_forward[level]->backward(input, cache.lengths, cache.steps, cache.forward, dOutputs.topRows(h),
                               dhFinal.topRows(h), dcFinal.topRows(h), dInput);
    if (m_reverse.empty()) return;
    m_dInputReverse.resize(input.rows(), columns);
    m_reverse[level]->backward(input, cache.lengths, cache.steps, cache.reverse, dOutputs.bottomRows(h),
                               dhFinal.bottomRows(h), dcFinal.bottomRows(h), m_dInputReverse);
    dInput += m_dInputReverse;
}

template <class T>
void RecurrentStack<T>::backward(const ConstMatrixRef<T>& x, const RecurrentStackCache<T>& cache,
                                 const ConstMatrixRef<T>& dKeys, const ConstMatrixRef<T>& dhFinal,
                                 const ConstMatrixRef<T>& dcFinal, Matrix<T>& dx) {
    const int top = levels() - 1;
    const int b = static_cast<int>(cache.levels[0].lengths.size());
    // Chain rule from the top: only the top level's final state reaches the decoder, so the
    // levels below get their gradient through their outputs alone.
    m_zeroState.setZero(m_hidden, b);
    for (int level = top; level >= 0; --level) {
        const RecurrentLevelCache<T>& c = cache.levels[level];
        const bool isTop = level == top;
        const ConstMatrixRef<T> dOut = isTop ? dKeys : ConstMatrixRef<T>(m_dBelow);
        const ConstMatrixRef<T> dh = isTop ? dhFinal : ConstMatrixRef<T>(m_zeroState);
        const ConstMatrixRef<T> dc = isTop ? dcFinal : ConstMatrixRef<T>(m_zeroState);
        Matrix<T>& dIn = level == 0 ? dx : m_dLevelInput[level];
        if (level == 0)
            backLevel(level, x, c, dOut, dh, dc, dIn);
        else
            backLevel(level, c.input, c, dOut, dh, dc, dIn);
        if (level > 0) {
            const RecurrentLevelCache<T>& below = cache.levels[level - 1];
            Matrix<T> split;
            splitNeighbours<T>(dIn, below.steps, b, split);
            m_dBelow = std::move(split);
        }
    }
}

template <class T> ParameterList<T> RecurrentStack<T>::parameters() {
    ParameterList<T> list;
    for (size_t level = 0; level < m_forward.size(); ++level) {
        for (auto* p : m_forward[level]->parameters()) list.push_back(p);
        if (!m_reverse.empty())
            for (auto* p : m_reverse[level]->parameters()) list.push_back(p);
    }
    return list;
}

template class RecurrentStack<float>;
template class RecurrentStack<double>;
template void concatenateNeighbours<float>(const Matrix<float>&, int, int, Matrix<float>&);
template void concatenateNeighbours<double>(const Matrix<double>&, int, int, Matrix<double>&);
template void splitNeighbours<float>(const ConstMatrixRef<float>&, int, int, Matrix<float>&);
template void splitNeighbours<double>(const ConstMatrixRef<double>&, int, int, Matrix<double>&);

} // namespace attnlab
