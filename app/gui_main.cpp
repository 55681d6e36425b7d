// attnlab: the desktop application.
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName("AttnLab");
    QApplication::setOrganizationName("AttnLab");
    QApplication::setApplicationVersion(QStringLiteral(ATTNLAB_VERSION));
    QApplication::setWindowIcon(QIcon(":/attnlab/attnlab.svg"));

    QCommandLineParser parser;
    parser.setApplicationDescription("A laboratory for attention in recurrent networks.");
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption dataset("dataset", "Shipped dataset name or TSV/CSV file to open (default: dates).",
                               "name-or-file", "dates");
    parser.addOption(dataset);
    parser.addPositionalArgument("file", "A dataset file to open (same as --dataset).", "[file]");
    parser.process(app);

    attnlab::ui::MainWindow window;
    window.show();
    const QStringList files = parser.positionalArguments();
    window.openDataset(files.isEmpty() ? parser.value(dataset) : files.first());
    return QApplication::exec();
}
