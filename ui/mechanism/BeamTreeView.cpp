#include "ui/mechanism/BeamTreeView.h"

#include "ui/plots/CsvWriter.h"
#include "ui/plots/TokenLabels.h"

#include <QHeaderView>

namespace attnlab::ui {

QString beamStateName(BeamNodeState state) {
    switch (state) {
    case BeamNodeState::Kept:
        return QStringLiteral("kept");
    case BeamNodeState::Pruned:
        return QStringLiteral("pruned");
    case BeamNodeState::Finished:
        return QStringLiteral("finished");
    }
    return QString();
}

BeamTreeView::BeamTreeView(QWidget* parent) : QTreeWidget(parent) {
    setObjectName(QStringLiteral("beamTree"));
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Token"), tr("log p"), tr("Score"), tr("State")});
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    setUniformRowHeights(true);
    setToolTip(tr("Every hypothesis the beam held. Score = log p / length (what beam search ranks by). "
                  "Grey: pruned; ■ finished; bold: the hypothesis beam search returns. Select one to see "
                  "its heatmap and step through it."));
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (m_filling || !item) return;
        Q_EMIT nodeChosen(item->data(TokenColumn, Qt::UserRole).toInt());
    });
}

void BeamTreeView::setTree(const BeamTree& tree, const std::function<std::string(int)>& tokenText) {
    m_filling = true;
    clear();
    m_items.assign(tree.nodes.size(), nullptr);
    m_tree = tree;
    m_tokenText = tokenText;
    for (const BeamNode& node : tree.nodes) {
        QTreeWidgetItem* item = node.parent < 0
                                    ? new QTreeWidgetItem(this)
                                    : new QTreeWidgetItem(m_items[static_cast<size_t>(node.parent)]);
        m_items[static_cast<size_t>(node.id)] = item;
        const QString token = tokenLabel(tokenText(node.token)).text;
        item->setText(TokenColumn,
                      node.state == BeamNodeState::Finished ? token + QStringLiteral(" ■") : token);
        item->setData(TokenColumn, Qt::UserRole, node.id);
        if (node.parent >= 0) {
            item->setText(LogProbColumn, QString::number(node.logProb, 'f', 3));
            item->setText(ScoreColumn, QString::number(node.score, 'f', 3));
        }
        item->setText(StateColumn, node.isWinner ? tr("winner") : beamStateName(node.state));
        item->setToolTip(
            TokenColumn,
            tr("step %1: log p(token) = %2").arg(node.step + 1).arg(node.tokenLogProb, 0, 'f', 3));
        if (node.state == BeamNodeState::Pruned)
            for (int c = 0; c < ColumnCount; ++c) item->setForeground(c, QColor(150, 150, 150));
        if (node.onWinnerPath) {
            QFont font = item->font(TokenColumn);
            font.setBold(true);
            for (int c = 0; c < ColumnCount; ++c) item->setFont(c, font);
            item->setExpanded(true);
        }
    }
    if (!m_items.empty()) m_items.front()->setExpanded(true);
    m_filling = false;
}

QTreeWidgetItem* BeamTreeView::itemOf(int id) const {
    return id >= 0 && id < static_cast<int>(m_items.size()) ? m_items[static_cast<size_t>(id)] : nullptr;
}

int BeamTreeView::selectedNode() const {
    const QTreeWidgetItem* item = currentItem();
    return item ? item->data(TokenColumn, Qt::UserRole).toInt() : -1;
}

void BeamTreeView::selectNode(int id) {
    m_filling = true;
    if (QTreeWidgetItem* item = itemOf(id)) {
        setCurrentItem(item);
        scrollToItem(item);
    } else {
        setCurrentItem(nullptr);
    }
    m_filling = false;
}

void BeamTreeView::writeCsv(CsvWriter& csv) const {
    csv.addRow({"id", "parent", "step", "token", "token_log_prob", "log_prob", "score", "state", "winner"});
    for (const BeamNode& node : m_tree.nodes)
        csv.addRow(
            {QString::number(node.id), QString::number(node.parent), QString::number(node.step + 1),
             QString::fromStdString(m_tokenText ? m_tokenText(node.token) : std::to_string(node.token)),
             CsvWriter::number(node.tokenLogProb), CsvWriter::number(node.logProb),
             CsvWriter::number(node.score), beamStateName(node.state), node.isWinner ? "1" : "0"});
}

} // namespace attnlab::ui
