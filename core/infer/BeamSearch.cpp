#include "core/infer/BeamSearch.h"

#include "core/infer/BeamTreeRecorder.h"
#include "core/infer/GreedyDecoder.h"
#include "core/infer/LabelPrediction.h"

#include <algorithm>
#include <cmath>

namespace attnlab {

namespace {

struct Candidate {
    double score; // accumulated log p
    int slot;     // the live beam it extends
    int token;
};

// What step t did: the attention of every slot, and how each new live slot came about.
struct StepRecord {
    Matrix<float> alignment; // (S x k) α_t of each slot
    std::vector<int> origin; // new live slot j extends slot origin[j]
    std::vector<int> token;  // ... with this token
    std::vector<float> logProb;
};

struct Ending {
    int step; // finished: the step that emitted </s>; unfinished: the number of steps
    int slot;
    bool finished;
    double logProb;
    float endLogProb; // log p of the </s>
};

DecodeResult reconstruct(const std::vector<StepRecord>& steps, const Ending& ending, double lengthPenalty) {
    std::vector<Vector<float>> rows;
    std::vector<int> tokens;
    std::vector<float> logProbs;
    int slot = ending.slot;
    if (ending.finished) {
        rows.push_back(steps[ending.step].alignment.col(slot));
        logProbs.push_back(ending.endLogProb);
    }
    for (int t = ending.step - 1; t >= 0; --t) {
        const int origin = steps[t].origin[slot];
        tokens.push_back(steps[t].token[slot]);
        logProbs.push_back(steps[t].logProb[slot]);
        rows.push_back(steps[t].alignment.col(origin));
        slot = origin;
    }
    std::reverse(rows.begin(), rows.end());
    std::reverse(tokens.begin(), tokens.end());
    std::reverse(logProbs.begin(), logProbs.end());
    DecodeResult result;
    result.tokens = std::move(tokens);
    result.tokenLogProbs = std::move(logProbs);
    result.logProb = ending.logProb;
    result.finished = ending.finished;
    const double length = static_cast<double>(result.tokenLogProbs.size());
    result.score =
        lengthPenalty > 0 && length > 0 ? ending.logProb / std::pow(length, lengthPenalty) : ending.logProb;
    const Eigen::Index sourceLength = steps.empty() ? 0 : steps.front().alignment.rows();
    result.attention.resize(static_cast<Eigen::Index>(rows.size()), sourceLength);
    for (size_t t = 0; t < rows.size(); ++t)
        result.attention.row(static_cast<Eigen::Index>(t)) = rows[t].transpose();
    return result;
}

// Tells the recorder the fate of each of a step's considered candidates, as the search decided:
// the first `decided` were taken (a </s> only while endings were short of width), the rest pruned.
void recordStep(BeamTreeRecorder& recorder, int step, const std::vector<Candidate>& candidates, size_t keep,
                size_t decided, int endingsBefore, int width, const std::vector<double>& liveScore) {
    int endings = endingsBefore;
    for (size_t c = 0; c < keep; ++c) {
        const Candidate& cand = candidates[c];
        BeamNodeState state = BeamNodeState::Pruned;
        if (c < decided && cand.token != EndId) state = BeamNodeState::Kept;
        if (c < decided && cand.token == EndId && endings < width) {
            state = BeamNodeState::Finished;
            ++endings;
        }
        recorder.consider(step, cand.slot, cand.token, cand.score,
                          static_cast<float>(cand.score - liveScore[cand.slot]), state);
    }
    recorder.endStep();
}

void gatherColumns(Matrix<float>& m, const std::vector<int>& origin, Matrix<float>& scratch) {
    scratch.resize(m.rows(), m.cols());
    for (size_t j = 0; j < origin.size(); ++j) scratch.col(static_cast<Eigen::Index>(j)) = m.col(origin[j]);
    m.swap(scratch);
}

} // namespace

std::vector<DecodeResult> beamSearchAll(const Seq2Seq<float>& model, const ModelSource& source,
                                        const DecodeOptions& options, BeamTreeRecorder* recorder) {
    // A label is one token: every beam would hold the same single choice.
    if (model.config().predictsLabel()) return predictLabels(model, sourceBatch(source));
    const int width = std::max(1, options.beamWidth);
    const SequenceBatch batch = sourceBatch(source, width);
    EncodedSource<float> encoded;
    model.encode(batch, encoded);
    DecoderState<float> state;
    model.startDecoding(encoded, state);
    const int limit = effectiveMaxLength(options, batch.sourceLength);

    std::vector<StepRecord> steps;
    std::vector<Ending> endings;
    std::vector<double> liveScore(width, 0.0);
    int live = 1; // at the first step every slot holds the same <s>: expand only one
    std::vector<int> input(width, StartId);
    Matrix<float> logits, alignment, scratch;
    std::vector<Candidate> candidates;
    for (int t = 0; t < limit && live > 0 && static_cast<int>(endings.size()) < width; ++t) {
        model.decodeStep(input, encoded, state, logits, alignment);
        candidates.clear();
        for (int slot = 0; slot < live; ++slot) {
            const Vector<float> logProbs = logSoftmax(logits.col(slot));
            for (int v = 0; v < logProbs.size(); ++v)
                candidates.push_back({liveScore[slot] + logProbs(v), slot, v});
        }
        // Best first; ties go to the lower slot, then the lower token id (as greedy's argmax).
        const auto better = [](const Candidate& a, const Candidate& b) {
            if (a.score != b.score) return a.score > b.score;
            return a.slot != b.slot ? a.slot < b.slot : a.token < b.token;
        };
        const size_t keep = std::min(candidates.size(), static_cast<size_t>(2 * width));
        std::partial_sort(candidates.begin(), candidates.begin() + keep, candidates.end(), better);

        StepRecord record;
        record.alignment = alignment;
        std::vector<double> nextScore;
        const int endingsBefore = static_cast<int>(endings.size());
        size_t c = 0; // candidates [0, c) decided, [c, keep) pruned
        for (; c < keep && static_cast<int>(record.origin.size()) < width; ++c) {
            const Candidate& cand = candidates[c];
            const float tokenLogProb = static_cast<float>(cand.score - liveScore[cand.slot]);
            if (cand.token == EndId) {
                if (static_cast<int>(endings.size()) < width)
                    endings.push_back({t, cand.slot, true, cand.score, tokenLogProb});
                continue;
            }
            record.origin.push_back(cand.slot);
            record.token.push_back(cand.token);
            record.logProb.push_back(tokenLogProb);
            nextScore.push_back(cand.score);
        }
        if (recorder) recordStep(*recorder, t, candidates, keep, c, endingsBefore, width, liveScore);
        live = static_cast<int>(record.origin.size());
        steps.push_back(record);
        if (live == 0) break;
        // Reorder the decoder state so slot j continues the hypothesis it extends.
        std::vector<int> origin = record.origin;
        origin.resize(width, origin.front()); // idle slots copy slot 0; they are never expanded
        gatherColumns(state.hidden, origin, scratch);
        gatherColumns(state.cell, origin, scratch);
        gatherColumns(state.attentional, origin, scratch);
        gatherColumns(state.alignment, origin, scratch);
        for (int j = 0; j < width; ++j) input[j] = j < live ? record.token[j] : record.token.front();
        std::copy(nextScore.begin(), nextScore.end(), liveScore.begin());
    }
    // Hypotheses still open at the length limit compete too, marked unfinished.
    if (endings.empty() || static_cast<int>(endings.size()) < width)
        for (int slot = 0; slot < live && static_cast<int>(endings.size()) < width; ++slot) {
            endings.push_back({static_cast<int>(steps.size()), slot, false, liveScore[slot], 0.0f});
            if (recorder) recorder->endOpen(slot);
        }

    std::vector<DecodeResult> made;
    for (const Ending& ending : endings) made.push_back(reconstruct(steps, ending, options.lengthPenalty));
    // Sorted through indices (a stable sort gives the same order) so the recorder learns which won.
    std::vector<size_t> order(made.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&made](size_t i, size_t j) {
        const DecodeResult& a = made[i];
        const DecodeResult& b = made[j];
        if (a.finished != b.finished) return a.finished; // a finished hypothesis beats a cut-off one
        return a.score > b.score;
    });
    if (recorder) recorder->finish(order.front(), made[order.front()]);
    std::vector<DecodeResult> results;
    results.reserve(made.size());
    for (size_t i : order) results.push_back(std::move(made[i]));
    return results;
}

DecodeResult beamSearch(const Seq2Seq<float>& model, const ModelSource& source,
                        const DecodeOptions& options) {
    return beamSearchAll(model, source, options).front();
}

DecodeResult decode(const Seq2Seq<float>& model, const ModelSource& source, const DecodeOptions& options) {
    return options.beamWidth <= 1 ? greedyDecode(model, source, options) : beamSearch(model, source, options);
}

} // namespace attnlab
