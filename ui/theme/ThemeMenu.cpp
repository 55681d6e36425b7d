#include "ui/theme/ThemeMenu.h"

#include "ui/theme/AppTheme.h"

#include <QActionGroup>
#include <QMenu>
#include <QSettings>

namespace attnlab::ui {

namespace {
constexpr const char* kSettingsKey = "view/theme";
}

void addThemeMenu(QMenu& view) {
    AppTheme& theme = AppTheme::instance();
    theme.set(themeFromName(QSettings().value(kSettingsKey).toString()));
    QMenu* menu = view.addMenu(QObject::tr("&Theme"));
    menu->setObjectName(QStringLiteral("themeMenu"));
    auto* group = new QActionGroup(menu);
    group->setExclusive(true);
    const std::pair<Theme, QString> entries[] = {
        {Theme::System, QObject::tr("&System (follows the desktop)")},
        {Theme::Light, QObject::tr("&Light")},
        {Theme::Dark, QObject::tr("&Dark")},
    };
    for (const auto& [choice, label] : entries) {
        QAction* action = menu->addAction(label);
        action->setObjectName(QStringLiteral("theme_") + themeName(choice));
        action->setCheckable(true);
        action->setChecked(theme.current() == choice);
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, menu, [choice] {
            AppTheme::instance().set(choice);
            QSettings().setValue(kSettingsKey, themeName(choice));
        });
        // Another window's menu (or a test) may change the theme: every menu shows the current one.
        QObject::connect(&theme, &AppTheme::changed, action,
                         [action, choice](Theme now) { action->setChecked(now == choice); });
    }
}

} // namespace attnlab::ui
