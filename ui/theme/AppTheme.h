#pragma once
// The window's theme, chosen in View > Theme and remembered between sessions: System (the style
// and palette the platform gives, dark or light as the desktop is set), Light (Fusion's light
// palette) or Dark (a Fusion dark palette). One choice for the whole program; it is applied to the
// application, so every widget, and every plot through PlotTheme, follows at once.
#include <QObject>
#include <QPalette>
#include <QString>

namespace attnlab::ui {

enum class Theme { System, Light, Dark };

QString themeName(Theme theme);           // "system", "light", "dark" (the settings' spelling)
Theme themeFromName(const QString& name); // System for anything else

class AppTheme : public QObject {
    Q_OBJECT
public:
    static AppTheme& instance(); // GUI thread only; remembers the platform's style and palette

    Theme current() const { return m_current; }
    void set(Theme theme);

    static QPalette lightPalette();
    static QPalette darkPalette();

Q_SIGNALS:
    void changed(attnlab::ui::Theme theme);

private:
    AppTheme();
    Theme m_current = Theme::System;
    QString m_platformStyle; // what the platform chose before any theme was applied
};

} // namespace attnlab::ui
