#pragma once
// Draws an entry of the dataset drop-down as "name — description" in the open list, while the
// closed box shows the item's text, the name alone: a long description no longer pushes the
// name out of a narrow box, and the list still says what each dataset is.
#include <QStyledItemDelegate>

namespace attnlab::ui {

class DatasetComboDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    // The description is read from this role of each item; items without one show their text.
    explicit DatasetComboDelegate(int descriptionRole, QObject* parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    int m_descriptionRole;
};

} // namespace attnlab::ui
