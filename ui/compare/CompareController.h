#pragma once
// The window's side of the Compare tab: its menu commands (New Comparison, Open and Save
// Experiment, the exports) and the routing of the window's one set of training controls to the
// comparison while the tab is in front. MainWindow creates it and asks it whether it is active.
#include "ui/session/CompareSession.h"

#include <QObject>
#include <QString>

#include <functional>

class QMenu;
class QTabWidget;
class QWidget;

namespace attnlab::ui {

class CompareWorkspace;
class SettingsPanel;
class TrainingControls;

class CompareController : public QObject {
    Q_OBJECT
public:
    // Asks where to save or open (title, suggested name, filter); empty when cancelled. File
    // dialogs by default; tests answer themselves.
    using FileQuestion =
        std::function<QString(const QString& title, const QString& name, const QString& filter)>;

    CompareController(QTabWidget& tabs, TrainingControls& controls, SettingsPanel& settings, QWidget* window);

    CompareSession* session() const { return m_session; }
    CompareWorkspace* workspace() const { return m_workspace; }
    bool isActive() const; // the Compare tab is in front
    void setFileQuestions(FileQuestion open, FileQuestion save);

    // Adds New Comparison, Open Experiment and Save Experiment to `file`, and the exports to `exports`.
    void addActions(QMenu& file, QMenu& exports);
    void setDataset(std::shared_ptr<const Dataset> dataset, const PrepareOptions& prepare);

    // The training controls' requests while the tab is in front.
    void train();
    void pause();
    void resume();
    void step();
    void stop();
    void reset();

    void newComparison();
    // Opens an experiment file; false (and the workspace as it was) with a message naming the
    // file, the line and what was wrong.
    bool openExperiment(const QString& path, QString* problem);
    // Saves the table, records and, when the runs were trained here, each model beside it as
    // <run>.safetensors. Not while training.
    bool saveExperiment(const QString& path, QString* problem);

Q_SIGNALS:
    void status(const QString& text);
    void activated(bool active); // the Compare tab came to the front, or left it

private:
    void showState();
    void exportView(const QString& what, const QString& name,
                    const std::function<bool(const QString&, QString*)>& save);

    QTabWidget& m_tabs;
    TrainingControls& m_controls;
    SettingsPanel& m_settings;
    QWidget* m_window;
    CompareSession* m_session = nullptr;
    CompareWorkspace* m_workspace = nullptr;
    FileQuestion m_askOpen;
    FileQuestion m_askSave;
    bool m_wasActive = false; // the Compare tab was in front at the last tab change
};

} // namespace attnlab::ui
