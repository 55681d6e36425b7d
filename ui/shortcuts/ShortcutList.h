#pragma once
// Every key the window answers to, read from the window itself: the actions of its menus (by
// menu path), its other actions, QShortcuts that say what they do, and the keys views handle
// themselves (arrows in the beam explorer) as those views describe them. Help > Keyboard
// Shortcuts shows this list, so it cannot drift from the code.
#include <QString>

#include <utility>
#include <vector>

class QAction;
class QMainWindow;
class QShortcut;
class QWidget;

namespace attnlab::ui {

struct ShortcutEntry {
    QString where;                   // "File > Export", "Window", "Mechanism tab"
    QString what;                    // the action's text without its mnemonic marker
    QString keys;                    // "Ctrl+T, F5"; empty when the entry has only a mnemonic
    const QAction* action = nullptr; // the action listed, when the entry is one
};

std::vector<ShortcutEntry> listShortcuts(const QMainWindow& window);

// "&Save Model…" -> "Save Model…" ("&&" stays a literal "&").
QString withoutMnemonic(const QString& text);

// Describes a QShortcut for the list: what it does, in which part of the window.
void describeShortcut(QShortcut& shortcut, const QString& where, const QString& what);
// Describes keys a view handles itself (keyPressEvent): {key, what it does} pairs.
void describeViewKeys(QWidget& view, const QString& where,
                      const std::vector<std::pair<QString, QString>>& keys);

} // namespace attnlab::ui
