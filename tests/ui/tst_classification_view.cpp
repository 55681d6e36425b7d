// The classification view: a word's background is its weight on the heatmaps' colour scale, with
// readable text on dark cells; the underlined words are the gold evidence; the 1 x N heatmap row
// holds the weights; the bars write the rounded probabilities; a mean-pooling model is said to have
// no attention; bad contents are refused with a message naming what differs; a 30-word review fits
// at 900 x 500 and nothing clips at 1.5x the font. With ATTNLAB_SCREENSHOT_DIR set, screenshots().
#include "ui/label/ClassProbabilityBars.h"
#include "ui/label/ClassificationView.h"
#include "ui/label/WeightRow.h"
#include "ui/label/WeightedTextView.h"
#include "ui/plots/ColorGradients.h"
#include "ui/plots/HeatmapColourChoice.h"
#include "ui/plots/PlotTheme.h"
#include "ui/theme/AppTheme.h"

#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QtTest>
#include <qcustomplot.h>

#include <cmath>
#include <stdexcept>

using namespace attnlab::ui;

class TestClassificationView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wordColourFollowsTheScale();
    void underlinedWordsAreTheGoldEvidence();
    void tooltipGivesTheWeightInPercent();
    void heatmapRowHoldsTheWeights();
    void barsWriteRoundedProbabilities();
    void meanPoolingHasNoAttention();
    void refusesBadContent_data();
    void refusesBadContent();
    void longReviewFitsAt900();
    void largeFontDoesNotClip();
    void exportsThePage();
    void followsTheColourChoice();
    void screenshots();
};

namespace {

// A 30-word review: the evidence ("not", "good", "awful") holds most of the attention.
ClassificationContent review() {
    const QStringList words =
        QStringLiteral("i went to see this film on a rainy sunday with my sister and honestly it was not "
                       "good at all , the ending was awful and far too long")
            .split(' ');
    ClassificationContent content;
    content.tokens.assign(words.begin(), words.end());
    const int N = int(content.tokens.size());
    content.weights.assign(size_t(N), 0.0);
    content.goldEvidence.assign(size_t(N), false);
    const std::vector<std::pair<QString, double>> evidence = {{"not", 0.22}, {"good", 0.18}, {"awful", 0.31}};
    double rest = 1.0;
    for (const auto& [word, weight] : evidence) {
        const int i = int(words.indexOf(word));
        content.weights[size_t(i)] = weight;
        content.goldEvidence[size_t(i)] = true;
        rest -= weight;
    }
    for (int i = 0; i < N; ++i)
        if (!content.goldEvidence[size_t(i)]) content.weights[size_t(i)] = rest / (N - 3);
    content.classes = {"negative", "positive"};
    content.probabilities = {0.93, 0.07};
    content.predicted = 0;
    content.gold = 0;
    return content;
}

int indexOf(const ClassificationContent& content, const QString& word) {
    for (size_t i = 0; i < content.tokens.size(); ++i)
        if (content.tokens[i] == word) return int(i);
    return -1;
}

void showAndLayout(QWidget& widget, QSize size) {
    widget.resize(size);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents(); // the scroll area settles its page after the layout request
}

// Every visible child of the page lies inside it and has at least the height it asks for: nothing
// is cut off, whatever the font (the page scrolls instead).
void requireNothingClipped(ClassificationView& view) {
    QWidget& page = view.contentWidget();
    QVERIFY(page.height() >= page.layout()->totalHeightForWidth(page.width()) - 1);
    for (QWidget* child : page.findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
        if (!child->isVisible()) continue;
        QVERIFY2(page.rect().contains(child->geometry()), qPrintable(child->objectName()));
        const int needed = child->hasHeightForWidth() ? child->heightForWidth(child->width())
                                                      : child->minimumSizeHint().height();
        QVERIFY2(child->height() >= needed, qPrintable(QStringLiteral("%1 %2 < %3")
                                                           .arg(child->metaObject()->className())
                                                           .arg(child->height())
                                                           .arg(needed)));
    }
    WeightedTextView& text = view.textView();
    for (int i = 0; i < text.wordCount(); ++i) QVERIFY(text.rect().contains(text.wordRect(i)));
}

} // namespace

void TestClassificationView::wordColourFollowsTheScale() {
    ClassificationView view;
    const ClassificationContent content = review();
    view.setContent(content);
    const WeightedTextView& text = view.textView();
    const HeatmapColours colours = HeatmapColourChoice::instance().current();
    const int high = indexOf(content, "awful"), low = indexOf(content, "sister");
    QCOMPARE(text.wordBackground(high), heatmapColor(colours, 0.31));
    QCOMPARE(text.wordBackground(low), heatmapColor(colours, content.weights[size_t(low)]));
    QVERIFY(text.wordBackground(high) != text.wordBackground(low));
    // Higher up the scale is lighter in every map the app offers.
    QVERIFY(text.wordBackground(high).lightness() > text.wordBackground(low).lightness());
    // Readable text on both: white on the dark low end of viridis, black on the light high end.
    QCOMPARE(text.wordTextColour(low), QColor(Qt::white));
    for (int i : {high, low})
        QVERIFY(PlotTheme::contrast(text.wordTextColour(i), text.wordBackground(i)) >= 4.5);
}

void TestClassificationView::underlinedWordsAreTheGoldEvidence() {
    ClassificationView view;
    const ClassificationContent content = review();
    view.setContent(content);
    std::vector<int> gold;
    for (int i = 0; i < int(content.goldEvidence.size()); ++i)
        if (content.goldEvidence[size_t(i)]) gold.push_back(i);
    QCOMPARE(gold.size(), size_t(3));
    QCOMPARE(view.textView().underlinedWords(), gold);
    QVERIFY(view.goldLegendShown());
    QVERIFY(view.goldLegendText().contains("gold evidence"));
    ClassificationContent unknown = content;
    unknown.goldEvidence.clear();
    view.setContent(unknown);
    QVERIFY(view.textView().underlinedWords().empty());
    QVERIFY(!view.goldLegendShown());
}

void TestClassificationView::tooltipGivesTheWeightInPercent() {
    ClassificationView view;
    const ClassificationContent content = review();
    view.setContent(content);
    showAndLayout(view, QSize(900, 500));
    const WeightedTextView& text = view.textView();
    const int awful = indexOf(content, "awful");
    QCOMPARE(text.toolTipAt(text.wordRect(awful).center()),
             QStringLiteral("'awful': 31.0% of the attention (gold evidence)"));
    const int sister = indexOf(content, "sister");
    const QString expected = QStringLiteral("'sister': %1% of the attention")
                                 .arg(100.0 * content.weights[size_t(sister)], 0, 'f', 1);
    QCOMPARE(text.toolTipAt(text.wordRect(sister).center()), expected);
    // Between two words on a line there is no word.
    const QRect a = text.wordRect(0), b = text.wordRect(1);
    QVERIFY(a.top() == b.top());
    QCOMPARE(text.toolTipAt(QPoint((a.right() + b.left()) / 2, a.center().y())), QString());
}

void TestClassificationView::heatmapRowHoldsTheWeights() {
    ClassificationView view;
    const ClassificationContent content = review();
    view.setContent(content);
    showAndLayout(view, QSize(900, 500));
    const WeightRow& row = view.weightRow();
    QVERIFY(row.isVisibleTo(&view));
    QCOMPARE(row.count(), int(content.tokens.size()));
    for (int i = 0; i < row.count(); ++i) QCOMPARE(row.cellValue(i), content.weights[size_t(i)]);
    QVERIFY(std::isnan(row.cellValue(row.count())));
    // At 900 pixels every word has its label, whole.
    QCOMPARE(row.labelStep(), 1);
    QCOMPARE(row.labels(), QStringList(content.tokens.begin(), content.tokens.end()));
    // The cell under a word's label is that word's: the tooltip names it with its weight.
    const QCPAxis* x = row.plot()->xAxis;
    const double middle = row.plot()->axisRect()->rect().center().y();
    const int awful = indexOf(content, "awful");
    QCOMPARE(row.columnAt(QPointF(x->coordToPixel(awful), middle)), awful);
    QCOMPARE(row.toolTipAt(QPointF(x->coordToPixel(awful), middle)),
             QStringLiteral("'awful': 31.0% of the attention"));
    // A hundred words on 900 pixels: every step-th label, the rest named by the tooltip.
    ClassificationContent many = content;
    many.tokens.clear();
    many.goldEvidence.clear();
    many.weights.assign(100, 0.01);
    for (int i = 0; i < 100; ++i) many.tokens.push_back(QStringLiteral("w%1").arg(i));
    view.setContent(many);
    row.plot()->replot();
    QVERIFY(row.labelStep() > 1);
    QCOMPARE(row.labels().at(row.labelStep()), QStringLiteral("w%1").arg(row.labelStep()));
    QCOMPARE(row.labels().at(1), QString());
}

void TestClassificationView::barsWriteRoundedProbabilities() {
    ClassificationView view;
    ClassificationContent content = review();
    view.setContent(content);
    const ClassProbabilityBars& bars = view.bars();
    QCOMPARE(bars.rowText(0), QStringLiteral("negative 93%"));
    QCOMPARE(bars.rowText(1), QStringLiteral("positive 7%"));
    QVERIFY(bars.headline().contains(QStringLiteral("\u2713")));
    content.gold = 1;
    view.setContent(content);
    QVERIFY(view.bars().headline().contains(QStringLiteral("\u2717 (gold: positive)")));
}

void TestClassificationView::meanPoolingHasNoAttention() {
    ClassificationView view;
    ClassificationContent content = review();
    content.weights.clear();
    view.setContent(content);
    QVERIFY2(view.captionText().contains("No attention: every word weighs the same"),
             qPrintable(view.captionText()));
    QVERIFY(!view.weightRow().isVisibleTo(&view));
    QVERIFY(!view.weightLegendShown());
    QVERIFY(!view.textView().hasWeights());
    QVERIFY(!view.textView().wordBackground(0).isValid());
    QCOMPARE(view.textView().wordTextColour(0), view.textView().palette().color(QPalette::Text));
    QCOMPARE(view.textView().underlinedWords().size(), size_t(3)); // the evidence still shows
    // Back to an attention model: the row and the legend return.
    view.setContent(review());
    QVERIFY(view.weightRow().isVisibleTo(&view));
    QVERIFY(view.weightLegendShown());
}

void TestClassificationView::refusesBadContent_data() {
    QTest::addColumn<int>("fault");
    QTest::addColumn<QString>("message");
    QTest::newRow("no tokens") << 0 << "no tokens";
    QTest::newRow("fewer weights") << 1 << "29 weights for 30 tokens";
    QTest::newRow("weights not a distribution") << 2 << "weights: sums to";
    QTest::newRow("fewer evidence flags") << 3 << "31 gold evidence flags for 30 tokens";
    QTest::newRow("more probabilities") << 4 << "3 probabilities for 2 classes";
    QTest::newRow("predicted outside") << 5 << "predicted class 2 is outside 0..1";
    QTest::newRow("gold outside") << 6 << "gold class 5 is outside -1..1";
}

void TestClassificationView::refusesBadContent() {
    QFETCH(int, fault);
    QFETCH(QString, message);
    ClassificationView view;
    view.setContent(review());
    ClassificationContent bad = review();
    switch (fault) {
    case 0:
        bad.tokens.clear();
        break;
    case 1:
        bad.weights.pop_back();
        break;
    case 2:
        bad.weights[0] += 0.5;
        break;
    case 3:
        bad.goldEvidence.push_back(true);
        break;
    case 4:
        bad.probabilities = {0.5, 0.25, 0.25};
        break;
    case 5:
        bad.predicted = 2;
        break;
    case 6:
        bad.gold = 5;
        break;
    }
    try {
        view.setContent(bad);
        QFAIL("accepted bad content");
    } catch (const std::invalid_argument& error) {
        QVERIFY2(QString::fromStdString(error.what()).contains(message), error.what());
        QVERIFY(QString::fromStdString(error.what()).startsWith("ClassificationContent"));
    }
    // What was shown stays, whole.
    QCOMPARE(view.content().tokens.size(), size_t(30));
    QCOMPARE(view.textView().wordCount(), 30);
    QCOMPARE(view.weightRow().count(), 30);
    QCOMPARE(view.bars().rowText(0), QStringLiteral("negative 93%"));
}

void TestClassificationView::longReviewFitsAt900() {
    ClassificationView view;
    view.setContent(review());
    showAndLayout(view, QSize(900, 500));
    const WeightedTextView& text = view.textView();
    QVERIFY(text.lineCount() >= 2); // it wraps...
    QVERIFY(text.lineCount() <= 4); // ...into a few lines, not a column
    requireNothingClipped(view);
    // All of it in view at once: no scrolling needed for a 30-word review.
    auto* scroll = view.findChild<QScrollArea*>();
    QVERIFY(!scroll->verticalScrollBar()->isVisible());
    // On a narrow window it takes more lines and still shows every word whole.
    const int wide = text.lineCount();
    view.resize(420, 500);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    QVERIFY(text.lineCount() > wide);
    requireNothingClipped(view);
}

void TestClassificationView::largeFontDoesNotClip() {
    ClassificationView view;
    view.setContent(review());
    showAndLayout(view, QSize(900, 500));
    const int normalLine = view.textView().wordRect(0).height();
    view.setFont(PlotTheme::scaledFont(view.font(), 1.5));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    QVERIFY(view.textView().wordRect(0).height() >= normalLine * 1.4);
    requireNothingClipped(view);
    QVERIFY(view.bars().height() >= view.bars().minimumSizeHint().height());
}

void TestClassificationView::exportsThePage() {
    ClassificationView view;
    view.setContent(review());
    showAndLayout(view, QSize(900, 500));
    QTemporaryDir directory;
    const QString path = directory.filePath("review.png");
    QString error;
    QVERIFY2(view.exportImage(path, &error), qPrintable(error));
    const QImage image(path);
    QCOMPARE(image.size(), view.contentWidget().size() * 2); // PNGs at twice the size, as the plots'
    // The word "awful" is drawn in its colour at its place on the page.
    const WeightedTextView& text = view.textView();
    const int awful = indexOf(view.content(), "awful");
    const QPoint corner = text.mapTo(&view.contentWidget(), text.wordRect(awful).topLeft()) + QPoint(2, 2);
    QCOMPARE(image.pixelColor(corner * 2), text.wordBackground(awful));
    QVERIFY(!view.exportImage(directory.filePath("review.bmp"), &error));
    QVERIFY(error.contains("review.bmp"));
}

void TestClassificationView::followsTheColourChoice() {
    ClassificationView view;
    const ClassificationContent content = review();
    view.setContent(content);
    const int awful = indexOf(content, "awful");
    HeatmapColourChoice::instance().set(HeatmapColours::Greyscale);
    const QColor grey = view.textView().wordBackground(awful);
    HeatmapColourChoice::instance().set(HeatmapColours::Viridis);
    QCOMPARE(grey, heatmapColor(HeatmapColours::Greyscale, 0.31));
    QCOMPARE(grey.red(), grey.blue());
    QCOMPARE(view.textView().wordBackground(awful), heatmapColor(HeatmapColours::Viridis, 0.31));
}

// Not a check: with ATTNLAB_SCREENSHOT_DIR set, saves the view at 900 x 500 and at 1.5x the font
// (classification.png, classification-large.png), the whole page of the latter
// (classification-large-page.png), a mean-pooling model's (classification-none.png) and the view
// on the dark theme (classification-dark.png).
void TestClassificationView::screenshots() {
    const QString directory = qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR");
    if (directory.isEmpty()) QSKIP("set ATTNLAB_SCREENSHOT_DIR to render the screenshots");
    ClassificationView view;
    view.setContent(review());
    showAndLayout(view, QSize(900, 500));
    QVERIFY(view.grab().save(directory + "/classification.png"));
    view.setFont(PlotTheme::scaledFont(view.font(), 1.5));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    QVERIFY(view.grab().save(directory + "/classification-large.png"));
    QVERIFY(view.exportImage(directory + "/classification-large-page.png"));
    ClassificationView none;
    ClassificationContent content = review();
    content.weights.clear();
    none.setContent(content);
    showAndLayout(none, QSize(900, 500));
    QVERIFY(none.grab().save(directory + "/classification-none.png"));
    ClassificationView dark;
    dark.setPalette(AppTheme::darkPalette());
    content.weights = review().weights;
    content.gold = 1;
    dark.setContent(content);
    showAndLayout(dark, QSize(900, 500));
    QVERIFY(dark.grab().save(directory + "/classification-dark.png"));
}

QTEST_MAIN(TestClassificationView)
#include "tst_classification_view.moc"
