// Writes the model loader's seed models (fuzz/corpus/model_loader/): the smallest model of each
// scorer kind, saved by saveModel, so the fuzzer starts from files loadModel accepts.
// Usage: fuzz_seed_model DIRECTORY
#include "core/train/ModelFile.h"

#include <cstdio>
#include <string>

using namespace attnlab;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s DIRECTORY\n", argv[0]);
        return 2;
    }
    for (const ScorerKind scorer : allScorers()) {
        ModelBundle bundle;
        bundle.sourceVocabulary = Vocabulary::fromTokens({"<pad>", "<s>", "</s>", "<unk>", "a", "b"});
        bundle.targetVocabulary = Vocabulary::fromTokens({"<pad>", "<s>", "</s>", "<unk>", "x"});
        ModelConfig& c = bundle.config;
        c.sourceVocabulary = bundle.sourceVocabulary.size();
        c.targetVocabulary = bundle.targetVocabulary.size();
        c.embedding = 2;
        c.hidden = 2;
        c.scorer = scorer;
        c.maxSourceLength = 4;
        c.locationFilters = 1;
        c.locationKernel = 1;
        bundle.dataset = "seed";
        bundle.model = std::make_unique<Seq2Seq<float>>(c);
        bundle.model->initialize(1);
        saveModel(std::string(argv[1]) + "/" + scorerName(scorer) + ".safetensors", bundle);
    }
    return 0;
}
