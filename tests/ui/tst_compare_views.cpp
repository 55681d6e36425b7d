// The compare workspace's parts without training: length buckets, the run palette, run choices
// and the variant dialog, the run picker, and the views (metrics table, loss curves, accuracy by
// length, heatmap grid) drawn from an ExperimentSummary the session shows.
#include "support/ReversalTask.h"
#include "ui/compare/CompareLossPlot.h"
#include "ui/compare/HeatmapGrid.h"
#include "ui/compare/LengthAccuracyPlot.h"
#include "ui/compare/LengthBuckets.h"
#include "ui/compare/MetricsTableModel.h"
#include "ui/compare/RunPalette.h"
#include "ui/compare/RunPicker.h"
#include "ui/compare/VariantDialog.h"
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/plots/CsvWriter.h"
#include "ui/session/CompareSession.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QtTest>

#include <cmath>
#include <set>

using namespace attnlab;
using namespace attnlab::ui;

class TestCompareViews : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lengthBucketsHoldEnoughPairs();
    void paletteIsOkabeIto();
    void runChoiceTakesTheBaseAndItsDifferences();
    void variantDialogNamesAndRefuses();
    void runPickerListsTheCheckedRuns();
    void metricsTableMarksTheBestAndSorts();
    void lossPlotDrawsEveryRun();
    void lengthPlotSharesTheBuckets();
    void heatmapGridSharesTheHoveredCell();
};

namespace {
LengthAccuracy lengthRow(int length, long count, long exact) {
    LengthAccuracy row;
    row.sourceLength = length;
    row.count = count;
    row.exactMatches = exact;
    row.correctTokens = exact * length;
    row.referenceTokens = count * length;
    return row;
}

RunSummary runSummary(const std::string& name, ScorerKind scorer, double loss, double exact, double aer) {
    RunSummary run;
    run.name = name;
    run.scorer = scorerName(scorer);
    run.config = test::reversalConfig(scorer);
    run.parameters = 1000 + static_cast<long long>(100 * exact);
    Metrics& v = run.record.result.validation;
    v.loss = loss;
    v.exactMatch = exact;
    v.tokenAccuracy = exact;
    v.bleu.score = 100 * exact;
    v.alignmentErrorRate = aer;
    v.attentionEntropy = aer;
    v.lastPositionMass = 0.1;
    v.bySourceLength = {lengthRow(3, 10, long(10 * exact)), lengthRow(4, 10, long(10 * exact)),
                        lengthRow(5, 30, long(30 * exact)), lengthRow(6, 5, long(5 * exact))};
    run.record.result.steps = 4;
    run.record.result.epochs = 2;
    run.record.result.seconds = 2.0;
    run.record.trainingSeconds = 1.0;
    run.record.stepLosses = {2.0f, 1.0f, 0.5f, 0.25f};
    for (int epoch = 1; epoch <= 2; ++epoch) {
        EpochReport report;
        report.epoch = epoch;
        report.step = 2 * epoch;
        report.validation.loss = loss + (2 - epoch);
        report.validation.examples = report.validationPairs = 55;
        run.record.history.push_back(report);
    }
    return run;
}

ExperimentSummary threeRuns() {
    ExperimentSummary summary;
    summary.data.name = "reverse";
    summary.runs = {runSummary("dot", ScorerKind::Dot, 0.9, 0.5, 0.30),
                    runSummary("additive", ScorerKind::Additive, 0.4, 0.9, 0.10),
                    runSummary("none", ScorerKind::None, 1.5, 0.2, NAN)};
    return summary;
}

std::vector<InferenceModel> untrainedModels(int count) {
    const TrainingData data = test::reversalTrainingData(8, 8, 1);
    std::vector<InferenceModel> models;
    for (int i = 0; i < count; ++i) {
        auto model = std::make_shared<Seq2Seq<float>>(
            test::reversalConfig(i == 0 ? ScorerKind::Dot : ScorerKind::Additive));
        model->initialize(static_cast<std::uint64_t>(i + 1));
        InferenceModel inference;
        inference.model = model;
        inference.sourceVocabulary = std::make_shared<const Vocabulary>(data.sourceVocabulary);
        inference.targetVocabulary = std::make_shared<const Vocabulary>(data.targetVocabulary);
        models.push_back(inference);
    }
    return models;
}
} // namespace

void TestCompareViews::lengthBucketsHoldEnoughPairs() {
    const std::vector<LengthAccuracy> rows = {lengthRow(3, 10, 10), lengthRow(4, 10, 5), lengthRow(5, 30, 3),
                                              lengthRow(6, 5, 0), lengthRow(8, 4, 1)};
    const auto buckets = lengthBuckets(rows, 20);
    QCOMPARE(buckets.size(), size_t(2));
    QCOMPARE(buckets[0].firstLength, 3);
    QCOMPARE(buckets[0].lastLength, 4);
    QCOMPARE(buckets[0].count, 20L);
    QCOMPARE(buckets[0].exactMatchRate(), 0.75);
    // 5 holds 30 alone; 6 and 8 (9 pairs) are too few and join it.
    QCOMPARE(buckets[1].firstLength, 5);
    QCOMPARE(buckets[1].lastLength, 8);
    QCOMPARE(buckets[1].count, 39L);
    QCOMPARE(buckets[1].exactMatches, 4L);
    const auto other = fillBuckets(buckets, {lengthRow(4, 10, 10), lengthRow(8, 4, 4)});
    QCOMPARE(other[0].count, 10L);
    QCOMPARE(other[0].exactMatchRate(), 1.0);
    QCOMPARE(other[1].count, 4L);
    QVERIFY(std::isnan(LengthBucket{}.exactMatchRate()));
}

void TestCompareViews::paletteIsOkabeIto() {
    QCOMPARE(runPaletteSize(), 8);
    QCOMPARE(runColor(0), QColor(0xE6, 0x9F, 0x00));
    QCOMPARE(runColor(1), QColor(0x56, 0xB4, 0xE9));
    std::set<QRgb> colours;
    for (int i = 0; i < runPaletteSize(); ++i) colours.insert(runColor(i).rgb());
    QCOMPARE(colours.size(), size_t(8));
    QCOMPARE(runColor(8), runColor(0));
}

void TestCompareViews::runChoiceTakesTheBaseAndItsDifferences() {
    ModelConfig base;
    base.hidden = 32;
    TrainingSettings settings;
    settings.seed = 7;
    settings.dropout = 0.1;
    const RunChoice plain{"dot", ScorerKind::Dot, std::nullopt, std::nullopt};
    const RunSpec dot = plain.spec(base, settings);
    QCOMPARE(dot.name, std::string("dot"));
    QCOMPARE(dot.config.scorer, ScorerKind::Dot);
    QCOMPARE(dot.config.hidden, 32);
    QCOMPARE(dot.settings.seed, std::uint64_t(7));
    ModelConfig wide = base;
    wide.scorer = ScorerKind::Additive;
    wide.hidden = 64;
    wide.bidirectional = true;
    const RunChoice variant{"wide", ScorerKind::Additive, wide, 0.3};
    const RunSpec spec = variant.spec(base, settings);
    QCOMPARE(spec.config.hidden, 64);
    QVERIFY(spec.config.bidirectional);
    QCOMPARE(spec.settings.dropout, 0.3);
    QCOMPARE(spec.settings.seed, std::uint64_t(7));
    QCOMPARE(RunChoice::describe(wide, 0.3, base, 0.1),
             QStringLiteral("additive · bidirectional · H 64 · dropout 0.3"));
}

void TestCompareViews::variantDialogNamesAndRefuses() {
    ModelConfig base;
    base.hidden = 32;
    VariantDialog dialog(base, 0.0, {"general", "dot"});
    dialog.hiddenBox()->setValue(64);
    QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("general · H 64"));
    dialog.scorerBox()->setCurrentIndex(dialog.scorerBox()->findText("additive"));
    QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("additive · H 64"));
    QVERIFY(dialog.problem().isEmpty());
    const RunChoice choice = dialog.choice();
    QCOMPARE(choice.scorer, ScorerKind::Additive);
    QCOMPARE(choice.config->hidden, 64);
    dialog.nameEdit()->clear();
    QTest::keyClicks(dialog.nameEdit(), "dot"); // typed, as a person names it
    QVERIFY(dialog.problem().contains("called dot"));
    dialog.nameEdit()->clear();
    QTest::keyClicks(dialog.nameEdit(), "wide");
    dialog.hiddenBox()->setValue(33);
    dialog.bidirectionalBox()->setChecked(true);
    QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("wide")); // typed: kept
    QVERIFY2(dialog.problem().contains("even"), qPrintable(dialog.problem()));
}

void TestCompareViews::runPickerListsTheCheckedRuns() {
    ModelConfig base;
    RunPicker picker([base] { return std::pair{base, 0.0}; });
    QCOMPARE(picker.list()->count(), 7);
    QVERIFY(picker.checkedRuns().empty());
    picker.setScorerChecked(ScorerKind::Additive, true);
    picker.setScorerChecked(ScorerKind::Dot, true);
    ModelConfig wide = base;
    wide.hidden = 64;
    QVERIFY(picker.addVariant({"wide", ScorerKind::General, wide, std::nullopt}));
    QVERIFY(!picker.addVariant({"dot", ScorerKind::General, wide, std::nullopt})); // taken
    const auto runs = picker.checkedRuns();
    QCOMPARE(runs.size(), size_t(3));
    QCOMPARE(runs[0].name, QStringLiteral("dot")); // the list's order
    QCOMPARE(runs[1].name, QStringLiteral("additive"));
    QCOMPARE(runs[2].name, QStringLiteral("wide"));
    QCOMPARE(runs[2].config->hidden, 64);
    picker.setAllScorersChecked(true);
    QCOMPARE(picker.checkedRuns().size(), size_t(8));
}

void TestCompareViews::metricsTableMarksTheBestAndSorts() {
    CompareSession session;
    MetricsTableModel model(session);
    QVERIFY(session.showSummary(threeRuns(), {}, nullptr));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.bestRow(MetricsTableModel::ValidationLoss), 1);
    QCOMPARE(model.bestRow(MetricsTableModel::ExactMatch), 1);
    QCOMPARE(model.bestRow(MetricsTableModel::Aer), 1); // none has no AER: left out
    QCOMPARE(model.bestRow(MetricsTableModel::Parameters), -1);
    QCOMPARE(model.data(model.index(1, MetricsTableModel::ExactMatch), Qt::DisplayRole).toString(),
             QStringLiteral("90.0%"));
    QCOMPARE(model.data(model.index(2, MetricsTableModel::Aer), Qt::DisplayRole).toString(),
             QStringLiteral("–"));
    QVERIFY(model.data(model.index(1, MetricsTableModel::ExactMatch), MetricsTableModel::kBestRole).toBool());
    QVERIFY(
        !model.data(model.index(0, MetricsTableModel::ExactMatch), MetricsTableModel::kBestRole).toBool());
    QCOMPARE(model.data(model.index(0, MetricsTableModel::Run), Qt::DecorationRole).value<QColor>(),
             runColor(0));
    QCOMPARE(model.data(model.index(0, MetricsTableModel::StepsPerSecond), MetricsTableModel::kSortRole)
                 .toDouble(),
             4.0);

    QSortFilterProxyModel sorted;
    sorted.setSourceModel(&model);
    sorted.setSortRole(MetricsTableModel::kSortRole);
    sorted.sort(MetricsTableModel::ValidationLoss, Qt::AscendingOrder);
    QCOMPARE(sorted.index(0, 0).data().toString(), QStringLiteral("additive"));
    QCOMPARE(sorted.index(2, 0).data().toString(), QStringLiteral("none"));

    CsvWriter csv;
    model.writeCsv(csv);
    const QStringList lines = csv.text().split("\r\n", Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines[0].startsWith(
        "run,validation_loss,token_accuracy,exact_match,bleu,macro_f1,rouge_l,aer,gold_mass"));
    // no labels (macro-F1), no ROUGE and no gold mass in these runs: empty fields
    QVERIFY2(lines[2].startsWith("additive,0.4,0.9,0.9,90,,,0.1,,"), qPrintable(lines[2]));
    QVERIFY2(lines[3].startsWith("none,1.5,0.2,0.2,20,,,,,"), qPrintable(lines[3]));
}

void TestCompareViews::lossPlotDrawsEveryRun() {
    CompareSession session;
    CompareLossPlot plot(session);
    QVERIFY(session.showSummary(threeRuns(), {}, nullptr));
    QCOMPARE(plot.runCount(), 3);
    QCPGraph* training = plot.trainingGraph(1);
    QCOMPARE(training->dataCount(), 4);
    // Debiased: the first point is the first loss itself; then (0.9·0.1·2 + 0.1·1) / (1 - 0.81).
    QCOMPARE(training->data()->at(0)->value, 2.0);
    QVERIFY(std::abs(training->data()->at(1)->value - (0.18 + 0.1) / 0.19) < 1e-9);
    QCOMPARE(training->pen().color(), runColor(1));
    QCOMPARE(plot.validationGraph(1)->dataCount(), 2);
    QCOMPARE(plot.validationGraph(1)->data()->at(1)->key, 4.0);
    QCOMPARE(plot.validationGraph(1)->data()->at(1)->value, 0.4);
    plot.setRunVisible(0, false);
    QVERIFY(!plot.trainingGraph(0)->visible());
    QVERIFY(!plot.validationGraph(0)->visible());
    QVERIFY(plot.isRunVisible(1));
    const QString png = QDir(QDir::tempPath()).filePath("attnlab-compare-loss.png");
    QString error;
    QVERIFY2(plot.exportImage(png, &error), qPrintable(error));
    QVERIFY(QImage(png).width() > 100);
}

void TestCompareViews::lengthPlotSharesTheBuckets() {
    CompareSession session;
    LengthAccuracyPlot plot(session);
    QVERIFY(session.showSummary(threeRuns(), {}, nullptr));
    QCOMPARE(plot.buckets().size(), size_t(2)); // 3-4 (20 pairs), 5-6 (35)
    QCOMPARE(plot.graph(1)->dataCount(), 2);
    QCOMPARE(plot.graph(1)->data()->at(0)->key, 3.5);
    QCOMPARE(plot.graph(1)->data()->at(0)->value, 90.0);
    QCOMPARE(plot.graph(2)->data()->at(0)->value, 20.0);
    plot.setMeasure(LengthAccuracyPlot::Measure::TokenAccuracy);
    QCOMPARE(plot.graph(1)->dataCount(), 2);
}

void TestCompareViews::heatmapGridSharesTheHoveredCell() {
    CompareSession session;
    HeatmapGrid grid(session);
    grid.resize(900, 600);
    ExperimentSummary summary = threeRuns();
    summary.runs.pop_back(); // two runs with attention
    QVERIFY(session.showSummary(summary, untrainedModels(2), nullptr));
    QCOMPARE(grid.cellCount(), 2);
    QVERIFY(!grid.pairBox()->isEnabled()); // an opened file has no validation pairs to list
    grid.showSentence("abcd");
    for (int run = 0; run < 2; ++run) {
        QCOMPARE(grid.heatmap(run)->sourceCount(), 4);
        QVERIFY(grid.heatmap(run)->outputCount() >= 1);
        QVERIFY2(grid.title(run).startsWith(QString::fromStdString(summary.runs[size_t(run)].name) + ": "),
                 qPrintable(grid.title(run)));
    }
    grid.shareCell(0, 2);
    QCOMPARE(grid.sharedCell(), QPoint(2, 0));
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    grid.heatmap(1)->plot()->replot();
    // Hovering a cell in the second map outlines the same cell in both.
    const QCPAxisRect* rect = grid.heatmap(1)->mapRect();
    const QPoint pixel(int(rect->axis(QCPAxis::atBottom)->coordToPixel(1)),
                       int(rect->axis(QCPAxis::atLeft)->coordToPixel(0)));
    QMouseEvent move(QEvent::MouseMove, pixel, grid.heatmap(1)->plot()->mapToGlobal(pixel), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(grid.heatmap(1)->plot(), &move);
    QCOMPARE(grid.sharedCell(), QPoint(1, 0));
    const QString png = QDir(QDir::tempPath()).filePath("attnlab-compare-grid.png");
    QString error;
    QVERIFY2(grid.exportImage(png, &error), qPrintable(error));
    QVERIFY(QImage(png).width() > 1000); // the two maps at twice their size
}

QTEST_MAIN(TestCompareViews)
#include "tst_compare_views.moc"
