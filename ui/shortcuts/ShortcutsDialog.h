#pragma once
// Help > Keyboard Shortcuts: every action and key of the window in one table (where, what, keys),
// made from the window's own actions when the dialog opens (ShortcutList), with a filter box.
#include <QDialog>

class QMainWindow;
class QTableWidget;

namespace attnlab::ui {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(QMainWindow& window);

    QTableWidget* table() const { return m_table; }

private:
    void filter(const QString& text);

    QTableWidget* m_table = nullptr;
};

} // namespace attnlab::ui
