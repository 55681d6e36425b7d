// The shipped datasets: files equal to their generator's output, README files, and one API
// (openDataset) for shipped names and user paths.
#include "DataTestSupport.h"

#include "core/data/DatasetReader.h"
#include "core/data/ShippedDatasets.h"
#include "core/data/TaskGenerators.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using namespace attnlab;

namespace {
std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}
} // namespace

class TestShippedDatasets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void catalogue();
    void fileMatchesGenerator_data();
    void fileMatchesGenerator();
    void openByName_data();
    void openByName();
    void generatedInMemoryIsIdentical_data();
    void generatedInMemoryIsIdentical();
    void reversedShippedDataset();
    void otherNamesArePaths();
    void readmes();
};

void TestShippedDatasets::catalogue() {
    QCOMPARE(shippedDatasets().size(), std::size_t(12));
    std::vector<ShippedDataset> all; // the text tasks; spoken, spoken_long and shapes are media
    for (const ShippedDataset& d : shippedDatasets()) {
        if (d.input == InputKind::Tokens) {
            all.push_back(d);
            continue;
        }
        QVERIFY2(!isTaskName(d.name), d.name.c_str());
        QCOMPARE(shippedDatasetFile(d), std::string()); // generated on the machine, never a file
        QVERIFY(d.defaultCount >= 500 && d.defaultCount <= 10000);
        QCOMPARE(d.recommended.bidirectional, std::optional<bool>(true));
    }
    QCOMPARE(all.size(), std::size_t(9));
    QCOMPARE(taskNames().size(), all.size());
    for (const ShippedDataset& d : all) {
        QVERIFY2(isTaskName(d.name), d.name.c_str());
        QVERIFY(d.defaultCount >= 2000 && d.defaultCount <= 10000);
        QVERIFY(!d.description.empty() && d.description.find('\n') == std::string::npos);
        QCOMPARE(findShippedDataset(d.name)->name, d.name);
    }
    QCOMPARE(findShippedDataset("numbers")->targetTokens, Tokenization::Word);
    QCOMPARE(findShippedDataset("numbers")->sourceTokens, Tokenization::Char);
    QCOMPARE(findShippedDataset("translation")->sourceTokens, Tokenization::Word);
    QVERIFY(!findShippedDataset("eng-fra"));
    // Issue 15's label kinds; every other shipped dataset is pairs.
    QCOMPARE(findShippedDataset("sentiment")->task, TaskKind::Classification);
    QCOMPARE(findShippedDataset("entailment")->task, TaskKind::Entailment);
    for (const ShippedDataset& d : shippedDatasets()) {
        QCOMPARE(generatedTaskKind(d.name), d.task);
        if (d.name != "sentiment" && d.name != "entailment") QCOMPARE(d.task, TaskKind::Pairs);
    }
    // copy_long alone brings settings of its own (Figure 2 of Bahdanau et al. in a few minutes);
    // the others, dates first, train with the general defaults.
    const RecommendedSettings& copyLong = findShippedDataset("copy_long")->recommended;
    QCOMPARE(copyLong.bidirectional, std::optional<bool>(true));
    QCOMPARE(copyLong.batchSize, std::optional<int>(32));
    QCOMPARE(copyLong.epochs, std::optional<int>(7));
    QCOMPARE(copyLong.learningRate, std::optional<double>(3e-3));
    const RecommendedSettings& headlines = findShippedDataset("headlines")->recommended;
    QCOMPARE(headlines.epochs, std::optional<int>(20));
    QCOMPARE(headlines.learningRate, std::optional<double>(3e-3));
    // sentiment: scaled dot shares its weight between "not" and the adjective it negates
    QCOMPARE(findShippedDataset("sentiment")->recommended.scorer,
             std::optional<ScorerKind>(ScorerKind::ScaledDot));
    for (const ShippedDataset& d : all)
        if (d.name != "copy_long" && d.name != "headlines" && d.name != "sentiment")
            QVERIFY2(d.recommended.empty(), d.name.c_str());
    // shapes opens as an image dataset: features per scene, links over its cells.
    const Dataset shapes = openDataset("shapes");
    QCOMPARE(shapes.input().kind, InputKind::Image);
    QCOMPARE(shapes.size(), 6000);
    QVERIFY(shapes.hasAlignments());
    for (int i = 0; i < 50; ++i) {
        QCOMPARE(shapes.features(i)->columns, 36);
        QCOMPARE(shapes.features(i)->rows, 8 * 8 * 3);
        QCOMPARE(shapes.media(i)->image.width, 48);
        for (const AlignmentLink& link : shapes.alignment(i)) QVERIFY(link.source < 36);
    }
    QCOMPARE(datasetsDirectory(), std::string(ATTNLAB_SHIPPED_DATASETS));
}

void TestShippedDatasets::fileMatchesGenerator_data() {
    QTest::addColumn<QString>("name");
    for (const ShippedDataset& d : shippedDatasets())
        if (d.input == InputKind::Tokens) QTest::newRow(d.name.c_str()) << QString::fromStdString(d.name);
}

void TestShippedDatasets::fileMatchesGenerator() {
    QFETCH(QString, name);
    const ShippedDataset& shipped = *findShippedDataset(name.toStdString());
    const std::string path = shippedDatasetPath(shipped.name + ".tsv");
    QCOMPARE(shippedDatasetFile(shipped), path);
    const std::string text = readFile(path);
    const std::optional<TaskHeader> header = parseTaskHeader(text.substr(0, text.find('\n')));
    QVERIFY2(header, "the first line must be the generator header");
    QCOMPARE(header->name, shipped.name);
    QCOMPARE(header->count, shipped.defaultCount);
    QCOMPARE(header->seed, shipped.seed);
    // The whole file, byte for byte, is what the generator writes for the stated seed and count.
    std::ostringstream expected;
    writeTaskTsv(expected, header->name, header->count, header->seed);
    QVERIFY2(text == expected.str(),
             "the shipped file drifted from its generator: regenerate it with attnlab-cli generate");
}

void TestShippedDatasets::openByName_data() {
    fileMatchesGenerator_data();
}

void TestShippedDatasets::openByName() {
    QFETCH(QString, name);
    const ShippedDataset& shipped = *findShippedDataset(name.toStdString());
    DatasetOptions options; // the task's own tokenisation replaces these
    options.sourceTokens = Tokenization::Word;
    options.targetTokens = Tokenization::Char;
    const Dataset d = openDataset(shipped.name, options);
    QCOMPARE(d.name(), shipped.name);
    QCOMPARE(d.path(), shippedDatasetPath(shipped.name + ".tsv"));
    QCOMPARE(d.size(), shipped.defaultCount);
    QVERIFY(d.hasAlignments());
    QCOMPARE(d.options().sourceTokens, shipped.sourceTokens);
    QCOMPARE(d.options().targetTokens, shipped.targetTokens);
    QCOMPARE(d.task(), shipped.task);
    // The header, and for the label kinds the "# task:" line that makes the file read as one.
    const int comments = isLabelTask(shipped.task) ? 2 : 1;
    QCOMPARE(d.report().commentLines, std::int64_t(comments));
    QCOMPARE(d.lineNumber(0), std::int64_t(comments + 1));
    const std::vector<TextPair> generated = generateTask(shipped.name, 50, shipped.seed);
    for (int i = 0; i < 50; ++i) QCOMPARE(d.pair(i), generated[static_cast<std::size_t>(i)]);
}

void TestShippedDatasets::generatedInMemoryIsIdentical_data() {
    QTest::addColumn<QString>("name");
    for (const char* name : {"numbers", "sentiment", "entailment"}) QTest::newRow(name) << QString(name);
}

void TestShippedDatasets::generatedInMemoryIsIdentical() {
    QFETCH(QString, name);
    const ShippedDataset& shipped = *findShippedDataset(name.toStdString());
    const Dataset fromFile = openShippedDataset(shipped, ATTNLAB_SHIPPED_DATASETS);
    const Dataset generated = openShippedDataset(shipped, "/nonexistent/attnlab/datasets");
    QVERIFY(generated.path().empty());
    QCOMPARE(generated.name(), shipped.name);
    QCOMPARE(generated.task(), shipped.task);
    QCOMPARE(fromFile.task(), shipped.task);
    QCOMPARE(generated.size(), fromFile.size());
    QCOMPARE(generated.textBytes(), fromFile.textBytes());
    QCOMPARE(generated.report().linesRead, fromFile.report().linesRead);
    QCOMPARE(generated.report().bytesRead, fromFile.report().bytesRead);
    for (int i = 0; i < fromFile.size(); ++i) {
        QCOMPARE(generated.pair(i), fromFile.pair(i));
        QCOMPARE(generated.lineNumber(i), fromFile.lineNumber(i));
    }
}

void TestShippedDatasets::reversedShippedDataset() {
    DatasetOptions options;
    options.reverse = true;
    const Dataset d = openDataset("numbers", options);
    QCOMPARE(d.options().sourceTokens, Tokenization::Word);
    QCOMPARE(d.options().targetTokens, Tokenization::Char);
    const TextPair first = generateTask("numbers", 1, 1).front();
    QCOMPARE(d.source(0), std::string_view(first.target));
    QCOMPARE(d.target(0), std::string_view(first.source));
    QCOMPARE(links(d, 0), transposeAlignment(first.alignment));
}

void TestShippedDatasets::otherNamesArePaths() {
    const Dataset d = openDataset(testDataset("basic.tsv"));
    QCOMPARE(d.size(), 2);
    try {
        openDataset("eng-fra");
        QFAIL("no error");
    } catch (const DatasetError& e) {
        QCOMPARE(std::string(e.what()), std::string("eng-fra: cannot open: no such file"));
    }
}

void TestShippedDatasets::readmes() {
    const std::string index = readFile(shippedDatasetPath("README.md"));
    QVERIFY(!index.empty());
    for (const ShippedDataset& d : shippedDatasets()) {
        const std::string readme = readFile(shippedDatasetPath(d.name + ".md"));
        QVERIFY2(!readme.empty(), (d.name + ".md is missing").c_str());
        for (const char* section : {"## What it teaches", "## Format", "## Size", "## Licence"})
            QVERIFY2(readme.find(section) != std::string::npos, (d.name + ".md lacks " + section).c_str());
        QVERIFY2(readme.find("CC0") != std::string::npos, d.name.c_str());
        QVERIFY2(readme.find(std::to_string(d.defaultCount)) != std::string::npos,
                 (d.name + ".md: size").c_str());
        QVERIFY2(index.find("(" + d.name + ".md)") != std::string::npos,
                 ("README.md does not link " + d.name).c_str());
    }
}

QTEST_APPLESS_MAIN(TestShippedDatasets)
#include "tst_shipped_datasets.moc"
