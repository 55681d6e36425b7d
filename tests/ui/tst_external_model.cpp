// A model trained outside AttnLab opens in the window and shows its attention (issue 16): the
// python tests (tests/python/test_torchrun.py) train one with torchrun and run this test with
//   ATTNLAB_EXTERNAL_MODEL     the .safetensors file to open (File > Open Model's way in)
//   ATTNLAB_EXTERNAL_SENTENCE  a sentence to type in the inspect box
//   ATTNLAB_EXTERNAL_OUTPUT    (optional) the output the trainer's own greedy decoding gave
// Without ATTNLAB_EXTERNAL_MODEL it is skipped.
#include "ui/MainWindow.h"
#include "ui/panels/InspectPanel.h"
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/session/TrainingSession.h"

#include <QLineEdit>
#include <QtTest>

#include <cmath>

using namespace attnlab;
using namespace attnlab::ui;

class TestExternalModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void opensAndShowsTheHeatmap();
};

void TestExternalModel::opensAndShowsTheHeatmap() {
    const QString path = qEnvironmentVariable("ATTNLAB_EXTERNAL_MODEL");
    if (path.isEmpty())
        QSKIP("set ATTNLAB_EXTERNAL_MODEL (and ATTNLAB_EXTERNAL_SENTENCE) to open a model file");
    const QString sentence = qEnvironmentVariable("ATTNLAB_EXTERNAL_SENTENCE");
    QVERIFY2(!sentence.isEmpty(), "ATTNLAB_EXTERNAL_SENTENCE is not set");
    MainWindow window;
    window.show();
    QString problem;
    QVERIFY2(window.session()->openModel(path, &problem), qPrintable(problem));

    InspectPanel& panel = *window.inspectPanel();
    auto* edit = panel.findChild<QLineEdit*>("sentenceEdit");
    QVERIFY(edit);
    edit->setText(sentence);
    QTest::keyClick(edit, Qt::Key_Return);
    const SentenceDecoding& decoded = panel.lastDecoding();
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.unknownCount, 0);

    // The heatmap holds the decoding: one column per source token, one row per output token, each
    // row a distribution over the source.
    const AlignmentHeatmap& heatmap = *panel.heatmap();
    QCOMPARE(heatmap.sourceCount(), int(decoded.sourceTokens.size()));
    QCOMPARE(heatmap.outputCount(), int(decoded.outputTokens.size()));
    QVERIFY(heatmap.outputCount() > 0);
    for (int row = 0; row < heatmap.outputCount(); ++row) {
        double sum = 0.0;
        for (int column = 0; column < heatmap.sourceCount(); ++column) {
            const double weight = heatmap.cellValue(row, column);
            QVERIFY(std::isfinite(weight) && weight >= 0.0 && weight <= 1.0);
            sum += weight;
        }
        QVERIFY2(std::abs(sum - 1.0) < 1e-4, qPrintable(QString("row %1 sums to %2").arg(row).arg(sum)));
    }
    const QString expected = qEnvironmentVariable("ATTNLAB_EXTERNAL_OUTPUT");
    if (!expected.isEmpty()) QCOMPARE(panel.outputText(), expected);
    qInfo("opened %s: '%s' -> '%s', heatmap %d x %d", qPrintable(path), qPrintable(sentence),
          qPrintable(panel.outputText()), heatmap.outputCount(), heatmap.sourceCount());
}

QTEST_MAIN(TestExternalModel)
#include "tst_external_model.moc"
