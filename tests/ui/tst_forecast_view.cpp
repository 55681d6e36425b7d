// The forecasting view: for the chosen step every past point's column is shaded by its weight (the
// heaviest the most opaque, in the heatmap's colour), chosen by hover, spin box, slider or a heatmap
// row; the caption names the top positions in rounded percent; the 95% band shows only with
// variances; the heatmap holds the attention with gold outlined; bad contents are refused with a
// message naming what is wrong; nothing clips at 900 x 560 nor at 1.5x the font.
// With ATTNLAB_SCREENSHOT_DIR set, screenshots().
#include "ui/forecast/ForecastPlot.h"
#include "ui/forecast/ForecastView.h"
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/plots/ColorGradients.h"
#include "ui/plots/HeatmapColourChoice.h"
#include "ui/plots/PlotTheme.h"
#include "ui/theme/AppTheme.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QToolTip>
#include <QtTest>

#include <cmath>
#include <stdexcept>

using namespace attnlab;
using namespace attnlab::ui;

class TestForecastView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shadingFollowsTheChosenStep();
    void hoverSpinBoxAndHeatmapChooseTheStep();
    void captionFollowsTheStep();
    void intervalBandOnlyWithVariances();
    void heatmapCellsEqualTheAttention();
    void withoutAttentionNothingIsShaded();
    void severalSeriesOfferAChoice();
    void refusesBadContent_data();
    void refusesBadContent();
    void nothingClips();
    void exportsThePage();
    void screenshots();
};

namespace {

constexpr int kW = 24, kK = 6, kPeriod = 12;

double seasonal(int t) {
    return 10.0 + 5.0 * std::sin(2.0 * M_PI * t / kPeriod) + (t % 7 == 3 ? 1.5 : 0.0);
}

// A seasonal window of period 12 from time 100 (W = 24, K = 6 unless asked): step j looks 41% one
// period back (past position W + j − 12) and 22% two periods back (W + j − 24), the rest spread
// evenly; both are gold.
ForecastContent seasonalWindow(bool gaussian = false, int W = kW, int K = kK) {
    ForecastContent content;
    content.seriesNames = {"load (MW)"};
    ForecastSeries series;
    for (int i = 0; i < W; ++i) series.past.push_back(seasonal(i));
    for (int j = 0; j < K; ++j) {
        series.truth.push_back(seasonal(W + j));
        series.forecast.push_back(seasonal(W + j) + 0.3 * (j % 2 == 0 ? 1 : -1));
        if (gaussian) series.variance.push_back(0.04 * (j + 1));
    }
    content.series = {series};
    content.attention = Matrix<float>::Constant(K, W, 0.37f / float(W - 2)); // (K x W)
    for (int j = 0; j < K; ++j) {
        content.attention(j, W + j - kPeriod) = 0.41f;
        content.attention(j, W + j - 2 * kPeriod) = 0.22f;
        content.gold.push_back({W + j - kPeriod, j, true});
        content.gold.push_back({W + j - 2 * kPeriod, j, true});
    }
    content.firstTimeIndex = 100;
    return content;
}

void showAndLayout(QWidget& widget, QSize size) {
    widget.resize(size);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
}

void requireNothingClipped(ForecastView& view) {
    QWidget& page = view.contentWidget();
    QVERIFY(page.height() >= page.layout()->totalHeightForWidth(page.width()) - 1);
    for (QWidget* child : page.findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
        if (!child->isVisible()) continue;
        QVERIFY2(page.rect().contains(child->geometry()), qPrintable(child->objectName()));
        const int needed = child->hasHeightForWidth() ? child->heightForWidth(child->width())
                                                      : child->minimumSizeHint().height();
        QVERIFY2(child->height() >= needed, qPrintable(QStringLiteral("%1: %2 high, needs %3")
                                                           .arg(child->metaObject()->className())
                                                           .arg(child->height())
                                                           .arg(needed)));
    }
}

// QColor keeps an alpha in 16 bits: equal to the constant within that.
bool fullyShaded(double alpha) {
    return std::abs(alpha - kMaxShadeAlpha) < 1e-4;
}

QPoint cellCentre(const AlignmentHeatmap& map, int row, int column) {
    const QRectF cells = map.shownCells();
    return QPoint(int(cells.left() + (column + 0.5) * cells.width() / map.sourceCount()),
                  int(cells.top() + (row + 0.5) * cells.height() / map.outputCount()));
}

} // namespace

void TestForecastView::shadingFollowsTheChosenStep() {
    ForecastView view;
    const ForecastContent content = seasonalWindow();
    view.setContent(content);
    QCOMPARE(view.selectedStep(), 0); // t+1 to begin with
    view.selectStep(2);
    QCOMPARE(view.selectedStep(), 2);
    const ForecastPlot& plot = view.plot();
    QCOMPARE(plot.step(), 2);
    QCOMPARE(plot.shadeCount(), kW);
    const int heaviest = kPeriod + 2;
    QVERIFY(fullyShaded(plot.shadeAlpha(heaviest)));
    const HeatmapColours colours = HeatmapColourChoice::instance().current();
    for (int i = 0; i < kW; ++i) {
        if (i != heaviest)
            QVERIFY2(plot.shadeAlpha(i) < plot.shadeAlpha(heaviest), qPrintable(QString::number(i)));
        QCOMPARE(plot.shadeColour(i), heatmapColor(colours, double(content.attention(2, i))));
    }
    // Two periods back (22%) is shaded more than the evenly spread rest, in proportion to its weight.
    QVERIFY(std::abs(plot.shadeAlpha(2) - kMaxShadeAlpha * 0.22 / 0.41) < 0.01);
    QVERIFY(plot.shadeAlpha(2) > plot.shadeAlpha(5));
    QCOMPARE(plot.goldMarked(), std::vector<int>({2, heaviest}));
    // The controls and the heatmap follow.
    QCOMPARE(view.stepBox().value(), 3);
    QCOMPARE(view.stepBox().text(), QStringLiteral("t+3"));
    QCOMPARE(view.stepSlider().value(), 2);
    QCOMPARE(view.heatmap().highlightedRow(), 2);

    // Another window with the same horizon keeps the reader's step.
    ForecastContent next = seasonalWindow();
    next.firstTimeIndex = 124;
    view.setContent(next);
    QCOMPARE(view.selectedStep(), 2);
    QVERIFY(fullyShaded(view.plot().shadeAlpha(heaviest)));
}

void TestForecastView::hoverSpinBoxAndHeatmapChooseTheStep() {
    ForecastView view;
    view.setContent(seasonalWindow());
    showAndLayout(view, QSize(900, 560));
    view.plot().plot()->replot(); // the axes' pixel geometry
    QSignalSpy chosen(&view, &ForecastView::stepSelected);
    // Hovering over step t+5's column on the plot.
    const QPointF over = view.plot().stepPixel(4);
    QCOMPARE(view.plot().stepAt(over), 4);
    QMouseEvent move(QEvent::MouseMove, over, view.plot().plot()->mapToGlobal(over), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(view.plot().plot(), &move);
    QCOMPARE(view.selectedStep(), 4);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toInt(), 4);
    QVERIFY(fullyShaded(view.plot().shadeAlpha(kPeriod + 4)));
    // Over the past window the step stays.
    const QPointF past(view.plot().plot()->xAxis->coordToPixel(116), over.y());
    QCOMPARE(view.plot().stepAt(past), -1);
    QMouseEvent moveBack(QEvent::MouseMove, past, view.plot().plot()->mapToGlobal(past), Qt::NoButton,
                         Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(view.plot().plot(), &moveBack);
    QCOMPARE(view.selectedStep(), 4);
    QCOMPARE(QToolTip::text(), QStringLiteral("t\u22127 (time 116): %1; step t+5 gives it 41% (gold)")
                                   .arg(QString::number(seasonal(16), 'g', 4)));
    QCOMPARE(view.plot().toolTipAt(over),
             QStringLiteral("t+5 (time 128): forecast %1, truth %2")
                 .arg(QString::number(seasonal(28) + 0.3, 'g', 4), QString::number(seasonal(28), 'g', 4)));
    QCOMPARE(view.plot().toolTipAt(QPointF(-5, -5)), QString());
    // The spin box counts from t+1.
    view.stepBox().setValue(2);
    QCOMPARE(view.selectedStep(), 1);
    QCOMPARE(view.stepSlider().value(), 1);
    view.stepSlider().setValue(5);
    QCOMPARE(view.selectedStep(), 5);
    QCOMPARE(view.stepBox().value(), 6);
    // Clicking a heatmap row.
    AlignmentHeatmap& heatmap = view.heatmap();
    heatmap.plot()->replot();
    QTest::mouseClick(heatmap.plot(), Qt::LeftButton, {}, cellCentre(heatmap, 3, 10));
    QCOMPARE(view.selectedStep(), 3);
    QVERIFY(fullyShaded(view.plot().shadeAlpha(kPeriod + 3)));
    QVERIFY(view.captionText().startsWith("step t+4 looks mostly at"));
    QCOMPARE(chosen.count(), 4);
}

// The wording itself is tst_forecast_caption's; here the view writes it for the chosen step.
void TestForecastView::captionFollowsTheStep() {
    ForecastView view;
    QCOMPARE(view.captionText(), QStringLiteral("No forecast yet."));
    view.setContent(seasonalWindow());
    view.selectStep(2);
    QCOMPARE(view.captionText(),
             QStringLiteral("step t+3 looks mostly at t\u22129 (41%), t\u221221 (22%); the "
                            "gold points t\u22129, t\u221221 get 63% together"));
    view.selectStep(5);
    QVERIFY(view.captionText().startsWith(QStringLiteral("step t+6 looks mostly at t\u22126 (41%)")));
    view.clear();
    QCOMPARE(view.captionText(), QStringLiteral("No forecast yet."));
}

void TestForecastView::intervalBandOnlyWithVariances() {
    ForecastView view;
    view.setContent(seasonalWindow(false));
    QVERIFY(!view.plot().intervalShown());
    QVERIFY(view.plot().intervalUpper().empty());
    QCOMPARE(view.plot().legendNames(), QStringList({"past window", "truth", "forecast", "gold past point"}));

    const ForecastContent gaussian = seasonalWindow(true);
    view.setContent(gaussian);
    QVERIFY(view.plot().intervalShown());
    QCOMPARE(view.plot().legendNames(),
             QStringList({"past window", "truth", "forecast", "95% interval", "gold past point"}));
    const std::vector<double> lower = view.plot().intervalLower();
    const std::vector<double> upper = view.plot().intervalUpper();
    QCOMPARE(lower.size(), size_t(kK));
    QCOMPARE(upper.size(), size_t(kK));
    for (int j = 0; j < kK; ++j) {
        const double mean = gaussian.series[0].forecast[size_t(j)];
        const double sigma = std::sqrt(0.04 * (j + 1));
        QVERIFY(std::abs(upper[size_t(j)] - (mean + 1.96 * sigma)) < 1e-12);
        QVERIFY(std::abs(lower[size_t(j)] - (mean - 1.96 * sigma)) < 1e-12);
    }
    view.plot().resize(800, 300);
    view.plot().plot()->replot();
    const double sigma = std::sqrt(0.04 * 2);
    const double mean = gaussian.series[0].forecast[1];
    QCOMPARE(view.plot().toolTipAt(view.plot().stepPixel(1)),
             QStringLiteral("t+2 (time 125): forecast %1, 95% interval %2 to %3, truth %4")
                 .arg(QString::number(mean, 'g', 4), QString::number(mean - 1.96 * sigma, 'g', 4),
                      QString::number(mean + 1.96 * sigma, 'g', 4),
                      QString::number(gaussian.series[0].truth[1], 'g', 4)));
    // Back to a model without variance: the band goes. Without truth or gold, their entries go too.
    ForecastContent plain = seasonalWindow(false);
    plain.series[0].truth.clear();
    plain.gold.clear();
    view.setContent(plain);
    QVERIFY(!view.plot().intervalShown());
    QCOMPARE(view.plot().legendNames(), QStringList({"past window", "forecast"}));
    QVERIFY(view.plot().goldMarked().empty());
    QVERIFY(!view.goldLegendShown());
}

void TestForecastView::heatmapCellsEqualTheAttention() {
    ForecastView view;
    const ForecastContent content = seasonalWindow();
    view.setContent(content);
    const AlignmentHeatmap& heatmap = view.heatmap();
    QCOMPARE(heatmap.outputCount(), kK);
    QCOMPARE(heatmap.sourceCount(), kW);
    for (int j = 0; j < kK; ++j)
        for (int i = 0; i < kW; ++i) QCOMPARE(heatmap.cellValue(j, i), double(content.attention(j, i)));
    QCOMPARE(heatmap.outputLabels(), QStringList({"t+1", "t+2", "t+3", "t+4", "t+5", "t+6"}));
    const QStringList columns = heatmap.sourceLabels();
    QCOMPARE(columns.size(), kW);
    QCOMPARE(columns.front(), QStringLiteral("t\u221223"));
    QCOMPARE(columns[14], QStringLiteral("t\u22129"));
    QCOMPARE(columns.back(), QStringLiteral("t"));
    QCOMPARE(heatmap.goldMarkerCount(), 0); // outlined instead, so the cells keep their colour
    showAndLayout(view, QSize(900, 560));
    const std::vector<QRectF> outlines = view.goldOutlines();
    QCOMPARE(outlines.size(), content.gold.size());
    for (size_t k = 0; k < outlines.size(); ++k)
        QCOMPARE(outlines[k], QRectF(QPointF(content.gold[k].source - 0.5, content.gold[k].target - 0.5),
                                     QSizeF(1.0, 1.0)));
    QVERIFY(view.goldLegendShown());
    QVERIFY(view.weightLegendShown());
}

void TestForecastView::withoutAttentionNothingIsShaded() {
    ForecastView view;
    view.setContent(seasonalWindow());
    ForecastContent none = seasonalWindow();
    none.attention.resize(0, 0);
    view.setContent(none);
    QCOMPARE(view.plot().shadeCount(), 0);
    QCOMPARE(view.plot().step(), -1);
    QVERIFY(!view.heatmap().isVisibleTo(&view));
    QVERIFY(!view.stepChoiceShown());
    QVERIFY(!view.weightLegendShown());
    QCOMPARE(view.plot().legendNames(),
             QStringList({"past window", "truth", "forecast"})); // no rings without a step
    QVERIFY(view.goldOutlines().empty());
    QVERIFY(view.captionText().startsWith("No attention (scorer none)"));
}

void TestForecastView::severalSeriesOfferAChoice() {
    ForecastView view;
    ForecastContent content = seasonalWindow();
    view.setContent(content);
    QVERIFY(!view.seriesChoiceShown()); // one series: nothing to choose
    ForecastSeries second = content.series[0];
    for (double& value : second.past) value *= -2.0;
    for (double& value : second.forecast) value *= -2.0;
    second.truth.clear();
    content.series.push_back(second);
    content.seriesNames.push_back("temperature (\u00b0C)");
    view.setContent(content);
    QVERIFY(view.seriesChoiceShown());
    QCOMPARE(view.seriesBox().count(), 2);
    view.selectStep(3);
    QCOMPARE(view.plot().plot()->yAxis->label(), QStringLiteral("load (MW)"));
    view.seriesBox().setCurrentIndex(1);
    QCOMPARE(view.shownSeries(), 1);
    QCOMPARE(view.plot().plot()->yAxis->label(), QStringLiteral("temperature (\u00b0C)"));
    QCOMPARE(view.plot().legendNames(), QStringList({"past window", "forecast", "gold past point"}));
    QVERIFY(view.plot().plot()->yAxis->range().lower < -2.0 * 15.0 + 1.0); // the second series' values
    QCOMPARE(view.selectedStep(), 3);                                      // the attention is shared
    QVERIFY(fullyShaded(view.plot().shadeAlpha(kPeriod + 3)));
}

void TestForecastView::refusesBadContent_data() {
    QTest::addColumn<int>("fault");
    QTest::addColumn<QString>("message");
    QTest::newRow("no series") << 0 << "ForecastContent: no series";
    QTest::newRow("names") << 1 << "2 series names for 1 series";
    QTest::newRow("shown series") << 2 << "shown series 1 is outside 0..0";
    QTest::newRow("short truth") << 3 << "series 0 (load (MW)) truth has 5 values, expected 6";
    QTest::newRow("variance length") << 4 << "variance has 3 values, expected 6";
    QTest::newRow("negative variance") << 5 << "variance 2 is -1.000000, negative";
    QTest::newRow("not finite") << 6 << "past value 4 is nan, not a finite number";
    QTest::newRow("attention transposed") << 7 << "attention (K x W): expected 6x24, got 24x6";
    QTest::newRow("row not a distribution") << 8 << "attention row 3 (step t+4): sums to";
    QTest::newRow("gold outside") << 9 << "gold link 24-0 is outside the 24 past positions x 6 steps";
    QTest::newRow("empty window") << 10 << "series 0 has an empty past window";
}

void TestForecastView::refusesBadContent() {
    QFETCH(int, fault);
    QFETCH(QString, message);
    ForecastView view;
    view.setContent(seasonalWindow());
    view.selectStep(2);
    ForecastContent bad = seasonalWindow();
    switch (fault) {
    case 0:
        bad.series.clear();
        break;
    case 1:
        bad.seriesNames.push_back("extra");
        break;
    case 2:
        bad.shownSeries = 1;
        break;
    case 3:
        bad.series[0].truth.pop_back();
        break;
    case 4:
        bad.series[0].variance = {1.0, 1.0, 1.0};
        break;
    case 5:
        bad.series[0].variance = {1.0, 1.0, -1.0, 1.0, 1.0, 1.0};
        break;
    case 6:
        bad.series[0].past[4] = std::nan("");
        break;
    case 7:
        bad.attention.transposeInPlace();
        break;
    case 8:
        bad.attention(3, 0) += 0.5f;
        break;
    case 9:
        bad.gold.push_back({24, 0, true});
        break;
    case 10:
        bad.series[0].past.clear();
        break;
    }
    try {
        view.setContent(bad);
        QFAIL("accepted bad content");
    } catch (const std::invalid_argument& error) {
        QVERIFY2(QString::fromStdString(error.what()).contains(message), error.what());
    }
    QCOMPARE(view.content().window(), kW); // what was shown stays
    QCOMPARE(view.selectedStep(), 2);
    QCOMPARE(view.heatmap().sourceCount(), kW);
    QVERIFY(fullyShaded(view.plot().shadeAlpha(kPeriod + 2)));
}

void TestForecastView::nothingClips() {
    ForecastView view;
    view.setContent(seasonalWindow(true));
    showAndLayout(view, QSize(900, 560));
    requireNothingClipped(view);
    QVERIFY(!view.findChild<QScrollArea*>()->verticalScrollBar()->isVisible()); // all in view
    const int line = QFontMetrics(view.font()).height();
    QVERIFY(view.plot().height() >= 9 * line);
    QVERIFY(view.heatmap().shownCells().height() >= 3 * line); // six rows, each readable
    view.setFont(PlotTheme::scaledFont(view.font(), 1.5));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    requireNothingClipped(view);
    QVERIFY(view.plot().height() >= 9 * QFontMetrics(view.font()).height());
    QVERIFY(!view.findChild<QScrollArea*>()->verticalScrollBar()->isVisible()); // still all in view
}

void TestForecastView::exportsThePage() {
    ForecastView view;
    view.setContent(seasonalWindow(true));
    showAndLayout(view, QSize(900, 560));
    QTemporaryDir directory;
    QString error;
    QVERIFY2(view.exportImage(directory.filePath("forecast.png"), &error), qPrintable(error));
    const QImage image(directory.filePath("forecast.png"));
    QCOMPARE(image.size(), view.contentWidget().size() * 2);
    QVERIFY(!view.exportImage(directory.filePath("forecast.bmp"), &error));
    QVERIFY(!error.isEmpty());
}

// Not a check: with ATTNLAB_SCREENSHOT_DIR set, saves the view at 900 x 560 with a Gaussian model
// on step t+3 (forecast.png), without attention (forecast-none.png) and at 1.5x the font
// (forecast-large.png), and a longer window (48 points, 12 steps) of two series on the dark theme
// (forecast-dark.png).
void TestForecastView::screenshots() {
    const QString directory = qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR");
    if (directory.isEmpty()) QSKIP("set ATTNLAB_SCREENSHOT_DIR to render the screenshots");
    ForecastView view;
    view.setContent(seasonalWindow(true));
    view.selectStep(2);
    showAndLayout(view, QSize(900, 560));
    view.plot().plot()->replot();
    view.heatmap().plot()->replot();
    QVERIFY(view.grab().save(directory + "/forecast.png"));
    ForecastContent none = seasonalWindow();
    none.attention.resize(0, 0);
    view.setContent(none);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    view.plot().plot()->replot();
    QVERIFY(view.grab().save(directory + "/forecast-none.png"));
    view.setContent(seasonalWindow(true));
    view.selectStep(4);
    view.setFont(PlotTheme::scaledFont(view.font(), 1.5));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    view.plot().plot()->replot();
    view.heatmap().plot()->replot();
    QVERIFY(view.grab().save(directory + "/forecast-large.png"));

    ForecastView dark;
    dark.setPalette(AppTheme::darkPalette());
    ForecastContent longer = seasonalWindow(true, 48, 12);
    ForecastSeries second = longer.series[0];
    for (double& value : second.past) value = 20.0 - value;
    for (double& value : second.forecast) value = 20.0 - value;
    second.truth.clear();
    longer.series.push_back(second);
    longer.seriesNames.push_back("temperature (\u00b0C)");
    dark.setContent(longer);
    dark.selectStep(7);
    showAndLayout(dark, QSize(900, 560));
    dark.plot().plot()->replot();
    dark.heatmap().plot()->replot();
    QVERIFY(dark.grab().save(directory + "/forecast-dark.png"));
}

QTEST_MAIN(TestForecastView)
#include "tst_forecast_view.moc"
