// Visible shortcuts: every menu action has a key or a mnemonic, no two share a key, the toolbar's
// tooltips name their keys, Ctrl+1..N bring the tabs to the front (however many there are), and
// Help > Keyboard Shortcuts lists every menu action and the Mechanism tab's own keys.
#include "ui/MainWindow.h"
#include "ui/panels/TrainingControls.h"
#include "ui/shortcuts/ShortcutList.h"
#include "ui/shortcuts/ShortcutsDialog.h"

#include <QMenuBar>
#include <QShortcut>
#include <QTableWidget>
#include <QToolBar>
#include <QToolButton>
#include <QtTest>

using namespace attnlab;
using namespace attnlab::ui;

class TestShortcuts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyMenuActionHasAKeyOrAMnemonic();
    void noTwoActionsShareAKey();
    void toolbarTooltipsNameTheirKeys();
    void ctrlDigitsSwitchTabs();
    void aNewTabGetsItsKey();
    void theDialogListsEveryMenuAction();
};

namespace {

struct MenuAction {
    QString path;
    QAction* action;
};

void collect(QMenu* menu, const QString& path, QList<MenuAction>& out) {
    for (QAction* action : menu->actions()) {
        if (action->isSeparator()) continue;
        const QString here = path + QStringLiteral(" > ") + action->text();
        out << MenuAction{here, action};
        if (action->menu()) collect(action->menu(), here, out);
    }
}

QList<MenuAction> menuActions(MainWindow& window) {
    QList<MenuAction> all;
    for (QAction* top : window.menuBar()->actions()) {
        all << MenuAction{top->text(), top};
        if (top->menu()) collect(top->menu(), top->text(), all);
    }
    return all;
}

// The letter after a single '&', lower case; a null QChar when there is none.
QChar mnemonic(const QString& text) {
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&')) continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text[i + 1].toLower();
    }
    return {};
}

} // namespace

void TestShortcuts::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestShortcuts::everyMenuActionHasAKeyOrAMnemonic() {
    MainWindow window;
    const QList<MenuAction> actions = menuActions(window);
    QVERIFY(actions.size() > 30);
    for (const MenuAction& entry : actions)
        QVERIFY2(!entry.action->shortcut().isEmpty() || !mnemonic(entry.action->text()).isNull(),
                 qPrintable(entry.path));
    // Within each menu, mnemonics differ, so Alt+letter reaches one entry.
    QList<QMenu*> menus;
    for (QAction* top : window.menuBar()->actions()) menus << top->menu();
    for (const MenuAction& entry : actions)
        if (entry.action->menu() && !menus.contains(entry.action->menu())) menus << entry.action->menu();
    for (QMenu* menu : menus) {
        QSet<QChar> letters;
        for (QAction* action : menu->actions()) {
            const QChar letter = mnemonic(action->text());
            if (letter.isNull()) continue;
            QVERIFY2(!letters.contains(letter),
                     qPrintable(menu->title() + QStringLiteral(": ") + action->text()));
            letters.insert(letter);
        }
    }
    QSet<QChar> top;
    for (QAction* action : window.menuBar()->actions()) {
        QVERIFY(!mnemonic(action->text()).isNull());
        QVERIFY(!top.contains(mnemonic(action->text())));
        top.insert(mnemonic(action->text()));
    }
}

void TestShortcuts::noTwoActionsShareAKey() {
    MainWindow window;
    QMap<QString, QString> owner; // key -> the action or shortcut that has it
    int keys = 0;
    for (QAction* action : window.findChildren<QAction*>())
        for (const QKeySequence& key : action->shortcuts()) {
            const QString text = key.toString(QKeySequence::PortableText);
            QVERIFY2(!owner.contains(text), qPrintable(text + QStringLiteral(": ") + owner.value(text) +
                                                       QStringLiteral(" and ") + action->text()));
            owner.insert(text, action->text());
            ++keys;
        }
    for (QShortcut* shortcut : window.findChildren<QShortcut*>())
        for (const QKeySequence& key : shortcut->keys()) {
            const QString text = key.toString(QKeySequence::PortableText);
            QVERIFY2(!owner.contains(text), qPrintable(text + QStringLiteral(": ") + owner.value(text) +
                                                       QStringLiteral(" and ") + shortcut->whatsThis()));
            owner.insert(text, shortcut->whatsThis());
            ++keys;
        }
    QVERIFY(keys > 20);
    QVERIFY(owner.contains(QStringLiteral("Ctrl+1")));
    QVERIFY(owner.contains(QStringLiteral("Ctrl+/")));
}

void TestShortcuts::toolbarTooltipsNameTheirKeys() {
    MainWindow window;
    auto* toolbar = window.findChild<QToolBar*>("trainingToolBar");
    QVERIFY(toolbar);
    int checked = 0;
    for (QToolButton* button : toolbar->findChildren<QToolButton*>()) {
        QAction* action = button->defaultAction();
        if (!action || action->shortcuts().isEmpty()) continue;
        for (const QKeySequence& key : action->shortcuts())
            QVERIFY2(button->toolTip().contains(key.toString(QKeySequence::NativeText)),
                     qPrintable(button->toolTip()));
        ++checked;
    }
    QVERIFY(checked >= 5); // train, pause, step, stop, reset
    QVERIFY(window.trainingControls()->trainAction()->toolTip().contains(QStringLiteral("Ctrl+T")));
}

void TestShortcuts::ctrlDigitsSwitchTabs() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTabWidget* tabs = window.findChild<QTabWidget*>("centralTabs");
    QVERIFY(tabs && tabs->count() >= 3);
    for (int i = tabs->count() - 1; i >= 0; --i) {
        if (i >= 9) continue;
        QTest::keyClick(&window, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), i);
    }
    // The View > Go to Tab entries are named after the tabs.
    for (int i = 0; i < tabs->count() && i < 9; ++i) {
        auto* action = window.findChild<QAction*>(QStringLiteral("goToTab%1").arg(i + 1));
        QVERIFY(action);
        QVERIFY(withoutMnemonic(action->text()).endsWith(tabs->tabText(i)));
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
}

void TestShortcuts::aNewTabGetsItsKey() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTabWidget* tabs = window.findChild<QTabWidget*>("centralTabs");
    const int before = tabs->count();
    auto* page = new QWidget;
    tabs->addTab(page, QStringLiteral("Gates"));
    QTRY_VERIFY(window.findChild<QAction*>(QStringLiteral("goToTab%1").arg(before + 1)) != nullptr);
    QTest::keyClick(&window, Qt::Key(Qt::Key_1 + before), Qt::ControlModifier);
    QCOMPARE(tabs->currentWidget(), page);
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 0);
}

void TestShortcuts::theDialogListsEveryMenuAction() {
    MainWindow window;
    window.findChild<QAction*>("keyboardShortcutsAction")->trigger();
    auto* dialog = window.findChild<ShortcutsDialog*>();
    QVERIFY(dialog);
    QTableWidget* table = dialog->table();
    QSet<QString> commands;
    QSet<QString> rows;
    for (int row = 0; row < table->rowCount(); ++row) {
        commands.insert(table->item(row, 1)->text());
        rows.insert(table->item(row, 1)->text() + QLatin1Char('|') + table->item(row, 2)->text());
    }
    int listed = 0;
    for (const MenuAction& entry : menuActions(window)) {
        if (entry.action->menu()) continue;
        QVERIFY2(commands.contains(withoutMnemonic(entry.action->text())), qPrintable(entry.path));
        ++listed;
    }
    QVERIFY(listed > 30);
    // Keys as the actions have them, in the table's words.
    QVERIFY(rows.contains(QStringLiteral("Train|") +
                          QKeySequence(QStringLiteral("Ctrl+T")).toString(QKeySequence::NativeText) +
                          QStringLiteral(", F5")));
    // The Mechanism tab's own keys, from its shortcuts and its beam explorer.
    QVERIFY(rows.contains(QStringLiteral("Play the steps one after another|P")));
    QVERIFY(commands.contains(QStringLiteral("Temperature back to τ = 1")));
    QVERIFY(commands.contains(QStringLiteral("Its best-scoring continuation")));
    // The filter keeps the matching rows only.
    auto* filter = dialog->findChild<QLineEdit*>("shortcutsFilter");
    filter->setText(QStringLiteral("Save Model"));
    int shown = 0;
    for (int row = 0; row < table->rowCount(); ++row) shown += table->isRowHidden(row) ? 0 : 1;
    QCOMPARE(shown, 1);
    dialog->close();
}

QTEST_MAIN(TestShortcuts)
#include "tst_shortcuts.moc"
