#include "ui/compare/VariantDialog.h"
#include "ui/theme/ThemedTextColour.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <stdexcept>

namespace attnlab::ui {

VariantDialog::VariantDialog(const ModelConfig& base, double baseDropout, QStringList takenNames,
                             QWidget* parent)
    : QDialog(parent), m_base(base), m_baseDropout(baseDropout), m_taken(std::move(takenNames)) {
    setWindowTitle(tr("Add Variant"));
    setObjectName(QStringLiteral("variantDialog"));
    m_name = new QLineEdit(this);
    m_scorer = new QComboBox(this);
    for (ScorerKind kind : allScorers())
        m_scorer->addItem(QString::fromStdString(scorerName(kind)), static_cast<int>(kind));
    m_scorer->setCurrentIndex(m_scorer->findData(static_cast<int>(base.scorer)));
    m_decoder = new QComboBox(this);
    m_decoder->addItem(tr("Luong (attention after the LSTM step)"), static_cast<int>(DecoderStyle::Luong));
    m_decoder->addItem(tr("Bahdanau (attention before the LSTM step)"),
                       static_cast<int>(DecoderStyle::Bahdanau));
    m_decoder->setCurrentIndex(m_decoder->findData(static_cast<int>(base.decoder)));
    m_inputFeeding = new QCheckBox(tr("Feed h̃ back into the next step (Luong)"), this);
    m_inputFeeding->setChecked(base.inputFeeding);
    m_bidirectional = new QCheckBox(tr("Read the source both ways"), this);
    m_bidirectional->setChecked(base.bidirectional);
    const auto spin = [this](int low, int high, int value) {
        auto* box = new QSpinBox(this);
        box->setRange(low, high);
        box->setValue(value);
        return box;
    };
    m_embedding = spin(1, 1024, base.embedding);
    m_hidden = spin(2, 2048, base.hidden);
    m_attention = spin(0, 2048, base.attentionDim);
    m_attention->setSpecialValueText(tr("as hidden"));
    m_dropout = new QDoubleSpinBox(this);
    m_dropout->setRange(0.0, 0.9);
    m_dropout->setSingleStep(0.05);
    m_dropout->setValue(baseDropout);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("variantProblem"));
    keepTextColour(*m_problem, QColor(0xb0, 0x00, 0x20)); // a red that reads on either theme
    m_problem->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Scorer"), m_scorer);
    form->addRow(tr("Decoder"), m_decoder);
    form->addRow(tr("Input feeding"), m_inputFeeding);
    form->addRow(tr("Bidirectional"), m_bidirectional);
    form->addRow(tr("Embedding size"), m_embedding);
    form->addRow(tr("Hidden size"), m_hidden);
    form->addRow(tr("Attention size"), m_attention);
    form->addRow(tr("Dropout"), m_dropout);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &VariantDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &VariantDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameTyped = !m_name->text().isEmpty(); });
    for (QComboBox* box : {m_scorer, m_decoder})
        connect(box, &QComboBox::currentIndexChanged, this, &VariantDialog::updateName);
    for (QCheckBox* box : {m_inputFeeding, m_bidirectional})
        connect(box, &QCheckBox::toggled, this, &VariantDialog::updateName);
    for (QSpinBox* box : {m_embedding, m_hidden, m_attention})
        connect(box, &QSpinBox::valueChanged, this, &VariantDialog::updateName);
    connect(m_dropout, &QDoubleSpinBox::valueChanged, this, &VariantDialog::updateName);
    updateName();
}

ModelConfig VariantDialog::config() const {
    ModelConfig c = m_base;
    c.scorer = static_cast<ScorerKind>(m_scorer->currentData().toInt());
    c.decoder = static_cast<DecoderStyle>(m_decoder->currentData().toInt());
    c.inputFeeding = m_inputFeeding->isChecked();
    c.bidirectional = m_bidirectional->isChecked();
    c.embedding = m_embedding->value();
    c.hidden = m_hidden->value();
    c.attentionDim = m_attention->value();
    return c;
}

void VariantDialog::updateName() {
    m_inputFeeding->setEnabled(m_decoder->currentData().toInt() == static_cast<int>(DecoderStyle::Luong));
    if (!m_nameTyped)
        m_name->setText(RunChoice::describe(config(), m_dropout->value(), m_base, m_baseDropout));
    m_problem->clear();
}

RunChoice VariantDialog::choice() const {
    const ModelConfig c = config();
    return {m_name->text().trimmed(), c.scorer, c, m_dropout->value()};
}

QString VariantDialog::problem() const {
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) return tr("Give the variant a name.");
    if (m_taken.contains(name))
        return tr("There is a run called %1 already: give the variant another name.").arg(name);
    ModelConfig c = config();
    c.sourceVocabulary = c.targetVocabulary = std::max(c.sourceVocabulary, 4); // the data's, later
    try {
        c.validate();
    } catch (const std::invalid_argument& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

void VariantDialog::accept() {
    const QString text = problem();
    if (!text.isEmpty()) {
        m_problem->setText(text);
        return;
    }
    QDialog::accept();
}

} // namespace attnlab::ui
