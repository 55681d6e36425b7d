// Literal attention weights and contexts of every scorer, and the masked softmax, in double.
// B batch, S source length, H hidden size, A attention size, F location filters, W kernel width.
// The shared case: H = 2, A = 2, S = 3, B = 2, source lengths {3, 2}. Every expected number was
// computed apart from the code under test, with python3's math module; the arithmetic is below.
#include "core/nn/Attention.h"

#include "support/MatrixLiterals.h"

#include <QtTest>

#include <cmath>
#include <string>
#include <vector>

using namespace attnlab;

namespace {

using test::Columns;
using test::fromColumns;
using test::maxError;
using test::Values;

struct NamedValues {
    std::string name; // parameter name, e.g. "attention.key.bias"
    Values rowMajor;  // its value, row-major over the (rows x cols) the parameter holds
};
using ParameterValues = std::vector<NamedValues>; // in the order parameters() lists them

// Far tighter than float precision, far looser than double rounding.
constexpr double kTolerance = 1e-9;

const std::vector<int> kLengths{3, 2};

// Keys h̄ (H x S·B), time-major, column s·B + b:
//   b = 0: h̄_0 = [1, 0], h̄_1 = [0, 1], h̄_2 = [1, 1]
//   b = 1: h̄_0 = [0.5, −1], h̄_1 = [2, 0.5], h̄_2 = [−3, 4] is padding: junk that would shift every
//   number of column 1 if the mask failed (under dot and general it would even take most weight).
Matrix<double> sharedKeys() {
    return fromColumns({{1.0, 0.0}, {0.5, -1.0}, {0.0, 1.0}, {2.0, 0.5}, {1.0, 1.0}, {-3.0, 4.0}});
}
const Columns kQuery{{1.0, 2.0}, {-1.0, 0.5}};             // (H x B)
const Columns kPrevious{{0.2, 0.5, 0.3}, {0.6, 0.4, 0.0}}; // (S x B) α_{t−1}, masked at s = 2, b = 1

// W_q (A x H), W_k (A x H), b (A), v (1 x A), shared by additive and location_aware.
const ParameterValues kAdditive{{"attention.query.weight", {0.5, -0.25, 1.0, 0.5}},
                                {"attention.key.weight", {-0.5, 1.0, 0.25, 0.75}},
                                {"attention.key.bias", {0.1, -0.2}},
                                {"attention.v.weight", {1.5, -2.0}}};

ParameterValues withLocation(const Values& conv, const Values& location) {
    ParameterValues all = kAdditive;
    all.push_back({"attention.conv.weight", conv});         // F (F x W)
    all.push_back({"attention.location.weight", location}); // U (A x F)
    return all;
}

ModelConfig configFor(ScorerKind kind, int filters) {
    ModelConfig config;
    config.sourceVocabulary = 5;
    config.targetVocabulary = 5;
    config.hidden = 2;
    config.attentionDim = 2;
    config.scorer = kind;
    config.maxSourceLength = 4;
    config.locationFilters = filters;
    config.locationKernel = 3;
    config.validate();
    return config;
}

} // namespace

Q_DECLARE_METATYPE(ParameterValues)

class TestAttentionValues : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scorer_data();
    void scorer();
    void noneGivesZero();
    void maskedSoftmax_data();
    void maskedSoftmax();
    void maskedSoftmaxBackward();
    void uniformAlignment_data();
    void uniformAlignment();
};

void TestAttentionValues::scorer_data() {
    QTest::addColumn<int>("filters");
    QTest::addColumn<ParameterValues>("parameters");
    QTest::addColumn<Columns>("previous"); // (S x B) α_{t−1}
    QTest::addColumn<Columns>("alpha");    // (S x B) expected
    QTest::addColumn<Columns>("context");  // (H x B) expected

    // dot: e = q·h̄. b0: q = [1, 2] → e = [1, 2, 3]; α = [e, e², e³] / (e + e² + e³);
    //   c = α_0 [1, 0] + α_1 [0, 1] + α_2 [1, 1] = [α_0 + α_2, α_1 + α_2].
    // b1: q = [−1, 0.5] → e = [−1, −1.75, (5, masked)]; α_0 = 1 / (1 + e^−0.75) = 0.679179.
    QTest::newRow("dot") << 1 << ParameterValues{} << kPrevious
                         << Columns{{0.09003057317038046, 0.24472847105479764, 0.6652409557748218},
                                    {0.679178699175393, 0.32082130082460697, 0.0}}
                         << Columns{{0.7552715289452022, 0.9099694268296195},
                                    {0.9812319512369104, -0.5187680487630895}};

    // scaled_dot: the dot scores over √2. b0: e = [0.707107, 1.414214, 2.121320];
    // b1: e = [−0.707107, −1.237437, (3.535534, masked)].
    QTest::newRow("scaled_dot") << 1 << ParameterValues{} << kPrevious
                                << Columns{{0.14002924504337802, 0.28399540974126003, 0.5759753452153619},
                                           {0.6295600959696415, 0.3704399040303585, 0.0}}
                                << Columns{{0.7160045902587399, 0.8599707549566219},
                                           {1.0556598560455377, -0.4443401439544622}};

    // general: e = h̄·(W q), W = [[0.5, −1], [0.75, 1.5]] (a non-symmetric W catches W vs Wᵀ).
    //   b0: W q = [0.5 − 2, 0.75 + 3] = [−1.5, 3.75] → e = [−1.5, 3.75, 2.25]
    //   b1: W q = [−0.5 − 0.5, −0.75 + 0.75] = [−1, 0] → e = [−0.5, −2, (3, masked)]
    QTest::newRow("general") << 1 << ParameterValues{{"attention.weight", {0.5, -1.0, 0.75, 1.5}}}
                             << kPrevious
                             << Columns{{0.004271909601439403, 0.8140818719389002, 0.18164621845966034},
                                        {0.8175744761936437, 0.18242552380635632, 0.0}}
                             << Columns{{0.18591812806109975, 0.9957280903985606},
                                        {0.7736382857095345, -0.7263617142904655}};

    // additive: e = v·tanh(W_q q + W_k h̄ + b).
    //   b0: W_q q = [0, 2]; pre_s = [−0.4, 2.05], [1.1, 2.55], [0.6, 2.8];
    //       e_0 = 1.5·tanh(−0.4) − 2·tanh(2.05) = 1.5·(−0.379949) − 2·0.967395 = −2.504713;
    //       e = [−2.504713, −0.775012, −1.179689]
    //   b1: W_q q = [−0.625, −0.75]; pre_s = [−1.775, −1.575], [−1.025, −0.075], ([4.975, 1.3]);
    //       e = [0.419403, −1.008123, (−0.223589, masked)]
    QTest::newRow("additive") << 1 << kAdditive << kPrevious
                              << Columns{{0.0961423170424712, 0.5421435113023314, 0.3617141716551974},
                                         {0.8065155582076678, 0.193484441792332, 0.0}}
                              << Columns{{0.4578564886976686, 0.9038576829575289},
                                         {0.790226662688498, -0.7097733373115018}};

    // location: e = W_l[0..S) q, content-free; W_l = [[1, −0.5], [0, 2], [−1, 0.5], [7, 7]] whose
    // last row (position 4 > S) must go unused.
    //   b0: e = [0, 4, 0] → α_1 = e⁴ / (2 + e⁴) = 0.964663
    //   b1: e = [−1.25, 1, (1.25, masked)] → α_1 = 1 / (1 + e^−2.25) = 0.904651;
    //       c = 0.095349·[0.5, −1] + 0.904651·[2, 0.5]
    QTest::newRow("location")
        << 1 << ParameterValues{{"attention.weight", {1.0, -0.5, 0.0, 2.0, -1.0, 0.5, 7.0, 7.0}}} << kPrevious
        << Columns{{0.017668422014048047, 0.9646631559719038, 0.017668422014048047},
                   {0.0953494648991095, 0.9046505351008906, 0.0}}
        << Columns{{0.035336844028096094, 0.9823315779859518}, {1.8569758026513359, 0.35697580265133577}};

    // location_aware, F = 1: f_s = Σ_w F_w α_{t−1}[s + w − 1] (zero padded), F = [0.5, 1, −0.5];
    // U = [1, −2]ᵀ; e = v·tanh(additive pre + U f).
    //   b0: α = [0.2, 0.5, 0.3] → f = [0.2 − 0.25, 0.1 + 0.5 − 0.15, 0.25 + 0.3] = [−0.05, 0.45, 0.55]
    //       e = [−2.579301, −0.487037, −0.644187]
    //   b1: α = [0.6, 0.4, 0] → f = [0.4, 0.7, (0.2)]; e = [0.645950, 1.330023, (masked)]
    QTest::newRow("location_aware F=1")
        << 1 << withLocation({0.5, 1.0, -0.5}, {1.0, -2.0}) << kPrevious
        << Columns{{0.06239054007520236, 0.5055654426741577, 0.43204401725063996},
                   {0.33535295706852625, 0.6646470429314738, 0.0}}
        << Columns{{0.4944345573258423, 0.9376094599247977}, {1.4969705643972107, -0.003029435602789343}};

    // location_aware, F = 2: second filter [−1, 0, 2]; U = [[1, 0.5], [−2, 0.25]].
    //   b0: f_0 = [−0.05, 2·0.5] = [−0.05, 1]  → U f_0 = [0.45, 0.35]
    //       f_1 = [0.45, −0.2 + 0.6] = [0.45, 0.4] → U f_1 = [0.65, −0.8]
    //       f_2 = [0.55, −0.5]      → U f_2 = [0.3, −1.225];  e = [−1.892412, −0.470688, −0.761188]
    //   b1: U f = [0.8, −0.6], [0.4, −1.55]; e = [0.822691, 1.018793, (masked)]
    const ParameterValues twoFilters = withLocation({0.5, 1.0, -0.5, -1.0, 0.0, 2.0}, {1.0, 0.5, -2.0, 0.25});
    QTest::newRow("location_aware F=2")
        << 2 << twoFilters << kPrevious
        << Columns{{0.12130462589259298, 0.5027179789805828, 0.3759773951268242},
                   {0.45113096137755787, 0.5488690386224421, 0.0}}
        << Columns{{0.4972820210194172, 0.8786953741074071}, {1.3233035579336632, -0.17669644206633683}};

    // location_aware on the first step, α_0 uniform over the valid positions: [1/3]·3 and [1/2, 1/2, 0].
    //   b0: f = [1/6, 2/3], [1/3, 1/3], [1/2, −1/3]; e = [−1.760073, −0.540688, −0.776704]
    //   b1: f = [1/4, 1], [3/4, −1/2]; e = [0.740826, 1.148493, (masked)]
    QTest::newRow("location_aware F=2, uniform α_0")
        << 2 << twoFilters << Columns{{1.0 / 3, 1.0 / 3, 1.0 / 3}, {0.5, 0.5, 0.0}}
        << Columns{{0.14167206212092046, 0.4795751108551594, 0.3787528270239201},
                   {0.3994716354508887, 0.6005283645491113, 0.0}}
        << Columns{{0.5204248891448405, 0.8583279378790796}, {1.4007925468236668, -0.09920745317633306}};
}

void TestAttentionValues::scorer() {
    QFETCH(int, filters);
    QFETCH(ParameterValues, parameters);
    QFETCH(Columns, previous);
    QFETCH(Columns, alpha);
    QFETCH(Columns, context);
    const std::string name = QString::fromUtf8(QTest::currentDataTag()).section(' ', 0, 0).toStdString();
    const ScorerKind kind = parseScorer(name);

    Attention<double> attention(configFor(kind, filters));
    QVERIFY(attention.enabled());
    QCOMPARE(attention.usesPreviousAlignment(), kind == ScorerKind::LocationAware);

    // Every parameter is set, in the order parameters() lists them (names pin the order).
    const ParameterList<double> list = attention.parameters();
    QCOMPARE(list.size(), parameters.size());
    for (size_t k = 0; k < list.size(); ++k) {
        Parameter<double>& p = *list[k];
        QCOMPARE(p.name, parameters[k].name);
        QCOMPARE(static_cast<size_t>(p.value.size()), parameters[k].rowMajor.size());
        for (Eigen::Index r = 0; r < p.value.rows(); ++r)
            for (Eigen::Index c = 0; c < p.value.cols(); ++c)
                p.value(r, c) = parameters[k].rowMajor[static_cast<size_t>(r * p.value.cols() + c)];
    }

    const Matrix<double> keyValues = sharedKeys(); // (H x S·B)
    AttentionKeys<double> keys;
    keys.steps = 3;
    keys.batch = 2;
    keys.lengths = kLengths;
    keys.keys = &keyValues;
    attention.prepareKeys(keys);

    ScorerStepCache<double> cache;
    Matrix<double> alphaOut = Matrix<double>::Constant(3, 2, 99.0);   // (S x B) overwritten
    Matrix<double> contextOut = Matrix<double>::Constant(2, 2, 99.0); // (H x B) overwritten
    attention.forward(fromColumns(kQuery), keys, fromColumns(previous), cache, alphaOut, contextOut);

    QVERIFY2(maxError(alphaOut, fromColumns(alpha)) < kTolerance, "attention weights α");
    QVERIFY2(maxError(contextOut, fromColumns(context)) < kTolerance, "context c");
    QCOMPARE(alphaOut(2, 1), 0.0); // the padded position gets exactly zero, not merely little
    QVERIFY(std::abs(alphaOut.col(0).sum() - 1.0) < kTolerance);
    QVERIFY(std::abs(alphaOut.col(1).sum() - 1.0) < kTolerance);
}

void TestAttentionValues::noneGivesZero() {
    Attention<double> attention(configFor(ScorerKind::None, 1));
    QVERIFY(!attention.enabled());
    QVERIFY(!attention.usesPreviousAlignment());
    QVERIFY(attention.parameters().empty());

    const Matrix<double> keyValues = sharedKeys(); // (H x S·B)
    AttentionKeys<double> keys;
    keys.steps = 3;
    keys.batch = 2;
    keys.lengths = kLengths;
    keys.keys = &keyValues;
    attention.prepareKeys(keys);
    ScorerStepCache<double> cache;
    Matrix<double> alphaOut = Matrix<double>::Constant(3, 2, 99.0);   // (S x B)
    Matrix<double> contextOut = Matrix<double>::Constant(2, 2, 99.0); // (H x B)
    attention.forward(fromColumns(kQuery), keys, fromColumns(kPrevious), cache, alphaOut, contextOut);
    QCOMPARE(alphaOut, Matrix<double>::Zero(3, 2).eval());
    QCOMPARE(contextOut, Matrix<double>::Zero(2, 2).eval());
}

void TestAttentionValues::maskedSoftmax_data() {
    QTest::addColumn<Columns>("scores"); // (S x B)
    QTest::addColumn<std::vector<int>>("lengths");
    QTest::addColumn<Columns>("alpha"); // (S x B) expected

    // softmax(1000, 1001, 1002) = softmax(0, 1, 2): a naive exp would overflow to inf / inf.
    // [ln 1, ln 3] → [1/4, 3/4]; a length-1 column is [1, 0, 0] whatever its junk.
    QTest::newRow("shifted, partial, single")
        << Columns{{1000.0, 1001.0, 1002.0}, {0.0, std::log(3.0), 50.0}, {-5.0, 80.0, -80.0}}
        << std::vector<int>{3, 2, 1}
        << Columns{{0.09003057317038046, 0.24472847105479764, 0.6652409557748218},
                   {0.25, 0.75, 0.0},
                   {1.0, 0.0, 0.0}};
    // Equal scores give equal weights over the valid positions only.
    QTest::newRow("ties") << Columns{{-2.0, -2.0, -2.0}, {7.0, 7.0, 7.0}} << std::vector<int>{3, 2}
                          << Columns{{1.0 / 3, 1.0 / 3, 1.0 / 3}, {0.5, 0.5, 0.0}};
}

void TestAttentionValues::maskedSoftmax() {
    QFETCH(Columns, scores);
    QFETCH(std::vector<int>, lengths);
    QFETCH(Columns, alpha);
    const Matrix<double> expected = fromColumns(alpha);
    Matrix<double> out = Matrix<double>::Constant(expected.rows(), expected.cols(), 99.0); // (S x B)
    attnlab::maskedSoftmax<double>(fromColumns(scores), lengths, out);
    QVERIFY2(out.allFinite(), "no overflow");
    QVERIFY2(maxError(out, expected) < 1e-12, "α");
    for (Eigen::Index b = 0; b < out.cols(); ++b)
        for (Eigen::Index s = lengths[static_cast<size_t>(b)]; s < out.rows(); ++s)
            QCOMPARE(out(s, b), 0.0); // exactly zero past the length
}

void TestAttentionValues::maskedSoftmaxBackward() {
    // α = [1/4, 3/4, 0 (masked)], dα = [2, −2, 9]: Σ α dα = 0.5 − 1.5 = −1;
    // dScores = α ⊙ (dα + 1) = [0.75, −0.75, 0]. Second column α = [1, 0, 0]: dScores = 0.
    const Matrix<double> alpha = fromColumns({{0.25, 0.75, 0.0}, {1.0, 0.0, 0.0}});  // (S x B)
    const Matrix<double> dAlpha = fromColumns({{2.0, -2.0, 9.0}, {3.0, -4.0, 5.0}}); // (S x B)
    Matrix<double> dScores = Matrix<double>::Constant(3, 2, 99.0);                   // (S x B)
    attnlab::maskedSoftmaxBackward<double>(alpha, dAlpha, dScores);
    QVERIFY(maxError(dScores, fromColumns({{0.75, -0.75, 0.0}, {0.0, 0.0, 0.0}})) < 1e-15);
    QCOMPARE(dScores(2, 0), 0.0);
}

void TestAttentionValues::uniformAlignment_data() {
    QTest::addColumn<std::vector<int>>("lengths");
    QTest::addColumn<Values>("weights"); // (B) the weight on each column's valid positions

    // S = 4. The expectation is given per column rather than as whole columns: GCC 12.2 with
    // -mavx512f (-march=native here) miscompiles literals such as std::vector<double>{0.5, 0.5, 0, 0}
    // into {0.5, 0.5, 0.5, 0.5}, which corrupted the expected values, not the code under test.
    QTest::newRow("full, three, one") << std::vector<int>{4, 3, 1} << Values{0.25, 1.0 / 3, 1.0};
    QTest::newRow("two") << std::vector<int>{2} << Values{0.5};
}

void TestAttentionValues::uniformAlignment() {
    QFETCH(std::vector<int>, lengths);
    QFETCH(Values, weights);
    const Eigen::Index batch = static_cast<Eigen::Index>(lengths.size());
    Matrix<double> out = Matrix<double>::Constant(4, batch, 99.0); // (S x B) junk to be cleared
    attnlab::uniformAlignment<double>(lengths, out);
    for (Eigen::Index b = 0; b < batch; ++b)
        for (Eigen::Index s = 0; s < out.rows(); ++s) {
            const bool valid = s < lengths[static_cast<size_t>(b)];
            QCOMPARE(out(s, b), valid ? weights[static_cast<size_t>(b)] : 0.0); // 1/len, exactly 0 past it
        }
}

QTEST_APPLESS_MAIN(TestAttentionValues)
#include "tst_attention_values.moc"
