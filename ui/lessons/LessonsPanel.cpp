#include "ui/lessons/LessonsPanel.h"

#include <QComboBox>
#include <QFile>
#include <QHBoxLayout>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace attnlab::ui {

LessonsPanel::LessonsPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("lessonsPanel"));
    m_pages = new QComboBox(this);
    for (const Lesson& lesson : lessons()) m_pages->addItem(lesson.title);
    m_text = new QTextBrowser(this);
    m_text->setObjectName(QStringLiteral("lessonText"));
    m_text->setOpenExternalLinks(false);
    m_previous = new QPushButton(tr("◀ Previous"), this);
    m_next = new QPushButton(tr("Next ▶"), this);
    m_setUp = new QPushButton(tr("Set it up"), this);
    m_setUp->setObjectName(QStringLiteral("lessonSetUp"));
    m_setUp->setToolTip(tr("Open the dataset, the settings and the view this page talks about"));
    QFont bold = m_setUp->font();
    bold.setBold(true);
    m_setUp->setFont(bold);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_previous);
    buttons->addWidget(m_next);
    buttons->addStretch(1);
    buttons->addWidget(m_setUp);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_pages);
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);
    connect(m_pages, &QComboBox::currentIndexChanged, this, &LessonsPanel::show);
    connect(m_previous, &QPushButton::clicked, this, [this] { show(current() - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { show(current() + 1); });
    connect(m_setUp, &QPushButton::clicked, this,
            [this] { Q_EMIT setUpRequested(lessons()[static_cast<size_t>(current())]); });
    show(0);
}

int LessonsPanel::current() const {
    return m_pages->currentIndex();
}

void LessonsPanel::show(int lesson) {
    const int count = static_cast<int>(lessons().size());
    if (lesson < 0 || lesson >= count) return;
    if (m_pages->currentIndex() != lesson) return m_pages->setCurrentIndex(lesson); // comes back here
    QFile page(lessons()[static_cast<size_t>(lesson)].resource);
    m_text->setMarkdown(page.open(QIODevice::ReadOnly) ? QString::fromUtf8(page.readAll())
                                                       : tr("This lesson's page is missing."));
    m_previous->setEnabled(lesson > 0);
    m_next->setEnabled(lesson + 1 < count);
}

QString LessonsPanel::pageText() const {
    return m_text->toPlainText();
}

} // namespace attnlab::ui
