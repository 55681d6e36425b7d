#include "ui/panels/PinnedPairsPanel.h"

#include "ui/history/HistoryKeys.h"
#include "ui/history/HistoryScrubber.h"
#include "ui/media/MediaAlignmentBuilder.h"
#include "ui/media/MediaAlignmentView.h"
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/plots/PlotTheme.h"
#include "ui/theme/ThemedTextColour.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace attnlab::ui {

namespace {
const QColor kCorrectColor(0x1b, 0x7a, 0x2e);
const QColor kWrongColor(0xb0, 0x20, 0x20);
constexpr int kComboTextWidth = 360; // pixels of "source → reference" before eliding

bool samePair(const PinCandidate& a, const PinCandidate& b) {
    return a.index == b.index && a.source == b.source;
}
} // namespace

PinnedPairsPanel::PinnedPairsPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("PinnedPairsPanel"));
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &PinnedPairsPanel::refreshRows);
    buildUi();
    rebuildCombo();
    rebuildList();
}

void PinnedPairsPanel::buildUi() {
    m_pinCombo = new QComboBox(this);
    m_pinCombo->setObjectName(QStringLiteral("pinCombo"));
    // A narrow box (the dock is narrow at 1024 pixels); the open list shows the pairs at full width.
    m_pinCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_pinCombo->setMinimumContentsLength(8);
    m_pinCombo->setPlaceholderText(tr("Validation pair\u2026"));
    m_pinCombo->view()->setMinimumWidth(kComboTextWidth);
    m_pinCombo->setToolTip(
        tr("A validation pair (not used for training) you can pin to watch it as training goes on."));
    m_pinButton = new QPushButton(tr("Pin"), this);
    m_pinButton->setObjectName(QStringLiteral("pinButton"));
    m_pinButton->setToolTip(tr("Add the chosen validation pair to the list below."));
    connect(m_pinButton, &QPushButton::clicked, this, [this] {
        if (m_pinCombo->currentIndex() >= 0) pin(m_pinCombo->currentData().toInt());
    });
    m_unpinButton = new QPushButton(tr("Unpin"), this);
    m_unpinButton->setObjectName(QStringLiteral("unpinButton"));
    m_unpinButton->setToolTip(tr("Remove the selected pair from the list."));
    connect(m_unpinButton, &QPushButton::clicked, this, [this] {
        const int row = selectedRow();
        if (row < 0) return;
        unpin(m_rows[size_t(row)].candidate.index);
    });

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("pinnedList"));
    m_list->setToolTip(
        tr("Pinned pairs: source → the model's current output; ✓ when it matches the reference."));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    // A long pair is cut with "…" (its whole text is the item's tooltip), never scrolled sideways.
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_list, &QListWidget::currentRowChanged, this, &PinnedPairsPanel::showSelected);

    m_hintLabel = new QLabel(this);
    m_hintLabel->setObjectName(QStringLiteral("pinnedHintLabel"));
    m_hintLabel->setAlignment(Qt::AlignCenter);
    m_hintLabel->setWordWrap(true);
    keepTextColour(*m_hintLabel, QColor(Qt::gray)); // the font is the system's, as everywhere
    m_heatmap = new AlignmentHeatmap(this);
    m_heatmap->setObjectName(QStringLiteral("pinnedHeatmap"));
    // A model can reach full exact match while its attention sits one column right of the dots
    // (AER 0.4 on dates); without this note that looks like a bug.
    m_legendLabel = new QLabel(tr("Dots: the dataset's gold links (filled: sure, ring: possible). A model "
                                  "often looks one step right of them, at the source it needs next."),
                               this);
    m_legendLabel->setObjectName(QStringLiteral("goldLegendLabel"));
    m_legendLabel->setWordWrap(true);
    m_legendLabel->setToolTip(
        tr("A filled dot is a sure gold link, a ring a possible one, as a person aligned the pair. The "
           "decoder attends from h_t, its state after reading the previous output y_{t-1} (with input "
           "feeding, Luong style), so at step t it has already written what the gold link points at and "
           "often attends to the source position it will need next. Its outputs can be right while "
           "its attention sits one position later than the gold links, which raises the AER."));
    keepTextColour(*m_legendLabel, QColor(Qt::gray));
    m_scrubber = new HistoryScrubber(this);
    m_scrubber->setObjectName(QStringLiteral("pinnedHistoryScrubber"));
    connect(m_scrubber, &HistoryScrubber::frameChanged, this, &PinnedPairsPanel::showSelected);
    connect(m_scrubber, &HistoryScrubber::stepShown, this, &PinnedPairsPanel::historyStepShown);
    auto* heatmapPage = new QWidget(this);
    auto* heatmapLayout = new QVBoxLayout(heatmapPage);
    heatmapLayout->setContentsMargins(0, 0, 0, 0);
    heatmapLayout->addWidget(m_heatmap, 1);
    heatmapLayout->addWidget(m_scrubber);
    heatmapLayout->addWidget(m_legendLabel);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_hintLabel);
    m_stack->addWidget(heatmapPage);
    m_mediaView = new MediaAlignmentView(this);
    m_mediaView->setObjectName(QStringLiteral("pinnedMediaView"));
    m_stack->addWidget(m_mediaView);

    // As wide as their words, not the style's 80-pixel minimum: the dock is narrow at 1024 pixels.
    for (QPushButton* button : {m_pinButton, m_unpinButton}) {
        button->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        button->setMinimumWidth(button->fontMetrics().horizontalAdvance(button->text()) + 24);
    }
    auto* pinRow = new QHBoxLayout;
    pinRow->addWidget(m_pinCombo, 1);
    pinRow->addWidget(m_pinButton);
    pinRow->addWidget(m_unpinButton);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(pinRow);
    layout->addWidget(splitter, 1);
}

void PinnedPairsPanel::setCandidates(std::vector<PinCandidate> candidates) {
    const bool sameCandidates =
        candidates.size() == m_candidates.size() &&
        std::equal(candidates.begin(), candidates.end(), m_candidates.begin(), samePair);
    m_candidates = std::move(candidates);
    std::vector<Row> kept;
    for (Row& row : m_rows) {
        const int position = candidatePosition(row.candidate.index);
        if (position >= 0 && samePair(m_candidates[size_t(position)], row.candidate)) {
            row.candidate = m_candidates[size_t(position)]; // the reference or gold may be new
            kept.push_back(std::move(row));
        }
    }
    m_rows = std::move(kept);
    if (!sameCandidates) m_userUnpinnedAll = false;
    if (m_rows.empty() && !m_userUnpinnedAll)
        for (size_t i = 0; i < m_candidates.size() && int(i) < kDefaultPins; ++i)
            m_rows.push_back(Row{m_candidates[i], {}});
    for (Row& row : m_rows) decodeRow(row);
    rebuildCombo();
    rebuildList();
    Q_EMIT pinnedChanged();
}

void PinnedPairsPanel::setModel(const InferenceModel& model) {
    m_model = model;
    if (!m_model.ready() || !m_sinceRefresh.isValid() || m_sinceRefresh.elapsed() >= kRefreshIntervalMs) {
        m_refreshTimer.stop();
        refreshRows();
    } else if (!m_refreshTimer.isActive()) {
        // Too soon after the last refresh: refresh once when the interval is over, with
        // whichever snapshot is the latest by then.
        m_refreshTimer.start(int(kRefreshIntervalMs - m_sinceRefresh.elapsed()));
    }
}

std::vector<int> PinnedPairsPanel::pinned() const {
    std::vector<int> indices;
    for (const Row& row : m_rows) indices.push_back(row.candidate.index);
    return indices;
}

std::vector<PinCandidate> PinnedPairsPanel::pinnedCandidates() const {
    std::vector<PinCandidate> candidates;
    for (const Row& row : m_rows) candidates.push_back(row.candidate);
    return candidates;
}

void PinnedPairsPanel::setHistorySource(const AttentionHistory* history) {
    m_history = history;
    showSelected();
}

void PinnedPairsPanel::historyChanged() {
    const bool wasLive = m_scrubber->isLive();
    showSelectedTrack();
    // Thinning may have moved the snapshot shown; a history cleared takes the scrubber back to Live.
    if (!wasLive || !m_scrubber->isLive()) showSelected();
}

void PinnedPairsPanel::showSelectedTrack() {
    const int row = m_list->currentRow();
    const AttentionTrack* track = nullptr;
    if (m_history && row >= 0 && row < rowCount()) {
        const PinCandidate& pair = m_rows[size_t(row)].candidate;
        track = m_history->track(pairTrackKey(pair.index, pair.source));
    }
    m_scrubber->setTrack(track);
}

void PinnedPairsPanel::pin(int index) {
    const int position = candidatePosition(index);
    if (position < 0) return;
    const auto isIndex = [index](const Row& row) { return row.candidate.index == index; };
    if (std::any_of(m_rows.begin(), m_rows.end(), isIndex)) return;
    m_rows.push_back(Row{m_candidates[size_t(position)], {}});
    decodeRow(m_rows.back());
    m_userUnpinnedAll = false;
    rebuildCombo();
    rebuildList();
    selectRow(rowCount() - 1); // the pair just pinned is the one the user wants to see
    Q_EMIT pinnedChanged();
}

void PinnedPairsPanel::setPinned(const std::vector<int>& indices) {
    m_rows.clear();
    for (int index : indices) {
        const int position = candidatePosition(index);
        const auto isIndex = [index](const Row& row) { return row.candidate.index == index; };
        if (position < 0 || std::any_of(m_rows.begin(), m_rows.end(), isIndex)) continue;
        m_rows.push_back(Row{m_candidates[size_t(position)], {}});
        decodeRow(m_rows.back());
    }
    m_userUnpinnedAll = m_rows.empty();
    rebuildCombo();
    rebuildList();
    selectRow(0);
    Q_EMIT pinnedChanged();
}

void PinnedPairsPanel::unpin(int index) {
    const auto it = std::find_if(m_rows.begin(), m_rows.end(),
                                 [index](const Row& row) { return row.candidate.index == index; });
    if (it == m_rows.end()) return;
    const int row = int(it - m_rows.begin());
    m_rows.erase(it);
    if (m_rows.empty()) m_userUnpinnedAll = true;
    rebuildCombo();
    rebuildList();
    selectRow(std::min(row, rowCount() - 1));
    Q_EMIT pinnedChanged();
}

QString PinnedPairsPanel::rowText(int row) const {
    return row >= 0 && row < m_list->count() ? m_list->item(row)->text() : QString();
}

QString PinnedPairsPanel::rowOutput(int row) const {
    if (row < 0 || row >= rowCount()) return {};
    const SentenceDecoding& decoding = m_rows[size_t(row)].decoding;
    return decoding.ok() ? decoding.outputText(m_model.targetTokens) : QString();
}

bool PinnedPairsPanel::rowCorrect(int row) const {
    if (row < 0 || row >= rowCount()) return false;
    const Row& r = m_rows[size_t(row)];
    if (!r.decoding.ok() || !r.decoding.finished) return false;
    return r.decoding.writtenTokens() == r.candidate.referenceTokens;
}

int PinnedPairsPanel::selectedRow() const {
    return m_list->currentRow();
}

void PinnedPairsPanel::selectRow(int row) {
    {
        const QSignalBlocker block(m_list);
        m_list->setCurrentRow(row < rowCount() ? row : -1); // -1 clears the selection
    }
    showSelected();
}

bool PinnedPairsPanel::hintVisible() const {
    return m_stack->currentWidget() == m_hintLabel;
}

void PinnedPairsPanel::refreshRows() {
    m_sinceRefresh.start();
    for (Row& row : m_rows) decodeRow(row);
    rebuildList();
}

void PinnedPairsPanel::decodeRow(Row& row) const {
    // Greedy, as the trainer's own validation decodes: the rows show what the metrics measure.
    if (!m_model.ready()) {
        row.decoding = SentenceDecoding{};
    } else if (const SharedFeatures& features = row.candidate.features) {
        // Frames or cells: one placeholder id per position, as the training batches have.
        const ModelSource source(std::vector<int>(size_t(features->columns), UnknownId), features.get());
        row.decoding = SentenceDecoder(1).decodeFeatures(m_model, source);
    } else {
        row.decoding = SentenceDecoder(1).decode(m_model, row.candidate.sourceTokens);
    }
}

void PinnedPairsPanel::rebuildList() {
    const int selected = std::max(m_list->currentRow(), 0);
    const QSignalBlocker block(m_list); // one showSelected below, not one per row
    if (m_list->count() != rowCount()) {
        m_list->clear();
        for (int i = 0; i < rowCount(); ++i) m_list->addItem(QString());
    }
    for (int i = 0; i < rowCount(); ++i) {
        const Row& row = m_rows[size_t(i)];
        QListWidgetItem* item = m_list->item(i);
        QString text;
        QString tip = tr("Validation pair %1\nsource: %2\nreference: %3")
                          .arg(row.candidate.index)
                          .arg(row.candidate.source, row.candidate.reference);
        if (!m_model.ready()) {
            text = QStringLiteral("·  %1 → …").arg(row.candidate.source);
            item->setForeground(palette().color(QPalette::Text));
        } else if (!row.decoding.ok()) {
            text = QStringLiteral("✗  %1 → (%2)").arg(row.candidate.source, row.decoding.error);
            item->setForeground(readable(kWrongColor));
        } else {
            const bool correct = rowCorrect(i);
            const QString output = rowOutput(i) + (row.decoding.finished ? QString() : QStringLiteral("…"));
            text = correct ? QStringLiteral("✓  %1 → %2").arg(row.candidate.source, output)
                           : tr("✗  %1 → %2   (expected %3)")
                                 .arg(row.candidate.source, output, row.candidate.reference);
            item->setForeground(readable(correct ? kCorrectColor : kWrongColor));
            tip += tr("\nmodel now: %1").arg(output);
        }
        item->setText(text);
        item->setToolTip(tip);
    }
    m_list->setCurrentRow(rowCount() > 0 ? std::min(selected, rowCount() - 1) : -1);
    m_unpinButton->setEnabled(rowCount() > 0);
    showSelected();
}

void PinnedPairsPanel::rebuildCombo() {
    m_pinCombo->clear();
    const QFontMetrics metrics(m_pinCombo->font());
    for (const PinCandidate& candidate : m_candidates) {
        const int index = candidate.index;
        if (std::any_of(m_rows.begin(), m_rows.end(),
                        [index](const Row& row) { return row.candidate.index == index; }))
            continue;
        const QString text = QStringLiteral("%1 → %2").arg(candidate.source, candidate.reference);
        m_pinCombo->addItem(metrics.elidedText(text, Qt::ElideRight, kComboTextWidth), index);
    }
    m_pinCombo->setEnabled(m_pinCombo->count() > 0);
    m_pinButton->setEnabled(m_pinCombo->count() > 0);
}

void PinnedPairsPanel::showSelected() {
    const int row = m_list->currentRow();
    showSelectedTrack();
    if (const AttentionFrame* frame = m_scrubber->currentFrame(); frame && row >= 0 && row < rowCount()) {
        // A snapshot from training: the attention then, with the output the model gave then.
        const AttentionTrack& track = m_scrubber->track();
        m_heatmap->setAlignment(track.sentence.source, frame->output, frame->attention, track.sentence.gold);
        m_legendLabel->setVisible(!track.sentence.gold.empty());
        m_stack->setCurrentIndex(1);
        return;
    }
    if (m_rows.empty() && m_candidates.empty()) {
        m_hintLabel->setText(tr("Press Train: the validation pairs to pin appear once the data is split"));
    } else if (!m_model.ready()) {
        m_hintLabel->setText(tr("Train a model or open one (File > Open Model) to watch the pinned pairs"));
    } else if (m_rows.empty()) {
        m_hintLabel->setText(tr("Pin a validation pair above to watch its alignment as training goes on"));
    } else if (row < 0 || row >= rowCount() || !m_rows[size_t(row)].decoding.ok()) {
        m_hintLabel->setText(tr("Select a pinned pair to see its alignment"));
    } else {
        const Row& r = m_rows[size_t(row)];
        if (showSelectedMedia(r)) return;
        m_heatmap->setAlignment(r.decoding.sourceTokens, r.decoding.outputTokens, r.decoding.attention,
                                r.candidate.gold);
        m_legendLabel->setVisible(!r.candidate.gold.empty());
        m_stack->setCurrentIndex(1);
        return;
    }
    m_heatmap->clear();
    m_mediaView->clear();
    m_stack->setCurrentWidget(m_hintLabel);
}

bool PinnedPairsPanel::showSelectedMedia(const Row& row) {
    const PinCandidate& pair = row.candidate;
    if (!pair.features || m_model.model->config().input.tokens()) return false;
    try {
        const MediaExample example{pair.features, pair.media, pair.gold, pair.referenceTokens};
        MediaAlignmentBuilder(m_model.model->config().input)
            .show(*m_mediaView, example, row.decoding.outputTokens, row.decoding.attention);
        m_stack->setCurrentWidget(m_mediaView);
    } catch (const std::invalid_argument& e) {
        // A model of other settings than the data's (opened from a file): say so, never crash.
        m_mediaView->clear();
        m_hintLabel->setText(
            tr("Cannot show this pair's attention: %1").arg(QString::fromStdString(e.what())));
        m_stack->setCurrentWidget(m_hintLabel);
    }
    return true;
}

// The ✓ green and ✗ red as given on a light list, lightened enough to read on a dark one.
QColor PinnedPairsPanel::readable(const QColor& colour) const {
    return PlotTheme::seriesColour(colour, m_list->palette(), 4.5);
}

void PinnedPairsPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) rebuildList(); // the rows' colours follow the theme
}

int PinnedPairsPanel::candidatePosition(int index) const {
    for (size_t i = 0; i < m_candidates.size(); ++i)
        if (m_candidates[i].index == index) return int(i);
    return -1;
}

} // namespace attnlab::ui
