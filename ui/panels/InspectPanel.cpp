#include "ui/panels/InspectPanel.h"

#include "ui/label/ClassificationView.h"
#include "ui/label/EntailmentView.h"
#include "ui/label/LabelContentBuilder.h"
#include "ui/label/ValidationSummary.h"

#include "ui/history/HistoryKeys.h"
#include "ui/history/HistoryScrubber.h"
#include "ui/media/MediaAlignmentView.h"
#include "ui/panels/ElidedLabel.h"
#include "ui/panels/MediaInspectBox.h"
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/theme/ThemedTextColour.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <cmath>

namespace attnlab::ui {

namespace {
constexpr int kDefaultBeamWidth = 4;
const char* const kDefaultExample = "saturday, march 3 2015";

// The first few tokens, quoted: a pasted page of unknown symbols must not fill the panel.
QString joinedForDisplay(const std::vector<std::string>& tokens) {
    constexpr size_t kShown = 20;
    QStringList quoted;
    for (size_t i = 0; i < tokens.size() && i < kShown; ++i)
        quoted << QStringLiteral("'%1'").arg(QString::fromStdString(tokens[i]));
    QString text = quoted.join(QStringLiteral(", "));
    if (tokens.size() > kShown) text += InspectPanel::tr(" and %1 more").arg(tokens.size() - kShown);
    return text;
}
} // namespace

InspectPanel::InspectPanel(QWidget* parent) : QWidget(parent), m_example(QString::fromUtf8(kDefaultExample)) {
    setObjectName(QStringLiteral("InspectPanel"));
    buildUi();
    setExampleSentence(m_example);
    showHint();
}

void InspectPanel::buildUi() {
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("sentenceEdit"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setToolTip(tr("Type a sentence in the dataset's source language and press Enter to decode it."));
    connect(m_edit, &QLineEdit::returnPressed, this, &InspectPanel::decodeInput);

    m_decodeButton = new QPushButton(tr("Decode"), this);
    m_decodeButton->setObjectName(QStringLiteral("decodeButton"));
    m_decodeButton->setToolTip(tr("Run the model on the sentence and show its output and attention."));
    connect(m_decodeButton, &QPushButton::clicked, this, &InspectPanel::decodeInput);

    m_searchCombo = new QComboBox(this);
    m_searchCombo->setObjectName(QStringLiteral("searchCombo"));
    m_searchCombo->addItem(tr("Greedy"));
    m_searchCombo->addItem(tr("Beam search"));
    m_searchCombo->setToolTip(tr("Greedy takes the most likely token at each step; beam search keeps several "
                                 "candidate outputs and returns the best whole sentence."));
    m_beamSpin = new QSpinBox(this);
    m_beamSpin->setObjectName(QStringLiteral("beamWidthSpin"));
    m_beamSpin->setRange(2, 16);
    m_beamSpin->setValue(kDefaultBeamWidth);
    m_beamSpin->setToolTip(tr("How many candidate outputs beam search keeps at each step."));
    auto* beamLabel = new QLabel(tr("Beam width:"), this);
    beamLabel->setBuddy(m_beamSpin);
    connect(m_searchCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateSearchControls();
        redecode();
    });
    connect(m_beamSpin, &QSpinBox::valueChanged, this, [this] {
        if (beamWidth() > 1) redecode();
    });

    m_outputLabel = new ElidedLabel(this);
    m_outputLabel->setObjectName(QStringLiteral("outputLabel"));
    m_outputLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_outputLabel->font();
    bold.setBold(true);
    m_outputLabel->setFont(bold);
    m_outputLabel->setBaseToolTip(
        tr("The model's output (the whole of it below when it is too long to show)."));
    m_scoreLabel = new QLabel(this);
    m_scoreLabel->setObjectName(QStringLiteral("scoreLabel"));
    keepTextColour(*m_scoreLabel, QColor(Qt::gray)); // quieter than the output, readable on dark
    m_scoreLabel->setToolTip(tr("How sure the model is of its output: 0 is certain, more negative is less "
                                "sure."));

    m_warningLabel = new QLabel(this);
    m_warningLabel->setObjectName(QStringLiteral("warningLabel"));
    m_warningLabel->setWordWrap(true);
    keepTextColour(*m_warningLabel, QColor(0xa0, 0x40, 0x00));
    m_warningLabel->hide();

    m_hintLabel = new QLabel(this);
    m_hintLabel->setObjectName(QStringLiteral("hintLabel"));
    m_hintLabel->setAlignment(Qt::AlignCenter);
    m_hintLabel->setWordWrap(true);
    keepTextColour(*m_hintLabel, QColor(Qt::gray)); // the font is the system's, as everywhere
    m_heatmap = new AlignmentHeatmap(this);
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("inspectStack"));
    m_stack->addWidget(m_hintLabel);
    m_stack->addWidget(m_heatmap);
    m_mediaView = new MediaAlignmentView(this);
    m_mediaView->setObjectName(QStringLiteral("inspectMediaView"));
    m_stack->addWidget(m_mediaView);
    m_classificationView = new ClassificationView(this);
    m_classificationView->setObjectName(QStringLiteral("inspectClassificationView"));
    m_stack->addWidget(m_classificationView);
    m_entailmentView = new EntailmentView(this);
    m_entailmentView->setObjectName(QStringLiteral("inspectEntailmentView"));
    m_stack->addWidget(m_entailmentView);
    m_mediaBox = new MediaInspectBox(this);
    m_mediaBox->hide(); // until a frames or image model arrives
    connect(m_mediaBox, &MediaInspectBox::sourceChanged, this, [this] {
        m_mediaProblem.clear(); // the new source is what the person looks at now
        redecode();
    });
    connect(m_mediaBox, &MediaInspectBox::failed, this, &InspectPanel::showMediaProblem);

    auto* inputRow = new QHBoxLayout;
    inputRow->addWidget(m_edit, 1);
    inputRow->addWidget(m_decodeButton);
    inputRow->addWidget(m_mediaBox, 1);
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(new QLabel(tr("Decoding:"), this));
    searchRow->addWidget(m_searchCombo);
    searchRow->addSpacing(12);
    searchRow->addWidget(beamLabel);
    searchRow->addWidget(m_beamSpin);
    searchRow->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(inputRow);
    layout->addLayout(searchRow);
    auto* outputRow = new QHBoxLayout;
    outputRow->addWidget(m_outputLabel, 1);
    outputRow->addWidget(m_scoreLabel);
    layout->addLayout(outputRow);
    layout->addWidget(m_warningLabel);
    layout->addWidget(m_stack, 1);
    m_validationSummary = new ValidationSummary(this); // label models only, once an epoch is done
    layout->addWidget(m_validationSummary);
    m_scrubber = new HistoryScrubber(this);
    m_scrubber->setObjectName(QStringLiteral("inspectHistoryScrubber"));
    connect(m_scrubber, &HistoryScrubber::frameChanged, this, &InspectPanel::showDecoding);
    connect(m_scrubber, &HistoryScrubber::stepShown, this, &InspectPanel::historyStepShown);
    layout->addWidget(m_scrubber);
    m_scrubber->hide();
    updateSearchControls();
}

void InspectPanel::setModel(const InferenceModel& model) {
    m_model = model;
    updateMediaMode();
    redecode();
}

void InspectPanel::setExampleSentence(const QString& sentence) {
    m_example = sentence.trimmed();
    m_edit->setPlaceholderText(m_example.isEmpty()
                                   ? tr("Type a sentence and press Enter")
                                   : tr("Type a sentence and press Enter, e.g. %1").arg(m_example));
}

void InspectPanel::setBeamWidth(int width) {
    // Both signals re-decode; set the spin first so a switch to beam search decodes once, at the
    // requested width.
    if (width > 1) {
        const QSignalBlocker block(m_beamSpin);
        m_beamSpin->setValue(width);
    }
    const int index = width > 1 ? 1 : 0;
    if (m_searchCombo->currentIndex() != index)
        m_searchCombo->setCurrentIndex(index);
    else
        redecode();
}

int InspectPanel::beamWidth() const {
    return m_searchCombo->currentIndex() == 0 ? 1 : m_beamSpin->value();
}

QString InspectPanel::outputText() const {
    return m_decoding.ok() && !m_decoding.outputTokens.empty() ? m_decoding.outputText(m_model.targetTokens)
                                                               : QString();
}

QString InspectPanel::outputLine() const {
    return m_outputLabel->fullText();
}

QString InspectPanel::warningText() const {
    return m_warningLabel->isHidden() ? QString() : m_warningLabel->text();
}

bool InspectPanel::hintVisible() const {
    return m_stack->currentWidget() == m_hintLabel;
}

void InspectPanel::decodeInput() {
    if (isMediaMode()) { // no sentence: decode the recording or picture shown
        redecode();
        return;
    }
    QString sentence = m_edit->text();
    if (sentence.trimmed().isEmpty() && !m_example.isEmpty()) {
        sentence = m_example; // Enter on an empty box tries the example the placeholder offers
        m_edit->setText(sentence);
    }
    decodeSentence(sentence);
}

void InspectPanel::inspectSentence(const QString& sentence) {
    m_edit->setText(sentence);
    decodeSentence(sentence);
}

void InspectPanel::decodeSentence(const QString& sentence) {
    m_sentence = sentence;
    redecode();
    if (m_decoding.ok() && !m_decoding.outputTokens.empty()) Q_EMIT sentenceDecoded(m_sentence, outputText());
}

void InspectPanel::redecode() {
    if (!m_model.ready()) {
        m_decoding = SentenceDecoding{};
        showHint();
        return;
    }
    if (isMediaMode()) {
        showMediaDecoding();
        return;
    }
    if (m_sentence.isNull()) { // nothing asked for yet
        showHint();
        return;
    }
    {
        // A big model (H 1024, a 32,000-word vocabulary) takes a second or more for a long sentence,
        // on this thread: the pointer says so meanwhile.
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const struct Restore {
            ~Restore() { QApplication::restoreOverrideCursor(); }
        } restore;
        m_decoding = SentenceDecoder(beamWidth()).decode(m_model, m_sentence);
    }
    showDecoding();
}

void InspectPanel::setHistorySource(const AttentionHistory* history) {
    m_history = history;
    showSentenceTrack();
}

void InspectPanel::historyChanged() {
    const bool wasLive = m_scrubber->isLive();
    showSentenceTrack();
    // Thinning may have moved the snapshot shown; a history cleared takes the scrubber back to Live.
    if (!m_scrubber->isLive())
        showHistoryFrame();
    else if (!wasLive)
        showDecoding();
}

void InspectPanel::showSentenceTrack() {
    const AttentionTrack* track =
        m_history && !m_sentence.isEmpty() ? m_history->track(typedTrackKey(m_sentence)) : nullptr;
    m_scrubber->setTrack(track);
}

bool InspectPanel::showHistoryFrame() {
    const AttentionFrame* frame = m_scrubber->currentFrame();
    if (!frame) return false;
    const AttentionTrack& track = m_scrubber->track();
    std::vector<std::string> words = frame->output;
    if (!words.empty() && words.back() == "</s>") words.pop_back();
    const QString output = QString::fromStdString(joinTokens(words, m_model.targetTokens));
    m_outputLabel->setFullText(tr("Output at step %1: %2").arg(QLocale().toString(frame->step), output));
    m_scoreLabel->clear();
    m_heatmap->setAlignment(track.sentence.source, frame->output, frame->attention);
    m_stack->setCurrentWidget(m_heatmap);
    m_scrubber->show();
    return true;
}

void InspectPanel::showDecoding() {
    if (isMediaMode()) { // the scrubber follows typed sentences only
        showMediaDecoding();
        return;
    }
    showSentenceTrack();
    if (showHistoryFrame()) return;
    QStringList warnings;
    if (!m_decoding.ok()) warnings << m_decoding.error;
    if (m_decoding.ok() && !m_decoding.finished)
        warnings << tr("Stopped at the length limit without an end token.");
    if (!m_decoding.unknownTokens.empty())
        warnings << tr("%1 of %2 tokens are not in the model's vocabulary and were read as <unk>: %3")
                        .arg(m_decoding.unknownCount)
                        .arg(m_decoding.sourceLength)
                        .arg(joinedForDisplay(m_decoding.unknownTokens));
    m_warningLabel->setText(warnings.join(QLatin1Char('\n')));
    m_warningLabel->setVisible(!warnings.isEmpty());

    if (!m_decoding.ok()) {
        m_outputLabel->setFullText(QString());
        m_scoreLabel->clear();
        m_heatmap->clear();
        showHint();
        return;
    }
    if (predictsLabel()) {
        showLabelDecoding();
        return;
    }
    m_outputLabel->setFullText(tr("Output: %1").arg(outputText()));
    m_scoreLabel->setText(tr("log-probability %1 (%2%)")
                              .arg(m_decoding.logProb, 0, 'f', 3)
                              .arg(100.0 * std::exp(m_decoding.logProb), 0, 'f', 1));
    m_heatmap->setAlignment(m_decoding.sourceTokens, m_decoding.outputTokens, m_decoding.attention);
    m_stack->setCurrentWidget(m_heatmap);
    m_scrubber->show();
}

void InspectPanel::showHint() {
    if (!m_model.ready()) {
        m_hintLabel->setText(tr("Train a model or open one (File > Open Model) to inspect alignments"));
        m_outputLabel->setFullText(QString());
        m_scoreLabel->clear();
        m_warningLabel->clear();
        m_warningLabel->hide();
        m_heatmap->clear();
        m_mediaView->clear();
    } else if (isMediaMode()) {
        m_hintLabel->setText(m_model.model->config().input.kind == InputKind::Frames
                                 ? tr("Open a recording (Open file…) or draw a random example to see where "
                                      "the model listens for each output symbol")
                                 : tr("Open a picture (Open file…) or draw a random example to see where the "
                                      "model looks for each word"));
    } else if (m_model.model->config().kind == ModelKind::Classifier) {
        m_hintLabel->setText(
            tr("Type a text above and press Enter to see its label and which words decided it"));
    } else if (m_model.model->config().kind == ModelKind::Entailment) {
        m_hintLabel->setText(
            tr("Type a premise and a hypothesis as \"premise | hypothesis\" and press Enter to "
               "see how each hypothesis word attends over the premise"));
    } else {
        m_hintLabel->setText(
            tr("Type a sentence above and press Enter to see which source tokens each output "
               "token looked at"));
    }
    m_stack->setCurrentWidget(m_hintLabel);
    m_scrubber->hide(); // no sentence shown: nothing to scrub
}

void InspectPanel::updateSearchControls() {
    m_beamSpin->setEnabled(m_searchCombo->currentIndex() == 1);
}

} // namespace attnlab::ui
