// The engine must build and run without Qt: no file under core/ may include a Qt header.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

class TestCoreHasNoQt : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void noQtIncludes();
};

void TestCoreHasNoQt::noQtIncludes() {
    const QString root = qEnvironmentVariable("ATTNLAB_SOURCE_DIR") + "/core";
    QVERIFY2(QFileInfo(root).isDir(), qPrintable("no core directory at " + root));
    const QRegularExpression qtInclude(R"(^\s*#\s*include\s*[<"](Q[A-Za-z]+|Qt[A-Za-z]*/[^>"]*)[>"])",
                                       QRegularExpression::MultilineOption);
    QStringList offenders;
    int scanned = 0;
    QDirIterator it(root, {"*.h", "*.hpp", "*.cpp"}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        ++scanned;
        auto match = qtInclude.match(text);
        if (match.hasMatch()) offenders << path + ": " + match.captured(0).trimmed();
    }
    QVERIFY2(scanned > 5, "expected to scan the core sources");
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join('\n')));
}

QTEST_APPLESS_MAIN(TestCoreHasNoQt)
#include "tst_core_has_no_qt.moc"
