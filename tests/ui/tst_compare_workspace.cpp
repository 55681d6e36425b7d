// The Compare tab driven through the window's own actions, as a person would: File > New
// Comparison, three scorers ticked, Train on the toolbar; then the table against what `eval`
// computes for each saved model, the experiment saved and opened again to the same table, and
// a bad or truncated experiment file refused with a message that leaves the workspace as it was.
#include "core/data/TaskGenerators.h"
#include "core/experiment/ExperimentFile.h"
#include "core/train/Evaluator.h"
#include "core/train/ModelFile.h"
#include "ui/MainWindow.h"
#include "ui/compare/CompareController.h"
#include "ui/compare/CompareWorkspace.h"
#include "ui/compare/HeatmapGrid.h"
#include "ui/compare/LengthAccuracyPlot.h"
#include "ui/compare/MetricsTableModel.h"
#include "ui/compare/RunProgressTable.h"
#include "ui/panels/DatasetPanel.h"
#include "ui/panels/SettingsPanel.h"
#include "ui/panels/TrainingControls.h"
#include "ui/plots/AlignmentHeatmap.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QListWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace attnlab;
using namespace attnlab::ui;

class TestCompareWorkspace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void threeRunsThroughTheWindow();
    void tableEqualsEvalOfEachSavedModel();
    void savedExperimentOpensToTheSameTable();
    void badExperimentFileLeavesTheWorkspace();
    void screenshotsOfBothComparisons();
    void cleanupTestCase() { m_window.reset(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_experimentPath;
};

namespace {
constexpr int kCompared[] = {
    MetricsTableModel::ValidationLoss, MetricsTableModel::TokenAccuracy, MetricsTableModel::ExactMatch,
    MetricsTableModel::Bleu,           MetricsTableModel::Aer,           MetricsTableModel::Entropy,
    MetricsTableModel::LastMass,       MetricsTableModel::Parameters};

QList<QList<double>> tableValues(const MetricsTableModel& model) {
    QList<QList<double>> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        QList<double> values;
        for (int column : kCompared) values << model.value(row, column);
        rows << values;
    }
    return rows;
}

bool sameValues(const QList<QList<double>>& a, const QList<QList<double>>& b) {
    if (a.size() != b.size()) return false;
    for (int r = 0; r < a.size(); ++r)
        for (int c = 0; c < a[r].size(); ++c) {
            const double x = a[r][c], y = b[r][c];
            if (std::isnan(x) != std::isnan(y) ||
                (!std::isnan(x) && std::abs(x - y) > 1e-12 * std::max(1.0, std::abs(x))))
                return false;
        }
    return true;
}
} // namespace

void TestCompareWorkspace::initTestCase() {
    QVERIFY(m_dir.isValid());
    const QString dataset = m_dir.filePath("reverse.tsv");
    {
        std::ofstream out(dataset.toStdString());
        writeTaskTsv(out, "reverse", 300, 1);
    }
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    ModelConfig config;
    config.embedding = 8;
    config.hidden = 16;
    TrainingSettings settings;
    settings.epochs = 2;
    settings.batchSize = 16;
    settings.learningRate = 0.01;
    m_window->settingsPanel()->setFromModel(config, settings);
    QSignalSpy loaded(m_window->datasetPanel(), &DatasetPanel::datasetLoaded);
    m_window->openDataset(dataset);
    QVERIFY(loaded.wait(20000));
    m_experimentPath = m_dir.filePath("experiment.json");
    const QString path = m_experimentPath;
    m_window->compare()->setFileQuestions(
        [path](const QString&, const QString&, const QString&) { return path; },
        [path](const QString&, const QString&, const QString&) { return path; });
}

void TestCompareWorkspace::threeRunsThroughTheWindow() {
    MainWindow& window = *m_window;
    window.findChild<QAction*>("newComparisonAction")->trigger();
    CompareWorkspace* workspace = window.compare()->workspace();
    QCOMPARE(window.centralTabs()->currentWidget(), workspace);
    QCOMPARE(window.trainingControls()->state(), TrainingSession::State::Ready);
    QListWidget* list = workspace->picker()->list();
    for (const char* name : {"dot", "general", "additive"})
        list->findItems(name, Qt::MatchExactly).first()->setCheckState(Qt::Checked);
    window.trainingControls()->trainAction()->trigger();
    QCOMPARE(window.trainingControls()->state(), TrainingSession::State::Running);
    QTRY_COMPARE_WITH_TIMEOUT(workspace->progressTable()->rowCount(), 3, 20000); // once the data is prepared
    QTRY_COMPARE_WITH_TIMEOUT(window.trainingControls()->state(), TrainingSession::State::Finished, 120000);
    // The single-run session did not train.
    QCOMPARE(window.session()->state(), TrainingSession::State::Ready);
    const MetricsTableModel& table = *workspace->metricsModel();
    QCOMPARE(table.rowCount(), 3);
    QCOMPARE(table.data(table.index(0, MetricsTableModel::Run), Qt::DisplayRole).toString(),
             QStringLiteral("dot"));
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(table.data(table.index(row, MetricsTableModel::Outcome), Qt::DisplayRole).toString(),
                 QStringLiteral("completed"));
        QCOMPARE(workspace->progressTable()->cellText(row, RunProgressTable::Epoch), QStringLiteral("2/2"));
        QVERIFY(std::isfinite(table.value(row, MetricsTableModel::ExactMatch)));
        QVERIFY(std::isfinite(table.value(row, MetricsTableModel::Aer))); // reverse has gold links
    }
    // The heatmaps show a validation pair for each run, with a verdict against its reference.
    HeatmapGrid* grid = workspace->heatmapGrid();
    QCOMPARE(grid->cellCount(), 3);
    QVERIFY(grid->pairBox()->count() > 0);
    grid->showPair(0);
    for (int run = 0; run < 3; ++run) {
        QVERIFY(grid->heatmap(run)->sourceCount() > 0);
        QVERIFY2(grid->title(run).endsWith(QStringLiteral("✓")) ||
                     grid->title(run).endsWith(QStringLiteral("✗")),
                 qPrintable(grid->title(run)));
    }
    // Leaving the tab gives the controls back to the single run.
    window.centralTabs()->setCurrentIndex(0);
    QCOMPARE(window.trainingControls()->state(), TrainingSession::State::Ready);
    window.centralTabs()->setCurrentWidget(workspace);
    QCOMPARE(window.trainingControls()->state(), TrainingSession::State::Finished);
}

void TestCompareWorkspace::tableEqualsEvalOfEachSavedModel() {
    MainWindow& window = *m_window;
    window.findChild<QAction*>("saveExperimentAction")->trigger();
    QVERIFY(QFileInfo::exists(m_experimentPath));
    const CompareSession& session = *window.compare()->session();
    const MetricsTableModel& table = *window.compare()->workspace()->metricsModel();
    const auto prepared = session.preparedData();
    QVERIFY(prepared);
    const Dataset& dataset = *prepared->dataset;
    std::vector<Alignment> gold;
    for (int index : prepared->data->validation.datasetIndices) {
        const auto links = dataset.alignment(index);
        gold.emplace_back(links.begin(), links.end());
    }
    for (int row = 0; row < 3; ++row) {
        const QString model =
            m_dir.filePath(CompareSession::modelFileName(session.summary().runs[size_t(row)].name));
        QVERIFY2(QFileInfo::exists(model), qPrintable(model));
        const ModelBundle bundle = loadModel(model.toStdString());
        // As `attnlab-cli eval --split validation` does it: batches of 64, greedy, gold links.
        const Batcher batcher(prepared->data->validation.pairs, 64, 0);
        EvaluationOptions options;
        options.gold = [&gold](int k) { return &gold[static_cast<size_t>(k)]; };
        const Metrics metrics = evaluate(*bundle.model, batcher, options);
        QCOMPARE(table.value(row, MetricsTableModel::ExactMatch), metrics.exactMatch);
        QCOMPARE(table.value(row, MetricsTableModel::TokenAccuracy), metrics.tokenAccuracy);
        QCOMPARE(table.value(row, MetricsTableModel::Bleu), metrics.bleu.score);
        QVERIFY(std::abs(table.value(row, MetricsTableModel::ValidationLoss) - metrics.loss) < 1e-5);
        QVERIFY(std::abs(table.value(row, MetricsTableModel::Aer) - metrics.alignmentErrorRate) < 1e-9);
    }
}

void TestCompareWorkspace::savedExperimentOpensToTheSameTable() {
    MainWindow& window = *m_window;
    const MetricsTableModel& table = *window.compare()->workspace()->metricsModel();
    const auto before = tableValues(table);
    window.compare()->reset();
    QCOMPARE(table.rowCount(), 0);
    window.findChild<QAction*>("openExperimentAction")->trigger();
    QCOMPARE(table.rowCount(), 3);
    QVERIFY(sameValues(tableValues(table), before));
    // The models beside the file came back: the heatmaps decode a typed sentence.
    HeatmapGrid* grid = window.compare()->workspace()->heatmapGrid();
    grid->showSentence("abcd");
    QCOMPARE(grid->heatmap(1)->sourceCount(), 4);
}

void TestCompareWorkspace::badExperimentFileLeavesTheWorkspace() {
    MainWindow& window = *m_window;
    const MetricsTableModel& table = *window.compare()->workspace()->metricsModel();
    const auto before = tableValues(table);
    QFile saved(m_experimentPath);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray text = saved.readAll();
    const QString truncated = m_dir.filePath("truncated.json");
    QFile out(truncated);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(text.left(text.size() / 2));
    out.close();
    QString problem;
    QVERIFY(!window.compare()->openExperiment(truncated, &problem));
    QVERIFY2(problem.contains("truncated.json") && problem.contains("line"), qPrintable(problem));
    QCOMPARE(table.rowCount(), 3);
    QVERIFY(sameValues(tableValues(table), before));
    QVERIFY(!window.compare()->openExperiment(m_dir.filePath("reverse.tsv"), &problem));
    QVERIFY2(problem.contains("reverse.tsv"), qPrintable(problem));
    QCOMPARE(table.rowCount(), 3);
}

namespace {
// Ticks every scorer, trains them together to the end and returns the wall time in seconds.
double compareAllScorers(MainWindow& window) {
    CompareWorkspace* workspace = window.compare()->workspace();
    workspace->picker()->setAllScorersChecked(true);
    QElapsedTimer clock;
    clock.start();
    window.trainingControls()->trainAction()->trigger();
    if (!QTest::qWaitFor(
            [&] { return window.compare()->session()->state() == TrainingSession::State::Finished; },
            30 * 60 * 1000))
        return -1;
    return clock.elapsed() / 1000.0;
}

void printByLength(const CompareSession& session, const char* run) {
    for (const RunSummary& summary : session.summary().runs) {
        if (summary.name != run) continue;
        QString line = QStringLiteral("%1 exact match by source length:").arg(run);
        for (const LengthAccuracy& row : summary.record.result.validation.bySourceLength)
            line += QStringLiteral(" %1:%2/%3").arg(row.sourceLength).arg(row.exactMatches).arg(row.count);
        qInfo("%s", qPrintable(line));
    }
}
} // namespace

// `make screenshots`: all seven scorers on dates, then on copy_long with its recommended
// settings, each compared in one go from the window, as the README shows them.
void TestCompareWorkspace::screenshotsOfBothComparisons() {
    const QString directory = qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR");
    if (directory.isEmpty()) QSKIP("set ATTNLAB_SCREENSHOT_DIR to render the screenshots");
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.settingsPanel()->setFromModel(ModelConfig{}, TrainingSettings{}); // the defaults
    for (const char* dataset : {"dates", "copy_long"}) {
        QSignalSpy loaded(window.datasetPanel(), &DatasetPanel::datasetLoaded);
        window.openDataset(dataset);
        QVERIFY(loaded.wait(30000));
        window.findChild<QAction*>("newComparisonAction")->trigger();
        const double seconds = compareAllScorers(window);
        QVERIFY(seconds > 0);
        qInfo("%s: seven scorers compared in %.0f s", dataset, seconds);
        const CompareSession& session = *window.compare()->session();
        printByLength(session, "none");
        printByLength(session, "additive");
        HeatmapGrid* grid = window.compare()->workspace()->heatmapGrid();
        // A long pair for copy_long, where the runs differ most; the first pair for dates.
        int pair = 0;
        const auto prepared = session.preparedData();
        for (int k = 0; k < grid->pairBox()->count(); ++k)
            if (prepared->dataset->source(prepared->data->validation.datasetIndices[size_t(k)]).size() >
                (std::string(dataset) == "copy_long" ? 40u : 0u)) {
                pair = k;
                break;
            }
        grid->pairBox()->setCurrentIndex(pair);
        grid->showPair(pair);
        QTest::qWait(500);
        const QString name = QStringLiteral("compare-%1.png").arg(dataset);
        QVERIFY(window.grab().save(QDir(directory).filePath(name)));
        QString error;
        QVERIFY2(window.compare()->workspace()->lengthPlot()->exportImage(
                     QDir(directory).filePath(QStringLiteral("%1-by-length.png").arg(dataset)), &error),
                 qPrintable(error));
    }
}

QTEST_MAIN(TestCompareWorkspace)
#include "tst_compare_workspace.moc"
