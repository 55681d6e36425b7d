#pragma once
// View > Go to Tab: Ctrl+1 .. Ctrl+9 bring the central tabs to the front, one action per tab
// (named after it: "&1 Train", "&2 Compare", ...). The actions are made from the tab widget as it
// is, and made again when a tab is added or removed, so a new workspace gets its key too.
#include <QObject>

#include <vector>

class QAction;
class QMenu;
class QTabWidget;
class QWidget;

namespace attnlab::ui {

class TabShortcuts : public QObject {
    Q_OBJECT
public:
    static constexpr int kMostTabs = 9; // Ctrl+1 .. Ctrl+9

    // Owned by `menu`; the actions also go on `window`, so the keys work wherever the focus is.
    TabShortcuts(QTabWidget& tabs, QMenu& menu, QWidget& window);

    const std::vector<QAction*>& actions() const { return m_actions; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void rebuild();

    QTabWidget& m_tabs;
    QMenu& m_menu;
    QWidget& m_window;
    std::vector<QAction*> m_actions;
    bool m_rebuildQueued = false;
};

} // namespace attnlab::ui
