// The plain-text tables of eval and compare: columns as wide as their widest cell (in code
// points), numbers right-aligned, no trailing blanks.
#include "app/cli/TextTable.h"

#include <QtTest>

#include <sstream>

using namespace attnlab::cli;

class TestTextTable : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void alignsColumns();
    void countsCodePointsNotBytes();
    void refusesARowOfTheWrongSize();
};

void TestTextTable::alignsColumns() {
    TextTable table({"scorer", "params", "note"},
                    {TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Left});
    table.addRow({"dot", "5,161", ""});
    table.addRow({"general", "5,417", "best"});
    std::ostringstream out;
    table.print(out, "> ");
    QCOMPARE(QString::fromStdString(out.str()), QString("> scorer   params  note\n"
                                                        "> dot       5,161\n"
                                                        "> general   5,417  best\n"));
    QCOMPARE(table.rows(), 2);
}

void TestTextTable::countsCodePointsNotBytes() {
    TextTable table({"t", "w"}, {TextTable::Align::Left, TextTable::Align::Right});
    table.addRow({"é", "1"});
    table.addRow({"ab", "10"});
    std::ostringstream out;
    table.print(out);
    QCOMPARE(QString::fromUtf8(out.str().c_str()), QString::fromUtf8("t    w\n"
                                                                     "é    1\n"
                                                                     "ab  10\n"));
}

void TestTextTable::refusesARowOfTheWrongSize() {
    TextTable table({"a", "b"}, {TextTable::Align::Left, TextTable::Align::Left});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, table.addRow({"only one"}));
}

QTEST_APPLESS_MAIN(TestTextTable)
#include "tst_text_table.moc"
