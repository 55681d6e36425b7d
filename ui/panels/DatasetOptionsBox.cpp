#include "ui/panels/DatasetOptionsBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

namespace attnlab::ui {
namespace {

constexpr int kDetectTask = -1; // the task combo's "Detect" item

QComboBox* taskCombo() {
    auto* combo = new QComboBox;
    combo->setObjectName("taskCombo");
    combo->addItem(QObject::tr("Detect"), kDetectTask);
    combo->addItem(QObject::tr("Pairs"), static_cast<int>(TaskKind::Pairs));
    combo->addItem(QObject::tr("Classification"), static_cast<int>(TaskKind::Classification));
    combo->addItem(QObject::tr("Entailment"), static_cast<int>(TaskKind::Entailment));
    const QString toolTip = QObject::tr(
        "What the pairs mean. Pairs: text to text. Classification: a text to one label word. "
        "Entailment: premise and hypothesis to entailment, contradiction or neutral. Detect: a CSV "
        "with a label column, or a TSV with a '# task:' line, says which; else pairs.");
    combo->setToolTip(toolTip);
    combo->setProperty("baseToolTip", toolTip);
    return combo;
}

QComboBox* tokenisationCombo(const QString& objectName, const QString& toolTip) {
    auto* combo = new QComboBox;
    combo->setObjectName(objectName);
    combo->addItem(QObject::tr("characters"), static_cast<int>(Tokenization::Char));
    combo->addItem(QObject::tr("words"), static_cast<int>(Tokenization::Word));
    combo->setToolTip(toolTip);
    combo->setProperty("baseToolTip", toolTip);
    return combo;
}

Tokenization tokenisationOf(const QComboBox* combo) {
    return static_cast<Tokenization>(combo->currentData().toInt());
}

void setTokenisation(QComboBox* combo, Tokenization tokenization) {
    combo->setCurrentIndex(combo->findData(static_cast<int>(tokenization)));
}

QSpinBox* lengthSpin(const QString& objectName, const QString& toolTip) {
    auto* spin = new QSpinBox;
    spin->setObjectName(objectName);
    spin->setRange(0, 100000);
    spin->setSpecialValueText(QObject::tr("no limit"));
    spin->setKeyboardTracking(false); // reload once the number is typed, not at every digit
    spin->setToolTip(toolTip);
    return spin;
}

QLabel* rowLabel(const QString& text, const QString& toolTip) {
    auto* label = new QLabel(text);
    label->setToolTip(toolTip);
    return label;
}

} // namespace

DatasetOptionsBox::DatasetOptionsBox(QWidget* parent) : QWidget(parent) {
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    m_taskCombo = taskCombo();
    m_sourceTokensCombo = tokenisationCombo(
        "sourceTokensCombo",
        tr("How the source text is cut into tokens: single characters, or words between spaces."));
    m_targetTokensCombo = tokenisationCombo(
        "targetTokensCombo",
        tr("How the target text is cut into tokens: single characters, or words between spaces."));
    m_maxSourceSpin =
        lengthSpin("maxSourceLengthSpin", tr("Pairs whose source has more tokens than this are left out."));
    m_maxTargetSpin =
        lengthSpin("maxTargetLengthSpin", tr("Pairs whose target has more tokens than this are left out."));
    m_reverseCheck = new QCheckBox(tr("Reverse direction"));
    m_reverseCheck->setObjectName("reverseCheck");
    m_reverseCheck->setToolTip(
        tr("Swap the two sides, so the model learns to turn the target back into the source."));
    m_lowercaseCheck = new QCheckBox(tr("Lowercase"));
    m_lowercaseCheck->setObjectName("lowercaseCheck");
    m_lowercaseCheck->setToolTip(tr("Turn all letters into lowercase before the model sees them."));

    // Source and target side by side, "source → target", in a dock narrow enough for the window to
    // fit a 1024-pixel screen.
    const auto arrow = [] { return new QLabel(QStringLiteral("\u2192")); };
    grid->addWidget(rowLabel(tr("Task:"), m_taskCombo->toolTip()), 0, 0);
    grid->addWidget(m_taskCombo, 0, 1, 1, 3);
    grid->addWidget(rowLabel(tr("Tokens:"), tr("How each side is cut into tokens: source \u2192 target.")), 1,
                    0);
    grid->addWidget(m_sourceTokensCombo, 1, 1);
    grid->addWidget(arrow(), 1, 2);
    grid->addWidget(m_targetTokensCombo, 1, 3);
    grid->addWidget(rowLabel(tr("Longest:"), tr("The most tokens a pair may have on each side: source "
                                                "\u2192 target; longer pairs are left out.")),
                    2, 0);
    grid->addWidget(m_maxSourceSpin, 2, 1);
    grid->addWidget(arrow(), 2, 2);
    grid->addWidget(m_maxTargetSpin, 2, 3);
    grid->addWidget(m_reverseCheck, 3, 0, 1, 2);
    grid->addWidget(m_lowercaseCheck, 3, 3);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);

    connect(m_taskCombo, &QComboBox::currentIndexChanged, this, &DatasetOptionsBox::onTaskChosen);
    connect(m_sourceTokensCombo, &QComboBox::currentIndexChanged, this,
            &DatasetOptionsBox::onTokenisationChosen);
    connect(m_targetTokensCombo, &QComboBox::currentIndexChanged, this,
            &DatasetOptionsBox::onTokenisationChosen);
    connect(m_reverseCheck, &QCheckBox::toggled, this, &DatasetOptionsBox::onReverseToggled);
    connect(m_lowercaseCheck, &QCheckBox::toggled, this, &DatasetOptionsBox::changed);
    connect(m_maxSourceSpin, &QSpinBox::valueChanged, this, &DatasetOptionsBox::changed);
    connect(m_maxTargetSpin, &QSpinBox::valueChanged, this, &DatasetOptionsBox::changed);
    showTokenisationOf(nullptr);
}

DatasetOptions DatasetOptionsBox::options() const {
    DatasetOptions options;
    options.sourceTokens = tokenisationOf(m_sourceTokensCombo);
    options.targetTokens = tokenisationOf(m_targetTokensCombo);
    options.reverse = m_reverseCheck->isChecked();
    options.lowercase = m_lowercaseCheck->isChecked();
    options.maxSourceLength = m_maxSourceSpin->value();
    options.maxTargetLength = m_maxTargetSpin->value();
    const int task = m_taskCombo->currentData().toInt();
    options.detectTask = task == kDetectTask;
    options.task = options.detectTask ? TaskKind::Pairs : static_cast<TaskKind>(task);
    return options;
}

void DatasetOptionsBox::showTokenisationOf(const ShippedDataset* shipped) {
    m_shown = shipped;
    const QSignalBlocker blockSource(m_sourceTokensCombo);
    const QSignalBlocker blockTarget(m_targetTokensCombo);
    const QSignalBlocker blockTask(m_taskCombo);
    m_taskCombo->setCurrentIndex(
        m_taskCombo->findData(shipped ? static_cast<int>(shipped->task) : m_fileTask));
    m_taskCombo->setEnabled(!shipped);
    m_taskCombo->setToolTip(
        m_taskCombo->property("baseToolTip").toString() +
        (shipped ? QLatin1Char(' ') + tr("This shipped dataset sets its own.") : QString()));
    if (shipped) {
        const bool reverse = m_reverseCheck->isChecked();
        setTokenisation(m_sourceTokensCombo, reverse ? shipped->targetTokens : shipped->sourceTokens);
        setTokenisation(m_targetTokensCombo, reverse ? shipped->sourceTokens : shipped->targetTokens);
    } else {
        setTokenisation(m_sourceTokensCombo, m_fileSourceTokens);
        setTokenisation(m_targetTokensCombo, m_fileTargetTokens);
    }
    for (QComboBox* combo : {m_sourceTokensCombo, m_targetTokensCombo}) {
        combo->setEnabled(!shipped);
        const QString base = combo->property("baseToolTip").toString();
        combo->setToolTip(shipped ? base + QLatin1Char(' ') + tr("This shipped dataset sets its own.")
                                  : base);
    }
}

void DatasetOptionsBox::restore(const DatasetOptions& loaded, bool fromFile, const ShippedDataset* shown) {
    // Undo a reverse toggle's swap of the file tokenisation (a loaded file resets it below).
    if (m_reverseCheck->isChecked() != loaded.reverse) std::swap(m_fileSourceTokens, m_fileTargetTokens);
    {
        const QSignalBlocker blockReverse(m_reverseCheck);
        const QSignalBlocker blockLowercase(m_lowercaseCheck);
        const QSignalBlocker blockMaxSource(m_maxSourceSpin);
        const QSignalBlocker blockMaxTarget(m_maxTargetSpin);
        m_reverseCheck->setChecked(loaded.reverse);
        m_lowercaseCheck->setChecked(loaded.lowercase);
        m_maxSourceSpin->setValue(loaded.maxSourceLength);
        m_maxTargetSpin->setValue(loaded.maxTargetLength);
    }
    if (fromFile) {
        m_fileSourceTokens = loaded.sourceTokens;
        m_fileTargetTokens = loaded.targetTokens;
        m_fileTask = loaded.detectTask ? kDetectTask : static_cast<int>(loaded.task);
    }
    showTokenisationOf(shown);
}

void DatasetOptionsBox::onTokenisationChosen() {
    m_fileSourceTokens = tokenisationOf(m_sourceTokensCombo);
    m_fileTargetTokens = tokenisationOf(m_targetTokensCombo);
    Q_EMIT changed();
}

void DatasetOptionsBox::onTaskChosen() {
    m_fileTask = m_taskCombo->currentData().toInt();
    Q_EMIT changed();
}

void DatasetOptionsBox::onReverseToggled() {
    // The file's columns trade places, and their tokenisation goes with them.
    std::swap(m_fileSourceTokens, m_fileTargetTokens);
    showTokenisationOf(m_shown);
    Q_EMIT changed();
}

} // namespace attnlab::ui
