#include "ui/lessons/Lesson.h"

#include <QCoreApplication>

namespace attnlab::ui {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("attnlab::ui::Lesson", text);
}
} // namespace

const std::vector<Lesson>& lessons() {
    using Tab = LessonSetup::Tab;
    static const std::vector<Lesson> all = {
        {tr("1. What attention looks at"),
         QStringLiteral(":/attnlab/lessons/1-what-attention-looks-at.md"),
         {.dataset = QStringLiteral("dates"), .tab = Tab::Train}},
        {tr("2. Why attention"),
         QStringLiteral(":/attnlab/lessons/2-why-attention.md"),
         {.dataset = QStringLiteral("copy_long"),
          .tab = Tab::Compare,
          .defaults = false,
          .compareScorers = {ScorerKind::None, ScorerKind::Additive, ScorerKind::LocationAware}}},
        {tr("3. The scoring functions compared"),
         QStringLiteral(":/attnlab/lessons/3-scoring-functions.md"),
         {.dataset = QStringLiteral("dates"), .tab = Tab::Compare, .compareScorers = allScorers()}},
        {tr("4. Reading alignments: reverse and sort"),
         QStringLiteral(":/attnlab/lessons/4-reading-alignments.md"),
         {.dataset = QStringLiteral("reverse"), .tab = Tab::Train, .epochs = 8, .hidden = 64}},
        {tr("5. When attention is not an explanation"),
         QStringLiteral(":/attnlab/lessons/5-not-an-explanation.md"),
         {.dataset = QStringLiteral("dates"), .tab = Tab::Mechanism}},
    };
    return all;
}

} // namespace attnlab::ui
