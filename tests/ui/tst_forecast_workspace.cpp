// The Forecast tab driven as a person would: train `seasonal` for one epoch through the worker's
// thread and read the view, the epoch line and the window navigation; stop a long run and train
// again; a diverging run keeps its last good weights; a bad CSV's error names the file and the line;
// a saved model opens to the same forecast; Compare scorers fills its table; the main window has
// the tab after Gates.
#include "core/data/forecast/ForecastData.h"
#include "ui/MainWindow.h"
#include "ui/forecast/ForecastCompareTable.h"
#include "ui/forecast/ForecastLossPlot.h"
#include "ui/forecast/ForecastSettingsRow.h"
#include "ui/forecast/ForecastView.h"
#include "ui/forecast/ForecastWorkspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace attnlab;
using namespace attnlab::ui;

class TestForecastWorkspace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void startsWithSeasonalAndTheDefaults();
    void trainsOneEpochAndShowsTheForecast();
    void stopLeavesTheTabUsable();
    void closingMidRunEndsTheThread();
    void divergenceKeepsTheLastGoodWeights();
    void badCsvNamesFileAndLine();
    void savedModelOpensToTheSameForecast();
    void compareScorersFillsTheTable();
    void mainWindowHasTheTabAfterGates();
    void seriesOpenedAsADatasetGoToTheTab();
};

namespace {

constexpr int kTimeoutMs = 60000; // generous: two cores shared with other builds

QString badFile(const QString& name) {
    return QDir(qEnvironmentVariable("ATTNLAB_SOURCE_DIR")).filePath("tests/data/bad/forecast/" + name);
}

// Trains with the settings row as it is and waits until the tab is usable again.
bool trainAndWait(ForecastWorkspace& workspace) {
    QSignalSpy finished(&workspace, &ForecastWorkspace::trainingFinished);
    workspace.trainButton().click();
    return finished.wait(kTimeoutMs);
}

} // namespace

void TestForecastWorkspace::startsWithSeasonalAndTheDefaults() {
    ForecastWorkspace workspace;
    QCOMPARE(workspace.data().name, std::string(kSeasonalName));
    QCOMPARE(workspace.dataText(), QString("3 series × 2400 steps, gold evidence"));
    const ForecastRunSpec defaults = defaultForecastSpec();
    ForecastSettingsRow& settings = workspace.settings();
    QCOMPARE(settings.scorerBox().count(), 7);
    QCOMPARE(settings.scorerBox().currentText(), QString("dot"));
    QCOMPARE(settings.windowBox().value(), defaults.windows.past);
    QCOMPARE(settings.horizonBox().value(), defaults.forecast.horizon);
    QCOMPARE(settings.epochsBox().value(), defaults.training.epochs);
    QCOMPARE(settings.gaussianBox().isChecked(), defaults.forecast.gaussian);
    QVERIFY(workspace.trainButton().isEnabled());
    QVERIFY(!workspace.stopButton().isEnabled());
    QVERIFY(!workspace.hasModel());
    QVERIFY(!workspace.view().hasContent());
}

void TestForecastWorkspace::trainsOneEpochAndShowsTheForecast() {
    ForecastWorkspace workspace;
    workspace.settings().epochsBox().setValue(1);
    QSignalSpy epochs(&workspace, &ForecastWorkspace::epochShown);
    QVERIFY(trainAndWait(workspace));
    QCOMPARE(epochs.count(), 1);
    QVERIFY2(workspace.statusText().startsWith("Finished after "), qPrintable(workspace.statusText()));
    QVERIFY(workspace.statusText().contains(" and 1 epoch in "));
    QVERIFY(workspace.trainButton().isEnabled());
    QVERIFY(!workspace.stopButton().isEnabled());

    // The epoch line: one validation of all 469 windows, a finite MASE per series.
    const ForecastMetrics& metrics = workspace.metrics();
    QCOMPARE(metrics.windows, workspace.windowCount());
    QVERIFY(workspace.windowCount() > 100);
    QVERIFY(std::isfinite(metrics.mase) && metrics.mase > 0);
    QCOMPARE(int(metrics.seriesMase.size()), 3);
    for (double mase : metrics.seriesMase) QVERIFY(std::isfinite(mase));
    QVERIFY2(workspace.epochText().contains("epoch 1/1") && workspace.epochText().contains("MASE"),
             qPrintable(workspace.epochText()));
    QVERIFY(workspace.epochText().contains(QString::number(metrics.mase, 'f', 3)));
    QVERIFY(workspace.lossPlot().trainingPoints() > 10);
    QCOMPARE(workspace.lossPlot().validationPoints(), 1);

    // The view shows window 1 with the default W and K, in the data's own units (float, as the windows keep
    // them).
    ForecastView& view = workspace.view();
    QVERIFY(view.hasContent());
    const ForecastContent first = view.content();
    QCOMPARE(first.window(), 48);
    QCOMPARE(first.horizon(), 12);
    QVERIFY(first.hasAttention());
    QVERIFY(!first.gold.empty()); // seasonal's evidence: a period back
    QCOMPARE(workspace.shownWindow(), 0);
    const std::vector<double>& values = workspace.data().table.series(0);
    QCOMPARE(first.series[0].past[0], double(float(values[std::size_t(first.firstTimeIndex)])));
    QCOMPARE(first.series[0].truth[0], double(float(values[std::size_t(first.firstTimeIndex + 48)])));

    // Window navigation: the spin box and the slider move together and change the past shown.
    workspace.windowBox().setValue(6);
    QCOMPARE(workspace.shownWindow(), 5);
    QCOMPARE(workspace.windowSlider().value(), 5);
    const ForecastContent sixth = view.content();
    QCOMPARE(sixth.firstTimeIndex, first.firstTimeIndex + 5);
    QVERIFY(sixth.series[0].past != first.series[0].past);
    QCOMPARE(sixth.series[0].past[0], double(float(values[std::size_t(sixth.firstTimeIndex)])));
    workspace.windowSlider().setValue(workspace.windowCount() - 1);
    QCOMPARE(workspace.windowBox().value(), workspace.windowCount());
    QCOMPARE(view.content().firstTimeIndex + 48 + 12, int(values.size()));
}

void TestForecastWorkspace::stopLeavesTheTabUsable() {
    ForecastWorkspace workspace;
    workspace.settings().epochsBox().setValue(200);
    QSignalSpy epochs(&workspace, &ForecastWorkspace::epochShown);
    QSignalSpy finished(&workspace, &ForecastWorkspace::trainingFinished);
    workspace.trainButton().click();
    QVERIFY(workspace.isTraining());
    QVERIFY(!workspace.trainButton().isEnabled());
    QVERIFY(workspace.stopButton().isEnabled());
    QVERIFY(!workspace.dataBox().isEnabled()); // the data stays while a run trains on it
    QVERIFY(epochs.wait(kTimeoutMs));          // one epoch in: the view has a model to keep
    workspace.stopButton().click();
    QVERIFY(finished.wait(kTimeoutMs));
    QVERIFY2(workspace.statusText().startsWith("Stopped"), qPrintable(workspace.statusText()));
    QVERIFY(!workspace.isTraining());
    QVERIFY(workspace.trainButton().isEnabled());
    QVERIFY(!workspace.stopButton().isEnabled());
    QVERIFY(workspace.dataBox().isEnabled());
    QVERIFY(workspace.hasModel());
    QVERIFY(workspace.view().hasContent());
    QVERIFY(epochs.count() < 200);

    // And it trains again.
    workspace.settings().epochsBox().setValue(1);
    QVERIFY(trainAndWait(workspace));
    QVERIFY2(workspace.statusText().startsWith("Finished"), qPrintable(workspace.statusText()));
}

void TestForecastWorkspace::closingMidRunEndsTheThread() {
    auto workspace = std::make_unique<ForecastWorkspace>();
    workspace->settings().epochsBox().setValue(500);
    QSignalSpy epochs(workspace.get(), &ForecastWorkspace::epochShown);
    workspace->train();
    QVERIFY(epochs.wait(kTimeoutMs));
    auto* thread = workspace->findChild<QThread*>();
    QVERIFY(thread && thread->isRunning());
    QElapsedTimer clock;
    clock.start();
    workspace.reset(); // stops the run within a batch and waits for the thread, not for 500 epochs
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
}

void TestForecastWorkspace::divergenceKeepsTheLastGoodWeights() {
    ForecastWorkspace workspace;
    ForecastRunSpec spec = workspace.settings().spec();
    spec.training.learningRate = 1e30; // the first Adam step throws every weight to ~1e30
    spec.training.epochs = 3;
    QSignalSpy finished(&workspace, &ForecastWorkspace::trainingFinished);
    workspace.trainWith(spec);
    QVERIFY(finished.wait(kTimeoutMs));
    // The trainer's own sentence ends the run; the tab is usable and shows the weights it kept.
    QVERIFY2(workspace.statusText().startsWith("Diverged after "), qPrintable(workspace.statusText()));
    QVERIFY2(workspace.statusText().contains("the weights of the last finite step are kept"),
             qPrintable(workspace.statusText()));
    QVERIFY(workspace.trainButton().isEnabled());
    QVERIFY(workspace.hasModel());
    QVERIFY(workspace.view().hasContent());
    for (const ForecastSeries& series : workspace.view().content().series)
        for (double value : series.forecast) QVERIFY(std::isfinite(value));
}

void TestForecastWorkspace::badCsvNamesFileAndLine() {
    ForecastWorkspace workspace;
    const QString path = badFile("not_a_number.csv");
    QVERIFY(QFileInfo::exists(path));
    QVERIFY(!workspace.openData(path));
    // As attnlab-cli words it: file:line: reason.
    QVERIFY2(workspace.dataText().startsWith(path + ":3:"), qPrintable(workspace.dataText()));
    QVERIFY(workspace.dataText().contains("3l0"));
    QCOMPARE(workspace.data().name, std::string(kSeasonalName)); // the data before stays
    QCOMPARE(workspace.dataBox().currentText(), QString("seasonal"));
}

void TestForecastWorkspace::savedModelOpensToTheSameForecast() {
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath("seasonal.safetensors");
    ForecastContent trained;
    {
        ForecastWorkspace workspace;
        QVERIFY(!workspace.saveModel(path)); // nothing yet
        workspace.settings().epochsBox().setValue(1);
        workspace.settings().scorerBox().setCurrentText("additive");
        QVERIFY(trainAndWait(workspace));
        workspace.showWindow(7);
        trained = workspace.view().content();
        QVERIFY(workspace.saveModel(path));
        QVERIFY(!workspace.saveModel(directory.filePath("missing/dir/model.safetensors")));
        QVERIFY2(workspace.statusText().contains("missing/dir/model.safetensors"),
                 qPrintable(workspace.statusText()));
    }
    ForecastWorkspace opened;
    QVERIFY2(opened.openModel(path), qPrintable(opened.statusText()));
    QCOMPARE(opened.settings().scorerBox().currentText(), QString("additive"));
    QCOMPARE(opened.settings().epochsBox().value(), 1);
    QVERIFY(std::isfinite(opened.metrics().mase));
    opened.showWindow(7);
    const ForecastContent again = opened.view().content();
    QCOMPARE(again.firstTimeIndex, trained.firstTimeIndex);
    QCOMPARE(int(again.series.size()), int(trained.series.size()));
    for (std::size_t s = 0; s < again.series.size(); ++s) {
        QCOMPARE(again.series[s].past, trained.series[s].past);
        QCOMPARE(again.series[s].forecast, trained.series[s].forecast);
    }
    QVERIFY(again.attention.isApprox(trained.attention, 0.0f));

    // A forecaster made elsewhere (tests/data/bad/forecast/make_bad_forecasters.py, W 8, K 2, three
    // series) opens on the data open now, with its own window and horizon.
    ForecastWorkspace other;
    QVERIFY(!other.windowBox().isEnabled());
    QVERIFY2(other.openModel(badFile("good_forecaster.safetensors")), qPrintable(other.statusText()));
    QCOMPARE(other.view().content().window(), 8);
    QCOMPARE(other.view().content().horizon(), 2);
    QCOMPARE(other.settings().windowBox().value(), 8);
    QVERIFY(other.windowBox().isEnabled());
    QVERIFY(other.windowCount() > 400);

    // A file that is not a model: its reason, and the model shown stays.
    QVERIFY(!opened.openModel(badFile("forecaster_nan_weight.safetensors")));
    QVERIFY2(opened.statusText().contains("forecaster_nan_weight.safetensors"),
             qPrintable(opened.statusText()));
    QVERIFY(opened.view().hasContent());
}

void TestForecastWorkspace::compareScorersFillsTheTable() {
    ForecastWorkspace workspace;
    workspace.settings().epochsBox().setValue(1);
    workspace.compareTable().choose({ScorerKind::None, ScorerKind::Dot});
    QSignalSpy finished(&workspace, &ForecastWorkspace::trainingFinished);
    workspace.compareButton().click();
    QVERIFY(finished.wait(kTimeoutMs));
    const ForecastCompareTable& table = workspace.compareTable();
    QCOMPARE(table.rowCount(), 2);
    QCOMPARE(table.cell(0, ForecastCompareTable::ScorerColumn), QString("none"));
    QCOMPARE(table.cell(1, ForecastCompareTable::ScorerColumn), QString("dot"));
    for (int row = 0; row < 2; ++row) {
        bool ok = false;
        QVERIFY(table.cell(row, ForecastCompareTable::MaeColumn).toDouble(&ok) > 0 && ok);
        QVERIFY(table.cell(row, ForecastCompareTable::WorstMaseColumn).toDouble(&ok) > 0 && ok);
        QVERIFY(table.cell(row, ForecastCompareTable::TimeColumn).endsWith(" s"));
    }
    // none has no attention to put on the gold points; dot has.
    const QString noneMass = table.cell(0, ForecastCompareTable::GoldMassColumn);
    QVERIFY2(noneMass == QString("–") || noneMass == QString("0.000"), qPrintable(noneMass));
    bool ok = false;
    QVERIFY(table.cell(1, ForecastCompareTable::GoldMassColumn).toDouble(&ok) > 0 && ok);
    QVERIFY(workspace.trainButton().isEnabled());
}

void TestForecastWorkspace::mainWindowHasTheTabAfterGates() {
    MainWindow window;
    auto* tabs = window.findChild<QTabWidget*>("centralTabs");
    QVERIFY(tabs);
    const int gates = tabs->indexOf(window.findChild<QScrollArea*>("gatesScroll"));
    QVERIFY(gates >= 0);
    QCOMPARE(tabs->tabText(gates + 1), QString("Forecast"));
    auto* scroll = qobject_cast<QScrollArea*>(tabs->widget(gates + 1));
    QVERIFY(scroll && qobject_cast<ForecastWorkspace*>(scroll->widget()));
}

void TestForecastWorkspace::seriesOpenedAsADatasetGoToTheTab() {
    // `attnlab --dataset seasonal`, File > Open Dataset or the Dataset panel with a numeric CSV.
    MainWindow window;
    auto* tabs = window.findChild<QTabWidget*>("centralTabs");
    QVERIFY(tabs);
    const QString csv =
        QDir(qEnvironmentVariable("ATTNLAB_SOURCE_DIR")).filePath("tests/data/forecast/two_series.csv");
    window.openDataset(csv);
    auto* scroll = window.findChild<QScrollArea*>("forecastScroll");
    // Read as pairs first (no source and target columns), then handed over as series.
    QTRY_COMPARE_WITH_TIMEOUT(tabs->currentWidget(), static_cast<QWidget*>(scroll), kTimeoutMs);
    auto* workspace = qobject_cast<ForecastWorkspace*>(scroll->widget());
    QVERIFY(workspace);
    QCOMPARE(workspace->data().table.seriesCount(), 3); // day, demand, temperature: the user's file
    QVERIFY2(QString::fromStdString(workspace->data().name).contains("two_series"),
             qPrintable(workspace->dataText() + " / " + QString::fromStdString(workspace->data().name)));
}

QTEST_MAIN(TestForecastWorkspace)
#include "tst_forecast_workspace.moc"
