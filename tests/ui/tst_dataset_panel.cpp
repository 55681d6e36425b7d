// The dataset panel as a person uses it: a shipped dataset by name fills the table, statistics
// and histogram; a bad file names its line and leaves the previous dataset loaded; options
// reload (reverse swaps the columns, a length limit drops pairs, tokenisation is the user's for
// files and the dataset's own for shipped ones); and the GUI thread keeps ticking while a large
// file loads.
#include "core/data/ShippedDatasets.h"
#include "ui/panels/DatasetPanel.h"
#include "ui/panels/PairPreviewModel.h"
#include "ui/plots/LengthHistogram.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <qcustomplot.h>

#include <set>
#include <string>

using namespace attnlab;
using namespace attnlab::ui;

namespace {

constexpr int LoadTimeoutMs = 20000;

void writeFile(const QString& path, const QByteArray& text) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(text), text.size());
}

QString cell(const PairPreviewModel& model, int row, int column) {
    return model.data(model.index(row, column)).toString();
}

double barSum(const QCPBars* bars) {
    double sum = 0;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) sum += it->value;
    return sum;
}

double barAt(const QCPBars* bars, double key) {
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
        if (it->key == key) return it->value;
    return -1;
}

int distinctTokens(const Dataset& dataset, bool source) {
    std::set<std::string> tokens;
    for (int i = 0; i < dataset.size(); ++i)
        for (std::string& token : source ? dataset.sourceTokens(i) : dataset.targetTokens(i))
            tokens.insert(std::move(token));
    return static_cast<int>(tokens.size());
}

// Loads through `load` and waits for the panel to report success.
std::shared_ptr<const Dataset> loadAndWait(DatasetPanel& panel, const std::function<void()>& load) {
    QSignalSpy loaded(&panel, &DatasetPanel::datasetLoaded);
    load();
    if (!loaded.wait(LoadTimeoutMs)) return nullptr;
    return loaded.takeFirst().at(0).value<std::shared_ptr<const Dataset>>();
}

} // namespace

class TestDatasetPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shippedDatasetFillsTableAndStatistics();
    void shippedDatasetSetsItsOwnTokenisation();
    void taskComboFeedsTheOptions();
    void badFileNamesTheLineAndKeepsThePreviousDataset();
    void failureWithNothingLoadedLeavesNoDataset();
    void unknownShippedNameFails();
    void newerRequestWinsAndCancelKeepsThePrevious();
    void histogramSumsToThePairCount();
    void reverseSwapsTheColumns();
    void lengthLimitDropsPairsAndSaysSo();
    void fileTokenisationIsTheUsers();
    void guiThreadKeepsTickingWhileALargeFileLoads();
    void everyControlExplainsItself();
    void lineColumnSaysLine();
    void rendersARealisticDataset();
};

void TestDatasetPanel::shippedDatasetFillsTableAndStatistics() {
    DatasetPanel panel;
    QSignalSpy busy(&panel, &DatasetPanel::busyChanged);
    const auto dataset = loadAndWait(panel, [&] { panel.loadShipped("reverse"); });
    QVERIFY(dataset);
    QCOMPARE(panel.dataset(), dataset);
    QVERIFY(!panel.isBusy());
    QCOMPARE(busy.count(), 2); // true, then false
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);

    // The same pairs core reads from the shipped file.
    const Dataset expected = openDataset("reverse");
    QCOMPARE(dataset->size(), expected.size());
    QCOMPARE(dataset->size(), 4000);
    QCOMPARE(dataset->source(0), std::string_view("ayikdareyk")); // the file's first pair, line 2
    QVERIFY(dataset->hasAlignments());

    // The table shows the first batch, then grows as the view asks for more, up to every pair.
    PairPreviewModel& model = *panel.previewModel();
    QCOMPARE(model.rowCount(), PairPreviewModel::FetchBatch);
    QCOMPARE(cell(model, 0, PairPreviewModel::LineColumn), QString("2"));
    QCOMPARE(cell(model, 0, PairPreviewModel::SourceColumn), QString("ayikdareyk"));
    QCOMPARE(cell(model, 0, PairPreviewModel::TargetColumn), QString("kyeradkiya"));
    QCOMPARE(cell(model, 0, PairPreviewModel::LinksColumn), QString("10"));
    while (model.canFetchMore({})) model.fetchMore({});
    QCOMPARE(model.rowCount(), expected.size());
    const int last = expected.size() - 1;
    QCOMPARE(cell(model, last, PairPreviewModel::SourceColumn),
             QString::fromStdString(std::string(expected.source(last))));
    QCOMPARE(model.data(model.index(last, PairPreviewModel::LineColumn)).toLongLong(),
             expected.lineNumber(last));

    // Statistics: counted over the whole dataset.
    const DatasetStatistics& stats = panel.statistics();
    QCOMPARE(stats.pairs, 4000);
    QCOMPARE(stats.sourceVocabulary, distinctTokens(expected, true));
    QCOMPARE(stats.targetVocabulary, distinctTokens(expected, false));
    QCOMPARE(stats.sourceVocabulary, 26); // random lowercase letters, 4000 strings: every letter
    const QString line = panel.findChild<QLabel*>("statsLabel")->text();
    QCOMPARE(line, QLocale().toString(4000) +
                       " pairs with gold alignments \u00b7 vocabulary: 26 source, 26 target\n"
                       "skipped 1 comment and 0 blank lines \u00b7 0 dropped as too long");

    auto* combo = panel.findChild<QComboBox*>("datasetCombo");
    QCOMPARE(combo->currentData().toString(), QString("reverse"));
    QVERIFY(!panel.findChild<QLabel*>("errorLabel")->isVisibleTo(&panel));
    QVERIFY(!panel.findChild<QTableView*>("pairTable")->isColumnHidden(PairPreviewModel::LinksColumn));
}

void TestDatasetPanel::shippedDatasetSetsItsOwnTokenisation() {
    DatasetPanel panel;
    const auto dataset = loadAndWait(panel, [&] { panel.loadShipped("numbers"); });
    QVERIFY(dataset);
    QCOMPARE(dataset->options().sourceTokens, Tokenization::Char);
    QCOMPARE(dataset->options().targetTokens, Tokenization::Word);
    auto* source = panel.findChild<QComboBox*>("sourceTokensCombo");
    auto* target = panel.findChild<QComboBox*>("targetTokensCombo");
    QCOMPARE(source->currentText(), QString("characters"));
    QCOMPARE(target->currentText(), QString("words"));
    QVERIFY(!source->isEnabled()); // the dataset decides, the user cannot
    QVERIFY(!target->isEnabled());
    QCOMPARE(panel.options().targetTokens, Tokenization::Word);
    // Its target vocabulary is English number words, not letters.
    QVERIFY(panel.statistics().targetVocabulary > 26);
    QCOMPARE(panel.statistics().targetVocabulary, distinctTokens(*dataset, false));
}

void TestDatasetPanel::taskComboFeedsTheOptions() {
    // Issue 15: Detect / Pairs / Classification / Entailment, as DatasetOptions::task says.
    DatasetPanel panel;
    auto* task = panel.findChild<QComboBox*>("taskCombo");
    QVERIFY(task);
    QCOMPARE(task->count(), 4);
    QCOMPARE(task->currentText(), QString("Detect"));
    QVERIFY(panel.options().detectTask);
    QCOMPARE(panel.options().task, TaskKind::Pairs);
    // A shipped dataset shows its own kind and the user cannot change it.
    const auto sentiment = loadAndWait(panel, [&] { panel.loadShipped("sentiment"); });
    QVERIFY(sentiment);
    QCOMPARE(sentiment->task(), TaskKind::Classification);
    QCOMPARE(task->currentText(), QString("Classification"));
    QVERIFY(!task->isEnabled());
    // A two-column file without a "# task:" line is pairs unless the box says classification.
    QTemporaryDir dir;
    const QString path = dir.filePath("reviews.tsv");
    writeFile(path, "the plot was good\tpositive\nthe plot was dull\tnegative\n");
    const auto detected = loadAndWait(panel, [&] { panel.loadFile(path); });
    QVERIFY(detected);
    QCOMPARE(detected->task(), TaskKind::Pairs);
    QVERIFY(task->isEnabled());
    QCOMPARE(task->currentText(), QString("Detect"));
    const auto chosen = loadAndWait(panel, [&] { task->setCurrentIndex(task->findText("Classification")); });
    QVERIFY(chosen);
    QCOMPARE(chosen->task(), TaskKind::Classification);
    QCOMPARE(chosen->options().targetTokens, Tokenization::Word);
    QVERIFY(!panel.options().detectTask);
}

void TestDatasetPanel::badFileNamesTheLineAndKeepsThePreviousDataset() {
    DatasetPanel panel;
    const auto previous = loadAndWait(panel, [&] { panel.loadShipped("sort"); });
    QVERIFY(previous);
    const QString firstSource = cell(*panel.previewModel(), 0, PairPreviewModel::SourceColumn);

    QTemporaryDir dir;
    const QString path = dir.filePath("bad.tsv");
    writeFile(path, "# a comment\nabc\tcba\nthis line has no tab\nxy\tyx\n");
    QSignalSpy failed(&panel, &DatasetPanel::loadFailed);
    QSignalSpy loaded(&panel, &DatasetPanel::datasetLoaded);
    panel.loadFile(path);
    QVERIFY(failed.wait(LoadTimeoutMs));
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.startsWith(path + ":3: "), qPrintable(message));
    QCOMPARE(loaded.count(), 0);

    // Still the previous dataset, shown as before.
    QCOMPARE(panel.dataset(), previous);
    QCOMPARE(cell(*panel.previewModel(), 0, PairPreviewModel::SourceColumn), firstSource);
    QCOMPARE(panel.findChild<QComboBox*>("datasetCombo")->currentData().toString(), QString("sort"));
    QCOMPARE(panel.statistics().pairs, previous->size());
    auto* error = panel.findChild<QLabel*>("errorLabel");
    QVERIFY(error->isVisibleTo(&panel));
    QVERIFY(error->text().startsWith(message));
    QVERIFY(error->textInteractionFlags() & Qt::TextSelectableByMouse);
    QCOMPARE(error->property("isError").toBool(), true);
    QVERIFY(panel.errorShown());
    QVERIFY(panel.lastFailedFile().endsWith(".tsv")); // the window answers a chosen file with a box
    QVERIFY(!panel.isBusy());

    // A good load clears the message.
    QVERIFY(loadAndWait(panel, [&] { panel.loadShipped("reverse"); }));
    QVERIFY(!error->isVisibleTo(&panel));
    QVERIFY(!panel.errorShown());
    QVERIFY(panel.lastFailedFile().isEmpty());
}

void TestDatasetPanel::failureWithNothingLoadedLeavesNoDataset() {
    DatasetPanel panel;
    QTemporaryDir dir;
    const QString path = dir.filePath("missing.tsv");
    QSignalSpy failed(&panel, &DatasetPanel::loadFailed);
    panel.loadFile(path);
    QVERIFY(failed.wait(LoadTimeoutMs));
    QCOMPARE(failed.at(0).at(0).toString(), path + ": cannot open: no such file");
    QVERIFY(!panel.dataset());
    QCOMPARE(panel.previewModel()->rowCount(), 0);
    QCOMPARE(panel.findChild<QComboBox*>("datasetCombo")->currentIndex(), -1);
}

void TestDatasetPanel::unknownShippedNameFails() {
    DatasetPanel panel;
    QSignalSpy failed(&panel, &DatasetPanel::loadFailed);
    panel.loadShipped("klingon");
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains("'klingon'"));
    QVERIFY(!panel.isBusy());

    // A bad name while a load runs does not disturb it.
    QSignalSpy loaded(&panel, &DatasetPanel::datasetLoaded);
    panel.loadShipped("sort");
    panel.loadShipped("klingon");
    QVERIFY(panel.isBusy());
    QVERIFY(loaded.wait(LoadTimeoutMs));
    QCOMPARE(panel.dataset()->name(), std::string("sort"));
    QCOMPARE(panel.findChild<QComboBox*>("datasetCombo")->currentData().toString(), QString("sort"));
}

void TestDatasetPanel::newerRequestWinsAndCancelKeepsThePrevious() {
    DatasetPanel panel;
    QSignalSpy loaded(&panel, &DatasetPanel::datasetLoaded);
    panel.loadShipped("reverse");
    panel.loadShipped("copy_long"); // supersedes: only this one arrives
    QVERIFY(loaded.wait(LoadTimeoutMs));
    QTest::qWait(100);
    QCOMPARE(loaded.count(), 1);
    const auto copyLong = panel.dataset();
    QCOMPARE(copyLong->name(), std::string("copy_long"));

    QSignalSpy busy(&panel, &DatasetPanel::busyChanged);
    panel.findChild<QCheckBox*>("reverseCheck")->setChecked(true);
    QVERIFY(panel.isBusy());
    panel.findChild<QPushButton*>("cancelLoadButton")->click();
    QTRY_VERIFY(!panel.isBusy());
    QTest::qWait(100);
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(panel.dataset(), copyLong);
    QVERIFY(!panel.findChild<QCheckBox*>("reverseCheck")->isChecked()); // back to what is loaded
    auto* message = panel.findChild<QLabel*>("errorLabel");
    QVERIFY(message->isVisibleTo(&panel));
    QVERIFY(message->text().startsWith("Loading cancelled"));
    QCOMPARE(message->property("isError").toBool(), false);
    QCOMPARE(busy.count(), 2);
}

void TestDatasetPanel::histogramSumsToThePairCount() {
    DatasetPanel panel;
    auto dataset = loadAndWait(panel, [&] { panel.loadShipped("dates"); });
    QVERIFY(dataset);
    const LengthHistogram& histogram = *panel.histogram();
    QCOMPARE(barSum(histogram.sourceBars()), double(dataset->size()));
    QCOMPARE(barSum(histogram.targetBars()), double(dataset->size()));
    QCOMPARE(barAt(histogram.targetBars(), 10), double(dataset->size())); // every ISO date: 10 chars

    // Hand-counted: sources of 2, 3, 3 characters and targets of 1, 2, 3.
    QTemporaryDir dir;
    const QString path = dir.filePath("small.tsv");
    writeFile(path, "ab\tx\nabc\txy\n\nabc\txyz\n");
    dataset = loadAndWait(panel, [&] { panel.loadFile(path); });
    QVERIFY(dataset);
    QCOMPARE(histogram.binWidth(), 1);
    QCOMPARE(barAt(histogram.sourceBars(), 2), 1.0);
    QCOMPARE(barAt(histogram.sourceBars(), 3), 2.0);
    QCOMPARE(barAt(histogram.targetBars(), 1), 1.0);
    QCOMPARE(barAt(histogram.targetBars(), 2), 1.0);
    QCOMPARE(barAt(histogram.targetBars(), 3), 1.0);
    QCOMPARE(barSum(histogram.sourceBars()), 3.0);
    QVERIFY(panel.findChild<QLabel*>("statsLabel")->text().contains("skipped 0 comment and 1 blank lines"));
    QVERIFY(panel.findChild<QLabel*>("statsLabel")->text().contains("3 pairs, no gold alignments"));
    // Without gold alignments the links column is hidden and blank.
    QVERIFY(panel.findChild<QTableView*>("pairTable")->isColumnHidden(PairPreviewModel::LinksColumn));
    QVERIFY(
        !panel.previewModel()->data(panel.previewModel()->index(0, PairPreviewModel::LinksColumn)).isValid());
}

void TestDatasetPanel::reverseSwapsTheColumns() {
    DatasetPanel panel;
    const auto forward = loadAndWait(panel, [&] { panel.loadShipped("numbers"); });
    QVERIFY(forward);
    const QString source = cell(*panel.previewModel(), 0, PairPreviewModel::SourceColumn);
    const QString target = cell(*panel.previewModel(), 0, PairPreviewModel::TargetColumn);
    QVERIFY(source != target);

    auto* reverse = panel.findChild<QCheckBox*>("reverseCheck");
    const auto backward = loadAndWait(panel, [&] { reverse->setChecked(true); });
    QVERIFY(backward);
    QVERIFY(backward->options().reverse);
    QCOMPARE(backward->size(), forward->size());
    QCOMPARE(cell(*panel.previewModel(), 0, PairPreviewModel::SourceColumn), target);
    QCOMPARE(cell(*panel.previewModel(), 0, PairPreviewModel::TargetColumn), source);
    // The sides' tokenisation travels with them: words now come first.
    QCOMPARE(panel.findChild<QComboBox*>("sourceTokensCombo")->currentText(), QString("words"));
    QCOMPARE(panel.findChild<QComboBox*>("targetTokensCombo")->currentText(), QString("characters"));
    QCOMPARE(panel.statistics().sourceVocabulary, distinctTokens(*forward, false));
}

void TestDatasetPanel::lengthLimitDropsPairsAndSaysSo() {
    QTemporaryDir dir;
    const QString path = dir.filePath("lengths.tsv");
    writeFile(path, "a\t1\nabcd\t2\nabcdef\t3\nab\t4\n");
    DatasetPanel panel;
    QVERIFY(loadAndWait(panel, [&] { panel.loadFile(path); }));
    QCOMPARE(panel.dataset()->size(), 4);
    auto* maxSource = panel.findChild<QSpinBox*>("maxSourceLengthSpin");
    const auto limited = loadAndWait(panel, [&] { maxSource->setValue(3); });
    QVERIFY(limited);
    QCOMPARE(limited->size(), 2); // "a" and "ab"
    QCOMPARE(limited->report().droppedTooLong, 2);
    QCOMPARE(cell(*panel.previewModel(), 1, PairPreviewModel::SourceColumn), QString("ab"));
    QCOMPARE(cell(*panel.previewModel(), 1, PairPreviewModel::LineColumn), QString("4"));
    QVERIFY(panel.findChild<QLabel*>("statsLabel")->text().contains("2 dropped as too long"));
    QCOMPARE(panel.options().maxSourceLength, 3);

    // Lowercase reloads too.
    writeFile(path, "ABC\tDEF\n");
    const auto lowered =
        loadAndWait(panel, [&] { panel.findChild<QCheckBox*>("lowercaseCheck")->setChecked(true); });
    QVERIFY(lowered);
    QCOMPARE(lowered->source(0), std::string_view("abc"));
    QCOMPARE(lowered->target(0), std::string_view("def"));
}

void TestDatasetPanel::fileTokenisationIsTheUsers() {
    QTemporaryDir dir;
    const QString path = dir.filePath("words.tsv");
    writeFile(path, "the cat sat\tle chat\nthe dog\tle chien\n");
    DatasetPanel panel;
    QVERIFY(loadAndWait(panel, [&] { panel.loadShipped("translation"); }));
    QVERIFY(loadAndWait(panel, [&] { panel.loadFile(path); }));
    auto* source = panel.findChild<QComboBox*>("sourceTokensCombo");
    QVERIFY(source->isEnabled());
    QCOMPARE(source->currentText(), QString("characters")); // files start with characters
    QCOMPARE(panel.statistics().sourceVocabulary, 10);      // t h e c a s d o g and the space

    const auto words = loadAndWait(panel, [&] { source->setCurrentIndex(source->findText("words")); });
    QVERIFY(words);
    QCOMPARE(words->options().sourceTokens, Tokenization::Word);
    QCOMPARE(words->options().targetTokens, Tokenization::Char);
    QCOMPARE(panel.statistics().sourceVocabulary, 4); // the cat sat dog
    QCOMPARE(panel.findChild<QComboBox*>("datasetCombo")->currentText(), QString("File: words.tsv"));
    QCOMPARE(panel.previewModel()
                 ->data(panel.previewModel()->index(0, PairPreviewModel::SourceColumn), Qt::ToolTipRole)
                 .toString(),
             QString("3 tokens: the \u00b7 cat \u00b7 sat"));
}

void TestDatasetPanel::guiThreadKeepsTickingWhileALargeFileLoads() {
    QTemporaryDir dir;
    const QString path = dir.filePath("large.tsv");
    // 50k pairs of about 100 characters a side (10 MB): read and counted on the GUI thread, this
    // would stall it for well over 100 ms (125-170 ms measured on the 2-core build machine).
    QByteArray text;
    const QByteArray filler =
        " and then some more words to make a long sentence out of it, as real corpora have";
    for (int i = 0; i < 50000; ++i) {
        const QByteArray number = QByteArray::number(i * 7919 % 1000003);
        const QByteArray reversed = QByteArray(std::string(number.rbegin(), number.rend()).c_str());
        text += "pair number " + number + filler + " of many\t" + reversed + filler + " rebmun riap\n";
    }
    writeFile(path, text);

    DatasetPanel panel;
    panel.resize(900, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QElapsedTimer clock;
    qint64 lastTick = 0;
    qint64 longestGap = 0;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        longestGap = std::max(longestGap, now - lastTick);
        lastTick = now;
    });
    clock.start();
    ticker.start();
    const auto dataset = loadAndWait(panel, [&] { panel.loadFile(path); });
    QTest::qWait(50); // the redraws after the load must not stall either
    ticker.stop();
    QVERIFY(dataset);
    QCOMPARE(dataset->size(), 50000);
    QCOMPARE(panel.statistics().pairs, 50000);
    QCOMPARE(panel.previewModel()->rowCount(), PairPreviewModel::FetchBatch);
    QVERIFY2(longestGap < 100, qPrintable(QString("the GUI thread stalled for %1 ms").arg(longestGap)));
}

void TestDatasetPanel::everyControlExplainsItself() {
    DatasetPanel panel;
    for (const char* name : {"datasetCombo", "openFileButton", "taskCombo", "sourceTokensCombo",
                             "targetTokensCombo", "maxSourceLengthSpin", "maxTargetLengthSpin",
                             "reverseCheck", "lowercaseCheck", "cancelLoadButton", "loadProgress"}) {
        auto* widget = panel.findChild<QWidget*>(name);
        QVERIFY2(widget, name);
        QVERIFY2(!widget->toolTip().isEmpty(), name);
    }
    // Before anything is loaded the combo asks for a choice and lists every shipped dataset.
    auto* combo = panel.findChild<QComboBox*>("datasetCombo");
    QCOMPARE(combo->currentIndex(), -1);
    QCOMPARE(combo->count(), int(shippedDatasets().size()));
    // The closed box shows the name alone (issue 17: the name was cut off behind its description);
    // the open list shows "name — description" and is wide enough for the longest.
    const ShippedDataset& first = shippedDatasets()[0];
    QCOMPARE(combo->itemText(0), QString::fromStdString(first.name));
    QStyleOptionViewItem option;
    option.initFrom(combo->view());
    const QModelIndex index = combo->model()->index(0, 0);
    const QSize listed = combo->itemDelegate()->sizeHint(option, index);
    QVERIFY(listed.width() >
            combo->fontMetrics().horizontalAdvance(QString::fromStdString(first.description)));
    for (int row = 0; row < combo->count(); ++row)
        QVERIFY(combo->view()->minimumWidth() >=
                combo->itemDelegate()->sizeHint(option, combo->model()->index(row, 0)).width());
}

void TestDatasetPanel::lineColumnSaysLine() {
    // Issue 17: "#" showed numbers from 2 with no word about file lines.
    DatasetPanel panel;
    QVERIFY(loadAndWait(panel, [&] { panel.loadShipped("reverse"); }));
    const QAbstractItemModel* model = panel.findChild<QTableView*>("pairTable")->model();
    QCOMPARE(model->headerData(PairPreviewModel::LineColumn, Qt::Horizontal).toString(), QString("Line"));
    QVERIFY(model->headerData(PairPreviewModel::LineColumn, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains("line 2"));
    QVERIFY(model->data(model->index(0, PairPreviewModel::LineColumn)).toInt() >= 1);
}

void TestDatasetPanel::rendersARealisticDataset() {
    DatasetPanel panel;
    panel.resize(470, 760);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(loadAndWait(panel, [&] { panel.loadShipped("translation"); }));
    QTest::qWait(50); // let the layout take the new statistics text and the plot redraw
    panel.histogram()->plot()->replot(QCustomPlot::rpImmediateRefresh);
    const QImage image = panel.grab().toImage();
    QCOMPARE(image.size(), panel.size());
    const QString dir = qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR");
    if (!dir.isEmpty()) QVERIFY(image.save(dir + "/dataset-panel.png"));
}

QTEST_MAIN(TestDatasetPanel)
#include "tst_dataset_panel.moc"
