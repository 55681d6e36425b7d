#include "ui/gates/GatesWorkspace.h"

#include "core/data/Tokenization.h"
#include "core/infer/SourceInput.h"
#include "ui/gates/GateHeatmap.h"
#include "ui/gates/GateTracePlot.h"
#include "ui/gates/GatesExplanation.h"
#include "ui/plots/TokenLabels.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>
#include <string>
#include <vector>

namespace attnlab::ui {

namespace {
constexpr GateQuantity kQuantities[4] = {GateQuantity::Input, GateQuantity::Forget, GateQuantity::Output,
                                         GateQuantity::Cell};

int sideIndex(GatesWorkspace::Side side) {
    return side == GatesWorkspace::Side::Encoder ? 0 : 1;
}

QLabel* heading(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

QString mapTitle(GateQuantity quantity) {
    switch (quantity) {
    case GateQuantity::Input:
        return GatesWorkspace::tr("Input gate i = σ(z_i)");
    case GateQuantity::Forget:
        return GatesWorkspace::tr("Forget gate f = σ(z_f)");
    case GateQuantity::Output:
        return GatesWorkspace::tr("Output gate o = σ(z_o)");
    case GateQuantity::Cell:
        break;
    }
    return GatesWorkspace::tr("Cell state c = f⊙c + i⊙g");
}
} // namespace

GatesWorkspace::GatesWorkspace(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("gatesWorkspace"));
    m_sentence = new QLineEdit(this);
    m_sentence->setObjectName(QStringLiteral("gatesSentence"));
    m_sentence->setClearButtonEnabled(true);
    m_sentence->setToolTip(tr("A sentence to read with the current model; Enter traces its gates"));
    m_encoderChoice = new QComboBox(this);
    m_encoderChoice->setObjectName(QStringLiteral("gatesEncoderPart"));
    m_sortByVariance = new QCheckBox(tr("Sort units by &variance"), this);
    m_sortByVariance->setObjectName(QStringLiteral("gatesSortByVariance"));
    m_sortByVariance->setToolTip(tr("Each heatmap puts the units whose value changes most over the sentence "
                                    "at the top (the row labels keep the unit numbers)"));
    auto* controls = new QHBoxLayout;
    auto* sentenceLabel = new QLabel(tr("&Sentence:"), this);
    sentenceLabel->setBuddy(m_sentence);
    auto* encoderLabel = new QLabel(tr("&Encoder:"), this);
    encoderLabel->setBuddy(m_encoderChoice);
    controls->addWidget(sentenceLabel);
    controls->addWidget(m_sentence, 1);
    controls->addWidget(encoderLabel);
    controls->addWidget(m_encoderChoice);
    controls->addWidget(m_sortByVariance);

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("gatesHint"));
    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setMinimumHeight(80);
    m_output = new QLabel(this);
    m_output->setObjectName(QStringLiteral("gatesOutput"));
    m_output->setTextFormat(Qt::PlainText);
    m_output->setWordWrap(true);

    m_content = new QWidget(this);
    auto* grid = new QGridLayout;
    for (Side side : {Side::Encoder, Side::Decoder}) {
        const int row = side == Side::Encoder ? 0 : 2;
        grid->addWidget(
            heading(side == Side::Encoder
                        ? tr("Encoder: reading the source (a row per unit, a column per source token)")
                        : tr("Decoder: writing the output (a row per unit, a column per output step)"),
                    m_content),
            row, 0, 1, 4);
        for (int q = 0; q < 4; ++q) {
            const GateQuantity quantity = kQuantities[q];
            auto* map = new GateHeatmap(mapTitle(quantity),
                                        quantity == GateQuantity::Cell ? GateHeatmap::Scale::Signed
                                                                       : GateHeatmap::Scale::Gate,
                                        m_content);
            map->setObjectName(QStringLiteral("gates%1Map%2").arg(sideIndex(side)).arg(q));
            m_maps[sideIndex(side)][q] = map;
            grid->addWidget(map, row + 1, q);
            connect(map, &GateHeatmap::unitClicked, this, [this, side](int unit) { selectUnit(side, unit); });
        }
        grid->setRowStretch(row + 1, 1);
    }
    m_tracePlot = new GateTracePlot(m_content);
    auto* explanation = new QLabel(gatesExplanation(), m_content);
    explanation->setObjectName(QStringLiteral("gatesExplanation"));
    explanation->setTextFormat(Qt::RichText);
    explanation->setWordWrap(true);
    explanation->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    explanation->setMinimumWidth(280);
    explanation->setMaximumWidth(460);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_tracePlot, 3);
    bottom->addWidget(explanation, 2);
    auto* contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(grid, 3);
    contentLayout->addLayout(bottom, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(controls);
    layout->addWidget(m_hint);
    layout->addWidget(m_output);
    layout->addWidget(m_content, 1);

    connect(m_sentence, &QLineEdit::returnPressed, this, [this] { traceSentence(m_sentence->text()); });
    connect(m_encoderChoice, &QComboBox::currentIndexChanged, this, &GatesWorkspace::setEncoderPart);
    connect(m_sortByVariance, &QCheckBox::toggled, this, &GatesWorkspace::setSortedByVariance);
    refresh();
}

void GatesWorkspace::setModel(const InferenceModel& model) {
    m_model = model;
    refresh();
}

void GatesWorkspace::setExampleSentence(const QString& sentence) {
    m_example = sentence;
    m_sentence->setPlaceholderText(tr("e.g. %1").arg(sentence));
    if (m_text.isEmpty()) refresh();
}

void GatesWorkspace::traceSentence(const QString& text) {
    m_text = text.trimmed();
    if (m_sentence->text() != text) m_sentence->setText(text);
    refresh();
}

void GatesWorkspace::setEncoderPart(int index) {
    if (index < 0) return;
    m_encoderPart = index;
    if (m_encoderChoice->currentIndex() != index) m_encoderChoice->setCurrentIndex(index);
    if (!m_trace) return;
    fillMaps(Side::Encoder);
    if (m_selectedSide == Side::Encoder) selectUnit(Side::Encoder, m_selectedUnit);
}

void GatesWorkspace::setSortedByVariance(bool sorted) {
    if (m_sortByVariance->isChecked() != sorted) m_sortByVariance->setChecked(sorted); // toggled comes back
    for (auto& side : m_maps)
        for (GateHeatmap* map : side) map->setSortedByVariance(sorted);
}

const GateActivations* GatesWorkspace::shownGates(Side side) const {
    if (!m_trace) return nullptr;
    if (side == Side::Decoder) return &m_trace->decoder;
    if (m_encoderPart >= static_cast<int>(m_trace->encoder.size())) return nullptr;
    return &m_trace->encoder[static_cast<size_t>(m_encoderPart)].gates;
}

GateHeatmap& GatesWorkspace::heatmap(Side side, GateQuantity quantity) const {
    return *m_maps[sideIndex(side)][static_cast<int>(quantity)];
}

void GatesWorkspace::selectUnit(Side side, int unit) {
    const GateActivations* gates = shownGates(side);
    if (!gates || unit < 0 || unit >= gates->units()) unit = -1;
    m_selectedSide = side;
    m_selectedUnit = unit;
    for (Side each : {Side::Encoder, Side::Decoder})
        for (GateHeatmap* map : m_maps[sideIndex(each)]) map->highlightUnit(each == side ? unit : -1);
    if (unit < 0) return m_tracePlot->clear();
    m_tracePlot->showUnit(*gates, unit, side == Side::Encoder ? m_sourceLabels : m_outputLabels,
                          sideTitle(side));
}

void GatesWorkspace::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_stale) refresh();
}

void GatesWorkspace::refresh() {
    // Hidden (another tab in front): the work waits until the tab is shown.
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    if (!m_model.ready()) {
        return showHint(tr("Train or open a model to see its gates: how the encoder's and the decoder's "
                           "LSTMs open and close their input, forget and output gates as they read and "
                           "write a sentence."));
    }
    if (m_model.model->config().predictsLabel())
        return showHint(tr("The gates view follows a decoder writing its output word by word; a %1 model "
                           "decides its label in one pass. Its attention is in the Inspect panel.")
                            .arg(QString::fromStdString(modelKindName(m_model.model->config().kind))));
    const QString text = m_text.isEmpty() ? m_example : m_text;
    if (text.isEmpty()) return showHint(tr("Type a sentence above and press Enter to see its gates."));
    const SourceInput source =
        readSourceInput(text.toStdString(), m_model.sourceReading(), *m_model.sourceVocabulary);
    if (!source.ok()) return showHint(QString::fromStdString(source.problemText()));
    try {
        m_trace = traceGates(*m_model.model, source.ids);
    } catch (const std::exception& e) {
        return showHint(tr("Could not decode this sentence: %1").arg(QString::fromUtf8(e.what())));
    }
    m_sourceLabels = tokenLabelTexts(source.tokens);
    std::vector<std::string> written; // the output without </s>
    for (int id : m_trace->result.tokens) written.push_back(m_model.targetVocabulary->token(id));
    m_outputLabels = tokenLabelTexts(written);
    if (m_trace->result.finished) m_outputLabels << tokenLabel(m_model.targetVocabulary->token(EndId)).text;
    m_output->setText(tr("%1  →  %2%3")
                          .arg(QString::fromStdString(joinTokens(source.tokens, m_model.sourceTokens)))
                          .arg(QString::fromStdString(joinTokens(written, m_model.targetTokens)))
                          .arg(m_trace->result.finished ? QString() : tr("  (stopped at the length limit)")));
    showTrace();
}

void GatesWorkspace::showHint(const QString& text) {
    m_trace.reset();
    m_sourceLabels.clear();
    m_outputLabels.clear();
    m_hint->setText(text);
    m_hint->show();
    m_output->hide();
    m_content->hide();
    m_tracePlot->clear();
}

void GatesWorkspace::showTrace() {
    m_hint->hide();
    m_output->show();
    {
        const QSignalBlocker block(m_encoderChoice);
        m_encoderChoice->clear();
        for (const EncoderGates& part : m_trace->encoder)
            m_encoderChoice->addItem(part.reverse
                                         ? tr("Layer %1, backward (right to left)").arg(part.layer + 1)
                                         : tr("Layer %1, forward (left to right)").arg(part.layer + 1));
        m_encoderPart = std::min(m_encoderPart, static_cast<int>(m_trace->encoder.size()) - 1);
        m_encoderChoice->setCurrentIndex(m_encoderPart);
    }
    m_encoderChoice->setEnabled(m_trace->encoder.size() > 1);
    fillMaps(Side::Encoder);
    fillMaps(Side::Decoder);
    m_content->show();
    selectUnit(m_selectedSide, m_selectedUnit); // the same unit, followed in the new numbers
}

void GatesWorkspace::fillMaps(Side side) {
    const GateActivations* gates = shownGates(side);
    for (int q = 0; q < 4; ++q)
        m_maps[sideIndex(side)][q]->setValues(gates ? gates->of(kQuantities[q]) : Matrix<float>(),
                                              side == Side::Encoder ? m_sourceLabels : m_outputLabels);
}

QString GatesWorkspace::sideTitle(Side side) const {
    if (side == Side::Decoder) return tr("Decoder");
    const bool reverse = m_trace && m_encoderPart < static_cast<int>(m_trace->encoder.size()) &&
                         m_trace->encoder[static_cast<size_t>(m_encoderPart)].reverse;
    return reverse ? tr("Encoder, backward direction") : tr("Encoder, forward direction");
}

} // namespace attnlab::ui
