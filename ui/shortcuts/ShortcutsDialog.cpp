#include "ui/shortcuts/ShortcutsDialog.h"

#include "ui/shortcuts/ShortcutList.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMainWindow>
#include <QTableWidget>
#include <QVBoxLayout>

namespace attnlab::ui {

ShortcutsDialog::ShortcutsDialog(QMainWindow& window) : QDialog(&window) {
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto* search = new QLineEdit(this);
    search->setObjectName(QStringLiteral("shortcutsFilter"));
    search->setPlaceholderText(tr("Filter: a command, a menu or a key"));
    search->setClearButtonEnabled(true);
    const std::vector<ShortcutEntry> entries = listShortcuts(window);
    m_table = new QTableWidget(int(entries.size()), 3, this);
    m_table->setObjectName(QStringLiteral("shortcutsTable"));
    m_table->setHorizontalHeaderLabels({tr("Where"), tr("Command"), tr("Keys")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    for (int row = 0; row < int(entries.size()); ++row) {
        const ShortcutEntry& entry = entries[size_t(row)];
        // A menu entry without a key is still reached with Alt and its underlined letters.
        const QString keys =
            entry.keys.isEmpty() && entry.action ? tr("(Alt + underlined letters)") : entry.keys;
        int column = 0;
        for (const QString& text : {entry.where, entry.what, keys})
            m_table->setItem(row, column++, new QTableWidgetItem(text));
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(search, &QLineEdit::textChanged, this, &ShortcutsDialog::filter);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(search);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    // Wide enough for the three columns, tall enough for a screenful, in lines of the font.
    resize(std::max(m_table->horizontalHeader()->length() + 40, 60 * fontMetrics().averageCharWidth()),
           30 * fontMetrics().lineSpacing());
}

void ShortcutsDialog::filter(const QString& text) {
    for (int row = 0; row < m_table->rowCount(); ++row) {
        bool match = text.isEmpty();
        for (int column = 0; column < m_table->columnCount() && !match; ++column)
            match = m_table->item(row, column)->text().contains(text, Qt::CaseInsensitive);
        m_table->setRowHidden(row, !match);
    }
}

} // namespace attnlab::ui
