#include "ui/mechanism/StepView.h"

#include "core/infer/ScorerTerms.h"
#include "ui/mechanism/ScorerFormula.h"
#include "ui/mechanism/SourceBars.h"
#include "ui/mechanism/ValueMap.h"
#include "ui/plots/PlotTheme.h"
#include "ui/plots/TokenLabels.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>
#include <exception>

namespace attnlab::ui {

namespace {
Matrix<float> asRow(const Vector<float>& v) {
    return v.size() > 0 ? Matrix<float>(v.transpose()) : Matrix<float>(); // (1 x n)
}

QString queryName(const Seq2Seq<float>& model) {
    return model.config().decoder == DecoderStyle::Bahdanau ? QStringLiteral("s<sub>t−1</sub>")
                                                            : QStringLiteral("h<sub>t</sub>");
}
} // namespace

StepView::StepView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("stepView"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("stepTitle"));
    m_title->setWordWrap(true);
    m_formula = new QLabel(this);
    m_formula->setObjectName(QStringLiteral("stepFormula"));
    m_formula->setTextFormat(Qt::RichText);
    m_formula->setWordWrap(true);
    m_formula->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_query = new ValueMap(tr("Query q (the decoder's state)"), this);
    m_scores = new SourceBars(tr("1. Scores eₛ"), QColor(230, 159, 0), QColor(86, 180, 233), this);
    m_weights =
        new SourceBars(tr("2. Weights αₛ = softmax(e / τ) — click a bar: what if all attention went there?"),
                       QColor(0, 114, 178), QColor(0, 114, 178), this);
    m_weights->setProbabilityAxis(true);
    m_states = new ValueMap(tr("3. Encoder states h̄ₛ (a row per source token, αₛ beside it)"), this);
    m_context = new ValueMap(tr("Context c = Σ αₛ h̄ₛ (the weighted sum)"), this);
    fitToFont();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_formula);
    layout->addWidget(m_query, 1);
    layout->addWidget(m_scores, 3);
    layout->addWidget(m_weights, 3);
    layout->addWidget(m_states, 4);
    layout->addWidget(m_context, 1);
    for (SourceBars* bars : {m_scores, m_weights})
        connect(bars, &SourceBars::hovered, this, &StepView::hoverPosition);
    connect(m_weights, &SourceBars::clicked, this,
            [this](int position) { Q_EMIT attentionForced(m_step, position); });
    refresh();
}

// In lines of the font, not pixels: a larger system font gets taller plots, not squashed ones.
void StepView::fitToFont() {
    QFont bold = font();
    bold.setBold(true);
    m_title->setFont(PlotTheme::scaledFont(bold, 1.15));
    const int line = fontMetrics().lineSpacing();
    m_formula->setMinimumHeight(line * 6);
    m_query->setMinimumHeight(4 * line);
    m_context->setMinimumHeight(4 * line);
    m_scores->setMinimumHeight(8 * line);
    m_weights->setMinimumHeight(8 * line);
    m_states->setMinimumHeight(12 * line);
}

void StepView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) fitToFont();
}

const StepInspection* StepView::current() const {
    if (!m_result || !m_result->ok()) return nullptr;
    const Inspection& shown = m_result->shown();
    if (m_step < 0 || m_step >= static_cast<int>(shown.steps.size())) return nullptr;
    return &shown.steps[static_cast<size_t>(m_step)];
}

void StepView::show(std::shared_ptr<const MechanismResult> result, int step, double temperature) {
    m_result = std::move(result);
    m_step = step;
    m_temperature = temperature;
    refresh();
}

void StepView::hoverPosition(int position) {
    m_hovered = position;
    m_scores->highlight(position);
    m_weights->highlight(position);
    writeFormula();
}

QString StepView::titleText() const {
    return m_title->text();
}

QString StepView::formulaText() const {
    return m_formula->text();
}

void StepView::refresh() {
    const StepInspection* at = current();
    if (!at) {
        m_title->setText(tr("Type a sentence (or pick a validation pair) to step through its decoding."));
        m_formula->clear();
        for (SourceBars* bars : {m_scores, m_weights}) bars->setValues({}, {});
        for (ValueMap* map : {m_query, m_states, m_context}) map->setValues({}, {});
        return;
    }
    const Inspection& shown = m_result->shown();
    const QStringList sources = tokenLabelTexts(m_result->sourceTokens);
    const QString chosen = tokenLabel(m_result->targetToken(at->chosen)).text;
    const float probability = std::exp(at->chosenLogProb);
    m_title->setText(tr("Step %1 of %2: writes '%3' (p = %4)%5")
                         .arg(m_step + 1)
                         .arg(shown.steps.size())
                         .arg(chosen)
                         .arg(probability, 0, 'f', 3)
                         .arg(at->tokenForced ? tr(" — forced (what-if)") : QString()));
    const bool attention = at->weights.size() > 0;
    const QString none = tr("no attention (scorer none): the decoder sees only the encoder's final state");
    m_scores->setValues(at->scores, sources, attention ? QString() : none);
    m_weights->setValues(at->weights, sources, attention ? QString() : none);
    QStringList stateLabels;
    for (int s = 0; s < shown.keys.rows(); ++s)
        stateLabels << (attention ? QStringLiteral("%1  α %2")
                                        .arg(s < sources.size() ? sources[s] : QString())
                                        .arg(at->weights(s), 0, 'f', 2)
                                  : (s < sources.size() ? sources[s] : QString()));
    // One colour scale for the states and the context, so c reads as a blend of the rows above it.
    const double limit = shown.keys.size() > 0 ? static_cast<double>(shown.keys.cwiseAbs().maxCoeff()) : 1.0;
    m_states->setLimit(limit);
    m_context->setLimit(limit);
    m_states->setValues(shown.keys, stateLabels);
    m_query->setValues(asRow(at->query), {QStringLiteral("q")});
    m_context->setValues(asRow(at->context), {QStringLiteral("c")});
    if (m_hovered >= static_cast<int>(at->scores.size())) m_hovered = -1;
    m_scores->highlight(m_hovered);
    m_weights->highlight(m_hovered);
    writeFormula();
}

void StepView::writeFormula() {
    const StepInspection* at = current();
    if (!at || !m_result->model) return;
    const ScorerKind kind = m_result->model->config().scorer;
    FormulaNumbers numbers;
    numbers.temperature = m_temperature;
    ScorerTerms terms;
    if (m_hovered >= 0 && m_hovered < at->scores.size() && kind != ScorerKind::None) {
        try {
            terms = scorerTerms(*m_result->model, m_result->shown(), m_step, m_hovered);
            numbers.terms = &terms;
        } catch (const std::exception&) {
            numbers.terms = nullptr; // the formula alone
        }
        numbers.token = m_hovered < static_cast<int>(m_result->sourceTokens.size())
                            ? tokenLabel(m_result->sourceTokens[static_cast<size_t>(m_hovered)]).text
                            : QString();
        numbers.weight = at->weights(m_hovered);
        double partition = 0;
        for (int s = 0; s < at->scores.size(); ++s)
            partition += std::exp(double(at->scores(s)) / m_temperature);
        numbers.partition = partition;
        numbers.forced = at->attentionForced;
    }
    QString text = attentionSteps(kind, queryName(*m_result->model), numbers);
    if (at->attentionForced)
        text += tr("<br><i>What-if: this step's weights were set by hand, not by the softmax.</i>");
    else if (m_hovered < 0 && kind != ScorerKind::None)
        text += tr("<br><i>Hover a bar to see that source position's numbers.</i>");
    m_formula->setText(text);
}

} // namespace attnlab::ui
