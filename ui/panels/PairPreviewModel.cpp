#include "ui/panels/PairPreviewModel.h"

#include "core/data/PharaohAlignment.h"
#include "core/data/Tokenization.h"

#include <QStringList>

#include <algorithm>

namespace attnlab::ui {
namespace {

QString fromUtf8(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// "5 tokens: t · h · e · ␣ · c" — the tokens the model will see, so a person can check the
// tokenisation. Long pairs are cut short: a tooltip is no place for a paragraph.
QString describeTokens(std::string_view text, Tokenization tokenization) {
    constexpr int MaxShown = 40;
    QStringList shown;
    int count = 0;
    forEachToken(text, tokenization, [&](std::string_view token) {
        if (count++ < MaxShown) shown << (token == " " ? QStringLiteral("\u2423") : fromUtf8(token));
    });
    QString result =
        (count == 1 ? PairPreviewModel::tr("1 token: ") : PairPreviewModel::tr("%1 tokens: ").arg(count)) +
        shown.join(QStringLiteral(" \u00b7 "));
    if (count > MaxShown) result += QStringLiteral(" \u2026");
    return result;
}

} // namespace

PairPreviewModel::PairPreviewModel(QObject* parent) : QAbstractTableModel(parent) {}

void PairPreviewModel::setDataset(std::shared_ptr<const Dataset> dataset) {
    beginResetModel();
    m_dataset = std::move(dataset);
    m_rows = m_dataset ? std::min(m_dataset->size(), FetchBatch) : 0;
    endResetModel();
}

int PairPreviewModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_rows;
}

int PairPreviewModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

bool PairPreviewModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && m_dataset && m_rows < m_dataset->size();
}

void PairPreviewModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent)) return;
    const int more = std::min(FetchBatch, m_dataset->size() - m_rows);
    beginInsertRows({}, m_rows, m_rows + more - 1);
    m_rows += more;
    endInsertRows();
}

QVariant PairPreviewModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows || !m_dataset) return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(index.row(), index.column());
    case Qt::ToolTipRole:
        return toolTip(index.row(), index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == LineColumn || index.column() == LinksColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant PairPreviewModel::display(int row, int column) const {
    switch (column) {
    case LineColumn:
        return QVariant::fromValue<qlonglong>(m_dataset->lineNumber(row));
    case SourceColumn:
        return fromUtf8(m_dataset->source(row));
    case TargetColumn:
        return fromUtf8(m_dataset->target(row));
    case LinksColumn:
        // Without gold alignments the column stays blank rather than claiming zero links.
        if (!m_dataset->hasAlignments()) return {};
        return static_cast<int>(m_dataset->alignment(row).size());
    default:
        return {};
    }
}

QVariant PairPreviewModel::toolTip(int row, int column) const {
    switch (column) {
    case SourceColumn:
        if (m_dataset->hasFeatures()) { // a label: what the model reads is frames or cells
            const InputConfig& input = m_dataset->input();
            const int length = m_dataset->sourceLength(row);
            if (input.kind == InputKind::Frames)
                return tr("%1: %2 frames (%3 s), %4 mel bands")
                    .arg(fromUtf8(m_dataset->source(row)))
                    .arg(length)
                    .arg(length * input.hopMs / 1000.0, 0, 'f', 2)
                    .arg(input.melBands);
            return tr("%1: %2 x %3 picture, %4 cells")
                .arg(fromUtf8(m_dataset->source(row)))
                .arg(input.imageWidth)
                .arg(input.imageHeight)
                .arg(length);
        }
        return describeTokens(m_dataset->source(row), m_dataset->options().sourceTokens);
    case TargetColumn:
        return describeTokens(m_dataset->target(row), m_dataset->options().targetTokens);
    case LinksColumn: {
        if (!m_dataset->hasAlignments()) return {};
        const std::span<const AlignmentLink> links = m_dataset->alignment(row);
        return (m_dataset->hasFeatures() ? tr("Gold alignment (frame or cell, target token): %1")
                                         : tr("Gold alignment (source-target token positions): %1"))
            .arg(QString::fromStdString(formatAlignment(Alignment(links.begin(), links.end()))));
    }
    default:
        return {};
    }
}

QVariant PairPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case LineColumn:
            return tr("Line");
        case SourceColumn:
            return tr("Source");
        case TargetColumn:
            return tr("Target");
        case LinksColumn:
            return tr("Links");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case LineColumn:
            return tr("The pair's line in the dataset file, counting the header, comment and blank lines: "
                      "after a header line the first pair is on line 2.");
        case SourceColumn:
            return tr("What the model reads; hover a cell to see its tokens.");
        case TargetColumn:
            return tr("What the model learns to write; hover a cell to see its tokens.");
        case LinksColumn:
            return tr("How many gold alignment links the pair has; hover a cell to see them.");
        default:
            return {};
        }
    }
    return {};
}

} // namespace attnlab::ui
