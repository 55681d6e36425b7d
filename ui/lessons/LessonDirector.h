#pragma once
// Puts the window in the state a lesson talks about ("Set it up"): its dataset (loaded on the
// loader's thread; the rest follows once it is in), the default settings or the dataset's
// recommended ones, the runs ticked on the Compare tab, and the tab in front. Refused, with a
// message, while something trains.
#include "ui/lessons/Lesson.h"

#include <QObject>

#include <optional>

namespace attnlab::ui {

class MainWindow;

class LessonDirector : public QObject {
    Q_OBJECT
public:
    explicit LessonDirector(MainWindow& window);

    void setUp(const Lesson& lesson);

Q_SIGNALS:
    void ready(const QString& title); // the window is in the lesson's state
    void status(const QString& message);

private:
    void finish();

    MainWindow& m_window;
    std::optional<Lesson> m_pending; // waiting for its dataset
};

} // namespace attnlab::ui
