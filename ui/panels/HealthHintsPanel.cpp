#include "ui/panels/HealthHintsPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace attnlab::ui {

HealthHintsPanel::HealthHintsPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("healthHintsPanel"));
    m_heading = new QLabel(this);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    auto* dismiss = new QToolButton(this);
    dismiss->setText(tr("Dismiss"));
    dismiss->setToolTip(tr("Hide these hints (new ones appear as training finds them)"));
    connect(dismiss, &QToolButton::clicked, this, &HealthHintsPanel::clear);
    m_text = new QTextBrowser(this);
    m_text->setObjectName(QStringLiteral("healthHintsText"));
    m_text->setOpenLinks(false);
    m_text->setMinimumHeight(m_text->fontMetrics().lineSpacing() * 4);
    auto* top = new QHBoxLayout;
    top->addWidget(m_heading, 1);
    top->addWidget(dismiss);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addLayout(top);
    layout->addWidget(m_text, 1);
    render();
}

void HealthHintsPanel::addHint(const HealthHint& hint) {
    m_hints.push_back(hint);
    render();
}

void HealthHintsPanel::clear() {
    m_hints.clear();
    render();
}

QString HealthHintsPanel::text() const {
    return m_text->toPlainText();
}

void HealthHintsPanel::render() {
    setVisible(!m_hints.empty());
    m_heading->setText(tr("%n hint(s) about this run", "", static_cast<int>(m_hints.size())));
    QString html;
    for (auto it = m_hints.rbegin(); it != m_hints.rend(); ++it) // the newest first
        html +=
            tr("<p><b>⚠ %1</b> <span style=\"color:#888\">(epoch %2, step %3)</span><br>%4<br><i>Try:</i> "
               "%5</p>")
                .arg(QString::fromStdString(it->title).toHtmlEscaped())
                .arg(it->epoch)
                .arg(it->step)
                .arg(QString::fromStdString(it->explanation).toHtmlEscaped(),
                     QString::fromStdString(it->advice).toHtmlEscaped());
    m_text->setHtml(html);
}

} // namespace attnlab::ui
