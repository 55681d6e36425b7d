#include "ui/compare/RunPicker.h"

#include "ui/compare/VariantDialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace attnlab::ui {

namespace {
int scorerRows() {
    return static_cast<int>(allScorers().size());
}
} // namespace

RunPicker::RunPicker(BaseSettings base, QWidget* parent) : QWidget(parent), m_base(std::move(base)) {
    setObjectName(QStringLiteral("runPicker"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("runList"));
    for (ScorerKind kind : allScorers()) {
        auto* item = new QListWidgetItem(QString::fromStdString(scorerName(kind)), m_list);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Unchecked);
        item->setToolTip(tr("A run with this scorer and every other setting from the settings panel"));
    }
    connect(m_list, &QListWidget::itemChanged, this, &RunPicker::changed);
    m_add = new QPushButton(tr("Add variant…"), this);
    m_add->setObjectName(QStringLiteral("addVariantButton"));
    m_add->setToolTip(tr("A run that differs in decoder, input feeding, direction, sizes or dropout"));
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeVariantButton"));
    m_remove->setToolTip(tr("Remove the selected variant"));
    connect(m_add, &QPushButton::clicked, this, &RunPicker::openVariantDialog);
    connect(m_remove, &QPushButton::clicked, this, &RunPicker::removeSelectedVariant);
    auto* buttons = new QVBoxLayout; // stacked: the column stays narrow on a 1024-pixel screen
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* hint = new QLabel(tr("Runs to compare (the rest as in Model and training):"), this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
}

std::vector<RunChoice> RunPicker::checkedRuns() const {
    std::vector<RunChoice> runs;
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->checkState() != Qt::Checked) continue;
        if (row < scorerRows()) {
            const ScorerKind kind = allScorers()[static_cast<size_t>(row)];
            runs.push_back({QString::fromStdString(scorerName(kind)), kind, std::nullopt, std::nullopt});
        } else {
            runs.push_back(m_variants[static_cast<size_t>(row - scorerRows())]);
        }
    }
    return runs;
}

void RunPicker::setScorerChecked(ScorerKind scorer, bool checked) {
    for (int row = 0; row < scorerRows(); ++row)
        if (allScorers()[static_cast<size_t>(row)] == scorer)
            m_list->item(row)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void RunPicker::setAllScorersChecked(bool checked) {
    for (int row = 0; row < scorerRows(); ++row)
        m_list->item(row)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

QStringList RunPicker::names() const {
    QStringList taken;
    for (int row = 0; row < m_list->count(); ++row) taken << m_list->item(row)->text();
    return taken;
}

bool RunPicker::addVariant(const RunChoice& variant) {
    if (variant.name.isEmpty() || names().contains(variant.name)) return false;
    m_variants.push_back(variant);
    auto* item = new QListWidgetItem(variant.name, m_list);
    item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setCheckState(Qt::Checked);
    if (variant.config) {
        const auto [base, dropout] = m_base();
        item->setToolTip(
            tr("Variant: %1")
                .arg(RunChoice::describe(*variant.config, variant.dropout.value_or(dropout), base, dropout)));
    }
    Q_EMIT changed();
    return true;
}

void RunPicker::openVariantDialog() {
    const auto [base, dropout] = m_base();
    auto* dialog = new VariantDialog(base, dropout, names(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { addVariant(dialog->choice()); });
    dialog->open();
}

void RunPicker::removeSelectedVariant() {
    const int row = m_list->currentRow();
    if (row < scorerRows() || row >= m_list->count()) return;
    delete m_list->takeItem(row);
    m_variants.erase(m_variants.begin() + (row - scorerRows()));
    Q_EMIT changed();
}

void RunPicker::setLocked(bool locked) {
    m_list->setEnabled(!locked);
    m_add->setEnabled(!locked);
    m_remove->setEnabled(!locked);
}

} // namespace attnlab::ui
