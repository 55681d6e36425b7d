#include "ui/plots/HeatmapColoursMenu.h"

#include "ui/plots/HeatmapColourChoice.h"

#include <QActionGroup>
#include <QMenu>
#include <QSettings>

namespace attnlab::ui {

namespace {
constexpr const char* kSettingsKey = "view/heatmapColours";
}

void addHeatmapColoursMenu(QMenu& view) {
    HeatmapColourChoice& choice = HeatmapColourChoice::instance();
    const QString remembered = QSettings().value(kSettingsKey).toString();
    QMenu* menu = view.addMenu(QObject::tr("Heatmap &Colours"));
    menu->setObjectName(QStringLiteral("heatmapColoursMenu"));
    auto* group = new QActionGroup(menu);
    group->setExclusive(true);
    const std::pair<HeatmapColours, QString> entries[] = {
        {HeatmapColours::Viridis, QObject::tr("&Viridis (default)")},
        {HeatmapColours::Cividis, QObject::tr("&Cividis (red–green colour blindness)")},
        {HeatmapColours::Greyscale, QObject::tr("&Greyscale (print, washed-out projectors)")},
    };
    for (const auto& [colours, label] : entries) {
        QAction* action = menu->addAction(label);
        action->setObjectName(QStringLiteral("heatmapColours_") + heatmapColoursName(colours));
        action->setCheckable(true);
        group->addAction(action);
        if (heatmapColoursName(colours) == remembered) choice.set(colours);
        action->setChecked(choice.current() == colours);
        QObject::connect(action, &QAction::triggered, menu, [colours] {
            HeatmapColourChoice::instance().set(colours);
            QSettings().setValue(kSettingsKey, heatmapColoursName(colours));
        });
    }
}

} // namespace attnlab::ui
