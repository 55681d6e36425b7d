#include "bench/BigModelBundle.h"

#include "core/util/Random.h"

namespace attnlab::bench {

namespace {

Vocabulary words(const char* prefix) {
    std::vector<std::string> tokens(Vocabulary::SpecialTokens.begin(), Vocabulary::SpecialTokens.end());
    for (int i = static_cast<int>(tokens.size()); i < kBigModelVocabulary; ++i)
        tokens.push_back(prefix + std::to_string(i));
    return Vocabulary::fromTokens(std::move(tokens));
}

} // namespace

ModelBundle makeBigModel() {
    ModelBundle bundle;
    bundle.config.embedding = kBigModelEmbedding;
    bundle.config.hidden = kBigModelHidden;
    bundle.config.scorer = ScorerKind::General;
    bundle.sourceTokens = bundle.targetTokens = Tokenization::Word;
    bundle.sourceVocabulary = words("s");
    bundle.targetVocabulary = words("t");
    bundle.config.sourceVocabulary = bundle.sourceVocabulary.size();
    bundle.config.targetVocabulary = bundle.targetVocabulary.size();
    bundle.dataset = "synthetic";
    bundle.model = std::make_unique<Seq2Seq<float>>(bundle.config);
    bundle.model->initialize(1);
    return bundle;
}

std::vector<int> bigModelSentence(std::uint64_t seed) {
    Random random(seed);
    std::vector<int> sentence(kBigModelSentenceWords);
    const int specials = static_cast<int>(Vocabulary::SpecialTokens.size());
    for (int& id : sentence) id = specials + static_cast<int>(random.below(kBigModelVocabulary - specials));
    return sentence;
}

} // namespace attnlab::bench
