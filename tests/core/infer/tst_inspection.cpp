// inspectDecode against the model's weights: every scorer's scores, weights and context recomputed
// by hand with plain loops from the parameters (Luong and Bahdanau, input feeding on and off); a
// one-hot α gives exactly h̄_s; τ = 1 is greedy decoding bit for bit and τ ≠ 1 is softmax(e / τ);
// forcing the model's own tokens changes nothing, forcing attention at t leaves steps < t alone.
#include "core/infer/GreedyDecoder.h"
#include "core/infer/Inspection.h"
#include "core/infer/ScorerTerms.h"
#include "support/ReversalTraining.h"

#include <QtTest>

#include <map>
#include <set>

using namespace attnlab;

namespace {

struct Variant {
    ScorerKind scorer;
    DecoderStyle style;
    bool inputFeeding;
    bool bidirectional;
    int trainSteps; // 0: randomly initialised
};

const std::map<QString, Variant>& variants() {
    static const std::map<QString, Variant> all = {
        {"dot, luong", {ScorerKind::Dot, DecoderStyle::Luong, true, false, 0}},
        {"scaled_dot, luong", {ScorerKind::ScaledDot, DecoderStyle::Luong, true, false, 0}},
        {"general, luong, trained", {ScorerKind::General, DecoderStyle::Luong, true, false, 120}},
        {"general, luong, no input feeding", {ScorerKind::General, DecoderStyle::Luong, false, false, 0}},
        {"general, bahdanau", {ScorerKind::General, DecoderStyle::Bahdanau, false, false, 0}},
        {"general, bidirectional", {ScorerKind::General, DecoderStyle::Luong, true, true, 0}},
        {"additive, luong", {ScorerKind::Additive, DecoderStyle::Luong, true, false, 0}},
        {"additive, bahdanau, trained", {ScorerKind::Additive, DecoderStyle::Bahdanau, false, false, 120}},
        {"location_aware, luong, trained",
         {ScorerKind::LocationAware, DecoderStyle::Luong, true, false, 120}},
        {"location_aware, bahdanau", {ScorerKind::LocationAware, DecoderStyle::Bahdanau, false, false, 0}},
        {"location, luong", {ScorerKind::Location, DecoderStyle::Luong, true, false, 0}},
        {"none", {ScorerKind::None, DecoderStyle::Luong, true, false, 0}},
    };
    return all;
}

std::unique_ptr<Seq2Seq<float>> build(const Variant& v, std::uint64_t seed) {
    ModelConfig config = test::reversalConfig(v.scorer);
    config.decoder = v.style;
    config.inputFeeding = v.inputFeeding;
    config.bidirectional = v.bidirectional;
    config.attentionDim = 24; // A ≠ H, so a transposed projection cannot pass
    if (v.trainSteps > 0) return test::trainedReversalModel(config, v.trainSteps, seed);
    auto model = std::make_unique<Seq2Seq<float>>(config);
    model->initialize(seed);
    return model;
}

const Matrix<float>& weight(const Seq2Seq<float>& model, const char* name) {
    return model.parameter(name).value;
}

// e_s by plain loops from the parameters, in double; q the step's query, keys (S x H).
std::vector<double> handScores(const Seq2Seq<float>& model, const Inspection& inspection, int t) {
    const ModelConfig& config = model.config();
    const StepInspection& step = inspection.steps[static_cast<size_t>(t)];
    const Vector<float>& q = step.query;
    const Matrix<float>& keys = inspection.keys;
    const int sources = static_cast<int>(keys.rows());
    const int h = config.hidden;
    std::vector<double> e(static_cast<size_t>(sources), 0.0);
    for (int s = 0; s < sources; ++s) {
        double score = 0;
        switch (config.scorer) {
        case ScorerKind::None:
            break;
        case ScorerKind::Dot:
        case ScorerKind::ScaledDot:
            for (int i = 0; i < h; ++i) score += double(q(i)) * keys(s, i);
            if (config.scorer == ScorerKind::ScaledDot) score /= std::sqrt(double(h));
            break;
        case ScorerKind::General: {
            const Matrix<float>& w = weight(model, "attention.weight"); // (H x H)
            for (int i = 0; i < h; ++i)
                for (int j = 0; j < h; ++j) score += double(keys(s, i)) * w(i, j) * q(j);
            break;
        }
        case ScorerKind::Location: {
            const Matrix<float>& w = weight(model, "attention.weight"); // (maxLen x H)
            for (int j = 0; j < h; ++j) score += double(w(s, j)) * q(j);
            break;
        }
        case ScorerKind::Additive:
        case ScorerKind::LocationAware: {
            const Matrix<float>& wq = weight(model, "attention.query.weight"); // (A x H)
            const Matrix<float>& wk = weight(model, "attention.key.weight");   // (A x H)
            const Matrix<float>& b = weight(model, "attention.key.bias");      // (A x 1)
            const Matrix<float>& v = weight(model, "attention.v.weight");      // (1 x A)
            const int a = static_cast<int>(wq.rows());
            std::vector<double> f; // (F) f_s
            if (config.scorer == ScorerKind::LocationAware) {
                const Matrix<float>& conv = weight(model, "attention.conv.weight"); // (F x W)
                const int width = static_cast<int>(conv.cols());
                // α_{t−1}: uniform before the first step, then the previous step's weights
                std::vector<double> previous(static_cast<size_t>(sources), 1.0 / sources);
                if (t > 0)
                    for (int p = 0; p < sources; ++p)
                        previous[static_cast<size_t>(p)] =
                            inspection.steps[static_cast<size_t>(t - 1)].weights(p);
                f.assign(static_cast<size_t>(conv.rows()), 0.0);
                for (int c = 0; c < conv.rows(); ++c)
                    for (int w = 0; w < width; ++w) {
                        const int from = s + w - width / 2;
                        if (from >= 0 && from < sources)
                            f[static_cast<size_t>(c)] += conv(c, w) * previous[static_cast<size_t>(from)];
                    }
            }
            for (int k = 0; k < a; ++k) {
                double pre = b(k, 0);
                for (int j = 0; j < h; ++j) pre += double(wq(k, j)) * q(j) + double(wk(k, j)) * keys(s, j);
                if (!f.empty()) {
                    const Matrix<float>& u = weight(model, "attention.location.weight"); // (A x F)
                    for (size_t c = 0; c < f.size(); ++c) pre += u(k, static_cast<Eigen::Index>(c)) * f[c];
                }
                score += v(0, k) * std::tanh(pre);
            }
            break;
        }
        }
        e[static_cast<size_t>(s)] = score;
    }
    return e;
}

std::vector<double> softmax(const std::vector<double>& e, double temperature = 1.0) {
    double top = -1e300;
    for (double x : e) top = std::max(top, x / temperature);
    std::vector<double> p;
    double sum = 0;
    for (double x : e) sum += std::exp(x / temperature - top);
    for (double x : e) p.push_back(std::exp(x / temperature - top) / sum);
    return p;
}

double tolerance(double expected) {
    return 1e-5 * std::max(1.0, std::abs(expected));
}

std::vector<std::vector<int>> sources(int count, std::uint64_t seed) {
    Random random(seed);
    std::vector<std::vector<int>> all;
    for (int i = 0; i < count; ++i) all.push_back(test::reversalSource(random));
    return all;
}

} // namespace

class TestInspection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void variants_data();
    void recomputedByHand_data() { variants_data(); }
    void recomputedByHand();
    void scorerTermsGiveTheScore_data() { variants_data(); }
    void scorerTermsGiveTheScore();
    void temperatureOneIsGreedyBitForBit_data() { variants_data(); }
    void temperatureOneIsGreedyBitForBit();
    void temperatureDividesScores_data();
    void temperatureDividesScores();
    void oneHotAttentionGivesThatKey_data();
    void oneHotAttentionGivesThatKey();
    void overrideLeavesEarlierStepsAlone();
    void overrideIsRenormalised();
    void ownTokensForcedReproduceTheOutput_data() { variants_data(); }
    void ownTokensForcedReproduceTheOutput();
    void anotherTokenChangesTheRest();
    void stopAfterForcedPrefix();
    void badOptionsAreRefused();

private:
    std::map<QString, std::unique_ptr<Seq2Seq<float>>> m_models;
};

void TestInspection::initTestCase() {
    std::uint64_t seed = 11;
    for (const auto& [name, variant] : variants()) m_models[name] = build(variant, seed++);
}

void TestInspection::variants_data() {
    QTest::addColumn<QString>("variant");
    for (const auto& entry : variants()) QTest::newRow(qPrintable(entry.first)) << entry.first;
}

void TestInspection::recomputedByHand() {
    QFETCH(QString, variant);
    const Seq2Seq<float>& model = *m_models.at(variant);
    const ModelConfig& config = model.config();
    const int h = config.hidden;
    for (const auto& source : sources(4, 21)) {
        const Inspection inspection = inspectDecode(model, source);
        const int sourceLength = static_cast<int>(source.size());
        QCOMPARE(inspection.keys.rows(), Eigen::Index(sourceLength));
        QCOMPARE(inspection.keys.cols(), Eigen::Index(h));
        QVERIFY(!inspection.steps.empty());
        for (int t = 0; t < static_cast<int>(inspection.steps.size()); ++t) {
            const StepInspection& step = inspection.steps[static_cast<size_t>(t)];
            QCOMPARE(step.step, t);
            QCOMPARE(step.inputToken,
                     t == 0 ? int(StartId) : inspection.steps[static_cast<size_t>(t - 1)].chosen);
            QCOMPARE(step.query.size(), Eigen::Index(h));
            std::vector<double> context(static_cast<size_t>(h), 0.0); // c_t by hand (0 without attention)
            if (config.scorer == ScorerKind::None) {
                QCOMPARE(step.scores.size(), Eigen::Index(0));
                QCOMPARE(step.weights.size(), Eigen::Index(0));
                QCOMPARE(step.context.size(), Eigen::Index(0));
            } else {
                const std::vector<double> e = handScores(model, inspection, t);
                const std::vector<double> alpha = softmax(e);
                QCOMPARE(step.scores.size(), Eigen::Index(sourceLength));
                for (int s = 0; s < sourceLength; ++s) {
                    QVERIFY2(std::abs(step.scores(s) - e[s]) < tolerance(e[s]),
                             qPrintable(QString("t %1 s %2: e %3, by hand %4")
                                            .arg(t)
                                            .arg(s)
                                            .arg(step.scores(s))
                                            .arg(e[s])));
                    QVERIFY(std::abs(step.weights(s) - alpha[s]) < 1e-5);
                    for (int i = 0; i < h; ++i) context[i] += alpha[s] * inspection.keys(s, i);
                }
                QVERIFY(std::abs(step.weights.sum() - 1.0f) < 1e-5f);
                for (int i = 0; i < h; ++i)
                    QVERIFY(std::abs(step.context(i) - context[i]) < tolerance(context[i]));
                QCOMPARE(inspection.result.attention.row(t), step.weights.transpose());
            }
            if (config.scorer == ScorerKind::LocationAware) {
                QCOMPARE(step.previousWeights.size(), Eigen::Index(sourceLength));
                QCOMPARE(step.locationFeatures.rows(), Eigen::Index(config.locationFilters));
                QCOMPARE(step.locationFeatures.cols(), Eigen::Index(sourceLength));
                if (t > 0)
                    QCOMPARE(step.previousWeights, inspection.steps[static_cast<size_t>(t - 1)].weights);
                else
                    QCOMPARE(step.previousWeights,
                             Vector<float>::Constant(sourceLength, 1.0f / sourceLength));
            } else {
                QCOMPARE(step.previousWeights.size(), Eigen::Index(0));
                QCOMPARE(step.locationFeatures.size(), Eigen::Index(0));
            }
            // h̃_t = tanh(W_c [c_t; h_t]); h_t is the query for Luong, the next step's for Bahdanau.
            const bool luong = config.decoder == DecoderStyle::Luong;
            if (luong || t + 1 < static_cast<int>(inspection.steps.size())) {
                const Vector<float>& hidden =
                    luong ? step.query : inspection.steps[static_cast<size_t>(t + 1)].query;
                const Matrix<float>& wc = weight(model, "combine.weight"); // (H x 2H)
                for (int i = 0; i < h; ++i) {
                    double pre = 0;
                    for (int j = 0; j < h; ++j)
                        pre += wc(i, j) * context[j] + double(wc(i, h + j)) * hidden(j);
                    QVERIFY(std::abs(step.attentional(i) - std::tanh(pre)) < 1e-5);
                }
            }
            // p = softmax(W_o h̃ + b_o): the top-k, best first
            const Matrix<float>& wo = weight(model, "output.weight"); // (V x H)
            const Matrix<float>& bo = weight(model, "output.bias");   // (V x 1)
            std::vector<double> logits;
            for (int v = 0; v < wo.rows(); ++v) {
                double z = bo(v, 0);
                for (int j = 0; j < h; ++j) z += double(wo(v, j)) * step.attentional(j);
                logits.push_back(z);
            }
            const std::vector<double> p = softmax(logits);
            QCOMPARE(step.top.size(), size_t(5));
            for (size_t k = 0; k < step.top.size(); ++k) {
                QVERIFY(std::abs(step.top[k].probability - p[step.top[k].token]) < 1e-5);
                if (k > 0) QVERIFY(step.top[k - 1].probability >= step.top[k].probability);
            }
            QCOMPARE(step.chosen, step.top[0].token);
            QVERIFY(std::abs(step.chosenLogProb - std::log(p[step.chosen])) < 1e-4);
            QVERIFY(!step.tokenForced && !step.attentionForced);
        }
    }
}

void TestInspection::scorerTermsGiveTheScore() {
    QFETCH(QString, variant);
    const Seq2Seq<float>& model = *m_models.at(variant);
    const ModelConfig& config = model.config();
    const std::vector<int> source = sources(1, 5).front();
    const Inspection inspection = inspectDecode(model, source);
    if (config.scorer == ScorerKind::None) {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, scorerTerms(model, inspection, 0, 0));
        return;
    }
    const int a = config.attentionSize();
    const int last = static_cast<int>(inspection.steps.size()) - 1;
    for (int t : std::set<int>{0, last / 2, last}) {
        for (int s = 0; s < static_cast<int>(source.size()); ++s) {
            const ScorerTerms terms = scorerTerms(model, inspection, t, s);
            const float e = inspection.steps[static_cast<size_t>(t)].scores(s);
            QVERIFY2(std::abs(terms.score - e) < tolerance(e),
                     qPrintable(QString("%1 vs %2").arg(terms.score).arg(e)));
            QCOMPARE(terms.key, Vector<float>(inspection.keys.row(s).transpose()));
            QCOMPARE(terms.query, inspection.steps[static_cast<size_t>(t)].query);
            const bool additive =
                config.scorer == ScorerKind::Additive || config.scorer == ScorerKind::LocationAware;
            if (additive) {
                QCOMPARE(terms.projectedQuery.size(), Eigen::Index(a));
                QCOMPARE(terms.projectedKey.size(), Eigen::Index(a));
                QCOMPARE(terms.v.size(), Eigen::Index(a));
                QVERIFY(
                    (terms.activation - terms.preActivation.array().tanh().matrix()).cwiseAbs().maxCoeff() <
                    1e-6f);
            }
            if (config.scorer == ScorerKind::LocationAware) {
                QCOMPARE(terms.features,
                         Vector<float>(inspection.steps[static_cast<size_t>(t)].locationFeatures.col(s)));
                QCOMPARE(terms.projectedFeatures.size(), Eigen::Index(a));
            }
            if (config.scorer == ScorerKind::General)
                QCOMPARE(terms.projectedQuery.size(), Eigen::Index(config.hidden));
            if (config.scorer == ScorerKind::Location)
                QCOMPARE(terms.positionWeights.size(), Eigen::Index(config.hidden));
        }
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, scorerTerms(model, inspection, 0, int(source.size())));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             scorerTerms(model, inspection, int(inspection.steps.size()), 0));
}

void TestInspection::temperatureOneIsGreedyBitForBit() {
    QFETCH(QString, variant);
    const Seq2Seq<float>& model = *m_models.at(variant);
    for (const auto& source : sources(6, 31)) {
        const DecodeResult greedy = greedyDecode(model, source);
        const Inspection inspection = inspectDecode(model, source, {.temperature = 1.0});
        const DecodeResult& result = inspection.result;
        QCOMPARE(result.tokens, greedy.tokens);
        QCOMPARE(result.tokenLogProbs, greedy.tokenLogProbs); // ==, float for float
        QCOMPARE(result.logProb, greedy.logProb);
        QCOMPARE(result.score, greedy.score);
        QCOMPARE(result.finished, greedy.finished);
        QVERIFY(result.attention == greedy.attention);
        QCOMPARE(inspection.steps.size(), size_t(greedy.attention.rows()));
    }
}

void TestInspection::temperatureDividesScores_data() {
    QTest::addColumn<QString>("variant");
    QTest::addColumn<double>("temperature");
    for (const QString name :
         {"general, luong, trained", "additive, bahdanau, trained", "location_aware, luong, trained"})
        for (double tau : {0.1, 0.5, 3.0})
            QTest::newRow(qPrintable(QString("%1, τ %2").arg(name).arg(tau))) << name << tau;
}

void TestInspection::temperatureDividesScores() {
    QFETCH(QString, variant);
    QFETCH(double, temperature);
    const Seq2Seq<float>& model = *m_models.at(variant);
    for (const auto& source : sources(3, 41)) {
        const Inspection plain = inspectDecode(model, source);
        const Inspection tempered = inspectDecode(model, source, {.temperature = temperature});
        for (const StepInspection& step : tempered.steps) {
            const std::vector<double> e(step.scores.data(), step.scores.data() + step.scores.size());
            const std::vector<double> alpha = softmax(e, temperature);
            for (int s = 0; s < step.weights.size(); ++s)
                QVERIFY(std::abs(step.weights(s) - alpha[s]) < 1e-5);
            QVERIFY(!step.attentionForced);
        }
        // Step 0's scores do not depend on attention (Luong's h_0, Bahdanau's s_{−1}) unless the
        // scorer reads α_{−1}, which is uniform either way: the same raw scores, other weights.
        const StepInspection& a = plain.steps.front();
        const StepInspection& b = tempered.steps.front();
        QCOMPARE(b.scores, a.scores);
        const double sharper = temperature < 1 ? 1 : -1; // τ < 1 sharpens the largest weight
        QVERIFY(sharper * (b.weights.maxCoeff() - a.weights.maxCoeff()) >= 0);
        QVERIFY(b.weights != a.weights);
    }
}

void TestInspection::oneHotAttentionGivesThatKey_data() {
    QTest::addColumn<QString>("variant");
    for (const char* name : {"dot, luong", "general, bahdanau", "additive, luong",
                             "location_aware, luong, trained", "location, luong"})
        QTest::newRow(name) << QString(name);
}

void TestInspection::oneHotAttentionGivesThatKey() {
    QFETCH(QString, variant);
    const Seq2Seq<float>& model = *m_models.at(variant);
    const std::vector<int> source = sources(1, 51).front();
    const int length = static_cast<int>(source.size());
    const int last = static_cast<int>(inspectDecode(model, source).steps.size()) - 1;
    for (int t : std::set<int>{0, std::min(2, last)}) {
        for (int s = 0; s < length; ++s) {
            InspectOptions options;
            options.attentionOverride[t] = Vector<float>::Unit(length, s);
            const Inspection inspection = inspectDecode(model, source, options);
            QVERIFY(static_cast<int>(inspection.steps.size()) > t);
            const StepInspection& step = inspection.steps[static_cast<size_t>(t)];
            QVERIFY(step.attentionForced);
            QCOMPARE(step.weights, Vector<float>(Vector<float>::Unit(length, s)));
            QCOMPARE(step.context, Vector<float>(inspection.keys.row(s).transpose())); // exactly h̄_s
            QCOMPARE(inspection.result.attention.row(t), step.weights.transpose());
        }
    }
}

void TestInspection::overrideLeavesEarlierStepsAlone() {
    for (const char* name :
         {"general, luong, trained", "additive, bahdanau, trained", "location_aware, luong, trained"}) {
        const Seq2Seq<float>& model = *m_models.at(name);
        for (const auto& source : sources(3, 61)) {
            const Inspection plain = inspectDecode(model, source);
            const int t = 2;
            InspectOptions options;
            options.attentionOverride[t] = Vector<float>::Unit(static_cast<Eigen::Index>(source.size()), 0);
            const Inspection forced = inspectDecode(model, source, options);
            for (int u = 0; u < t; ++u) {
                const StepInspection& a = plain.steps[static_cast<size_t>(u)];
                const StepInspection& b = forced.steps[static_cast<size_t>(u)];
                QCOMPARE(b.scores, a.scores);
                QCOMPARE(b.weights, a.weights);
                QCOMPARE(b.context, a.context);
                QCOMPARE(b.attentional, a.attentional);
                QCOMPARE(b.chosen, a.chosen);
                QCOMPARE(b.chosenLogProb, a.chosenLogProb);
                QVERIFY(!b.attentionForced);
            }
            // The forced step reads the same query and scores; only its weights differ.
            QCOMPARE(forced.steps[t].scores, plain.steps[t].scores);
            QVERIFY(forced.steps[t].weights != plain.steps[t].weights);
            QVERIFY(forced.steps[t].context != plain.steps[t].context);
            QVERIFY(!forced.steps[t + 1].attentionForced);
        }
    }
}

void TestInspection::overrideIsRenormalised() {
    const Seq2Seq<float>& model = *m_models.at("general, luong, trained");
    const std::vector<int> source = {4, 5, 6, 7};
    InspectOptions options;
    options.attentionOverride[1] = (Vector<float>(4) << 2, 0, 6, 0).finished();
    const Inspection inspection = inspectDecode(model, source, options);
    const StepInspection& step = inspection.steps[1];
    QCOMPARE(step.weights, (Vector<float>(4) << 0.25f, 0, 0.75f, 0).finished());
    const Vector<float> expected =
        0.25f * inspection.keys.row(0).transpose() + 0.75f * inspection.keys.row(2).transpose();
    QVERIFY((step.context - expected).cwiseAbs().maxCoeff() < 1e-6f);
}

void TestInspection::ownTokensForcedReproduceTheOutput() {
    QFETCH(QString, variant);
    const Seq2Seq<float>& model = *m_models.at(variant);
    for (const auto& source : sources(4, 71)) {
        const DecodeResult greedy = greedyDecode(model, source);
        std::vector<int> own = greedy.tokens;
        if (greedy.finished) own.push_back(EndId);
        for (bool stop : {false, true}) {
            InspectOptions options;
            options.forcedTokens = own;
            options.continueAfterForced = !stop;
            const Inspection inspection = inspectDecode(model, source, options);
            QCOMPARE(inspection.result.tokens, greedy.tokens);
            QCOMPARE(inspection.result.tokenLogProbs, greedy.tokenLogProbs);
            QCOMPARE(inspection.result.finished, greedy.finished);
            QVERIFY(inspection.result.attention == greedy.attention);
            for (const StepInspection& step : inspection.steps) QVERIFY(step.tokenForced);
        }
        // A prefix only: the rest decoded greedily, the same output.
        InspectOptions prefix;
        prefix.forcedTokens.assign(own.begin(), own.begin() + static_cast<std::ptrdiff_t>(own.size() / 2));
        const Inspection inspection = inspectDecode(model, source, prefix);
        QCOMPARE(inspection.result.tokens, greedy.tokens);
        QCOMPARE(inspection.result.tokenLogProbs, greedy.tokenLogProbs);
        for (size_t t = 0; t < inspection.steps.size(); ++t)
            QCOMPARE(inspection.steps[t].tokenForced, t < prefix.forcedTokens.size());
    }
}

void TestInspection::anotherTokenChangesTheRest() {
    const Seq2Seq<float>& model = *m_models.at("general, luong, trained");
    const std::vector<int> source = {4, 5, 6, 7, 8};
    const Inspection plain = inspectDecode(model, source);
    QCOMPARE(plain.result.tokens, (std::vector<int>{8, 7, 6, 5, 4})); // it reverses
    // What if it had written the runner-up at step 1?
    const int other = plain.steps[1].top[1].token;
    InspectOptions options;
    options.forcedTokens = {plain.result.tokens[0], other};
    const Inspection whatIf = inspectDecode(model, source, options);
    QCOMPARE(whatIf.result.tokens[0], plain.result.tokens[0]);
    QCOMPARE(whatIf.result.tokens[1], other);
    QCOMPARE(whatIf.steps[1].chosen, other);
    QVERIFY(std::abs(whatIf.steps[1].chosenLogProb - std::log(plain.steps[1].top[1].probability)) < 1e-5f);
    QCOMPARE(whatIf.steps[0].weights, plain.steps[0].weights);
    QCOMPARE(whatIf.steps[1].weights, plain.steps[1].weights);
    QCOMPARE(whatIf.steps[2].inputToken, other);
    QVERIFY(!whatIf.steps[2].tokenForced);
    QVERIFY(whatIf.steps[2].attentional != plain.steps[2].attentional);
}

void TestInspection::stopAfterForcedPrefix() {
    const Seq2Seq<float>& model = *m_models.at("general, luong, trained");
    InspectOptions options;
    options.forcedTokens = {9, 9, 9};
    options.continueAfterForced = false;
    const Inspection inspection = inspectDecode(model, {4, 5, 6}, options);
    QCOMPARE(inspection.steps.size(), size_t(3));
    QCOMPARE(inspection.result.tokens, options.forcedTokens);
    QVERIFY(!inspection.result.finished);
    QCOMPARE(inspection.result.attention.rows(), Eigen::Index(3));
    options.forcedTokens = {6, int(EndId), 9};
    const Inspection ended = inspectDecode(model, {4, 5, 6}, options);
    QCOMPARE(ended.result.tokens, std::vector<int>{6});
    QVERIFY(ended.result.finished);
    QCOMPARE(ended.steps.size(), size_t(2));
}

void TestInspection::badOptionsAreRefused() {
    const Seq2Seq<float>& model = *m_models.at("general, luong, trained");
    const std::vector<int> source = {4, 5, 6};
    for (double tau : {0.0, -1.0, std::nan(""), std::numeric_limits<double>::infinity()})
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, inspectDecode(model, source, {.temperature = tau}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, inspectDecode(model, source, {.topK = 0}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, inspectDecode(model, {}, {}));
    for (int token : {-1, test::kReversalVocabulary}) {
        InspectOptions options;
        options.forcedTokens = {token};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, inspectDecode(model, source, options));
    }
    for (const Vector<float>& weights :
         {Vector<float>(Vector<float>::Ones(2)), Vector<float>(Vector<float>::Zero(3)),
          Vector<float>((Vector<float>(3) << 1, -1, 1).finished())}) {
        InspectOptions options;
        options.attentionOverride[0] = weights;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, inspectDecode(model, source, options));
    }
    InspectOptions onNone;
    onNone.attentionOverride[0] = Vector<float>::Ones(3);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, inspectDecode(*m_models.at("none"), source, onNone));
    // Top-k larger than the vocabulary lists the whole vocabulary.
    const Inspection all = inspectDecode(model, source, {.topK = 100});
    QCOMPARE(all.steps.front().top.size(), size_t(test::kReversalVocabulary));
    float total = 0;
    for (const TokenChance& chance : all.steps.front().top) total += chance.probability;
    QVERIFY(std::abs(total - 1.0f) < 1e-5f);
}

QTEST_APPLESS_MAIN(TestInspection)
#include "tst_inspection.moc"
