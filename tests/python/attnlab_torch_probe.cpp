// attnlab-torch-probe: AttnLab's side of the PyTorch equivalence tests (issue 16).
// B batch, S source length, T target length (</s> included), V target vocabulary.
//
//   attnlab-torch-probe make SPEC.json OUT.safetensors
//       SPEC: {"config": {model file config}, "source_vocab": [tokens], "target_vocab": [tokens],
//              "seed": N}. Builds a randomly initialised model of that configuration and saves it
//       with saveModel, as AttnLab saves any model.
//   attnlab-torch-probe dump MODEL.safetensors PAIRS.json
//       PAIRS: {"pairs": [[[source ids], [target ids]], ...]} (ids without specials). Loads the
//       model with loadModel and prints JSON: the teacher-forced logits (B x T x V) and attention
//       (B x T x S) of the pairs as one padded batch in the given order, the summed token loss and
//       token count, and each source's greedy decoding (tokens, finished, attention T x S_b).
//   attnlab-torch-probe step MODEL.safetensors PAIRS.json CLIP OUT.safetensors
//       One training step on the pairs as one batch, as the Trainer takes it (mean token loss,
//       clipping by global norm to CLIP), then SGD with rate 1 and no momentum, so OUT holds
//       weights − clipped gradients; saved with saveModel.
// Exit codes: 0 ok, 1 a file or model error (message on stderr), 2 bad usage.
#include "core/data/Batcher.h"
#include "core/infer/GreedyDecoder.h"
#include "core/train/GradientClipping.h"
#include "core/train/ModelFile.h"
#include "core/train/Sgd.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <numeric>
#include <sstream>

namespace {

using Json = nlohmann::json;
using namespace attnlab;

Json readJson(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    return Json::parse(in);
}

int make(const std::string& specPath, const std::string& out) {
    const Json spec = readJson(specPath);
    ModelBundle bundle;
    readModelConfigJson(spec.at("config").dump(), bundle);
    bundle.sourceVocabulary = Vocabulary::fromTokens(spec.at("source_vocab").get<std::vector<std::string>>());
    bundle.targetVocabulary = Vocabulary::fromTokens(spec.at("target_vocab").get<std::vector<std::string>>());
    bundle.config.sourceVocabulary = bundle.sourceVocabulary.size();
    bundle.config.targetVocabulary = bundle.targetVocabulary.size();
    bundle.model = std::make_unique<Seq2Seq<float>>(bundle.config);
    bundle.model->initialize(spec.value("seed", std::uint64_t{1}));
    saveModel(out, bundle);
    return 0;
}

// Row t of column b of a (rows x T·B) time-major block matrix, as a JSON array of `count` values.
Json column(const Matrix<float>& m, Eigen::Index col, Eigen::Index count) {
    Json values = Json::array();
    for (Eigen::Index r = 0; r < count; ++r) values.push_back(m(r, col));
    return values;
}

// The pairs of a PAIRS.json file, and all of them as one padded batch in the given order.
struct ProbePairs {
    std::vector<EncodedPair> pairs;
    SequenceBatch batch;
};

ProbePairs readPairs(const std::string& pairsPath) {
    ProbePairs result;
    const Json input = readJson(pairsPath); // kept: a temporary would die before the loop
    for (const Json& pair : input.at("pairs"))
        result.pairs.push_back({pair.at(0).get<std::vector<int>>(), pair.at(1).get<std::vector<int>>()});
    const Batcher batcher(result.pairs, static_cast<int>(result.pairs.size()), 1);
    std::vector<int> order(result.pairs.size());
    std::iota(order.begin(), order.end(), 0);
    result.batch = batcher.makeBatch(order);
    return result;
}

int step(const std::string& modelPath, const std::string& pairsPath, double clip, const std::string& out) {
    ModelBundle bundle = loadModel(modelPath);
    const ProbePairs input = readPairs(pairsPath);
    const ParameterList<float> parameters = bundle.model->parameters();
    zeroGrad(parameters);
    Seq2SeqCache<float> cache;
    const float gradScale = 1.0f / static_cast<float>(input.batch.targetTokenCount());
    bundle.model->lossAndGradients(input.batch, std::vector<char>(input.batch.targetLength, 1), gradScale,
                                   cache);
    clipGradientNorm(parameters, clip);
    Sgd(parameters, 1.0, 0.0).step();
    saveModel(out, bundle);
    return 0;
}

int dump(const std::string& modelPath, const std::string& pairsPath) {
    const ModelBundle bundle = loadModel(modelPath);
    const Seq2Seq<float>& model = *bundle.model;
    const ProbePairs input = readPairs(pairsPath);
    const std::vector<EncodedPair>& pairs = input.pairs;
    const SequenceBatch& batch = input.batch;

    Seq2SeqCache<float> cache;
    const double lossSum = model.loss(batch, cache);
    const Matrix<float> logits = cache.decoder.logits(); // (V x T·B), after loss(): the logits themselves
    const Matrix<float>& alignments = cache.decoder.alignments; // (S x (T+1)·B), block t+1 = α_t
    const int b = batch.batchSize;
    Json allLogits = Json::array();
    Json allAttention = Json::array();
    for (int k = 0; k < b; ++k) {
        Json rows = Json::array();
        Json attention = Json::array();
        for (int t = 0; t < batch.targetLength; ++t) {
            rows.push_back(column(logits, t * b + k, logits.rows()));
            attention.push_back(column(alignments, (t + 1) * b + k, batch.sourceLength));
        }
        allLogits.push_back(rows);
        allAttention.push_back(attention);
    }
    Json greedy = Json::array();
    for (const EncodedPair& pair : pairs) {
        const DecodeResult decoded = greedyDecode(model, pair.source);
        Json attention = Json::array(); // (rows x S)
        for (Eigen::Index t = 0; t < decoded.attention.rows(); ++t) {
            Json row = Json::array();
            for (Eigen::Index s = 0; s < decoded.attention.cols(); ++s)
                row.push_back(decoded.attention(t, s));
            attention.push_back(row);
        }
        greedy.push_back(
            {{"tokens", decoded.tokens}, {"finished", decoded.finished}, {"attention", attention}});
    }
    const Json result = {{"logits", allLogits},
                         {"attention", allAttention},
                         {"loss_sum", lossSum},
                         {"tokens", batch.targetTokenCount()},
                         {"target_length", batch.targetLength},
                         {"greedy", greedy}};
    std::cout << result.dump() << '\n';
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    const bool known = (args.size() == 3 && (args[0] == "make" || args[0] == "dump")) ||
                       (args.size() == 5 && args[0] == "step");
    if (!known) {
        std::cerr << "usage: attnlab-torch-probe make SPEC.json OUT.safetensors\n"
                     "       attnlab-torch-probe dump MODEL.safetensors PAIRS.json\n"
                     "       attnlab-torch-probe step MODEL.safetensors PAIRS.json CLIP OUT.safetensors\n";
        return 2;
    }
    try {
        if (args[0] == "step") return step(args[1], args[2], std::stod(args[3]), args[4]);
        return args[0] == "make" ? make(args[1], args[2]) : dump(args[1], args[2]);
    } catch (const std::exception& e) {
        std::cerr << "attnlab-torch-probe " << args[0] << ": " << e.what() << '\n';
        return 1;
    }
}
