// The entailment view: the premise x hypothesis heatmap holds the weights (hypothesis words down
// the side, premise words across), each gold link is outlined on its cell, the shared bars write
// the rounded probabilities, bad contents are refused with a message naming what differs, and
// nothing clips at 900 x 500 nor at 1.5x the font. With ATTNLAB_SCREENSHOT_DIR set, screenshots().
#include "ui/label/ClassProbabilityBars.h"
#include "ui/label/EntailmentView.h"
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/plots/PlotTheme.h"

#include <qcustomplot.h>

#include <QScrollArea>
#include <QScrollBar>
#include <QtTest>

#include <stdexcept>

using namespace attnlab;
using namespace attnlab::ui;

class TestEntailmentView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void heatmapHoldsTheWeights();
    void goldLinksAreOutlined();
    void barsWriteRoundedProbabilities();
    void refusesBadContent_data();
    void refusesBadContent();
    void nothingClips();
    void exportsThePage();
    void screenshots();
};

namespace {

// "a man is playing a guitar on stage" | "a person plays music": each hypothesis word looks
// mostly at the premise word it matches.
EntailmentContent guitar() {
    EntailmentContent content;
    content.premise = {"a", "man", "is", "playing", "a", "guitar", "on", "stage"};
    content.hypothesis = {"a", "person", "plays", "music"};
    const int P = 8, Q = 4;
    const int match[Q] = {0, 1, 3, 5};
    content.weights = Matrix<float>::Constant(Q, P, 0.3f / (P - 1)); // (Q x P)
    for (int j = 0; j < Q; ++j) {
        content.weights(j, match[j]) = 0.7f;
        content.goldLinks.push_back({match[j], j, true});
    }
    content.classes = {"entailment", "contradiction", "neutral"};
    content.probabilities = {0.8, 0.05, 0.15};
    content.predicted = 0;
    content.gold = 0;
    return content;
}

void showAndLayout(QWidget& widget, QSize size) {
    widget.resize(size);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
}

void requireNothingClipped(EntailmentView& view) {
    QWidget& page = view.contentWidget();
    QVERIFY(page.height() >= page.layout()->totalHeightForWidth(page.width()) - 1);
    for (QWidget* child : page.findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
        if (!child->isVisible()) continue;
        QVERIFY2(page.rect().contains(child->geometry()), qPrintable(child->objectName()));
        const int needed = child->hasHeightForWidth() ? child->heightForWidth(child->width())
                                                      : child->minimumSizeHint().height();
        QVERIFY2(child->height() >= needed, child->metaObject()->className());
    }
}

} // namespace

void TestEntailmentView::heatmapHoldsTheWeights() {
    EntailmentView view;
    const EntailmentContent content = guitar();
    view.setContent(content);
    const AlignmentHeatmap& heatmap = view.heatmap();
    QCOMPARE(heatmap.sourceCount(), 8);
    QCOMPARE(heatmap.outputCount(), 4);
    QCOMPARE(heatmap.sourceLabels(),
             QStringList({"a", "man", "is", "playing", "a", "guitar", "on", "stage"}));
    QCOMPARE(heatmap.outputLabels(), QStringList({"a", "person", "plays", "music"}));
    for (int j = 0; j < 4; ++j)
        for (int i = 0; i < 8; ++i) QCOMPARE(heatmap.cellValue(j, i), double(content.weights(j, i)));
    QCOMPARE(heatmap.goldMarkerCount(), 0); // outlined instead, so the cells keep their colour
}

void TestEntailmentView::goldLinksAreOutlined() {
    EntailmentView view;
    view.setContent(guitar());
    showAndLayout(view, QSize(900, 500));
    const std::vector<QRectF> outlines = view.goldOutlines();
    QCOMPARE(outlines.size(), size_t(4));
    const int match[4] = {0, 1, 3, 5};
    for (int j = 0; j < 4; ++j)
        QCOMPARE(outlines[size_t(j)], QRectF(QPointF(match[j] - 0.5, j - 0.5), QSizeF(1.0, 1.0)));
    QVERIFY(view.goldLegendShown());
    QVERIFY(view.goldLegendText().contains("gold link"));
    // The outline's items are on the plot, visible, around the cell.
    int shown = 0;
    QCustomPlot* plot = view.heatmap().plot();
    for (int k = 0; k < plot->itemCount(); ++k)
        if (auto* rect = qobject_cast<QCPItemRect*>(plot->item(k)); rect && rect->visible()) ++shown;
    QCOMPARE(shown, 4 * 2); // a dark and a gold line per link

    // Fewer links next time: the extra outlines go.
    EntailmentContent one = guitar();
    one.goldLinks = {{5, 3, true}};
    view.setContent(one);
    QCOMPARE(view.goldOutlines(), std::vector<QRectF>({QRectF(4.5, 2.5, 1.0, 1.0)}));
    shown = 0;
    for (int k = 0; k < plot->itemCount(); ++k)
        if (auto* rect = qobject_cast<QCPItemRect*>(plot->item(k)); rect && rect->visible()) ++shown;
    QCOMPARE(shown, 2);
    one.goldLinks.clear();
    view.setContent(one);
    QVERIFY(view.goldOutlines().empty());
    QVERIFY(!view.goldLegendShown());
}

void TestEntailmentView::barsWriteRoundedProbabilities() {
    EntailmentView view;
    EntailmentContent content = guitar();
    view.setContent(content);
    QCOMPARE(view.bars().rowText(0), QStringLiteral("entailment 80%"));
    QCOMPARE(view.bars().rowText(1), QStringLiteral("contradiction 5%"));
    QCOMPARE(view.bars().rowText(2), QStringLiteral("neutral 15%"));
    QCOMPARE(view.bars().headline(), QStringLiteral("Predicted: entailment 80% \u2713 (gold: entailment)"));
    content.gold = 2;
    view.setContent(content);
    QCOMPARE(view.bars().headline(), QStringLiteral("Predicted: entailment 80% \u2717 (gold: neutral)"));
}

void TestEntailmentView::refusesBadContent_data() {
    QTest::addColumn<int>("fault");
    QTest::addColumn<QString>("message");
    QTest::newRow("no premise") << 0 << "no premise tokens";
    QTest::newRow("no hypothesis") << 1 << "no hypothesis tokens";
    QTest::newRow("weights transposed") << 2 << "weights (hypothesis x premise): expected 4x8, got 8x4";
    QTest::newRow("one premise word more") << 3 << "expected 4x9, got 4x8";
    QTest::newRow("row not a distribution") << 4 << "weights row 2 (hypothesis word): sums to";
    QTest::newRow("gold link outside") << 5 << "gold link 8-1 is outside the 8 premise x 4 hypothesis words";
    QTest::newRow("classes and probabilities") << 6 << "2 probabilities for 3 classes";
    QTest::newRow("predicted outside") << 7 << "predicted class -1 is outside 0..2";
}

void TestEntailmentView::refusesBadContent() {
    QFETCH(int, fault);
    QFETCH(QString, message);
    EntailmentView view;
    view.setContent(guitar());
    EntailmentContent bad = guitar();
    switch (fault) {
    case 0:
        bad.premise.clear();
        break;
    case 1:
        bad.hypothesis.clear();
        break;
    case 2:
        bad.weights.transposeInPlace();
        break;
    case 3:
        bad.premise.push_back("tonight");
        break;
    case 4:
        bad.weights(2, 0) += 0.5f;
        break;
    case 5:
        bad.goldLinks.push_back({8, 1, true});
        break;
    case 6:
        bad.probabilities = {0.5, 0.5};
        break;
    case 7:
        bad.predicted = -1;
        break;
    }
    try {
        view.setContent(bad);
        QFAIL("accepted bad content");
    } catch (const std::invalid_argument& error) {
        QVERIFY2(QString::fromStdString(error.what()).contains(message), error.what());
    }
    QCOMPARE(view.heatmap().sourceCount(), 8); // what was shown stays
    QCOMPARE(view.goldOutlines().size(), size_t(4));
    QCOMPARE(view.bars().rowText(0), QStringLiteral("entailment 80%"));
}

void TestEntailmentView::nothingClips() {
    EntailmentView view;
    view.setContent(guitar());
    showAndLayout(view, QSize(900, 500));
    requireNothingClipped(view);
    QVERIFY(!view.findChild<QScrollArea*>()->verticalScrollBar()->isVisible()); // all in view
    const QRectF cells = view.heatmap().shownCells();
    QVERIFY(cells.height() >= 4 * QFontMetrics(view.font()).height()); // rows tall enough to read
    view.setFont(PlotTheme::scaledFont(view.font(), 1.5));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    requireNothingClipped(view);
    QVERIFY(view.bars().height() >= view.bars().minimumSizeHint().height());
}

void TestEntailmentView::exportsThePage() {
    EntailmentView view;
    view.setContent(guitar());
    showAndLayout(view, QSize(900, 500));
    QTemporaryDir directory;
    QString error;
    QVERIFY2(view.exportImage(directory.filePath("pair.png"), &error), qPrintable(error));
    const QImage image(directory.filePath("pair.png"));
    QCOMPARE(image.size(), view.contentWidget().size() * 2);
}

// Not a check: with ATTNLAB_SCREENSHOT_DIR set, saves the view at 900 x 500 (entailment.png), with
// a row followed (entailment-row.png) and at 1.5x the font (entailment-large.png).
void TestEntailmentView::screenshots() {
    const QString directory = qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR");
    if (directory.isEmpty()) QSKIP("set ATTNLAB_SCREENSHOT_DIR to render the screenshots");
    EntailmentView view;
    EntailmentContent content = guitar();
    content.gold = 2;
    view.setContent(content);
    showAndLayout(view, QSize(900, 500));
    view.heatmap().plot()->replot();
    QVERIFY(view.grab().save(directory + "/entailment.png"));
    view.heatmap().highlightRow(2);
    view.heatmap().plot()->replot();
    QVERIFY(view.grab().save(directory + "/entailment-row.png"));
    view.heatmap().highlightRow(-1);
    view.setFont(PlotTheme::scaledFont(view.font(), 1.5));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    view.heatmap().plot()->replot();
    QVERIFY(view.grab().save(directory + "/entailment-large.png"));
}

QTEST_MAIN(TestEntailmentView)
#include "tst_entailment_view.moc"
