#pragma once
// Help > Lessons: a side panel that reads the lessons (Markdown from the resources, offline) a
// page at a time, with Previous / Next and "Set it up", which asks the window for the state the
// page talks about.
#include "ui/lessons/Lesson.h"

#include <QWidget>

class QComboBox;
class QPushButton;
class QTextBrowser;

namespace attnlab::ui {

class LessonsPanel : public QWidget {
    Q_OBJECT
public:
    explicit LessonsPanel(QWidget* parent = nullptr);

    int current() const;
    void show(int lesson); // the page of lessons()[lesson]
    QString pageText() const;
    QPushButton* setUpButton() const { return m_setUp; }

Q_SIGNALS:
    void setUpRequested(const attnlab::ui::Lesson& lesson);

private:
    QComboBox* m_pages;
    QTextBrowser* m_text;
    QPushButton* m_previous;
    QPushButton* m_next;
    QPushButton* m_setUp;
};

} // namespace attnlab::ui
