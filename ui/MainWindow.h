#pragma once
// The application window. It only assembles panels, menus and the status bar; the panels do the work.
#include <QMainWindow>

class QLabel;

namespace attnlab::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

private:
    void createMenus();
    void createStatusBar();
    void showAbout();

    QLabel* m_datasetLabel = nullptr;
    QLabel* m_modelLabel = nullptr;
    QLabel* m_trainingLabel = nullptr;
};

} // namespace attnlab::ui
