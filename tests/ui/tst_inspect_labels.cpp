// The Inspect panel with label models (issue 15), trained here on the shipped tasks through a Run
// as the window trains them: a typed review shows its label, every label's probability and its
// words' weights; a review that is a validation pair shows its gold evidence underlined and ✓; an
// entailment pair shows the hypothesis x premise map, and a text without its "|" says why; the
// last epoch's confusion matrix sits under the views.
#include "core/data/ShippedDatasets.h"
#include "core/experiment/PreparedData.h"
#include "core/experiment/Run.h"
#include "ui/label/ClassProbabilityBars.h"
#include "ui/label/ClassificationView.h"
#include "ui/label/EntailmentView.h"
#include "ui/label/ValidationSummary.h"
#include "ui/label/WeightedTextView.h"
#include "ui/panels/InspectPanel.h"
#include "ui/plots/AlignmentHeatmap.h"

#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTableWidget>
#include <QtTest>

using namespace attnlab;
using namespace attnlab::ui;

namespace {

struct Trained {
    std::shared_ptr<const PreparedData> data;
    std::unique_ptr<Run> run;
    Metrics validation;

    InferenceModel inference() const {
        const ModelBundle& b = run->bundle();
        auto copy = std::make_shared<Seq2Seq<float>>(b.config);
        copy->copyValuesFrom(*b.model);
        InferenceModel model;
        model.model = copy;
        model.sourceVocabulary = std::make_shared<const Vocabulary>(b.sourceVocabulary);
        model.targetVocabulary = std::make_shared<const Vocabulary>(b.targetVocabulary);
        model.sourceTokens = b.sourceTokens;
        model.targetTokens = b.targetTokens;
        model.text = b.text;
        return model;
    }
};

Trained train(const std::string& name, ScorerKind scorer, int epochs) {
    Trained t;
    auto dataset = std::make_shared<const Dataset>(openDataset(name));
    t.data = prepareData(dataset, PrepareOptions{}, 1, name);
    RunSpec spec;
    spec.name = name;
    spec.config.scorer = scorer;
    spec.settings.epochs = epochs;
    spec.settings.seed = 1;
    t.run = std::make_unique<Run>(t.data, spec);
    TrainingObserver quiet;
    TrainingControl control;
    t.validation = t.run->train(quiet, control).result.validation;
    return t;
}

void typeText(InspectPanel& panel, const QString& text) {
    auto* edit = panel.findChild<QLineEdit*>("sentenceEdit");
    QVERIFY(edit);
    edit->clear();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

QStackedWidget* stackOf(InspectPanel& panel) {
    return panel.findChild<QStackedWidget*>("inspectStack");
}

} // namespace

class TestInspectLabels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void reviewShowsItsDecidingWords();
    void validationPairShowsItsGold();
    void entailmentShowsTheWordByWordMap();

private:
    Trained m_sentiment;
    Trained m_entailment;
};

void TestInspectLabels::initTestCase() {
    m_sentiment = train("sentiment", ScorerKind::ScaledDot, 15);
    QVERIFY2(m_sentiment.validation.exactMatch > 0.9,
             qPrintable(QString::number(m_sentiment.validation.exactMatch)));
    QVERIFY(m_sentiment.validation.confusion.has_value());
    m_entailment = train("entailment", ScorerKind::General, 4);
    QCOMPARE(m_entailment.run->bundle().config.kind, ModelKind::Entailment);
}

void TestInspectLabels::reviewShowsItsDecidingWords() {
    InspectPanel panel;
    panel.resize(900, 700);
    panel.show();
    panel.setModel(m_sentiment.inference());
    typeText(panel, "the acting was awful");
    QCOMPARE(stackOf(panel)->currentWidget(), panel.classificationView());
    const ClassificationContent& content = panel.classificationView()->content();
    QCOMPARE(content.tokens, (std::vector<QString>{"the", "acting", "was", "awful"}));
    QCOMPARE(content.weights.size(), size_t(4));
    double total = 0.0;
    for (double w : content.weights) total += w;
    QVERIFY(std::abs(total - 1.0) < 1e-3);
    QCOMPARE(content.classes.size(), size_t(2));
    QCOMPARE(content.classes[size_t(content.predicted)], QStringLiteral("negative"));
    QVERIFY(content.probabilities[size_t(content.predicted)] > 0.8);
    QCOMPARE(content.gold, -1); // typed text of one's own: no gold
    QVERIFY(panel.outputLine().contains("negative"));

    // The last epoch's validation under the views: accuracy, macro-F1 and the 2 x 2 matrix.
    panel.setValidationMetrics(m_sentiment.validation, 15);
    QVERIFY(panel.validationSummary()->isVisible());
    QVERIFY(panel.validationSummary()->headline().contains("macro-F1"));
    QTableWidget& table = panel.validationSummary()->table();
    QCOMPARE(table.rowCount(), 2);
    long counted = 0;
    for (int r = 0; r < 2; ++r)
        for (int c = 0; c < 2; ++c) counted += table.item(r, c)->text().toLong();
    QCOMPARE(counted, m_sentiment.validation.examples);
}

void TestInspectLabels::validationPairShowsItsGold() {
    const Dataset& dataset = *m_sentiment.data->dataset;
    const int index = m_sentiment.data->data->validation.datasetIndices.front();
    const auto links = dataset.alignment(index);
    LabelReference reference{dataset.sourceTokens(index),
                             {Alignment(links.begin(), links.end()), std::string(dataset.target(index))}};
    InspectPanel panel;
    panel.show();
    panel.setModel(m_sentiment.inference());
    panel.setLabelReferences({reference});
    typeText(panel, QString::fromUtf8(dataset.source(index)));
    const ClassificationContent& content = panel.classificationView()->content();
    QVERIFY(content.gold >= 0);
    QCOMPARE(content.classes[size_t(content.gold)].toStdString(), std::string(dataset.target(index)));
    QCOMPARE(content.goldEvidence.size(), reference.sourceTokens.size());
    std::vector<int> underlined = panel.classificationView()->textView().underlinedWords();
    std::vector<int> expected;
    for (const AlignmentLink& link : reference.gold.links) expected.push_back(link.source);
    std::sort(expected.begin(), expected.end());
    expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
    QCOMPARE(underlined, expected);
}

void TestInspectLabels::entailmentShowsTheWordByWordMap() {
    InspectPanel panel;
    panel.resize(900, 700);
    panel.show();
    panel.setModel(m_entailment.inference());
    typeText(panel, "a dog runs in the park | an animal runs");
    QCOMPARE(stackOf(panel)->currentWidget(), panel.entailmentView());
    const EntailmentContent& content = panel.entailmentView()->content();
    QCOMPARE(content.premise.size(), size_t(6));
    QCOMPARE(content.hypothesis, (std::vector<QString>{"an", "animal", "runs"}));
    QCOMPARE(content.weights.rows(), 3);
    QCOMPARE(content.weights.cols(), 6);
    for (int j = 0; j < 3; ++j) QVERIFY(std::abs(content.weights.row(j).sum() - 1.0f) < 1e-4f);
    QCOMPARE(content.classes.size(), size_t(3));

    typeText(panel, "a dog runs in the park"); // no "|": said, not decoded
    auto* warning = panel.findChild<QLabel*>("warningLabel");
    QVERIFY(warning && warning->isVisible());
    QVERIFY2(warning->text().contains("premise | hypothesis"), qPrintable(warning->text()));
}

QTEST_MAIN(TestInspectLabels)
#include "tst_inspect_labels.moc"
