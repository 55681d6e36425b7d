#include "ui/mechanism/MechanismControls.h"

#include "ui/shortcuts/ShortcutList.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QShortcut>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace attnlab::ui {

double MechanismControls::temperatureAt(int position) {
    return position == 0 ? 1.0 : std::pow(10.0, position / 100.0); // exactly 1 in the middle
}

int MechanismControls::positionOf(double temperature) {
    return static_cast<int>(std::lround(std::clamp(std::log10(temperature), -1.0, 1.0) * 100.0));
}

MechanismControls::MechanismControls(QWidget* parent) : QWidget(parent) {
    // The keys work anywhere in the workspace (the step view, the heatmap), not only in this row.
    QWidget* scope = parent ? parent : this;
    setObjectName(QStringLiteral("mechanismControls"));
    m_sentence = new QLineEdit(this);
    m_sentence->setObjectName(QStringLiteral("mechanismSentence"));
    m_sentence->setClearButtonEnabled(true);
    m_sentence->setToolTip(tr("Type a sentence and press Enter to step through its decoding."));
    m_pairs = new QComboBox(this);
    m_pairs->setObjectName(QStringLiteral("mechanismPairs"));
    m_pairs->setMinimumContentsLength(12);
    m_pairs->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_pairs->setPlaceholderText(tr("or pick a validation pair"));
    m_pairs->setToolTip(tr("A validation pair: its gold links are drawn on the heatmap."));

    auto button = [this, scope](const QString& text, const QString& tip, const QKeySequence& key,
                                QStyle::StandardPixmap icon = QStyle::SP_CustomBase) {
        auto* b = new QToolButton(this);
        b->setText(text);
        if (icon != QStyle::SP_CustomBase) {
            b->setIcon(style()->standardIcon(icon));
            b->setToolButtonStyle(text.isEmpty() ? Qt::ToolButtonIconOnly : Qt::ToolButtonTextBesideIcon);
        }
        b->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        b->setAutoRaise(true);
        auto* shortcut = new QShortcut(key, scope);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        describeShortcut(*shortcut, tr("Mechanism tab"), tip);
        connect(shortcut, &QShortcut::activated, b, &QToolButton::click);
        return b;
    };
    QToolButton* first =
        button(QString(), tr("First step"), QKeySequence(Qt::Key_Home), QStyle::SP_MediaSkipBackward);
    QToolButton* previous =
        button(QString(), tr("Previous step"), QKeySequence(Qt::Key_Left), QStyle::SP_MediaSeekBackward);
    m_play = button(tr("Play"), tr("Play the steps one after another"), QKeySequence(Qt::Key_P),
                    QStyle::SP_MediaPlay);
    QToolButton* next =
        button(QString(), tr("Next step"), QKeySequence(Qt::Key_Right), QStyle::SP_MediaSeekForward);
    QToolButton* last =
        button(QString(), tr("Last step"), QKeySequence(Qt::Key_End), QStyle::SP_MediaSkipForward);
    m_reset =
        button(tr("Reset what-if"), tr("Back to the model's own decoding"), QKeySequence(Qt::Key_Escape));
    m_reset->setObjectName(QStringLiteral("resetWhatIf"));
    m_stepText = new QLabel(this);
    m_stepText->setObjectName(QStringLiteral("mechanismStepText"));
    m_stepText->setMinimumWidth(
        m_stepText->fontMetrics().horizontalAdvance(QStringLiteral("Step 888 of 888")));

    m_temperature = new QSlider(Qt::Horizontal, this);
    m_temperature->setObjectName(QStringLiteral("temperatureSlider"));
    m_temperature->setRange(-100, 100);
    m_temperature->setValue(0);
    m_temperature->setMinimumWidth(90);
    m_temperature->setToolTip(
        tr("Temperature τ: the scores are divided by τ before the softmax. Below 1 the "
           "weights sharpen, above 1 they spread out; τ = 1 is the model's own decoding. "
           "Ctrl+0 sets it back to 1."));
    m_temperatureText = new QLabel(this);
    m_temperatureText->setMinimumWidth(
        m_temperatureText->fontMetrics().horizontalAdvance(QStringLiteral("τ = 10.00")));
    auto* unit = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_0), scope);
    unit->setContext(Qt::WidgetWithChildrenShortcut);
    describeShortcut(*unit, tr("Mechanism tab"), tr("Temperature back to τ = 1"));
    connect(unit, &QShortcut::activated, this, [this] { m_temperature->setValue(0); });
    m_beam = new QSpinBox(this);
    m_beam->setObjectName(QStringLiteral("mechanismBeam"));
    m_beam->setRange(1, 10);
    m_beam->setPrefix(tr("beam "));
    m_beam->setToolTip(tr("Beam width: above 1 the beam explorer shows every hypothesis beam search held."));
    auto* exportButton = new QToolButton(this);
    exportButton->setText(tr("E&xport"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    m_export = new QMenu(exportButton);
    exportButton->setMenu(m_export);

    // Two rows of about equal width, so the tab fits beside the docks on a 1280-pixel projector:
    // what to inspect and what to do with it, then how to move through it.
    auto* input = new QHBoxLayout;
    input->addWidget(new QLabel(tr("Sentence:"), this));
    input->addWidget(m_sentence, 2);
    input->addWidget(m_pairs, 1);
    input->addWidget(m_beam);
    input->addWidget(m_reset);
    input->addWidget(exportButton);
    auto* steps = new QHBoxLayout;
    for (QWidget* w : std::initializer_list<QWidget*>{first, previous, m_play, next, last, m_stepText})
        steps->addWidget(w);
    steps->addSpacing(12);
    steps->addWidget(new QLabel(tr("Temperature:"), this));
    steps->addWidget(m_temperature, 1);
    steps->addWidget(m_temperatureText);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addLayout(input);
    layout->addLayout(steps);

    connect(m_sentence, &QLineEdit::returnPressed, this,
            [this] { Q_EMIT sentenceEntered(m_sentence->text()); });
    connect(m_pairs, &QComboBox::activated, this, &MechanismControls::pairChosen);
    connect(m_temperature, &QSlider::valueChanged, this, [this](int position) {
        setTemperatureText(temperatureAt(position));
        Q_EMIT temperatureChanged(temperatureAt(position));
    });
    connect(m_beam, &QSpinBox::valueChanged, this, &MechanismControls::beamWidthChanged);
    connect(first, &QToolButton::clicked, this, &MechanismControls::firstStep);
    connect(previous, &QToolButton::clicked, this, &MechanismControls::previousStep);
    connect(next, &QToolButton::clicked, this, &MechanismControls::nextStep);
    connect(last, &QToolButton::clicked, this, &MechanismControls::lastStep);
    connect(m_play, &QToolButton::clicked, this, &MechanismControls::playToggled);
    connect(m_reset, &QToolButton::clicked, this, &MechanismControls::resetWhatIf);
    setTemperatureText(1.0);
    setWhatIfActive(false);
}

void MechanismControls::setStepText(const QString& text) {
    m_stepText->setText(text);
}

void MechanismControls::setTemperatureText(double temperature) {
    m_temperatureText->setText(QStringLiteral("τ = %1").arg(temperature, 0, 'f', 2));
}

void MechanismControls::setPlaying(bool playing) {
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void MechanismControls::setWhatIfActive(bool active) {
    m_reset->setEnabled(active);
}

} // namespace attnlab::ui
