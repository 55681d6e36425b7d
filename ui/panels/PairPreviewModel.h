#pragma once
// A read-only table over a loaded Dataset: the pair's line in its file, source, target and the
// number of gold alignment links. Nothing is copied: every cell is read from the dataset when a
// view asks for it. Rows arrive in batches as the view scrolls (canFetchMore/fetchMore), so a
// 100k-pair dataset costs the view only the rows a person has scrolled past.
#include "core/data/Dataset.h"

#include <QAbstractTableModel>

#include <memory>

namespace attnlab::ui {

class PairPreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { LineColumn, SourceColumn, TargetColumn, LinksColumn, ColumnCount };
    static constexpr int FetchBatch = 256; // rows shown at first and added per fetch

    explicit PairPreviewModel(QObject* parent = nullptr);

    // Shows `dataset` (null: an empty table) from its first row.
    void setDataset(std::shared_ptr<const Dataset> dataset);
    const std::shared_ptr<const Dataset>& dataset() const { return m_dataset; }

    int rowCount(const QModelIndex& parent = {}) const override; // the rows fetched so far
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    QVariant display(int row, int column) const;
    QVariant toolTip(int row, int column) const;

    std::shared_ptr<const Dataset> m_dataset;
    int m_rows = 0;
};

} // namespace attnlab::ui
