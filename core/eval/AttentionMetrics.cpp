#include "core/eval/AttentionMetrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>

namespace attnlab {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

using LinkSet = std::set<std::pair<int, int>>; // (source, target)

// The number of valid columns; throws unless it is in [1, S] for a matrix that has rows.
int validColumns(const ConstMatrixRef<float>& alpha, int sourceLength, const char* what) {
    const int columns = static_cast<int>(alpha.cols());
    const int length = sourceLength < 0 ? columns : sourceLength;
    if (alpha.rows() > 0 && (length < 1 || length > columns))
        throw std::invalid_argument(std::string(what) + ": source length " + std::to_string(length) +
                                    " outside [1, " + std::to_string(columns) + "] for attention " +
                                    std::to_string(alpha.rows()) + "x" + std::to_string(columns));
    return length;
}

} // namespace

Alignment hardAlignment(const ConstMatrixRef<float>& alpha, int sourceLength) {
    // alpha: (T x S)
    const int length = validColumns(alpha, sourceLength, "hard alignment");
    Alignment links;
    links.reserve(static_cast<size_t>(alpha.rows()));
    for (Eigen::Index t = 0; t < alpha.rows(); ++t) {
        int best = 0; // a strict comparison keeps the first of equal maxima
        for (int s = 1; s < length; ++s)
            if (alpha(t, s) > alpha(t, best)) best = s;
        links.push_back({best, static_cast<int>(t), true});
    }
    return links;
}

double AerCounts::errorRate() const {
    const long denominator = hypothesisLinks + sureLinks;
    if (denominator == 0) return NaN;
    return 1.0 - static_cast<double>(sureMatches + possibleMatches) / static_cast<double>(denominator);
}

AerCounts& AerCounts::operator+=(const AerCounts& other) {
    hypothesisLinks += other.hypothesisLinks;
    sureLinks += other.sureLinks;
    sureMatches += other.sureMatches;
    possibleMatches += other.possibleMatches;
    return *this;
}

AerCounts alignmentErrorCounts(const Alignment& hypothesis, const Alignment& gold) {
    LinkSet proposed;
    for (const AlignmentLink& link : hypothesis) proposed.emplace(link.source, link.target);
    LinkSet sure;
    LinkSet possible; // P = S ∪ possible links
    for (const AlignmentLink& link : gold) {
        possible.emplace(link.source, link.target);
        if (link.sure) sure.emplace(link.source, link.target);
    }
    AerCounts counts;
    counts.hypothesisLinks = static_cast<long>(proposed.size());
    counts.sureLinks = static_cast<long>(sure.size());
    for (const auto& link : proposed) {
        counts.sureMatches += sure.contains(link) ? 1 : 0;
        counts.possibleMatches += possible.contains(link) ? 1 : 0;
    }
    return counts;
}

AerCounts alignmentErrorCounts(const ConstMatrixRef<float>& alpha, const Alignment& gold,
                               int goldTargetLength, int sourceLength) {
    // alpha: (T x S)
    const int length = validColumns(alpha, sourceLength, "alignment error rate");
    if (goldTargetLength < 0)
        throw std::invalid_argument("alignment error rate: negative gold target length " +
                                    std::to_string(goldTargetLength));
    for (const AlignmentLink& link : gold) {
        // A link outside the sentence is a mismatch between the dataset and the model's
        // tokenisation; counting it silently would inflate the error.
        if (link.source < 0 || link.source >= length || link.target < 0 || link.target >= goldTargetLength)
            throw std::invalid_argument("alignment error rate: gold link " + std::to_string(link.source) +
                                        "-" + std::to_string(link.target) + " outside source length " +
                                        std::to_string(length) + " and target length " +
                                        std::to_string(goldTargetLength));
    }
    const Eigen::Index rows = std::min<Eigen::Index>(alpha.rows(), goldTargetLength);
    return alignmentErrorCounts(hardAlignment(alpha.topRows(rows), length), gold);
}

double alignmentErrorRate(const std::vector<Matrix<float>>& attentions, const std::vector<Alignment>& golds,
                          const std::vector<int>& goldTargetLengths) {
    if (golds.size() != attentions.size() || goldTargetLengths.size() != attentions.size())
        throw std::invalid_argument("alignment error rate: expected as many gold alignments and target "
                                    "lengths as attention matrices (" +
                                    std::to_string(attentions.size()) + "), got " +
                                    std::to_string(golds.size()) + " and " +
                                    std::to_string(goldTargetLengths.size()));
    AerCounts total;
    for (size_t i = 0; i < attentions.size(); ++i)
        total += alignmentErrorCounts(attentions[i], golds[i], goldTargetLengths[i]);
    return total.errorRate();
}

double meanAttentionEntropy(const ConstMatrixRef<float>& alpha, int sourceLength) {
    // alpha: (T x S)
    const int length = validColumns(alpha, sourceLength, "attention entropy");
    if (alpha.rows() == 0) return NaN;
    double sum = 0.0;
    for (Eigen::Index t = 0; t < alpha.rows(); ++t)
        for (int s = 0; s < length; ++s) {
            const double a = alpha(t, s);
            if (a > 0.0) sum -= a * std::log(a); // the limit of a ln a at 0 is 0
        }
    return sum / static_cast<double>(alpha.rows());
}

double meanLastPositionMass(const ConstMatrixRef<float>& alpha, int sourceLength) {
    // alpha: (T x S)
    const int length = validColumns(alpha, sourceLength, "last-position mass");
    if (alpha.rows() == 0) return NaN;
    return alpha.col(length - 1).cast<double>().mean();
}

double goldAttentionMass(const ConstMatrixRef<float>& alpha, const Alignment& gold, long& rows) {
    std::vector<double> mass(static_cast<std::size_t>(alpha.rows()), -1.0); // -1: no gold link
    for (const AlignmentLink& link : gold) {
        if (link.target < 0 || link.target >= alpha.rows() || link.source < 0 || link.source >= alpha.cols())
            continue;
        double& m = mass[static_cast<std::size_t>(link.target)];
        m = std::max(m, 0.0) + alpha(link.target, link.source);
    }
    double sum = 0.0;
    rows = 0;
    for (double m : mass)
        if (m >= 0.0) {
            sum += m;
            ++rows;
        }
    return sum;
}

} // namespace attnlab
