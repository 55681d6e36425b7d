#include "core/data/TaskKind.h"

#include <stdexcept>

namespace attnlab {

const std::vector<TaskKind>& allTaskKinds() {
    static const std::vector<TaskKind> kinds = {TaskKind::Pairs, TaskKind::Classification,
                                                TaskKind::Entailment};
    return kinds;
}

std::string taskKindName(TaskKind kind) {
    switch (kind) {
    case TaskKind::Pairs:
        return "pairs";
    case TaskKind::Classification:
        return "classification";
    case TaskKind::Entailment:
        return "entailment";
    }
    return "pairs";
}

TaskKind parseTaskKind(const std::string& name) {
    for (TaskKind kind : allTaskKinds())
        if (taskKindName(kind) == name) return kind;
    throw std::invalid_argument("unknown task kind '" + name + "' (pairs, classification, entailment)");
}

ModelKind modelKindFor(TaskKind kind) {
    switch (kind) {
    case TaskKind::Pairs:
        return ModelKind::Seq2Seq;
    case TaskKind::Classification:
        return ModelKind::Classifier;
    case TaskKind::Entailment:
        return ModelKind::Entailment;
    }
    return ModelKind::Seq2Seq;
}

bool isLabelTask(TaskKind kind) {
    return kind == TaskKind::Classification || kind == TaskKind::Entailment;
}

std::string joinPremiseHypothesis(std::string_view premise, std::string_view hypothesis) {
    std::string text(premise);
    text += ' ';
    text += kPremiseSeparator;
    text += ' ';
    text += hypothesis;
    return text;
}

} // namespace attnlab
