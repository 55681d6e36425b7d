// The window's menus, status bar and About box (MainWindow.cpp assembles the rest).
#include "ui/MainWindow.h"

#include "ui/compare/CompareController.h"
#include "ui/panels/ElidedLabel.h"
#include "ui/panels/TrainingControls.h"
#include "ui/plots/HeatmapColoursMenu.h"
#include "ui/plots/LossPlot.h"
#include "ui/shortcuts/ShortcutsDialog.h"
#include "ui/shortcuts/TabShortcuts.h"
#include "ui/theme/ThemeMenu.h"

#include <QDockWidget>
#include <QFrame>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace attnlab::ui {

void MainWindow::createActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Open &Dataset…"), QKeySequence::Open, this, &MainWindow::openDatasetFile);
    file->addAction(tr("Open &Model…"), QKeySequence(tr("Ctrl+Shift+O")), this, &MainWindow::openModelFile);
    QAction* save = file->addAction(tr("&Save Model…"), QKeySequence::Save, this, &MainWindow::saveModelFile);
    save->setObjectName("saveModelAction");
    file->addSeparator();
    file->addAction(tr("Open Sessio&n…"), QKeySequence(tr("Ctrl+Alt+O")), this, &MainWindow::openSessionFile);
    QAction* saveSession = file->addAction(tr("Save Sess&ion…"), QKeySequence(tr("Ctrl+Shift+S")), this,
                                           &MainWindow::saveSessionFile);
    saveSession->setObjectName("saveSessionAction");
    file->addSeparator();
    QMenu* exportMenu = file->addMenu(tr("&Export"));
    exportMenu->addAction(tr("&Loss Plot as Image…"), this, &MainWindow::exportLossPlot);
    exportMenu->addAction(tr("&Heatmap as Image…"), this, &MainWindow::exportHeatmap);
    exportMenu->addAction(tr("Loss History as &CSV…"), this, &MainWindow::exportLossCsv);
    exportMenu->addAction(tr("&Attention Matrix as CSV…"), this, &MainWindow::exportAttentionCsv);
    file->addSeparator();
    m_compare->addActions(*file, *exportMenu);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* training = menuBar()->addMenu(tr("&Training"));
    for (QAction* action : {m_controls->trainAction(), m_controls->pauseAction(), m_controls->stepAction(),
                            m_controls->stopAction(), m_controls->resetAction()}) {
        training->addAction(action);
        addAction(action); // shortcuts work wherever the focus is
    }

    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_logScaleAction = view->addAction(tr("Logarithmic Loss &Axis"));
    m_logScaleAction->setCheckable(true);
    m_logScaleAction->setShortcut(QKeySequence(tr("Ctrl+L")));
    connect(m_logScaleAction, &QAction::toggled, m_lossPlot, &LossPlot::setLogScale);
    addHeatmapColoursMenu(*view);
    addThemeMenu(*view);
    view->addAction(tr("&Reset Plot View"), m_lossPlot, &LossPlot::resetView);
    // Ctrl+1..N bring the central tabs to the front, however many there are.
    QMenu* tabs = view->addMenu(tr("&Go to Tab"));
    tabs->setObjectName("goToTabMenu");
    new TabShortcuts(*m_tabs, *tabs, *this);
    view->addSeparator();
    // The panels, each with a mnemonic of its own (the dock titles have none).
    const std::pair<const char*, QString> panels[] = {{"datasetDock", tr("&Dataset Panel")},
                                                      {"settingsDock", tr("&Model and Training Panel")},
                                                      {"pinnedDock", tr("&Pinned Pairs Panel")}};
    for (const auto& [name, text] : panels) {
        QDockWidget* d = findChild<QDockWidget*>(name);
        if (!d) continue;
        d->toggleViewAction()->setText(text);
        view->addAction(d->toggleViewAction());
    }
    // Any other panel (Lessons, which Help names and F1 opens) keeps its own text.
    for (QDockWidget* d : findChildren<QDockWidget*>())
        if (!view->actions().contains(d->toggleViewAction())) view->addAction(d->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    // Help > Lessons (F1): pages inside the window, each with "Set it up" (createPanels).
    QAction* lessonsAction = findChild<QDockWidget*>("lessonsDock")->toggleViewAction();
    lessonsAction->setText(tr("&Lessons"));
    lessonsAction->setShortcut(QKeySequence(Qt::Key_F1));
    lessonsAction->setObjectName("lessonsAction");
    help->addAction(lessonsAction);
    QAction* keys = help->addAction(tr("&Keyboard Shortcuts"), QKeySequence(tr("Ctrl+/")), this, [this] {
        auto* dialog = new ShortcutsDialog(*this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    keys->setObjectName("keyboardShortcutsAction");
    help->addAction(tr("&About AttnLab"), this, &MainWindow::showAbout);
}

void MainWindow::createStatusBar() {
    m_datasetLabel = new ElidedLabel(this);
    m_modelLabel = new ElidedLabel(this);
    m_trainingLabel = new QLabel(tr("Idle"), this);
    m_datasetLabel->setObjectName("datasetStatus");
    m_modelLabel->setObjectName("modelStatus");
    m_trainingLabel->setObjectName("trainingStatus");
    m_datasetLabel->setFullText(tr("No dataset"));
    m_modelLabel->setFullText(tr("No model"));
    // Without a line between them the two read as one sentence ("6000 pairs No model").
    auto* separator = new QFrame(this);
    separator->setObjectName("statusSeparator");
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);
    statusBar()->addWidget(m_datasetLabel);
    statusBar()->addWidget(separator);
    statusBar()->addWidget(m_modelLabel, 1);
    statusBar()->addPermanentWidget(m_trainingLabel);
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About AttnLab"),
                       tr("<b>AttnLab %1</b><p>A laboratory for attention in recurrent networks: "
                          "train LSTM encoder-decoders with attention and look inside.</p>")
                           .arg(QStringLiteral(ATTNLAB_VERSION)));
}

} // namespace attnlab::ui
