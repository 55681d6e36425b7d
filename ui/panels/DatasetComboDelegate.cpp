#include "ui/panels/DatasetComboDelegate.h"

namespace attnlab::ui {

DatasetComboDelegate::DatasetComboDelegate(int descriptionRole, QObject* parent)
    : QStyledItemDelegate(parent), m_descriptionRole(descriptionRole) {}

void DatasetComboDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    const QString description = index.data(m_descriptionRole).toString();
    if (!description.isEmpty()) option->text = QStringLiteral("%1 \u2014 %2").arg(option->text, description);
}

} // namespace attnlab::ui
