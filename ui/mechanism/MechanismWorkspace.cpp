#include "ui/mechanism/MechanismWorkspace.h"

#include "ui/mechanism/BeamTreeView.h"
#include "ui/mechanism/CandidateTable.h"
#include "ui/mechanism/MechanismControls.h"
#include "ui/mechanism/OutputDifference.h"
#include "ui/mechanism/SourceBars.h"
#include "ui/mechanism/StepView.h"
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/plots/TokenLabels.h"
#include "ui/session/MechanismRunner.h"
#include "ui/shortcuts/ShortcutList.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QShortcut>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace attnlab::ui {

namespace {
constexpr int kPlayMilliseconds = 900;

std::vector<std::string> outputTokens(const MechanismResult& result, const Inspection& inspection) {
    std::vector<std::string> tokens;
    for (const StepInspection& step : inspection.steps) tokens.push_back(result.targetToken(step.chosen));
    return tokens;
}

QStringList labels(const std::vector<std::string>& tokens) {
    return tokenLabelTexts(tokens);
}

QLabel* heading(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}
} // namespace

MechanismWorkspace::MechanismWorkspace(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("mechanismWorkspace"));
    m_runner = new MechanismRunner(this);
    m_controls = new MechanismControls(this);
    m_stepView = new StepView(this);
    m_heatmap = new AlignmentHeatmap(this);
    m_heatmap->setObjectName(QStringLiteral("mechanismHeatmap"));
    m_heatmap->setToolTip(
        tr("Click a row to step to it; double-click a cell: what if this step had put all its "
           "attention on that source token?"));
    m_original = new AlignmentHeatmap(this);
    m_original->setObjectName(QStringLiteral("mechanismOriginalHeatmap"));
    m_original->setCompact();
    m_originalTitle = heading(tr("Before the what-if (the model's own decoding)"), this);
    m_output = new QLabel(this);
    m_output->setObjectName(QStringLiteral("mechanismOutput"));
    m_output->setTextFormat(Qt::RichText);
    m_output->setWordWrap(true);
    m_candidates = new CandidateTable(this);
    m_beamTree = new BeamTreeView(this);
    m_play = new QTimer(this);
    m_play->setInterval(kPlayMilliseconds);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(4, 4, 4, 4);
    leftLayout->addWidget(m_output);
    leftLayout->addWidget(m_heatmap, 3);
    leftLayout->addWidget(m_originalTitle);
    leftLayout->addWidget(m_original, 2);
    leftLayout->addWidget(heading(tr("Candidates for this step (double-click one: what if?)"), left));
    leftLayout->addWidget(m_candidates, 1);
    m_beamPanel = new QWidget(this);
    auto* beamLayout = new QVBoxLayout(m_beamPanel);
    beamLayout->setContentsMargins(4, 0, 4, 4);
    beamLayout->addWidget(
        heading(tr("Beam explorer: every hypothesis, step by step (box: token, log p of the prefix, score = "
                   "log p / length; grey: pruned; double border: finished; blue: the winner). "
                   "Click one (or ← → ↑ ↓ and Enter) to see its heatmap and steps."),
                m_beamPanel));
    auto* beamScroll = new QScrollArea(m_beamPanel);
    beamScroll->setWidget(m_beamTree);
    beamScroll->setWidgetResizable(false);
    beamLayout->addWidget(beamScroll, 1);
    fitBeamPanelToFont();
    auto* stepScroll = new QScrollArea(this); // a short window scrolls the steps rather than squash them
    stepScroll->setWidgetResizable(true);
    stepScroll->setFrameShape(QFrame::NoFrame);
    stepScroll->setWidget(m_stepView);
    auto* sideBySide = new QSplitter(Qt::Horizontal, this);
    sideBySide->addWidget(left);
    sideBySide->addWidget(stepScroll);
    sideBySide->setStretchFactor(0, 4);
    sideBySide->setStretchFactor(1, 5);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(sideBySide);
    splitter->addWidget(m_beamPanel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_controls);
    layout->addWidget(splitter, 1);
    buildExportMenu();

    connect(m_runner, &MechanismRunner::finished, this, &MechanismWorkspace::onResult);
    connect(m_controls, &MechanismControls::sentenceEntered, this, &MechanismWorkspace::inspectSentence);
    connect(m_controls, &MechanismControls::pairChosen, this, &MechanismWorkspace::inspectPair);
    connect(m_controls, &MechanismControls::temperatureChanged, this, &MechanismWorkspace::setTemperature);
    connect(m_controls, &MechanismControls::beamWidthChanged, this, &MechanismWorkspace::setBeamWidth);
    connect(m_controls, &MechanismControls::firstStep, this, [this] { setStep(0); });
    connect(m_controls, &MechanismControls::previousStep, this, [this] { setStep(m_step - 1); });
    connect(m_controls, &MechanismControls::nextStep, this, [this] { setStep(m_step + 1); });
    connect(m_controls, &MechanismControls::lastStep, this, [this] { setStep(stepCount() - 1); });
    connect(m_controls, &MechanismControls::playToggled, this, &MechanismWorkspace::togglePlay);
    connect(m_controls, &MechanismControls::resetWhatIf, this, &MechanismWorkspace::resetWhatIf);
    connect(m_play, &QTimer::timeout, this, [this] {
        if (m_step + 1 >= stepCount()) return togglePlay();
        setStep(m_step + 1);
    });
    connect(m_stepView, &StepView::attentionForced, this, &MechanismWorkspace::forceAttention);
    connect(m_heatmap, &AlignmentHeatmap::rowSelected, this, [this](int row) {
        if (row >= 0 && row != m_step) setStep(row);
    });
    connect(m_heatmap->plot(), &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent* event) {
        const int row = m_heatmap->rowAt(event->position()), column = m_heatmap->columnAt(event->position());
        if (row >= 0 && column >= 0) forceAttention(row, column);
    });
    connect(m_candidates, &CandidateTable::tokenChosen, this, &MechanismWorkspace::forceToken);
    // The keyboard's way to a source position (its numbers in the formula) and to forcing it.
    auto shortcut = [this](const QKeySequence& key, const QString& what,
                           const std::function<void()>& action) {
        auto* s = new QShortcut(key, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        describeShortcut(*s, tr("Mechanism tab"), what);
        connect(s, &QShortcut::activated, this, action);
    };
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Left), tr("Previous source position"),
             [this] { movePosition(-1); });
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Right), tr("Next source position"), [this] { movePosition(+1); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), tr("Force all attention on that position (what-if)"),
             [this] {
                 if (m_stepView->hoveredPosition() >= 0)
                     forceAttention(m_step, m_stepView->hoveredPosition());
             });
    connect(m_beamTree, &BeamTreeView::nodeChosen, this, &MechanismWorkspace::chooseBeamNode);
    showOutputs();
    showStep();
}

// Three candidates a step at least, and the heading above them, in the current font.
void MechanismWorkspace::fitBeamPanelToFont() {
    m_beamPanel->setMinimumHeight(3 * m_beamTree->rowHeight() + 5 * fontMetrics().lineSpacing());
}

void MechanismWorkspace::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange && m_beamPanel) fitBeamPanelToFont();
}

MechanismWorkspace::~MechanismWorkspace() = default;

void MechanismWorkspace::setModel(const InferenceModel& model) {
    m_model = model;
    request();
}

void MechanismWorkspace::setPairs(std::vector<MechanismPair> pairs) {
    m_pairs = std::move(pairs);
    QComboBox* box = m_controls->pairs();
    box->clear();
    for (const MechanismPair& pair : m_pairs) box->addItem(pair.label);
    if (m_pairIndex >= static_cast<int>(m_pairs.size())) m_pairIndex = -1;
    box->setCurrentIndex(m_pairIndex);
    request();
}

void MechanismWorkspace::setExampleSentence(const QString& sentence) {
    m_example = sentence;
    m_controls->sentence()->setPlaceholderText(tr("e.g. %1").arg(sentence));
    if (m_text.isEmpty() && m_pairIndex < 0) inspectSentence(sentence);
}

void MechanismWorkspace::inspectSentence(const QString& text) {
    m_text = text.isEmpty() ? m_example : text;
    m_pairIndex = -1;
    m_controls->pairs()->setCurrentIndex(-1);
    m_forcedTokens.clear();
    m_forcedAttention.clear();
    m_beamNode = -1;
    m_step = 0;
    request();
}

void MechanismWorkspace::inspectPair(int index) {
    if (index < 0 || index >= static_cast<int>(m_pairs.size())) return;
    m_pairIndex = index;
    m_controls->pairs()->setCurrentIndex(index);
    m_forcedTokens.clear();
    m_forcedAttention.clear();
    m_beamNode = -1;
    m_step = 0;
    request();
}

void MechanismWorkspace::setTemperature(double temperature) {
    m_temperature = temperature;
    QSlider* slider = m_controls->temperatureSlider();
    if (MechanismControls::temperatureAt(slider->value()) != temperature) {
        const QSignalBlocker block(slider);
        slider->setValue(MechanismControls::positionOf(temperature));
        m_controls->setTemperatureText(temperature);
    }
    request();
}

void MechanismWorkspace::setBeamWidth(int width) {
    m_beamWidth = std::max(1, width);
    if (m_controls->beamWidth()->value() != m_beamWidth) {
        const QSignalBlocker block(m_controls->beamWidth());
        m_controls->beamWidth()->setValue(m_beamWidth);
    }
    m_beamNode = -1;
    request();
}

int MechanismWorkspace::stepCount() const {
    return m_result && m_result->ok() ? static_cast<int>(m_result->shown().steps.size()) : 0;
}

void MechanismWorkspace::setStep(int step) {
    if (stepCount() == 0) return;
    m_step = std::clamp(step, 0, stepCount() - 1);
    showStep();
}

void MechanismWorkspace::forceAttention(int step, int position) {
    if (!m_result || !m_result->ok() || step < 0 || step >= stepCount()) return;
    const StepInspection& at = m_result->shown().steps[static_cast<size_t>(step)];
    if (at.weights.size() == 0) {
        Q_EMIT status(tr("This model has no attention (scorer none): there is nothing to force."));
        return;
    }
    if (position < 0 || position >= at.weights.size()) return;
    // The what-if is built on what is shown: its forced tokens up to this step, its earlier overrides.
    if (m_beamNode >= 0) {
        m_forcedTokens.clear();
        m_forcedAttention.clear();
        m_beamNode = -1;
    }
    if (static_cast<int>(m_forcedTokens.size()) > step) m_forcedTokens.resize(static_cast<size_t>(step));
    m_forcedAttention.erase(m_forcedAttention.lower_bound(step), m_forcedAttention.end());
    Vector<float> oneHot = Vector<float>::Zero(at.weights.size()); // (S)
    oneHot(position) = 1.0f;
    m_forcedAttention[step] = oneHot;
    m_step = step;
    Q_EMIT status(tr("What if step %1 had looked only at source token %2?").arg(step + 1).arg(position + 1));
    request();
}

void MechanismWorkspace::forceToken(int step, int token) {
    if (!m_result || !m_result->ok() || step < 0 || step >= stepCount()) return;
    const Inspection& shown = m_result->shown();
    std::vector<int> prefix;
    for (int t = 0; t < step; ++t) prefix.push_back(shown.steps[static_cast<size_t>(t)].chosen);
    prefix.push_back(token);
    m_forcedTokens = prefix;
    if (m_beamNode >= 0) m_forcedAttention.clear();
    m_forcedAttention.erase(m_forcedAttention.lower_bound(step), m_forcedAttention.end());
    m_beamNode = -1;
    m_step = step;
    Q_EMIT status(tr("What if step %1 had written '%2'?")
                      .arg(step + 1)
                      .arg(tokenLabel(m_result->targetToken(token)).text));
    request();
}

void MechanismWorkspace::resetWhatIf() {
    if (!whatIfActive() && m_beamNode < 0) return;
    m_forcedTokens.clear();
    m_forcedAttention.clear();
    m_beamNode = -1;
    m_beamTree->selectNode(-1);
    request();
}

void MechanismWorkspace::chooseBeamNode(int id) {
    m_beamNode = id > 0 ? id : -1; // the root has no tokens of its own
    m_forcedTokens.clear();
    m_forcedAttention.clear();
    m_step = 0;
    request();
}

bool MechanismWorkspace::busy() const {
    return m_runner->busy();
}

void MechanismWorkspace::request() {
    m_controls->setWhatIfActive(whatIfActive() || m_beamNode >= 0);
    m_beamPanel->setVisible(m_beamWidth > 1);
    if (!m_model.ready()) { // reset, or no model yet: nothing stale stays on screen
        m_result.reset();
        showOutputs();
        showStep();
        return;
    }
    if (m_text.isEmpty() && m_pairIndex < 0) return;
    MechanismRequest r;
    r.model = m_model;
    if (m_pairIndex >= 0)
        r.pairTokens = m_pairs[static_cast<size_t>(m_pairIndex)].sourceTokens;
    else
        r.text = m_text;
    r.temperature = m_temperature;
    r.forcedTokens = m_forcedTokens;
    r.forcedAttention = m_forcedAttention;
    r.beamWidth = m_beamWidth;
    r.beamNode = m_beamNode;
    m_runner->request(std::move(r));
}

void MechanismWorkspace::onResult(const std::shared_ptr<const MechanismResult>& result) {
    m_result = result;
    if (!result->ok()) {
        Q_EMIT status(result->error);
    } else if (result->beam) {
        m_beamTree->setTree(*result->beam, [result](int id) { return result->targetToken(id); });
        m_beamTree->selectNode(m_beamNode);
        m_beamTree->adjustSize();
    }
    m_step = std::clamp(m_step, 0, std::max(0, stepCount() - 1));
    showOutputs();
    showStep();
    Q_EMIT inspected();
}

void MechanismWorkspace::showOutputs() {
    const bool ok = m_result && m_result->ok();
    if (!ok) {
        m_heatmap->clear();
        m_original->clear();
        m_original->setVisible(false);
        m_originalTitle->setVisible(false);
        m_output->setText(m_result
                              ? m_result->error.toHtmlEscaped()
                              : tr("Type a sentence or pick a validation pair, then step through how the "
                                   "model decodes it."));
        return;
    }
    const MechanismResult& r = *m_result;
    const bool pair = m_pairIndex >= 0 && r.beamNode == std::nullopt;
    const Alignment gold = pair ? m_pairs[static_cast<size_t>(m_pairIndex)].gold : Alignment{};
    const std::vector<std::string> shownTokens = outputTokens(r, r.shown());
    m_heatmap->setAlignment(r.sourceTokens, shownTokens, r.shown().result.attention, gold);
    const bool changed = r.whatIf || r.beamNode;
    m_original->setVisible(changed);
    m_originalTitle->setVisible(changed);
    const QStringList shown = labels(shownTokens);
    QString text;
    if (changed) {
        const std::vector<std::string> ownTokens = outputTokens(r, r.own);
        m_original->setAlignment(r.sourceTokens, ownTokens, r.own.result.attention, gold);
        const QStringList own = labels(ownTokens);
        text = tr("Model's own: %1<br>%2: %3")
                   .arg(markedTokens(own, shown, QStringLiteral(" ")),
                        r.beamNode ? tr("Beam hypothesis") : tr("What if"),
                        markedTokens(shown, own, QStringLiteral(" ")));
    } else {
        text = tr("Output: %1").arg(shown.join(QLatin1Char(' ')).toHtmlEscaped());
    }
    if (pair)
        text += tr("<br>Reference: %1")
                    .arg(labels(m_pairs[static_cast<size_t>(m_pairIndex)].targetTokens)
                             .join(QLatin1Char(' '))
                             .toHtmlEscaped());
    if (r.unknownCount > 0)
        text += tr("<br><i>%n source token(s) unknown to the model, read as &lt;unk&gt;.</i>", "",
                   r.unknownCount);
    m_output->setText(text);
}

void MechanismWorkspace::showStep() {
    const double temperature = m_result && m_result->beamNode ? 1.0 : m_temperature;
    m_stepView->show(m_result, m_step, temperature);
    const int count = stepCount();
    m_controls->setStepText(count > 0 ? tr("Step %1 of %2").arg(m_step + 1).arg(count) : QString());
    if (count == 0) {
        m_candidates->setStep(nullptr, {});
        return;
    }
    if (m_heatmap->highlightedRow() != m_step) m_heatmap->highlightRow(m_step);
    const std::shared_ptr<const MechanismResult> result = m_result;
    m_candidates->setStep(&result->shown().steps[static_cast<size_t>(m_step)],
                          [result](int id) { return result->targetToken(id); });
}

void MechanismWorkspace::movePosition(int by) {
    const int count = m_stepView->scores().count();
    if (count == 0) return;
    const int now = m_stepView->hoveredPosition();
    m_stepView->hoverPosition(now < 0 ? (by > 0 ? 0 : count - 1) : std::clamp(now + by, 0, count - 1));
}

void MechanismWorkspace::togglePlay() {
    if (m_play->isActive()) {
        m_play->stop();
    } else {
        if (m_step + 1 >= stepCount()) setStep(0);
        m_play->start();
    }
    m_controls->setPlaying(m_play->isActive());
}

QString MechanismWorkspace::outputText() const {
    return m_output->text();
}

} // namespace attnlab::ui
