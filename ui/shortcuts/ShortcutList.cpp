#include "ui/shortcuts/ShortcutList.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QShortcut>

namespace attnlab::ui {

namespace {

constexpr const char* kWhere = "attnlabKeysWhere";
constexpr const char* kViewKeys = "attnlabViewKeys"; // QStringList: key, what, key, what, ...

QString keysOf(const QList<QKeySequence>& sequences) {
    QStringList keys;
    for (const QKeySequence& key : sequences)
        if (!key.isEmpty()) keys << key.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}

void addMenu(const QMenu& menu, const QString& path, std::vector<ShortcutEntry>& entries,
             QSet<const QAction*>& seen) {
    for (const QAction* action : menu.actions()) {
        if (action->isSeparator()) continue;
        if (const QMenu* sub = action->menu()) {
            addMenu(*sub, path + QStringLiteral(" > ") + withoutMnemonic(action->text()), entries, seen);
            continue;
        }
        entries.push_back({path, withoutMnemonic(action->text()), keysOf(action->shortcuts()), action});
        seen.insert(action);
    }
}

} // namespace

QString withoutMnemonic(const QString& text) {
    QString plain;
    for (int i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('&') && i + 1 < text.size()) ++i; // "&&" keeps one '&'
        plain += text[i];
    }
    return plain;
}

void describeShortcut(QShortcut& shortcut, const QString& where, const QString& what) {
    shortcut.setWhatsThis(what);
    shortcut.setProperty(kWhere, where);
}

void describeViewKeys(QWidget& view, const QString& where,
                      const std::vector<std::pair<QString, QString>>& keys) {
    QStringList flat;
    for (const auto& [key, what] : keys) flat << key << what;
    view.setProperty(kWhere, where);
    view.setProperty(kViewKeys, flat);
}

std::vector<ShortcutEntry> listShortcuts(const QMainWindow& window) {
    std::vector<ShortcutEntry> entries;
    QSet<const QAction*> seen;
    if (const QMenuBar* bar = window.menuBar())
        for (const QAction* top : bar->actions())
            if (const QMenu* menu = top->menu()) addMenu(*menu, withoutMnemonic(top->text()), entries, seen);
    // Actions with keys that are in no menu (added to the window or a panel for their shortcut).
    for (const QAction* action : window.findChildren<QAction*>())
        if (!seen.contains(action) && !action->menu() && !action->shortcuts().isEmpty()) {
            entries.push_back({QObject::tr("Window"), withoutMnemonic(action->text()),
                               keysOf(action->shortcuts()), action});
            seen.insert(action);
        }
    // The in-view keys, once each, however many views share them.
    QSet<QString> described;
    auto addOnce = [&](const QString& where, const QString& what, const QString& keys) {
        if (described.contains(where + keys + what)) return;
        described.insert(where + keys + what);
        entries.push_back({where, what, keys, nullptr});
    };
    for (const QShortcut* shortcut : window.findChildren<QShortcut*>())
        if (!shortcut->whatsThis().isEmpty())
            addOnce(shortcut->property(kWhere).toString(), shortcut->whatsThis(), keysOf(shortcut->keys()));
    for (const QWidget* view : window.findChildren<QWidget*>()) {
        const QStringList flat = view->property(kViewKeys).toStringList();
        for (int i = 0; i + 1 < flat.size(); i += 2)
            addOnce(view->property(kWhere).toString(), flat[i + 1], flat[i]);
    }
    return entries;
}

} // namespace attnlab::ui
