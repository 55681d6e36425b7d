#pragma once
// The lessons inside the application (Help > Lessons): pages of Markdown shipped as resources
// (resources/lessons/), each with the state its "Set it up" button puts the window in.
#include "core/nn/ModelConfig.h"

#include <QString>

#include <vector>

namespace attnlab::ui {

struct LessonSetup {
    enum class Tab { Train, Compare, Mechanism };

    QString dataset;                          // a shipped dataset's name
    Tab tab = Tab::Train;                     // the central tab in front
    bool defaults = true;                     // the default settings, else the dataset's recommended ones
    int epochs = 0;                           // with defaults: this many epochs (0: the default 15)
    int hidden = 0;                           // with defaults: this hidden size (0: the default 128)
    std::vector<ScorerKind> compareScorers{}; // the runs ticked on the Compare tab
};

struct Lesson {
    QString title;
    QString resource; // ":/attnlab/lessons/….md"
    LessonSetup setup;
};

// The five lessons, in order.
const std::vector<Lesson>& lessons();

} // namespace attnlab::ui
