// A 100 MB dataset loads holding one copy of its text: the reader streams line by line into one
// reserved buffer, never slurping the file or keeping per-pair strings.
#include "core/data/DatasetReader.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sys/resource.h>

using namespace attnlab;

namespace {

// Peak resident set size of this process so far, in bytes (Linux reports KiB).
std::int64_t peakResidentBytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<std::int64_t>(usage.ru_maxrss) * 1024;
}

} // namespace

class TestLargeDataset : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hundredMegabytesInOneCopy();
};

void TestLargeDataset::hundredMegabytesInOneCopy() {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    QSKIP("a sanitizer's shadow memory and quarantine make peak memory say nothing about the loader");
#endif
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("large.tsv").toStdString();
    constexpr std::int64_t Target = 100ll << 20;
    // Lines of 1000 bytes: 600 source + tab + 398 target + newline, varied letters.
    std::int64_t written = 0, lines = 0;
    {
        std::ofstream out(path, std::ios::binary);
        std::string line(1000, 'a');
        line[600] = '\t';
        line[999] = '\n';
        while (written < Target) {
            for (int k = 0; k < 999; ++k)
                if (k != 600)
                    line[static_cast<std::size_t>(k)] = static_cast<char>('a' + (k * 7 + lines) % 26);
            out.write(line.data(), static_cast<std::streamsize>(line.size()));
            written += static_cast<std::int64_t>(line.size());
            ++lines;
        }
        QVERIFY(out.good());
    }
    const std::int64_t before = peakResidentBytes();
    const Dataset d = loadDataset(path);
    const std::int64_t growth = peakResidentBytes() - before;

    QCOMPARE(static_cast<std::int64_t>(d.size()), lines);
    QCOMPARE(static_cast<std::int64_t>(d.textBytes()), lines * 998);
    QCOMPARE(d.report().bytesRead, written);
    QCOMPARE(d.source(0).size(), std::size_t(600));
    QCOMPARE(d.target(static_cast<int>(lines - 1)).size(), std::size_t(398));
    // One copy of the text plus a 40-byte record per pair, with slack for the allocator; two
    // copies would need at least twice the file.
    const double ratio = static_cast<double>(growth) / static_cast<double>(written);
    qInfo("loaded %lld bytes, peak memory grew by %lld bytes (%.2f x the file)",
          static_cast<long long>(written), static_cast<long long>(growth), ratio);
    QVERIFY2(ratio < 1.25, qPrintable(QString("peak memory grew by %1 x the file size").arg(ratio)));
}

QTEST_APPLESS_MAIN(TestLargeDataset)
#include "tst_large_dataset.moc"
