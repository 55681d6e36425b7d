#include "ui/compare/HeatmapGrid.h"

#include "core/experiment/Experiment.h"
#include "ui/compare/RunPalette.h"
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/plots/CellOutline.h"
#include "ui/plots/ColorGradients.h"
#include "ui/plots/HeatmapColourChoice.h"
#include "ui/plots/PlotExport.h"
#include "ui/plots/PlotTheme.h"
#include "ui/session/CompareSession.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

#include <cmath>

namespace attnlab::ui {

namespace {
constexpr int kPairsListed = 200;

QPixmap scaleBar(HeatmapColours colours) {
    QImage bar(64, 10, QImage::Format_RGB32);
    QCPColorGradient gradient = heatmapGradient(colours); // color() is not const (it caches)
    for (int x = 0; x < bar.width(); ++x)
        for (int y = 0; y < bar.height(); ++y)
            bar.setPixelColor(x, y,
                              QColor::fromRgb(gradient.color(x / double(bar.width() - 1), QCPRange(0, 1))));
    return QPixmap::fromImage(bar);
}

// The one colour scale every map uses, from weight 0 to 1, in the chosen colour map.
QWidget* scaleLegend(QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    auto* image = new QLabel(box);
    image->setPixmap(scaleBar(HeatmapColourChoice::instance().current()));
    QObject::connect(&HeatmapColourChoice::instance(), &HeatmapColourChoice::changed, image,
                     [image](HeatmapColours colours) { image->setPixmap(scaleBar(colours)); });
    layout->addWidget(new QLabel(QStringLiteral("0"), box));
    layout->addWidget(image);
    layout->addWidget(new QLabel(QStringLiteral("1"), box));
    box->setToolTip(QObject::tr("Attention weight: every map uses this one scale, from 0 to 1"));
    return box;
}
} // namespace

HeatmapGrid::HeatmapGrid(const CompareSession& session, QWidget* parent)
    : QWidget(parent), m_session(session) {
    setObjectName(QStringLiteral("heatmapGrid"));
    m_pairs = new QComboBox(this);
    m_pairs->setObjectName(QStringLiteral("comparePairBox"));
    m_pairs->setMinimumContentsLength(6);
    m_pairs->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_pairs->setToolTip(tr("A validation pair: its gold links are drawn, and each title says whether the run "
                           "got the reference right"));
    m_sentence = new QLineEdit(this);
    m_sentence->setObjectName(QStringLiteral("compareSentenceEdit"));
    m_sentence->setPlaceholderText(tr("…or type a sentence and press Enter"));
    connect(m_pairs, &QComboBox::activated, this, &HeatmapGrid::showPair);
    connect(m_sentence, &QLineEdit::returnPressed, this, [this] { showSentence(m_sentence->text()); });
    auto* input = new QHBoxLayout;
    input->addWidget(new QLabel(tr("Input:"), this));
    input->addWidget(m_pairs, 1);
    input->addWidget(m_sentence, 1);
    input->addWidget(scaleLegend(this));
    m_sentence->setMinimumWidth(8 * m_sentence->fontMetrics().averageCharWidth());
    m_gridHost = new QWidget(this);
    m_grid = new QGridLayout(m_gridHost);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(6);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(input);
    layout->addWidget(m_gridHost, 1);
    connect(&session, &CompareSession::runsReset, this, &HeatmapGrid::rebuild);
    connect(&session, &CompareSession::modelChanged, this, &HeatmapGrid::queueDecode);
    rebuild();
}

void HeatmapGrid::rebuild() {
    for (Cell& cell : m_cells) delete cell.frame;
    m_cells.clear();
    m_queued.clear();
    m_sharedCell = {-1, -1};
    const int runs = m_session.runCount();
    const int columns = runs <= 1 ? 1 : runs <= 4 ? 2 : runs <= 9 ? 3 : 4;
    for (int run = 0; run < runs; ++run) {
        Cell cell;
        cell.frame = new QWidget(m_gridHost);
        cell.title = new QLabel(cell.frame);
        cell.title->setObjectName(QStringLiteral("heatmapTitle%1").arg(run));
        cell.title->setTextFormat(Qt::RichText);
        cell.heatmap = new AlignmentHeatmap(cell.frame);
        cell.heatmap->setObjectName(QStringLiteral("compareHeatmap%1").arg(run));
        cell.heatmap->setMinimumSize(7 * fontMetrics().averageCharWidth() + 40, 5 * fontMetrics().height());
        cell.heatmap->setCompact(); // one shared scale above the grid, no strip under each map
        cell.note = new QLabel(cell.frame);
        cell.note->setWordWrap(true);
        cell.note->setAlignment(Qt::AlignCenter);
        cell.note->setForegroundRole(QPalette::PlaceholderText); // a quiet grey on either theme
        cell.note->hide();
        QCustomPlot* plot = cell.heatmap->plot();
        // Cut to the cells in view when a map is zoomed.
        cell.hoverOutline =
            new CellOutline(cell.heatmap->mapRect(), {QPen(runColor(run), 3.0)}, cell.heatmap);
        connect(plot, &QCustomPlot::mouseMove, this,
                [this, run](QMouseEvent* event) { onHover(run, event->position()); });
        auto* box = new QVBoxLayout(cell.frame);
        box->setContentsMargins(0, 0, 0, 0);
        box->setSpacing(2);
        box->addWidget(cell.title);
        box->addWidget(cell.heatmap, 1);
        box->addWidget(cell.note, 1);
        m_grid->addWidget(cell.frame, run / columns, run % columns);
        m_cells.push_back(cell);
    }
    fillPairs();
    decodeAll();
}

void HeatmapGrid::fillPairs() {
    m_pairs->clear();
    const auto prepared = m_session.preparedData();
    if (!prepared || !prepared->dataset) {
        m_pairs->setEnabled(false);
        m_pairIndex = -1;
        return;
    }
    m_pairs->setEnabled(true);
    const Dataset& dataset = *prepared->dataset;
    const auto& indices = prepared->data->validation.datasetIndices;
    const int count = std::min<int>(kPairsListed, static_cast<int>(indices.size()));
    for (int k = 0; k < count; ++k)
        m_pairs->addItem(
            QStringLiteral("%1 → %2").arg(QString::fromUtf8(dataset.source(indices[size_t(k)])),
                                          QString::fromUtf8(dataset.target(indices[size_t(k)]))));
    if (m_text.isEmpty() && count > 0) m_pairIndex = std::clamp(m_pairIndex, 0, count - 1);
    if (m_pairIndex >= 0) m_pairs->setCurrentIndex(m_pairIndex);
}

void HeatmapGrid::showPair(int index) {
    m_pairIndex = index;
    m_text.clear();
    decodeAll();
}

void HeatmapGrid::showSentence(const QString& text) {
    if (text.trimmed().isEmpty()) return;
    m_text = text;
    m_pairIndex = -1;
    decodeAll();
}

void HeatmapGrid::queueDecode(int run) {
    if (std::find(m_queued.begin(), m_queued.end(), run) != m_queued.end()) return;
    m_queued.push_back(run);
    if (m_queued.size() == 1) QTimer::singleShot(0, this, &HeatmapGrid::decodeNextQueued);
}

void HeatmapGrid::decodeNextQueued() {
    if (m_queued.empty()) return;
    const int run = m_queued.front();
    m_queued.erase(m_queued.begin());
    redecode(run);
    if (!m_queued.empty()) QTimer::singleShot(0, this, &HeatmapGrid::decodeNextQueued);
}

void HeatmapGrid::decodeAll() {
    for (int run = 0; run < cellCount(); ++run) redecode(run);
}

void HeatmapGrid::redecode(int run) {
    if (run < 0 || run >= cellCount() || run >= m_session.runCount()) return;
    Cell& cell = m_cells[static_cast<size_t>(run)];
    const QString name = QString::fromStdString(m_session.summary().runs[size_t(run)].name);
    const QString dot =
        QStringLiteral("<span style='color:%1'>■</span> <b>%2</b>")
            .arg(PlotTheme::seriesColour(runColor(run), palette()).name(), name.toHtmlEscaped());
    const InferenceModel& model = m_session.inferenceModel(run);
    const auto setTitle = [&](const QString& rest) {
        cell.plainTitle = rest.isEmpty() ? name : name + QStringLiteral(": ") + rest;
        cell.title->setText(rest.isEmpty() ? dot : dot + QStringLiteral(": ") + rest.toHtmlEscaped());
        cell.title->setToolTip(cell.plainTitle);
    };
    if (!model.ready()) {
        cell.heatmap->clear();
        return setTitle(tr("no model yet"));
    }
    const auto prepared = m_session.preparedData();
    SentenceDecoding decoding;
    std::vector<std::string> reference;
    Alignment gold;
    if (m_pairIndex >= 0 && prepared && prepared->dataset &&
        m_pairIndex < static_cast<int>(prepared->data->validation.datasetIndices.size())) {
        const int index = prepared->data->validation.datasetIndices[size_t(m_pairIndex)];
        decoding = m_decoder.decode(model, prepared->dataset->sourceTokens(index));
        reference = prepared->dataset->targetTokens(index);
        const auto links = prepared->dataset->alignment(index);
        gold.assign(links.begin(), links.end());
    } else if (!m_text.isEmpty()) {
        decoding = m_decoder.decode(model, m_text);
    } else {
        cell.heatmap->clear();
        return setTitle(tr("pick a pair or type a sentence"));
    }
    if (!decoding.ok()) {
        cell.heatmap->clear();
        return setTitle(decoding.error);
    }
    QString output = decoding.outputText(model.targetTokens);
    if (!reference.empty()) {
        output += decoding.writtenTokens() == reference ? QStringLiteral(" ✓") : QStringLiteral(" ✗");
    }
    const ModelConfig& config = m_session.summary().runs[size_t(run)].config;
    // A mean-pooling classifier's uniform weights are shown too: they are what the baseline reads.
    const bool attends = config.scorer != ScorerKind::None || config.kind == ModelKind::Classifier;
    cell.heatmap->setVisible(attends);
    cell.note->setVisible(!attends);
    if (!attends) {
        cell.note->setText(tr("No attention: this decoder reads the whole source as one vector, its last "
                              "encoder state, at every step."));
        return setTitle(output);
    }
    cell.heatmap->setAlignment(decoding.sourceTokens, decoding.outputTokens, decoding.attention, gold);
    setTitle(output);
    if (m_sharedCell.x() >= 0) shareCell(m_sharedCell.y(), m_sharedCell.x());
}

void HeatmapGrid::onHover(int run, QPointF pixel) {
    const AlignmentHeatmap* map = heatmap(run);
    shareCell(map->rowAt(pixel), map->columnAt(pixel));
}

void HeatmapGrid::shareCell(int row, int column) {
    const bool on = row >= 0 && column >= 0;
    m_sharedCell = on ? QPoint(column, row) : QPoint(-1, -1);
    for (Cell& cell : m_cells) {
        const bool inside = on && row < cell.heatmap->outputCount() && column < cell.heatmap->sourceCount();
        if (inside)
            cell.hoverOutline->setCells(column, column, row, row);
        else
            cell.hoverOutline->hide();
        cell.heatmap->plot()->replot(QCustomPlot::rpQueuedReplot);
    }
}

QString HeatmapGrid::title(int run) const {
    return m_cells.at(static_cast<size_t>(run)).plainTitle;
}

bool HeatmapGrid::exportImage(const QString& path, QString* error) {
    return exportWidgetImage(*m_gridHost, path, error, tr("Attention of every run"));
}

} // namespace attnlab::ui
