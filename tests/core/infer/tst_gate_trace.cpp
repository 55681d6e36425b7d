// traceGates against the LSTM equations recomputed here in double from the model's parameter
// matrices (gate order i, f, g, o as PyTorch): every encoder direction's and the decoder's i, f, o
// and cell state at every step, for uni- and bidirectional encoders, Luong (with and without input
// feeding) and Bahdanau decoders, random and trained weights. The encoder has a single layer, so
// there is no multi-layer case to check.
#include "core/infer/GateTrace.h"
#include "core/infer/GreedyDecoder.h"
#include "support/ReversalTraining.h"

#include <QtTest>

#include <map>

using namespace attnlab;

namespace {

using MatrixD = Eigen::MatrixXd;
using VectorD = Eigen::VectorXd;

struct Variant {
    ScorerKind scorer; // Dot or General: the scores recomputed below
    DecoderStyle style;
    bool inputFeeding;
    bool bidirectional;
    int trainSteps; // 0: randomly initialised
};

const std::map<QString, Variant>& variants() {
    static const std::map<QString, Variant> all = {
        {"dot, unidirectional, luong", {ScorerKind::Dot, DecoderStyle::Luong, true, false, 0}},
        {"general, unidirectional, no input feeding, trained",
         {ScorerKind::General, DecoderStyle::Luong, false, false, 120}},
        {"general, bidirectional, luong, trained",
         {ScorerKind::General, DecoderStyle::Luong, true, true, 120}},
        {"dot, bidirectional, bahdanau", {ScorerKind::Dot, DecoderStyle::Bahdanau, false, true, 0}},
    };
    return all;
}

std::unique_ptr<Seq2Seq<float>> build(const Variant& v, std::uint64_t seed) {
    ModelConfig config = test::reversalConfig(v.scorer);
    config.decoder = v.style;
    config.inputFeeding = v.inputFeeding;
    config.bidirectional = v.bidirectional;
    if (v.trainSteps > 0) return test::trainedReversalModel(config, v.trainSteps, seed);
    auto model = std::make_unique<Seq2Seq<float>>(config);
    model->initialize(seed);
    return model;
}

MatrixD weight(const Seq2Seq<float>& model, const std::string& name) {
    return model.parameter(name).value.cast<double>();
}

VectorD sigmoid(const VectorD& z) {
    return (1.0 / (1.0 + (-z.array()).exp())).matrix();
}

// One LSTM, by its file names: z = W_ih x + b_ih + W_hh h + b_hh; i f g o; c = f c + i g; h = o tanh c.
struct HandLstm {
    MatrixD wih, whh; // (4H x I), (4H x H)
    VectorD bias;     // (4H) b_ih + b_hh
    VectorD h, c;     // (H)
    VectorD i, f, o;  // (H) the last step's gates

    HandLstm(const Seq2Seq<float>& model, const std::string& prefix, const std::string& suffix)
        : wih(weight(model, prefix + "weight_ih" + suffix)),
          whh(weight(model, prefix + "weight_hh" + suffix)),
          bias(weight(model, prefix + "bias_ih" + suffix) + weight(model, prefix + "bias_hh" + suffix)),
          h(VectorD::Zero(whh.cols())), c(VectorD::Zero(whh.cols())) {}

    void step(const VectorD& x) {
        const Eigen::Index n = h.size();
        const VectorD z = wih * x + whh * h + bias; // (4H)
        i = sigmoid(z.segment(0, n));
        f = sigmoid(z.segment(n, n));
        const VectorD g = z.segment(2 * n, n).array().tanh().matrix();
        o = sigmoid(z.segment(3 * n, n));
        c = (f.array() * c.array() + i.array() * g.array()).matrix();
        h = (o.array() * c.array().tanh()).matrix();
    }
};

struct HandGates {
    MatrixD input, forget, output, cell; // (H x N)
    HandGates(Eigen::Index units, Eigen::Index steps)
        : input(units, steps), forget(units, steps), output(units, steps), cell(units, steps) {}
    void record(const HandLstm& lstm, Eigen::Index column) {
        input.col(column) = lstm.i;
        forget.col(column) = lstm.f;
        output.col(column) = lstm.o;
        cell.col(column) = lstm.c;
    }
};

struct HandEncoder {
    std::vector<HandGates> directions; // forward, then reverse
    MatrixD keys;                      // (H x S) [forward; reverse] outputs
    VectorD finalHidden, finalCell;    // (H)
};

HandEncoder handEncoder(const Seq2Seq<float>& model, const std::vector<int>& source) {
    const ModelConfig& config = model.config();
    const MatrixD embedding = weight(model, "src_embedding.weight"); // (V x E)
    const auto steps = static_cast<Eigen::Index>(source.size());
    const int directions = config.bidirectional ? 2 : 1;
    const Eigen::Index units = config.hidden / directions; // H'
    HandEncoder out;
    out.keys.resize(config.hidden, steps);
    out.finalHidden.resize(config.hidden);
    out.finalCell.resize(config.hidden);
    for (int d = 0; d < directions; ++d) {
        HandLstm lstm(model, "encoder.", d == 0 ? "_l0" : "_l0_reverse");
        HandGates gates(units, steps);
        for (Eigen::Index k = 0; k < steps; ++k) {
            const Eigen::Index t = d == 0 ? k : steps - 1 - k;
            lstm.step(embedding.row(source[static_cast<size_t>(t)]).transpose());
            gates.record(lstm, t);
            out.keys.col(t).segment(d * units, units) = lstm.h;
        }
        out.finalHidden.segment(d * units, units) = lstm.h;
        out.finalCell.segment(d * units, units) = lstm.c;
        out.directions.push_back(gates);
    }
    return out;
}

// α over the keys for query q, then the context Σ α_s k_s. keys: (H x S).
VectorD handContext(const Seq2Seq<float>& model, const MatrixD& keys, const VectorD& q) {
    VectorD scores = keys.transpose() * q; // (S) dot: k_s · q
    if (model.config().scorer == ScorerKind::General)
        scores = keys.transpose() * (weight(model, "attention.weight") * q); // k_s · (W q)
    const VectorD e = (scores.array() - scores.maxCoeff()).exp().matrix();
    return keys * (e / e.sum());
}

// The decoder fed <s> and then the given step tokens; checks each step's argmax is the next token.
HandGates handDecoder(const Seq2Seq<float>& model, const HandEncoder& encoder,
                      const std::vector<int>& tokens) {
    const ModelConfig& config = model.config();
    const bool luong = config.decoder == DecoderStyle::Luong;
    const MatrixD embedding = weight(model, "tgt_embedding.weight"); // (V x E)
    const MatrixD combine = weight(model, "combine.weight");         // (H x 2H)
    const MatrixD readout = weight(model, "output.weight");          // (V x H)
    const VectorD readoutBias = weight(model, "output.bias");        // (V)
    const Eigen::Index h = config.hidden, e = config.embedding;
    HandLstm lstm(model, "decoder.", "");
    lstm.h = encoder.finalHidden;
    lstm.c = encoder.finalCell;
    VectorD attentional = VectorD::Zero(h); // h̃_{t−1}
    HandGates gates(h, static_cast<Eigen::Index>(tokens.size()));
    int previous = StartId;
    for (Eigen::Index t = 0; t < static_cast<Eigen::Index>(tokens.size()); ++t) {
        VectorD context;
        VectorD x(lstm.wih.cols()); // (E) or (E+H)
        x.head(e) = embedding.row(previous).transpose();
        if (!luong) context = handContext(model, encoder.keys, lstm.h); // query s_{t−1}
        if (!luong) x.tail(h) = context;
        if (luong && config.inputFeeding) x.tail(h) = attentional;
        lstm.step(x);
        gates.record(lstm, t);
        if (luong) context = handContext(model, encoder.keys, lstm.h);
        VectorD both(2 * h);
        both << context, lstm.h;
        attentional = (combine * both).array().tanh().matrix();
        const VectorD logits = readout * attentional + readoutBias;
        Eigen::Index best = 0;
        logits.maxCoeff(&best);
        if (best != tokens[static_cast<size_t>(t)])
            throw std::logic_error("the hand decoder chose otherwise");
        previous = tokens[static_cast<size_t>(t)];
    }
    return gates;
}

std::vector<std::vector<int>> sources(int count, std::uint64_t seed) {
    Random random(seed);
    std::vector<std::vector<int>> all;
    for (int i = 0; i < count; ++i) all.push_back(test::reversalSource(random));
    return all;
}

// The largest |trace − hand| over a matrix, after checking the shapes agree.
double largestDifference(const Matrix<float>& trace, const MatrixD& hand) {
    if (trace.rows() != hand.rows() || trace.cols() != hand.cols()) return 1e9;
    return (trace.cast<double>() - hand).cwiseAbs().maxCoeff();
}

void compareGates(const GateActivations& trace, const HandGates& hand, const QString& where) {
    const std::pair<GateQuantity, const MatrixD*> quantities[] = {{GateQuantity::Input, &hand.input},
                                                                  {GateQuantity::Forget, &hand.forget},
                                                                  {GateQuantity::Output, &hand.output},
                                                                  {GateQuantity::Cell, &hand.cell}};
    for (const auto& [quantity, expected] : quantities) {
        const double difference = largestDifference(trace.of(quantity), *expected);
        QVERIFY2(
            difference < 1e-5,
            qPrintable(
                QString("%1, quantity %2: differs by %3").arg(where).arg(int(quantity)).arg(difference)));
    }
}

} // namespace

class TestGateTrace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void variants_data();
    void equalsTheEquations_data() { variants_data(); }
    void equalsTheEquations();
    void followsGreedyDecoding_data() { variants_data(); }
    void followsGreedyDecoding();
    void gatesAreInTheirRanges();
    void lengthLimitIsKept();
    void emptySourceIsRefused();

private:
    std::map<QString, std::unique_ptr<Seq2Seq<float>>> m_models;
};

void TestGateTrace::initTestCase() {
    std::uint64_t seed = 31;
    for (const auto& [name, variant] : variants()) m_models[name] = build(variant, seed++);
}

void TestGateTrace::variants_data() {
    QTest::addColumn<QString>("variant");
    for (const auto& entry : variants()) QTest::newRow(qPrintable(entry.first)) << entry.first;
}

void TestGateTrace::equalsTheEquations() {
    QFETCH(QString, variant);
    const Seq2Seq<float>& model = *m_models.at(variant);
    const ModelConfig& config = model.config();
    const int directions = config.bidirectional ? 2 : 1;
    for (const auto& source : sources(5, 7)) {
        const GateTrace trace = traceGates(model, source);
        const HandEncoder encoder = handEncoder(model, source);
        QCOMPARE(trace.source, source);
        QCOMPARE(int(trace.encoder.size()), directions);
        for (int d = 0; d < directions; ++d) {
            const EncoderGates& direction = trace.encoder[static_cast<size_t>(d)];
            QCOMPARE(direction.layer, 0);
            QCOMPARE(direction.reverse, d == 1);
            QCOMPARE(direction.gates.units(), config.hidden / directions);
            QCOMPARE(direction.gates.steps(), int(source.size()));
            compareGates(direction.gates, encoder.directions[static_cast<size_t>(d)],
                         QString("encoder direction %1").arg(d));
        }
        QCOMPARE(trace.decoder.units(), config.hidden);
        QCOMPARE(trace.decoder.steps(), int(trace.stepTokens.size()));
        HandGates decoder(0, 0);
        try {
            decoder = handDecoder(model, encoder, trace.stepTokens);
        } catch (const std::logic_error& error) {
            QFAIL(error.what());
        }
        compareGates(trace.decoder, decoder, "decoder");
    }
}

void TestGateTrace::followsGreedyDecoding() {
    QFETCH(QString, variant);
    const Seq2Seq<float>& model = *m_models.at(variant);
    for (const auto& source : sources(5, 8)) {
        const GateTrace trace = traceGates(model, source);
        const DecodeResult greedy = greedyDecode(model, source);
        QCOMPARE(trace.result.tokens, greedy.tokens);
        QCOMPARE(trace.result.finished, greedy.finished);
        QCOMPARE(trace.result.attention, greedy.attention);
        std::vector<int> steps = greedy.tokens;
        if (greedy.finished) steps.push_back(EndId);
        QCOMPARE(trace.stepTokens, steps);
    }
}

void TestGateTrace::gatesAreInTheirRanges() {
    // A trained reversal model reads "abcde" (ids 4..8) and writes it backwards.
    const Seq2Seq<float>& model = *m_models.at("general, bidirectional, luong, trained");
    const GateTrace trace = traceGates(model, {4, 5, 6, 7, 8});
    QCOMPARE(trace.result.tokens, (std::vector<int>{8, 7, 6, 5, 4}));
    QVERIFY(trace.result.finished);
    for (const GateActivations* gates : {&trace.encoder[0].gates, &trace.encoder[1].gates, &trace.decoder}) {
        for (GateQuantity quantity : {GateQuantity::Input, GateQuantity::Forget, GateQuantity::Output}) {
            QVERIFY(gates->of(quantity).minCoeff() > 0.0f);
            QVERIFY(gates->of(quantity).maxCoeff() < 1.0f);
        }
        // |c| grows by at most |i ⊙ g| < 1 per step, from 0 before the source's first token
        QVERIFY(gates->cell.cwiseAbs().maxCoeff() < float(5 + trace.decoder.steps()));
        QVERIFY(gates->cell.cwiseAbs().maxCoeff() > 0.0f);
    }
}

void TestGateTrace::lengthLimitIsKept() {
    const Seq2Seq<float>& model = *m_models.at("dot, unidirectional, luong");
    const GateTrace trace = traceGates(model, {4, 5, 6, 7}, {.maxLength = 2});
    QVERIFY(trace.decoder.steps() <= 2);
    QCOMPARE(trace.decoder.steps(), int(trace.stepTokens.size()));
    QCOMPARE(trace.decoder.steps(), int(trace.result.attention.rows()));
}

void TestGateTrace::emptySourceIsRefused() {
    const Seq2Seq<float>& model = *m_models.at("dot, unidirectional, luong");
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, traceGates(model, {}));
}

QTEST_APPLESS_MAIN(TestGateTrace)
#include "tst_gate_trace.moc"
