#include "ui/label/ValidationSummary.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>

namespace attnlab::ui {

ValidationSummary::ValidationSummary(QWidget* parent) : QWidget(parent) {
    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("validationHeadline"));
    m_headline->setWordWrap(true);
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("confusionMatrix"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setToolTip(tr("Confusion matrix of the validation split: rows are the gold labels, columns "
                           "the predicted ones; the diagonal counts the right answers"));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_headline, 1);
    layout->addWidget(m_table);
    clear();
}

void ValidationSummary::clear() {
    m_shown = false;
    m_headline->clear();
    m_table->clear();
    m_table->setRowCount(0);
    m_table->setColumnCount(0);
    hide();
}

QString ValidationSummary::headline() const {
    return m_headline->text();
}

void ValidationSummary::setMetrics(const Metrics& m, int epoch, const Vocabulary& labels) {
    if (!m.confusion) return clear();
    const std::vector<int> ids = occurringLabels(*m.confusion);
    m_headline->setText(
        tr("Validation after epoch %1: accuracy %2% (%3 of %4), macro-F1 %5%6")
            .arg(epoch)
            .arg(100.0 * m.exactMatch, 0, 'f', 1)
            .arg(m.exactMatches)
            .arg(m.examples)
            .arg(m.macroF1, 0, 'f', 3)
            .arg(std::isnan(m.goldMass) ? QString() : tr(", gold mass %1").arg(m.goldMass, 0, 'f', 2)));
    const int n = static_cast<int>(ids.size());
    m_table->setRowCount(n);
    m_table->setColumnCount(n);
    QStringList names;
    for (int id : ids) names << QString::fromStdString(labels.token(id));
    m_table->setHorizontalHeaderLabels(names); // predicted
    QStringList gold;
    for (const QString& name : names) gold << tr("gold %1").arg(name);
    m_table->setVerticalHeaderLabels(gold);
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) {
            auto* item =
                new QTableWidgetItem(QString::number(m.confusion->count(ids[size_t(r)], ids[size_t(c)])));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (r == c) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            m_table->setItem(r, c, item);
        }
    m_table->resizeColumnsToContents();
    m_shown = true;
    show();
}

} // namespace attnlab::ui
