// The forecasting view's sentence (forecastCaption): the top positions by weight in rounded
// percent, the first always and the next while they carry a tenth; the share on the step's gold
// points; "spreads" when no weight reaches twice the uniform one; what to do without a step or
// without attention.
#include "ui/forecast/ForecastCaption.h"

#include <QtTest>

using namespace attnlab;
using namespace attnlab::ui;

class TestForecastCaption : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void namesTheTopPositions();
    void namesAThirdAboveATenth();
    void spreadAttentionIsCalledSo();
    void withoutStepOrAttention();
};

namespace {

constexpr int kW = 24, kK = 3;

// W = 24 past points, K = 3 steps; values do not enter the caption. Row j: 41% at 12 + j (one
// period of 12 back), 22% at j, the rest spread; both gold.
ForecastContent window() {
    ForecastContent content;
    content.seriesNames = {"load"};
    content.series = {{std::vector<double>(kW, 1.0), {}, std::vector<double>(kK, 1.0), {}}};
    content.attention = Matrix<float>::Constant(kK, kW, 0.37f / (kW - 2)); // (K x W)
    for (int j = 0; j < kK; ++j) {
        content.attention(j, 12 + j) = 0.41f;
        content.attention(j, j) = 0.22f;
        content.gold.push_back({12 + j, j, true});
        content.gold.push_back({j, j, true});
    }
    checkForecastContent(content);
    return content;
}

} // namespace

void TestForecastCaption::namesTheTopPositions() {
    const ForecastContent content = window();
    // Position 14 of 24 is 9 back from the last (t), position 2 is 21 back.
    QCOMPARE(forecastCaption(content, 2),
             QStringLiteral("step t+3 looks mostly at t\u22129 (41%), t\u221221 (22%); "
                            "the gold points t\u22129, t\u221221 get 63% together"));
    QCOMPARE(forecastCaption(content, 0),
             QStringLiteral("step t+1 looks mostly at t\u221211 (41%), t\u221223 (22%); "
                            "the gold points t\u221211, t\u221223 get 63% together"));
}

void TestForecastCaption::namesAThirdAboveATenth() {
    ForecastContent content = window();
    content.attention.row(0).setConstant(0.1f / (kW - 3));
    content.attention(0, 23) = 0.5f;   // the last past point: "t"
    content.attention(0, 11) = 0.254f; // rounds down
    content.attention(0, 0) = 0.146f;  // rounds up, above a tenth: named
    content.gold = {{11, 0, true}};
    checkForecastContent(content);
    QCOMPARE(forecastCaption(content, 0),
             QStringLiteral("step t+1 looks mostly at t (50%), t\u221212 (25%), "
                            "t\u221223 (15%); the gold point t\u221212 gets 25%"));
    // Under a tenth, the third is left out; no gold for the step, nothing said about gold.
    content.attention(0, 0) = 0.09f;
    content.attention(0, 5) += 0.056f;
    checkForecastContent(content);
    QCOMPARE(forecastCaption(content, 1),
             QStringLiteral("step t+2 looks mostly at t\u221210 (41%), t\u221222 (22%)"));
    QVERIFY(!forecastCaption(content, 0).contains(QStringLiteral("t\u221223")));
}

void TestForecastCaption::spreadAttentionIsCalledSo() {
    ForecastContent content = window();
    content.attention.row(1).setConstant(1.0f / kW); // 4.2% each; twice that would be 8.3%
    content.attention(1, 7) += 0.02f;
    content.attention(1, 8) -= 0.02f;
    checkForecastContent(content);
    QCOMPARE(forecastCaption(content, 1),
             QStringLiteral("step t+2 spreads its attention over the window: at most 6%, on t\u221216; the "
                            "gold points t\u221210, t\u221222 get 8% together"));
}

void TestForecastCaption::withoutStepOrAttention() {
    ForecastContent content = window();
    QVERIFY(forecastCaption(content, -1).startsWith(QStringLiteral("Hover over a forecast step")));
    QVERIFY(forecastCaption(content, kK).startsWith(QStringLiteral("Hover over a forecast step")));
    content.attention.resize(0, 0);
    QVERIFY(forecastCaption(content, 1).startsWith(QStringLiteral("No attention (scorer none)")));
}

QTEST_APPLESS_MAIN(TestForecastCaption)
#include "tst_forecast_caption.moc"
