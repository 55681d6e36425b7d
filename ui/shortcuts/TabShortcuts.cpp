#include "ui/shortcuts/TabShortcuts.h"

#include <QAction>
#include <QEvent>
#include <QMenu>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>

namespace attnlab::ui {

TabShortcuts::TabShortcuts(QTabWidget& tabs, QMenu& menu, QWidget& window)
    : QObject(&menu), m_tabs(tabs), m_menu(menu), m_window(window) {
    setObjectName(QStringLiteral("tabShortcuts"));
    // A page added to (or taken from) the tab widget is a child added to its stack.
    if (auto* stack = tabs.findChild<QStackedWidget*>()) stack->installEventFilter(this);
    rebuild();
}

bool TabShortcuts::eventFilter(QObject* watched, QEvent* event) {
    if ((event->type() == QEvent::ChildAdded || event->type() == QEvent::ChildRemoved) && !m_rebuildQueued) {
        // The tab's label is set after its page joins the stack: rebuild once the insertion is over.
        m_rebuildQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_rebuildQueued = false;
            rebuild();
        });
    }
    return QObject::eventFilter(watched, event);
}

void TabShortcuts::rebuild() {
    for (QAction* action : m_actions) {
        m_window.removeAction(action);
        delete action;
    }
    m_actions.clear();
    for (int i = 0; i < m_tabs.count() && i < kMostTabs; ++i) {
        QString label = m_tabs.tabText(i);
        label.remove(QLatin1Char('&')); // the digit is the mnemonic
        auto* action = new QAction(QStringLiteral("&%1 %2").arg(i + 1).arg(label), &m_menu);
        action->setObjectName(QStringLiteral("goToTab%1").arg(i + 1));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        QWidget* page = m_tabs.widget(i);
        connect(action, &QAction::triggered, this, [this, page] { m_tabs.setCurrentWidget(page); });
        m_menu.addAction(action);
        m_window.addAction(action);
        m_actions.push_back(action);
    }
}

} // namespace attnlab::ui
