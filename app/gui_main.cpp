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
    parser.addPositionalArgument("file", "A session (.attnlab) or a dataset file to open (as --dataset).",
                                 "[file]");
    parser.process(app);

    attnlab::ui::MainWindow window;
    window.show();
    const QStringList files = parser.positionalArguments();
    // A session from the file manager (attnlab.desktop, resources/attnlab-mime.xml) or the shell;
    // when it cannot be opened the window says why and starts on the default dataset.
    if (!files.isEmpty() && files.first().endsWith(".attnlab", Qt::CaseInsensitive)) {
        if (!window.openSession(files.first())) window.openDataset(parser.value(dataset));
    } else {
        window.openDataset(files.isEmpty() ? parser.value(dataset) : files.first());
    }
    return QApplication::exec();
}
