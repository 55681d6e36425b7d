#pragma once
// View > Theme: System, Light or Dark, remembered between sessions (QSettings "view/theme").
class QMenu;

namespace attnlab::ui {

// Adds the submenu to `view` and applies the remembered choice.
void addThemeMenu(QMenu& view);

} // namespace attnlab::ui
