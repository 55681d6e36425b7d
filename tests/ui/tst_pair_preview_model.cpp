// The pair preview model reads cells straight from the Dataset: line numbers of the file,
// source, target, links (blank without gold alignments), token tooltips, and rows that arrive
// in batches as a view fetches more.
#include "core/data/DatasetReader.h"
#include "ui/panels/PairPreviewModel.h"

#include <QSignalSpy>
#include <QtTest>

#include <sstream>

using namespace attnlab;
using attnlab::ui::PairPreviewModel;

namespace {

std::shared_ptr<const Dataset> datasetFrom(const std::string& tsv, DatasetOptions options = {}) {
    std::istringstream in(tsv);
    const DatasetSource source{"test", {}, "test.tsv", static_cast<std::int64_t>(tsv.size())};
    return std::make_shared<const Dataset>(readDataset(in, source, options));
}

QString cell(const PairPreviewModel& model, int row, int column, int role = Qt::DisplayRole) {
    return model.data(model.index(row, column), role).toString();
}

} // namespace

class TestPairPreviewModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cellsComeFromTheDataset();
    void withoutAlignmentsLinksAreBlank();
    void rowsArriveInBatches();
    void nullDatasetIsAnEmptyTable();
};

void TestPairPreviewModel::cellsComeFromTheDataset() {
    const auto dataset = datasetFrom("# header comment\nab c\tc ba\t0-1 1-0 2?0\n\nxy\tyx\t0-1 1-0\n");
    PairPreviewModel model;
    model.setDataset(dataset);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(cell(model, 0, PairPreviewModel::LineColumn), QString("2"));
    QCOMPARE(cell(model, 1, PairPreviewModel::LineColumn), QString("4")); // the blank line counts
    QCOMPARE(cell(model, 0, PairPreviewModel::SourceColumn), QString("ab c"));
    QCOMPARE(cell(model, 0, PairPreviewModel::TargetColumn), QString("c ba"));
    QCOMPARE(cell(model, 0, PairPreviewModel::LinksColumn), QString("3"));
    QCOMPARE(cell(model, 1, PairPreviewModel::LinksColumn), QString("2"));
    // Tooltips: the tokens the model sees (a space is a char token, drawn visibly) and the links.
    QCOMPARE(cell(model, 0, PairPreviewModel::SourceColumn, Qt::ToolTipRole),
             QString("4 tokens: a \u00b7 b \u00b7 \u2423 \u00b7 c"));
    QVERIFY(cell(model, 0, PairPreviewModel::LinksColumn, Qt::ToolTipRole).endsWith("0-1 1-0 2?0"));
    QCOMPARE(model.headerData(PairPreviewModel::SourceColumn, Qt::Horizontal).toString(), QString("Source"));
    QCOMPARE(model.headerData(PairPreviewModel::LineColumn, Qt::Horizontal).toString(), QString("Line"));
    QVERIFY(model.headerData(PairPreviewModel::LineColumn, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains("first pair is on line 2"));
    QVERIFY(!model.headerData(PairPreviewModel::LinksColumn, Qt::Horizontal, Qt::ToolTipRole)
                 .toString()
                 .isEmpty());
    QVERIFY(!model.index(5, 0).isValid());
}

void TestPairPreviewModel::withoutAlignmentsLinksAreBlank() {
    DatasetOptions options;
    options.sourceTokens = Tokenization::Word;
    const auto dataset = datasetFrom("the cat\tle chat\n", options);
    PairPreviewModel model;
    model.setDataset(dataset);
    QVERIFY(!model.data(model.index(0, PairPreviewModel::LinksColumn)).isValid());
    QCOMPARE(cell(model, 0, PairPreviewModel::SourceColumn, Qt::ToolTipRole),
             QString("2 tokens: the \u00b7 cat"));
    QCOMPARE(cell(model, 0, PairPreviewModel::TargetColumn, Qt::ToolTipRole).left(10), QString("7 tokens: "));
}

void TestPairPreviewModel::rowsArriveInBatches() {
    std::string tsv;
    for (int i = 0; i < 600; ++i) {
        const std::string number = std::to_string(i);
        tsv.append("s").append(number).append("\tt").append(number).append("\n");
    }
    const auto dataset = datasetFrom(tsv);
    PairPreviewModel model;
    QSignalSpy inserted(&model, &PairPreviewModel::rowsInserted);
    model.setDataset(dataset);
    QCOMPARE(model.rowCount(), PairPreviewModel::FetchBatch);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 2 * PairPreviewModel::FetchBatch);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), PairPreviewModel::FetchBatch);         // first new row
    QCOMPARE(inserted.at(0).at(2).toInt(), 2 * PairPreviewModel::FetchBatch - 1); // last new row
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 600); // the rest, not a whole batch
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(cell(model, 599, PairPreviewModel::SourceColumn), QString("s599"));
    QCOMPARE(cell(model, 599, PairPreviewModel::LineColumn), QString("600"));
    // A new dataset starts again from its first batch.
    model.setDataset(dataset);
    QCOMPARE(model.rowCount(), PairPreviewModel::FetchBatch);
}

void TestPairPreviewModel::nullDatasetIsAnEmptyTable() {
    PairPreviewModel model;
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    model.setDataset(datasetFrom("a\tb\n"));
    QCOMPARE(model.rowCount(), 1);
    model.setDataset(nullptr);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.dataset());
}

QTEST_MAIN(TestPairPreviewModel)
#include "tst_pair_preview_model.moc"
