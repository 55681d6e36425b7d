#include "ui/mechanism/BeamTreeView.h"

#include "ui/plots/CsvWriter.h"
#include "ui/plots/PlotTheme.h"
#include "ui/plots/TokenLabels.h"
#include "ui/shortcuts/ShortcutList.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <map>

namespace attnlab::ui {

namespace {
constexpr int kMargin = 8;
constexpr double kBoxFontScale = 0.85; // the boxes' text, a little smaller than the widget's
const QColor kWinner(0, 114, 178);     // Okabe–Ito blue
} // namespace

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

BeamTreeView::BeamTreeView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("beamTree"));
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    describeViewKeys(*this, tr("Mechanism tab, beam explorer"),
                     {{tr("Left"), tr("The hypothesis it grew from")},
                      {tr("Right"), tr("Its best-scoring continuation")},
                      {tr("Up, Down"), tr("The hypothesis above or below, same step")},
                      {tr("Enter"), tr("Show the chosen hypothesis's heatmap and steps")}});
}

void BeamTreeView::setTree(const BeamTree& tree, const std::function<std::string(int)>& tokenText) {
    m_tree = tree;
    m_tokenText = tokenText;
    if (m_selected >= static_cast<int>(m_tree.nodes.size())) m_selected = -1;
    layOut();
    updateGeometry();
    update();
}

// Column = step + 1 (the root in column 0); within a column, best score first.
void BeamTreeView::layOut() {
    m_cells.assign(m_tree.nodes.size(), QPoint());
    std::map<int, std::vector<int>> byColumn;
    for (const BeamNode& node : m_tree.nodes) byColumn[node.step + 1].push_back(node.id);
    m_columns = byColumn.empty() ? 0 : byColumn.rbegin()->first + 1;
    m_rows = 0;
    for (auto& [column, ids] : byColumn) {
        std::stable_sort(ids.begin(), ids.end(), [this](int a, int b) {
            return m_tree.nodes[static_cast<size_t>(a)].score > m_tree.nodes[static_cast<size_t>(b)].score;
        });
        for (size_t row = 0; row < ids.size(); ++row)
            m_cells[static_cast<size_t>(ids[row])] = QPoint(column, int(row));
        m_rows = std::max(m_rows, static_cast<int>(ids.size()));
    }
}

int BeamTreeView::columnWidth() const {
    const QFontMetrics metrics(PlotTheme::scaledFont(font(), kBoxFontScale));
    return std::max(96, metrics.horizontalAdvance(QStringLiteral("log p -00.00")) + 30);
}

int BeamTreeView::rowHeight() const {
    const QFontMetrics metrics(PlotTheme::scaledFont(font(), kBoxFontScale));
    return std::max(48, 3 * metrics.lineSpacing() + 12);
}

QSize BeamTreeView::sizeHint() const {
    return QSize(2 * kMargin + m_columns * columnWidth(), 2 * kMargin + std::max(m_rows, 1) * rowHeight());
}

QSize BeamTreeView::minimumSizeHint() const {
    return sizeHint();
}

QRect BeamTreeView::nodeRect(int id) const {
    if (id < 0 || id >= static_cast<int>(m_cells.size())) return QRect();
    const QPoint cell = m_cells[static_cast<size_t>(id)];
    return QRect(kMargin + cell.x() * columnWidth(), kMargin + cell.y() * rowHeight(), columnWidth() - 18,
                 rowHeight() - 6);
}

int BeamTreeView::nodeAt(QPoint point) const {
    for (int id = 0; id < static_cast<int>(m_cells.size()); ++id)
        if (nodeRect(id).contains(point)) return id;
    return -1;
}

QString BeamTreeView::nodeText(int id) const {
    if (id < 0 || id >= static_cast<int>(m_tree.nodes.size())) return QString();
    const BeamNode& node = m_tree.nodes[static_cast<size_t>(id)];
    const QString token =
        m_tokenText ? tokenLabel(m_tokenText(node.token)).text : QString::number(node.token);
    if (node.parent < 0) return token;
    return QStringLiteral("%1\nlog p %2\nscore %3")
        .arg(token, QString::number(node.logProb, 'f', 2), QString::number(node.score, 'f', 2));
}

QString BeamTreeView::nodeToolTip(int id) const {
    if (id < 0 || id >= static_cast<int>(m_tree.nodes.size())) return QString();
    const BeamNode& node = m_tree.nodes[static_cast<size_t>(id)];
    if (node.parent < 0) return tr("The start: every hypothesis grows from <s>.");
    QString state = node.isWinner ? tr("the hypothesis beam search returns") : beamStateName(node.state);
    return tr("Step %1: '%2', %3\nlog p(token) = %4\nlog p(prefix) = %5\nscore = log p / length = %6\nClick: "
              "see its "
              "heatmap and steps.")
        .arg(node.step + 1)
        .arg(m_tokenText ? tokenLabel(m_tokenText(node.token)).text : QString::number(node.token), state)
        .arg(node.tokenLogProb, 0, 'f', 3)
        .arg(node.logProb, 0, 'f', 3)
        .arg(node.score, 0, 'f', 3);
}

void BeamTreeView::selectNode(int id) {
    m_selected = id >= 0 && id < static_cast<int>(m_tree.nodes.size()) ? id : -1;
    update();
}

void BeamTreeView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_tree.nodes.empty()) {
        painter.setPen(PlotTheme::mutedText(palette()));
        painter.drawText(rect(), Qt::AlignCenter, tr("Set a beam width above 1 to see the hypotheses."));
        return;
    }
    // In the widget's palette: boxes on Base with Text, pruned ones faded towards the background,
    // the selected one a yellow box with dark text on either theme.
    const QPalette colours = palette();
    const QColor winner = PlotTheme::seriesColour(kWinner, colours);
    const QColor faint = PlotTheme::gridLine(colours), muted = PlotTheme::mutedText(colours);
    // Lines first, the winner's path last so it stays on top.
    for (int pass = 0; pass < 2; ++pass)
        for (const BeamNode& node : m_tree.nodes) {
            if (node.parent < 0 || node.onWinnerPath != (pass == 1)) continue;
            const QRect from = nodeRect(node.parent), to = nodeRect(node.id);
            const QColor colour = node.onWinnerPath                     ? winner
                                  : node.state == BeamNodeState::Pruned ? faint
                                                                        : muted;
            painter.setPen(QPen(colour, node.onWinnerPath ? 3.0 : 1.0));
            painter.drawLine(QPoint(from.right(), from.center().y()), QPoint(to.left(), to.center().y()));
        }
    painter.setFont(PlotTheme::scaledFont(font(), kBoxFontScale));
    for (const BeamNode& node : m_tree.nodes) {
        const QRect box = nodeRect(node.id);
        const bool pruned = node.state == BeamNodeState::Pruned;
        const bool selected = node.id == m_selected;
        painter.setBrush(selected ? QColor(255, 224, 102)
                         : pruned ? colours.color(QPalette::AlternateBase)
                                  : colours.color(QPalette::Base));
        painter.setPen(QPen(node.onWinnerPath ? winner
                            : pruned          ? faint
                                              : muted,
                            node.onWinnerPath ? 2.5 : 1.0));
        painter.drawRoundedRect(box, 4, 4);
        if (node.state == BeamNodeState::Finished) painter.drawRoundedRect(box.adjusted(3, 3, -3, -3), 3, 3);
        painter.setPen(selected ? QColor(0x20, 0x20, 0x20) : pruned ? muted : colours.color(QPalette::Text));
        painter.drawText(box, Qt::AlignCenter, nodeText(node.id));
    }
}

void BeamTreeView::mousePressEvent(QMouseEvent* event) {
    const int id = nodeAt(event->position().toPoint());
    if (id < 0) return QWidget::mousePressEvent(event);
    selectNode(id);
    Q_EMIT nodeChosen(id);
}

void BeamTreeView::keyPressEvent(QKeyEvent* event) {
    if (m_tree.nodes.empty()) return QWidget::keyPressEvent(event);
    const int current = m_selected >= 0 ? m_selected : 0;
    const QPoint cell = m_cells[static_cast<size_t>(current)];
    auto at = [this](QPoint wanted) {
        for (int id = 0; id < static_cast<int>(m_cells.size()); ++id)
            if (m_cells[static_cast<size_t>(id)] == wanted) return id;
        return -1;
    };
    int next = -1;
    switch (event->key()) {
    case Qt::Key_Left:
        next = m_tree.nodes[static_cast<size_t>(current)].parent;
        break;
    case Qt::Key_Right: // the best-scoring child
        for (const BeamNode& node : m_tree.nodes)
            if (node.parent == current &&
                (next < 0 || node.score > m_tree.nodes[static_cast<size_t>(next)].score))
                next = node.id;
        break;
    case Qt::Key_Up:
        next = at(cell - QPoint(0, 1));
        break;
    case Qt::Key_Down:
        next = at(cell + QPoint(0, 1));
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_selected >= 0) Q_EMIT nodeChosen(m_selected);
        return;
    default:
        return QWidget::keyPressEvent(event);
    }
    if (next >= 0) selectNode(next);
}

bool BeamTreeView::event(QEvent* event) {
    if (event->type() == QEvent::ShortcutOverride) { // the arrows move in the tree, not the steps
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Left || key == Qt::Key_Right || key == Qt::Key_Up || key == Qt::Key_Down ||
            key == Qt::Key_Return || key == Qt::Key_Enter) {
            event->accept();
            return true;
        }
    }
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString tip = nodeToolTip(nodeAt(help->pos()));
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    return QWidget::event(event);
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
