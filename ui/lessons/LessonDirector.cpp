#include "ui/lessons/LessonDirector.h"

#include "core/data/Dataset.h"
#include "ui/MainWindow.h"
#include "ui/compare/CompareController.h"
#include "ui/compare/CompareWorkspace.h"
#include "ui/compare/RunPicker.h"
#include "ui/panels/DatasetPanel.h"
#include "ui/panels/SettingsPanel.h"
#include "ui/session/TrainingSession.h"

#include <QScrollArea>
#include <QTabWidget>

namespace attnlab::ui {

LessonDirector::LessonDirector(MainWindow& window) : QObject(&window), m_window(window) {
    // After the window's own handling of a new dataset (its recommended settings), which was
    // connected first.
    connect(window.datasetPanel(), &DatasetPanel::datasetLoaded, this, [this] {
        if (m_pending) finish();
    });
}

void LessonDirector::setUp(const Lesson& lesson) {
    if (m_window.session()->isRunning() || m_window.compare()->session()->isRunning()) {
        Q_EMIT status(
            tr("Stop the training first: setting up a lesson changes the dataset and the settings."));
        return;
    }
    m_pending = lesson;
    m_window.settingsPanel()->restoreDefaults(); // the dataset's recommendations then apply as they are
    const auto current = m_window.datasetPanel()->dataset();
    if (current && QString::fromStdString(current->name()) == lesson.setup.dataset) return finish();
    Q_EMIT status(tr("Opening %1 for the lesson…").arg(lesson.setup.dataset));
    m_window.openDataset(lesson.setup.dataset);
}

void LessonDirector::finish() {
    const Lesson lesson = *m_pending;
    m_pending.reset();
    const LessonSetup& setup = lesson.setup;
    if (setup.defaults) {
        ModelConfig config;
        TrainingSettings settings;
        if (setup.epochs > 0) settings.epochs = setup.epochs;
        if (setup.hidden > 0) config.hidden = setup.hidden;
        m_window.settingsPanel()->setFromModel(config, settings);
    }
    if (!setup.compareScorers.empty()) {
        RunPicker& picker = *m_window.compare()->workspace()->picker();
        picker.setAllScorersChecked(false);
        for (ScorerKind scorer : setup.compareScorers) picker.setScorerChecked(scorer, true);
    }
    QTabWidget& tabs = *m_window.centralTabs();
    switch (setup.tab) {
    case LessonSetup::Tab::Train:
        tabs.setCurrentIndex(0);
        break;
    case LessonSetup::Tab::Compare:
        tabs.setCurrentWidget(m_window.compare()->workspace());
        break;
    case LessonSetup::Tab::Mechanism:
        tabs.setCurrentWidget(m_window.findChild<QScrollArea*>(QStringLiteral("mechanismScroll")));
        break;
    }
    Q_EMIT ready(lesson.title);
    Q_EMIT status(tr("Set up for “%1”.").arg(lesson.title));
}

} // namespace attnlab::ui
