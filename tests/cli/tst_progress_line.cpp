// The progress line: a bar redrawn in place on a terminal, occasional plain lines elsewhere.
#include "app/cli/ProgressLine.h"

#include <QtTest>

#include <cmath>
#include <sstream>

using namespace attnlab::cli;

class TestProgressLine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void plainLinesAreThrottled();
    void terminalBarIsRedrawnInPlace();
    void clearOnlyErasesADrawnBar();
};

void TestProgressLine::plainLinesAreThrottled() {
    std::ostringstream out;
    ProgressLine line(out, false);
    line.update(0.1, "first");
    QCOMPARE(QString::fromStdString(out.str()), QString()); // a log gets a line only after ~5 s
    line.update(0.456, "forced", true);
    QCOMPARE(QString::fromStdString(out.str()), QString(" 45%  forced\n"));
    line.update(0.5, "too soon");
    line.clear(); // nothing to erase in a log
    QCOMPARE(QString::fromStdString(out.str()), QString(" 45%  forced\n"));
}

void TestProgressLine::terminalBarIsRedrawnInPlace() {
    std::ostringstream out;
    ProgressLine line(out, true);
    line.update(0.5, "step 5/10");
    const QString text = QString::fromStdString(out.str());
    QVERIFY(text.startsWith("\r\033[K["));
    QVERIFY(text.endsWith("]  50%  step 5/10"));
    const int filled = text.count('#');
    const int empty = text.count('-');
    QVERIFY(filled + empty >= 10);
    QCOMPARE(filled, static_cast<int>(std::round(0.5 * (filled + empty))));
    line.update(0.6, "too soon"); // within 100 ms: skipped
    QCOMPARE(QString::fromStdString(out.str()), text);
    line.update(1.5, "done", true); // clamped to 100%
    QVERIFY(QString::fromStdString(out.str()).endsWith("] 100%  done"));
}

void TestProgressLine::clearOnlyErasesADrawnBar() {
    std::ostringstream out;
    {
        ProgressLine line(out, true);
        line.clear();
        QCOMPARE(QString::fromStdString(out.str()), QString());
        line.update(0.2, "x", true);
        out.str("");
        line.clear();
        QCOMPARE(QString::fromStdString(out.str()), QString("\r\033[K"));
        out.str("");
        line.clear(); // already clean
        QCOMPARE(QString::fromStdString(out.str()), QString());
        line.update(0.3, "y", true);
        out.str("");
    } // the destructor leaves a clean line behind
    QCOMPARE(QString::fromStdString(out.str()), QString("\r\033[K"));
}

QTEST_APPLESS_MAIN(TestProgressLine)
#include "tst_progress_line.moc"
