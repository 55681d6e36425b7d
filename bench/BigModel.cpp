#include "bench/BigModel.h"

#include "bench/BigModelBundle.h"
#include "bench/Fastest.h"

#include "core/infer/BeamSearch.h"
#include "core/infer/GreedyDecoder.h"
#include "core/train/ModelFile.h"

#include <cstdio>
#include <filesystem>

namespace attnlab::bench {

nlohmann::json measureBigModel(int trials) {
    ModelBundle bundle = makeBigModel();
    const long long parameters = parameterCount(bundle.model->parameters());

    const std::string path =
        (std::filesystem::temp_directory_path() / "attnlab-bench-big.safetensors").string();
    const double saveMs = fastestMs(1, [&] { saveModel(path, bundle); });
    const double fileMegabytes = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
    ModelBundle opened;
    const double openMs = fastestMs(trials, [&] { opened = loadModel(path); });
    std::filesystem::remove(path);

    const std::vector<int> sentence = bigModelSentence();
    DecodeOptions options;
    options.maxLength = kBigModelSentenceWords; // 100 words out: an untrained model never ends on its own
    DecodeResult greedy;
    const double greedyMs =
        fastestMs(trials, [&] { greedy = greedyDecode(*opened.model, sentence, options); });
    options.beamWidth = 5;
    DecodeResult beam;
    const double beamMs = fastestMs(trials, [&] { beam = beamSearch(*opened.model, sentence, options); });
    return {{"hidden", kBigModelHidden},
            {"embedding", kBigModelEmbedding},
            {"vocabulary", kBigModelVocabulary},
            {"parameters", parameters},
            {"file_megabytes", fileMegabytes},
            {"save_ms", saveMs},
            {"open_ms", openMs},
            {"source_words", kBigModelSentenceWords},
            {"greedy_words", greedy.tokens.size()},
            {"greedy_ms", greedyMs},
            {"beam5_words", beam.tokens.size()},
            {"beam5_ms", beamMs}};
}

void printBigModel(const nlohmann::json& f) {
    std::printf("big model: H %d, E %d, %d-word vocabularies, %lld parameters, %.0f MB file\n",
                f["hidden"].get<int>(), f["embedding"].get<int>(), f["vocabulary"].get<int>(),
                f["parameters"].get<long long>(), f["file_megabytes"].get<double>());
    std::printf("  save %.0f ms, open %.0f ms (target: the window within 2 s)\n", f["save_ms"].get<double>(),
                f["open_ms"].get<double>());
    std::printf(
        "  %d words -> %d words: greedy %.1f ms (target 50), beam 5 %.1f ms for %d words (target 250)\n",
        f["source_words"].get<int>(), f["greedy_words"].get<int>(), f["greedy_ms"].get<double>(),
        f["beam5_ms"].get<double>(), f["beam5_words"].get<int>());
}

} // namespace attnlab::bench
