#include "ui/mechanism/CandidateTable.h"

#include "ui/plots/TokenLabels.h"

#include <QHeaderView>

namespace attnlab::ui {

CandidateTable::CandidateTable(QWidget* parent) : QTableWidget(parent) {
    setObjectName(QStringLiteral("candidateTable"));
    setColumnCount(2);
    setHorizontalHeaderLabels({tr("Next token"), tr("p")});
    horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    verticalHeader()->setVisible(false);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setToolTip(tr("The most likely next tokens at this step. Double-click (or Enter on) another one: what if "
                  "the decoder had written it? The rest is decoded from there."));
    connect(this, &QTableWidget::cellActivated, this, [this](int row, int) {
        const int token = candidateToken(row);
        if (token >= 0 && m_step >= 0) Q_EMIT tokenChosen(m_step, token);
    });
}

void CandidateTable::setStep(const StepInspection* step, const std::function<std::string(int)>& tokenText) {
    m_step = step ? step->step : -1;
    m_candidates = step ? step->top : std::vector<TokenChance>{};
    setRowCount(static_cast<int>(m_candidates.size()));
    for (int row = 0; row < rowCount(); ++row) {
        const TokenChance& chance = m_candidates[static_cast<size_t>(row)];
        const bool chosen = step && chance.token == step->chosen;
        auto* token = new QTableWidgetItem(tokenLabel(tokenText(chance.token)).text +
                                           (chosen ? tr("  ← chosen") : QString()));
        auto* probability = new QTableWidgetItem(QString::number(chance.probability, 'f', 3));
        probability->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (chosen) {
            QFont bold = token->font();
            bold.setBold(true);
            token->setFont(bold);
            probability->setFont(bold);
        }
        setItem(row, 0, token);
        setItem(row, 1, probability);
    }
}

int CandidateTable::candidateToken(int row) const {
    return row >= 0 && row < static_cast<int>(m_candidates.size())
               ? m_candidates[static_cast<size_t>(row)].token
               : -1;
}

double CandidateTable::candidateProbability(int row) const {
    return row >= 0 && row < static_cast<int>(m_candidates.size())
               ? m_candidates[static_cast<size_t>(row)].probability
               : 0.0;
}

} // namespace attnlab::ui
