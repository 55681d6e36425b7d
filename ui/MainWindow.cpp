#include "ui/MainWindow.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace attnlab::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("AttnLab"));
    setObjectName("MainWindow");
    createMenus();
    createStatusBar();
    resize(1280, 800);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName("fileMenu");
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName("helpMenu");
    help->addAction(tr("&About AttnLab"), this, &MainWindow::showAbout);
}

void MainWindow::createStatusBar() {
    m_datasetLabel = new QLabel(tr("No dataset"), this);
    m_modelLabel = new QLabel(tr("No model"), this);
    m_trainingLabel = new QLabel(tr("Idle"), this);
    statusBar()->addWidget(m_datasetLabel);
    statusBar()->addWidget(m_modelLabel);
    statusBar()->addPermanentWidget(m_trainingLabel);
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About AttnLab"),
                       tr("<b>AttnLab %1</b><p>A laboratory for attention in recurrent networks: "
                          "train LSTM encoder-decoders with attention and look inside.</p>")
                           .arg(QStringLiteral(ATTNLAB_VERSION)));
}

} // namespace attnlab::ui
