// attnlab: the desktop application.
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName("AttnLab");
    QApplication::setOrganizationName("AttnLab");
    QApplication::setApplicationVersion(QStringLiteral(ATTNLAB_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription("A laboratory for attention in recurrent networks.");
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption dataset("dataset", "Shipped dataset name or TSV/CSV file to open.", "name-or-file");
    parser.addOption(dataset);
    parser.process(app);

    attnlab::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
