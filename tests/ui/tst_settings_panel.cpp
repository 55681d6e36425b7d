// The settings panel: core's defaults, every field landing in the right ModelConfig /
// TrainingSettings member, validation naming the field at fault, fields enabled only where they
// mean something, the lock while a model exists, and a tooltip on every control.
#include "core/data/ShippedDatasets.h"
#include "ui/panels/SettingsDoubleSpinBox.h"
#include "ui/panels/SettingsPanel.h"
#include "ui/panels/SettingsWidgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>

#include <QtTest>

using attnlab::DecoderStyle;
using attnlab::ModelConfig;
using attnlab::OptimizerKind;
using attnlab::ScorerKind;
using attnlab::TrainingSettings;
using attnlab::ui::SettingsDoubleSpinBox;
using attnlab::ui::SettingsPanel;

Q_DECLARE_METATYPE(attnlab::ScorerKind)

namespace {

template <class T> T* field(const SettingsPanel& panel, const char* name) {
    T* widget = panel.findChild<T*>(QString::fromLatin1(name));
    if (!widget) qFatal("no widget named %s", name);
    return widget;
}

QSpinBox* spin(const SettingsPanel& panel, const char* name) {
    return field<QSpinBox>(panel, name);
}
QDoubleSpinBox* dspin(const SettingsPanel& panel, const char* name) {
    return field<QDoubleSpinBox>(panel, name);
}
QCheckBox* check(const SettingsPanel& panel, const char* name) {
    return field<QCheckBox>(panel, name);
}
QComboBox* combo(const SettingsPanel& panel, const char* name) {
    return field<QComboBox>(panel, name);
}

template <class Enum> void choose(QComboBox* box, Enum value) {
    const int index = box->findData(static_cast<int>(value));
    QVERIFY(index >= 0);
    box->setCurrentIndex(index);
}

} // namespace

class TestSettingsPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultsEqualCoreDefaults();
    void datasetRecommendationsComeAndGo();
    void everyFieldMapsToItsMember();
    void scorerItemsMapToScorers_data();
    void scorerItemsMapToScorers();
    void setFromModelRoundTripsAndKeepsHiddenFields();
    void defaultsValidate();
    void oddHiddenWithBidirectionalIsRejected();
    void zeroLearningRateIsRejected();
    void outOfRangeTypingIsKeptAndRefused();
    void outOfRangeWholeNumberIsKeptAndRefused();
    void clipOffStaysTheMinimum();
    void attentionSizeOnlyForAdditiveKinds_data();
    void attentionSizeOnlyForAdditiveKinds();
    void dependentFieldsFollowTheirSwitch();
    void lockFreezesOnlyTheArchitecture();
    void restoreDefaults();
    void changedIsEmittedOncePerEdit();
    void everyControlHasATooltip();
    void doubleSpinShowsShortNumbers_data();
    void doubleSpinShowsShortNumbers();
    void doubleSpinAcceptsScientificTyping();
    void rendersAnInvalidFieldInRed();
};

void TestSettingsPanel::defaultsEqualCoreDefaults() {
    SettingsPanel panel;
    const ModelConfig core;
    const ModelConfig c = panel.modelConfig();
    QCOMPARE(c.sourceVocabulary, 0);
    QCOMPARE(c.targetVocabulary, 0);
    QCOMPARE(c.embedding, 32);
    QCOMPARE(c.hidden, 128);
    QCOMPARE(c.attentionDim, core.attentionDim);
    QCOMPARE(c.scorer, ScorerKind::General);
    QCOMPARE(c.decoder, DecoderStyle::Luong);
    QCOMPARE(c.inputFeeding, true);
    QCOMPARE(c.bidirectional, false);
    QCOMPARE(c.maxSourceLength, core.maxSourceLength);
    QCOMPARE(c.locationFilters, core.locationFilters);
    QCOMPARE(c.locationKernel, core.locationKernel);

    const TrainingSettings s = panel.trainingSettings();
    QCOMPARE(s.optimizer, OptimizerKind::Adam);
    QCOMPARE(s.learningRate, 1e-3);
    QCOMPARE(s.momentum, 0.9);
    QCOMPARE(s.clipNorm, 5.0);
    QCOMPARE(s.teacherForcing, 1.0);
    QCOMPARE(s.dropout, 0.0);
    QCOMPARE(s.batchSize, 64);
    QCOMPARE(s.epochs, 15);
    QCOMPARE(s.maxSteps, 0LL);
    QCOMPARE(s.seed, std::uint64_t(1));
    QCOMPARE(s.threads, 0);
    QCOMPARE(s.validationFraction, 0.1);
    QCOMPARE(s.earlyStopping, false);
    QCOMPARE(s.patience, 3);
    QCOMPARE(s.decayOnPlateau, false);
    QCOMPARE(s.decayFactor, 0.5);
    QCOMPARE(s.decayPatience, 1);
    QCOMPARE(s.beamWidth, 1);

    QCOMPARE(panel.prepareOptions().validationFraction, 0.1);
    QCOMPARE(panel.prepareOptions().testFraction, 0.0); // as attnlab-cli train
    // What a person sees for the special values.
    QCOMPARE(spin(panel, "threadsSpin")->text(), QStringLiteral("all cores"));
    QCOMPARE(spin(panel, "maxStepsSpin")->text(), QStringLiteral("no limit"));
    QCOMPARE(spin(panel, "attentionDimSpin")->text(), QStringLiteral("same as hidden"));
    QCOMPARE(dspin(panel, "learningRateSpin")->text(), QStringLiteral("0.001"));
    QCOMPARE(dspin(panel, "clipSpin")->text(), QStringLiteral("5"));
}

void TestSettingsPanel::everyFieldMapsToItsMember() {
    SettingsPanel panel;
    spin(panel, "embeddingSpin")->setValue(48);
    spin(panel, "hiddenSpin")->setValue(96);
    check(panel, "bidirectionalCheck")->setChecked(true);
    choose(combo(panel, "decoderCombo"), DecoderStyle::Bahdanau);
    check(panel, "inputFeedingCheck")->setChecked(false);
    choose(combo(panel, "scorerCombo"), ScorerKind::Additive);
    spin(panel, "attentionDimSpin")->setValue(40);
    choose(combo(panel, "optimizerCombo"), OptimizerKind::Sgd);
    dspin(panel, "learningRateSpin")->setValue(0.25);
    dspin(panel, "momentumSpin")->setValue(0.8);
    spin(panel, "batchSpin")->setValue(17);
    spin(panel, "epochsSpin")->setValue(7);
    spin(panel, "maxStepsSpin")->setValue(1234);
    dspin(panel, "clipSpin")->setValue(2.5);
    dspin(panel, "teacherForcingSpin")->setValue(0.75);
    dspin(panel, "dropoutSpin")->setValue(0.2);
    dspin(panel, "validationFractionSpin")->setValue(0.15);
    spin(panel, "seedSpin")->setValue(42);
    spin(panel, "threadsSpin")->setValue(3);
    check(panel, "earlyStoppingCheck")->setChecked(true);
    spin(panel, "patienceSpin")->setValue(5);
    check(panel, "decayOnPlateauCheck")->setChecked(true);
    dspin(panel, "decayFactorSpin")->setValue(0.3);
    spin(panel, "decayPatienceSpin")->setValue(2);

    const ModelConfig c = panel.modelConfig();
    QCOMPARE(c.embedding, 48);
    QCOMPARE(c.hidden, 96);
    QCOMPARE(c.bidirectional, true);
    QCOMPARE(c.decoder, DecoderStyle::Bahdanau);
    QCOMPARE(c.inputFeeding, false);
    QCOMPARE(c.scorer, ScorerKind::Additive);
    QCOMPARE(c.attentionDim, 40);
    QCOMPARE(c.attentionSize(), 40);

    const TrainingSettings s = panel.trainingSettings();
    QCOMPARE(s.optimizer, OptimizerKind::Sgd);
    QCOMPARE(s.learningRate, 0.25);
    QCOMPARE(s.momentum, 0.8);
    QCOMPARE(s.batchSize, 17);
    QCOMPARE(s.epochs, 7);
    QCOMPARE(s.maxSteps, 1234LL);
    QCOMPARE(s.clipNorm, 2.5);
    QCOMPARE(s.teacherForcing, 0.75);
    QCOMPARE(s.dropout, 0.2);
    QCOMPARE(s.validationFraction, 0.15);
    QCOMPARE(s.seed, std::uint64_t(42));
    QCOMPARE(s.threads, 3);
    QCOMPARE(s.earlyStopping, true);
    QCOMPARE(s.patience, 5);
    QCOMPARE(s.decayOnPlateau, true);
    QCOMPARE(s.decayFactor, 0.3);
    QCOMPARE(s.decayPatience, 2);
    QCOMPARE(s.beamWidth, 1); // validation decoding is not the inspection beam

    QCOMPARE(panel.prepareOptions().validationFraction, 0.15);
    QString message;
    QVERIFY2(panel.validate(&message), qPrintable(message));
}

void TestSettingsPanel::scorerItemsMapToScorers_data() {
    QTest::addColumn<ScorerKind>("kind");
    for (ScorerKind kind : attnlab::allScorers()) QTest::newRow(attnlab::scorerName(kind).c_str()) << kind;
}

void TestSettingsPanel::scorerItemsMapToScorers() {
    QFETCH(ScorerKind, kind);
    SettingsPanel panel;
    QComboBox* box = combo(panel, "scorerCombo");
    QCOMPARE(box->count(), 7);
    choose(box, kind);
    QCOMPARE(panel.modelConfig().scorer, kind);
    QVERIFY(!box->itemData(box->currentIndex(), Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(box->toolTip().contains(box->itemData(box->currentIndex(), Qt::ToolTipRole).toString()));
}

void TestSettingsPanel::setFromModelRoundTripsAndKeepsHiddenFields() {
    ModelConfig config;
    config.sourceVocabulary = 30;
    config.targetVocabulary = 25;
    config.embedding = 24;
    config.hidden = 64;
    config.attentionDim = 16;
    config.scorer = ScorerKind::LocationAware;
    config.decoder = DecoderStyle::Luong;
    config.inputFeeding = false;
    config.bidirectional = true;
    config.maxSourceLength = 80;
    config.locationFilters = 6;
    config.locationKernel = 7;
    TrainingSettings settings;
    settings.optimizer = OptimizerKind::Sgd;
    settings.learningRate = 0.05;
    settings.momentum = 0.5;
    settings.epochs = 3;
    settings.batchSize = 8;
    settings.seed = 9;
    settings.earlyStopping = true;
    settings.patience = 2;
    settings.attentionPairs = {1, 4};
    settings.attentionEverySteps = 50;
    settings.beamWidth = 3;

    SettingsPanel panel;
    QSignalSpy changed(&panel, &SettingsPanel::changed);
    panel.setFromModel(config, settings);
    QCOMPARE(changed.count(), 1);

    const ModelConfig c = panel.modelConfig();
    QCOMPARE(c.sourceVocabulary, 0); // the data decides
    QCOMPARE(c.targetVocabulary, 0);
    QCOMPARE(c.embedding, 24);
    QCOMPARE(c.hidden, 64);
    QCOMPARE(c.attentionDim, 16);
    QCOMPARE(c.scorer, ScorerKind::LocationAware);
    QCOMPARE(c.inputFeeding, false);
    QCOMPARE(c.bidirectional, true);
    QCOMPARE(c.maxSourceLength, 80); // not shown, kept
    QCOMPARE(c.locationFilters, 6);
    QCOMPARE(c.locationKernel, 7);
    const TrainingSettings s = panel.trainingSettings();
    QCOMPARE(s.optimizer, OptimizerKind::Sgd);
    QCOMPARE(s.learningRate, 0.05);
    QCOMPARE(s.momentum, 0.5);
    QCOMPARE(s.epochs, 3);
    QCOMPARE(s.batchSize, 8);
    QCOMPARE(s.seed, std::uint64_t(9));
    QCOMPARE(s.earlyStopping, true);
    QCOMPARE(s.patience, 2);
    QCOMPARE(s.attentionPairs, (std::vector<int>{1, 4}));
    QCOMPARE(s.attentionEverySteps, 50);
    QCOMPARE(s.beamWidth, 3);
    QCOMPARE(spin(panel, "hiddenSpin")->value(), 64);
    QCOMPARE(dspin(panel, "learningRateSpin")->text(), QStringLiteral("0.05"));
}

void TestSettingsPanel::defaultsValidate() {
    SettingsPanel panel;
    QString message = QStringLiteral("stale");
    QVERIFY(panel.validate(&message));
    QVERIFY(message.isEmpty());
    QVERIFY(!panel.findChild<QLabel*>("problemLabel")->isVisibleTo(&panel));
}

void TestSettingsPanel::oddHiddenWithBidirectionalIsRejected() {
    SettingsPanel panel;
    QSpinBox* hidden = spin(panel, "hiddenSpin");
    check(panel, "bidirectionalCheck")->setChecked(true);
    hidden->setValue(127);
    QString message;
    QVERIFY(!panel.validate(&message));
    QCOMPARE(message,
             QStringLiteral("Hidden size: a bidirectional encoder needs an even hidden size, got 127"));
    QVERIFY(attnlab::ui::isMarkedInvalid(hidden));
    QVERIFY(hidden->palette().color(QPalette::Base) != panel.palette().color(QPalette::Base));
    QVERIFY(!attnlab::ui::isMarkedInvalid(dspin(panel, "learningRateSpin")));
    QLabel* problem = panel.findChild<QLabel*>("problemLabel");
    QVERIFY(problem->isVisibleTo(&panel));
    QCOMPARE(problem->text(), message);

    // Once shown, the problem is checked again at every edit and goes away when fixed.
    hidden->setValue(128);
    QVERIFY(!attnlab::ui::isMarkedInvalid(hidden));
    QVERIFY(!problem->isVisibleTo(&panel));
    QVERIFY(panel.validate(&message));
    // An odd size is fine for a one-directional encoder.
    hidden->setValue(127);
    check(panel, "bidirectionalCheck")->setChecked(false);
    QVERIFY(panel.validate(&message));
}

void TestSettingsPanel::zeroLearningRateIsRejected() {
    SettingsPanel panel;
    QDoubleSpinBox* lr = dspin(panel, "learningRateSpin");
    lr->setValue(0.0);
    QString message;
    QVERIFY(!panel.validate(&message));
    QCOMPARE(message, QStringLiteral("Learning rate: the learning rate must be positive"));
    QVERIFY(attnlab::ui::isMarkedInvalid(lr));
    QVERIFY(!attnlab::ui::isMarkedInvalid(spin(panel, "hiddenSpin")));
    lr->setValue(0.01);
    QVERIFY(!attnlab::ui::isMarkedInvalid(lr));
    QVERIFY(panel.validate(nullptr));
}

// The whole-number fields too: "5000" in the batch size (1 to 4096) used to become "500".
void TestSettingsPanel::outOfRangeWholeNumberIsKeptAndRefused() {
    SettingsPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto* batch = panel.findChild<QSpinBox*>("batchSpin");
    QVERIFY(batch->toolTip().endsWith("Allowed: 1 to 4096."));
    batch->setFocus();
    batch->selectAll();
    QTest::keyClicks(batch, QStringLiteral("5000"));
    QTest::keyClick(batch, Qt::Key_Tab);
    QCOMPARE(batch->text(), QStringLiteral("5000"));
    QCOMPARE(panel.trainingSettings().batchSize, 5000);
    QVERIFY(attnlab::ui::isMarkedInvalid(batch));
    QString message;
    QVERIFY(!panel.validate(&message));
    QCOMPARE(message, QStringLiteral("Batch size: 5000 is outside the allowed range, 1 to 4096"));
    batch->stepDown(); // the arrows lead back into the range
    QCOMPARE(batch->value(), 4096);
    QVERIFY(panel.validate(&message));
    QVERIFY(!attnlab::ui::isMarkedInvalid(batch));

    // A special text still stands for the minimum.
    auto* maxSteps = panel.findChild<QSpinBox*>("maxStepsSpin");
    maxSteps->setValue(0);
    QCOMPARE(maxSteps->text(), QStringLiteral("no limit"));
    QCOMPARE(maxSteps->minimum(), 0);
}

void TestSettingsPanel::outOfRangeTypingIsKeptAndRefused() {
    // Issue 17: typing "50" in the learning-rate field silently became "5".
    SettingsPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto* lr = panel.findChild<SettingsDoubleSpinBox*>("learningRateSpin");
    QVERIFY(lr->toolTip().contains("Allowed: 0 to 10."));
    lr->setFocus();
    lr->selectAll();
    QTest::keyClicks(lr, QStringLiteral("50"));
    QCOMPARE(lr->text(), QStringLiteral("50"));
    QTest::keyClick(lr, Qt::Key_Tab); // leaving the field does not put the last good value back
    QCOMPARE(lr->text(), QStringLiteral("50"));
    QCOMPARE(lr->value(), 50.0);
    QVERIFY(!lr->isInAllowedRange());
    // Shown at once: tinted, with the field and the range named under the form.
    QVERIFY(attnlab::ui::isMarkedInvalid(lr));
    QLabel* problem = panel.findChild<QLabel*>("problemLabel");
    const QString expected = QStringLiteral("Learning rate: 50 is outside the allowed range, 0 to 10");
    QVERIFY(problem->isVisibleTo(&panel));
    QCOMPARE(problem->text(), expected);
    QString message;
    QVERIFY(!panel.validate(&message));
    QCOMPARE(message, expected);
    QCOMPARE(panel.trainingSettings().learningRate, 50.0); // never truncated to 5

    // Arrows lead back into the range; a number inside it clears the tint.
    lr->stepDown();
    QCOMPARE(lr->value(), 10.0);
    QVERIFY(!(lr->stepEnabled() & QAbstractSpinBox::StepUpEnabled));
    lr->setValue(0.002);
    QVERIFY(!attnlab::ui::isMarkedInvalid(lr));
    QVERIFY(!problem->isVisibleTo(&panel));
    QVERIFY(panel.validate(&message));

    // Below a positive minimum is kept too, but only a field in use stops training.
    auto* factor = panel.findChild<SettingsDoubleSpinBox*>("decayFactorSpin");
    factor->setValue(0.001);
    QCOMPARE(factor->value(), 0.001);
    QVERIFY(!factor->isEnabled()); // greyed out while the rate is not lowered on plateaus
    QVERIFY(panel.validate(&message));
    panel.findChild<QCheckBox*>("decayOnPlateauCheck")->setChecked(true);
    QVERIFY(factor->isEnabled());
    QVERIFY(!panel.validate(&message));
    QCOMPARE(message,
             QStringLiteral("Learning-rate decay: 0.001 is outside the allowed range, 0.01 to 0.99"));
}

void TestSettingsPanel::clipOffStaysTheMinimum() {
    SettingsPanel panel;
    auto* clip = panel.findChild<SettingsDoubleSpinBox*>("clipSpin");
    clip->setValue(0.0);
    QCOMPARE(clip->text(), QStringLiteral("off"));
    QCOMPARE(clip->minimum(), 0.0);
    QCOMPARE(panel.trainingSettings().clipNorm, 0.0);
    clip->setValue(5000.0);
    QCOMPARE(clip->value(), 5000.0);
    QString message;
    QVERIFY(!panel.validate(&message));
    QCOMPARE(message, QStringLiteral("Gradient clipping: 5000 is outside the allowed range, 0 to 1000"));
}

void TestSettingsPanel::attentionSizeOnlyForAdditiveKinds_data() {
    QTest::addColumn<ScorerKind>("kind");
    QTest::addColumn<bool>("enabled");
    QTest::newRow("none") << ScorerKind::None << false;
    QTest::newRow("dot") << ScorerKind::Dot << false;
    QTest::newRow("scaled_dot") << ScorerKind::ScaledDot << false;
    QTest::newRow("general") << ScorerKind::General << false;
    QTest::newRow("additive") << ScorerKind::Additive << true;
    QTest::newRow("location") << ScorerKind::Location << false;
    QTest::newRow("location_aware") << ScorerKind::LocationAware << true;
}

void TestSettingsPanel::attentionSizeOnlyForAdditiveKinds() {
    QFETCH(ScorerKind, kind);
    QFETCH(bool, enabled);
    SettingsPanel panel;
    choose(combo(panel, "scorerCombo"), kind);
    QCOMPARE(spin(panel, "attentionDimSpin")->isEnabled(), enabled);
}

void TestSettingsPanel::dependentFieldsFollowTheirSwitch() {
    SettingsPanel panel;
    QCheckBox* feeding = check(panel, "inputFeedingCheck");
    QVERIFY(feeding->isEnabled());
    choose(combo(panel, "decoderCombo"), DecoderStyle::Bahdanau);
    QVERIFY(!feeding->isEnabled());
    choose(combo(panel, "decoderCombo"), DecoderStyle::Luong);
    QVERIFY(feeding->isEnabled());

    QDoubleSpinBox* momentum = dspin(panel, "momentumSpin");
    QVERIFY(!momentum->isEnabled());
    choose(combo(panel, "optimizerCombo"), OptimizerKind::Sgd);
    QVERIFY(momentum->isEnabled());

    QVERIFY(!spin(panel, "patienceSpin")->isEnabled());
    check(panel, "earlyStoppingCheck")->setChecked(true);
    QVERIFY(spin(panel, "patienceSpin")->isEnabled());

    QVERIFY(!dspin(panel, "decayFactorSpin")->isEnabled());
    QVERIFY(!spin(panel, "decayPatienceSpin")->isEnabled());
    check(panel, "decayOnPlateauCheck")->setChecked(true);
    QVERIFY(dspin(panel, "decayFactorSpin")->isEnabled());
    QVERIFY(spin(panel, "decayPatienceSpin")->isEnabled());
}

void TestSettingsPanel::lockFreezesOnlyTheArchitecture() {
    SettingsPanel panel;
    choose(combo(panel, "scorerCombo"), ScorerKind::Additive);
    panel.setLocked(true);
    QVERIFY(panel.isLocked());
    for (const char* name : {"embeddingSpin", "hiddenSpin", "attentionDimSpin"})
        QVERIFY2(!spin(panel, name)->isEnabled(), name);
    for (const char* name : {"bidirectionalCheck", "inputFeedingCheck"})
        QVERIFY2(!check(panel, name)->isEnabled(), name);
    for (const char* name : {"decoderCombo", "scorerCombo"}) QVERIFY2(!combo(panel, name)->isEnabled(), name);
    for (const char* name : {"batchSpin", "epochsSpin", "maxStepsSpin", "seedSpin", "threadsSpin"})
        QVERIFY2(spin(panel, name)->isEnabled(), name);
    for (const char* name :
         {"learningRateSpin", "clipSpin", "teacherForcingSpin", "dropoutSpin", "validationFractionSpin"})
        QVERIFY2(dspin(panel, name)->isEnabled(), name);
    QVERIFY(combo(panel, "optimizerCombo")->isEnabled());
    QVERIFY(panel.findChild<QLabel*>("lockedNote")->isVisibleTo(&panel));
    // Switching the decoder while locked cannot re-enable input feeding.
    choose(combo(panel, "decoderCombo"), DecoderStyle::Luong);
    QVERIFY(!check(panel, "inputFeedingCheck")->isEnabled());

    panel.setLocked(false);
    QVERIFY(spin(panel, "hiddenSpin")->isEnabled());
    QVERIFY(spin(panel, "attentionDimSpin")->isEnabled());
    QVERIFY(check(panel, "inputFeedingCheck")->isEnabled());
    QVERIFY(!panel.findChild<QLabel*>("lockedNote")->isVisibleTo(&panel));
}

void TestSettingsPanel::restoreDefaults() {
    SettingsPanel panel;
    spin(panel, "hiddenSpin")->setValue(256);
    dspin(panel, "learningRateSpin")->setValue(0.5);
    panel.setLocked(true);
    panel.findChild<QPushButton*>("defaultsButton")->click();
    QCOMPARE(panel.modelConfig().hidden, 256); // locked: the model's shape stays
    QCOMPARE(panel.trainingSettings().learningRate, 1e-3);
    panel.setLocked(false);
    panel.restoreDefaults();
    QCOMPARE(panel.modelConfig().hidden, 128);
}

void TestSettingsPanel::changedIsEmittedOncePerEdit() {
    SettingsPanel panel;
    QSignalSpy changed(&panel, &SettingsPanel::changed);
    spin(panel, "batchSpin")->setValue(32);
    QCOMPARE(changed.count(), 1);
    check(panel, "bidirectionalCheck")->setChecked(true);
    QCOMPARE(changed.count(), 2);
    choose(combo(panel, "scorerCombo"), ScorerKind::Dot);
    QCOMPARE(changed.count(), 3);
    dspin(panel, "dropoutSpin")->setValue(0.1);
    QCOMPARE(changed.count(), 4);
}

void TestSettingsPanel::everyControlHasATooltip() {
    SettingsPanel panel;
    int controls = 0;
    for (QWidget* w : panel.findChildren<QWidget*>()) {
        const bool isControl = qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QComboBox*>(w) ||
                               qobject_cast<QAbstractButton*>(w);
        if (!isControl) continue;
        ++controls;
        QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName()));
    }
    QCOMPARE(controls, 25); // 24 settings and the defaults button
    for (QComboBox* box : panel.findChildren<QComboBox*>())
        for (int i = 0; i < box->count(); ++i)
            QVERIFY2(!box->itemData(i, Qt::ToolTipRole).toString().isEmpty(), qPrintable(box->itemText(i)));
    QComboBox* scorers = combo(panel, "scorerCombo");
    const QString additive =
        scorers->itemData(scorers->findData(int(ScorerKind::Additive)), Qt::ToolTipRole).toString();
    QCOMPARE(
        additive,
        QStringLiteral("additive (Bahdanau): vᵀ tanh(W_q q + W_k h̄_s + b), a small MLP over query and key."));
    // Labels explain too: hovering "Hidden size" says what the spin box says.
    for (QLabel* label : panel.findChildren<QLabel*>())
        if (label->buddy()) QCOMPARE(label->toolTip(), label->buddy()->toolTip());
}

void TestSettingsPanel::doubleSpinShowsShortNumbers_data() {
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("1e-3") << 1e-3 << "0.001";
    QTest::newRow("3e-4") << 3e-4 << "0.0003";
    QTest::newRow("1e-5") << 1e-5 << "1e-5";
    QTest::newRow("2.5e-7") << 2.5e-7 << "2.5e-7";
    QTest::newRow("five") << 5.0 << "5";
    QTest::newRow("tenth") << 0.1 << "0.1";
    QTest::newRow("0.75") << 0.75 << "0.75";
    QTest::newRow("zero") << 0.0 << "0";
    QTest::newRow("1e6") << 1e6 << "1e6";
}

void TestSettingsPanel::doubleSpinShowsShortNumbers() {
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(SettingsDoubleSpinBox::shortestText(value), text);
}

void TestSettingsPanel::doubleSpinAcceptsScientificTyping() {
    SettingsDoubleSpinBox box;
    box.setRange(0.0, 10.0);
    box.setValue(0.001);
    QCOMPARE(box.valueFromText(QStringLiteral("3e-4")), 3e-4);
    QString text = QStringLiteral("1e-");
    int pos = 3;
    QCOMPARE(box.validate(text, pos), QValidator::Intermediate);
    text = QStringLiteral("abc");
    QCOMPARE(box.validate(text, pos), QValidator::Invalid);
    text = QStringLiteral("20");
    QCOMPARE(box.validate(text, pos), QValidator::Intermediate); // above the maximum
    text = QStringLiteral("2e-2");
    QCOMPARE(box.validate(text, pos), QValidator::Acceptable);

    box.show();
    QVERIFY(QTest::qWaitForWindowExposed(&box));
    box.selectAll();
    QTest::keyClicks(&box, QStringLiteral("3e-4"));
    QTest::keyClick(&box, Qt::Key_Return);
    QCOMPARE(box.value(), 3e-4);
    QCOMPARE(box.text(), QStringLiteral("0.0003"));
    // Arrows step by a tenth of the value's leading power of ten.
    box.stepUp();
    QCOMPARE(box.value(), 3.1e-4);
}

void TestSettingsPanel::rendersAnInvalidFieldInRed() {
    SettingsPanel panel;
    choose(combo(panel, "scorerCombo"), ScorerKind::Additive);
    check(panel, "bidirectionalCheck")->setChecked(true);
    QSpinBox* hidden = spin(panel, "hiddenSpin");
    hidden->setValue(127);
    QVERIFY(!panel.validate());
    panel.resize(420, 1000);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const QImage image = panel.grab().toImage();
    QCOMPARE(image.size(), panel.size());
    // Left of the number, inside the spin box's frame: the tint, not the usual white.
    const QPoint inside = hidden->mapTo(&panel, QPoint(hidden->width() - 40, hidden->height() / 2));
    QCOMPARE(image.pixelColor(inside), QColor(0xfd, 0xe2, 0xe1));
    const QString dir = qEnvironmentVariable("ATTNLAB_SCREENSHOT_DIR");
    if (!dir.isEmpty()) QVERIFY(image.save(dir + "/settings-panel.png"));
}

// copy_long's recommended settings fill the panel; the next dataset without any takes back only
// the fields that still hold them, so a value the person chose stays.
void TestSettingsPanel::datasetRecommendationsComeAndGo() {
    SettingsPanel panel;
    const attnlab::RecommendedSettings copyLong = attnlab::findShippedDataset("copy_long")->recommended;
    QCOMPARE(panel.recommend(copyLong),
             QStringLiteral("bidirectional, batch 32, 7 epochs, learning rate 0.003"));
    QVERIFY(panel.modelConfig().bidirectional);
    QCOMPARE(panel.trainingSettings().batchSize, 32);
    QCOMPARE(panel.trainingSettings().epochs, 7);
    TrainingSettings chosen = panel.trainingSettings();
    chosen.epochs = 9; // the person's own choice
    panel.setFromModel(panel.modelConfig(), chosen);
    QCOMPARE(panel.recommend({}), QString());
    QCOMPARE(panel.modelConfig().bidirectional, ModelConfig{}.bidirectional);
    QCOMPARE(panel.trainingSettings().batchSize, TrainingSettings{}.batchSize);
    QCOMPARE(panel.trainingSettings().learningRate, TrainingSettings{}.learningRate);
    QCOMPARE(panel.trainingSettings().epochs, 9);
}

QTEST_MAIN(TestSettingsPanel)
#include "tst_settings_panel.moc"
