#include "core/nn/Embedding.h"

#include "core/nn/Init.h"
#include "core/nn/SequenceBatch.h"

namespace attnlab {

template <class T>
Embedding<T>::Embedding(const std::string& name, int vocabularySize, int dimension)
    : m_weight(name + ".weight", vocabularySize, dimension) {}

template <class T> void Embedding<T>::initialize(const InitSeed& seed) {
    fillNormal(m_weight, seed, 1.0);
    m_weight.value.row(PadId).setZero();
}

template <class T> void Embedding<T>::forward(const int* ids, int n, MatrixRef<T> out) const {
    const int vocabulary = vocabularySize();
    for (int k = 0; k < n; ++k) {
        const int id = ids[k];
        if (id < 0 || id >= vocabulary)
            throw std::out_of_range(m_weight.name + ": token id " + std::to_string(id) +
                                    " outside the vocabulary of " + std::to_string(vocabulary));
        out.col(k) = m_weight.value.row(id).transpose();
    }
}

template <class T> void Embedding<T>::backward(const int* ids, int n, const ConstMatrixRef<T>& dOut) {
    for (int k = 0; k < n; ++k)
        if (ids[k] != PadId) m_weight.grad.row(ids[k]) += dOut.col(k).transpose();
}

template class Embedding<float>;
template class Embedding<double>;

} // namespace attnlab
