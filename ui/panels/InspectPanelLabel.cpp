// InspectPanel for label models (issue 15): the decoded text's label, the probability of every
// label, and the attention that decided it (ClassificationView, EntailmentView).
#include "ui/history/HistoryScrubber.h"
#include "ui/label/ClassificationView.h"
#include "ui/label/EntailmentView.h"
#include "ui/label/LabelContentBuilder.h"
#include "ui/label/ValidationSummary.h"
#include "ui/panels/ElidedLabel.h"
#include "ui/panels/InspectPanel.h"

#include <QLabel>
#include <QStackedWidget>

#include <cmath>

namespace attnlab::ui {

bool InspectPanel::predictsLabel() const {
    return m_model.ready() && m_model.model->config().predictsLabel();
}

void InspectPanel::setLabelReferences(std::vector<LabelReference> references) {
    m_labelReferences = std::move(references);
}

void InspectPanel::setValidationMetrics(const Metrics& metrics, int epoch) {
    if (!predictsLabel() || !m_model.targetVocabulary) return m_validationSummary->clear();
    m_validationSummary->setMetrics(metrics, epoch, *m_model.targetVocabulary);
}

void InspectPanel::showLabelDecoding() {
    const ModelConfig& config = m_model.model->config();
    const LabelGold gold = goldFor(m_labelReferences, m_decoding.sourceTokens);
    m_outputLabel->setFullText(tr("Label: %1").arg(QString::fromStdString(m_decoding.label)));
    m_scoreLabel->setText(tr("p = %1%").arg(100.0 * std::exp(m_decoding.logProb), 0, 'f', 1));
    try {
        if (config.kind == ModelKind::Entailment) {
            m_entailmentView->setContent(entailmentContent(m_decoding, *m_model.targetVocabulary, gold));
            m_stack->setCurrentWidget(m_entailmentView);
        } else {
            m_classificationView->setContent(classificationContent(m_decoding, *m_model.targetVocabulary,
                                                                   config.scorer != ScorerKind::None, gold));
            m_stack->setCurrentWidget(m_classificationView);
        }
    } catch (const std::exception& e) { // e.g. an entailment text typed without its "|"
        m_warningLabel->setText(QString::fromUtf8(e.what()));
        m_warningLabel->show();
        m_stack->setCurrentWidget(m_hintLabel);
    }
    m_scrubber->show();
}

} // namespace attnlab::ui
