#include "core/data/TaskGenerators.h"

#include "core/data/PharaohAlignment.h"
#include "core/data/PremiseHypothesis.h"
#include "core/data/TaskComment.h"
#include "core/data/tasks/DatesTask.h"
#include "core/data/tasks/EntailmentTask.h"
#include "core/data/tasks/HeadlinesTask.h"
#include "core/data/tasks/NumbersTask.h"
#include "core/data/tasks/SentimentTask.h"
#include "core/data/tasks/StringTasks.h"
#include "core/data/tasks/TranslationTask.h"

#include <charconv>
#include <stdexcept>
#include <unordered_set>

namespace attnlab {
namespace {

using Sampler = TextPair (*)(Random&);

struct Task {
    const char* name;
    Sampler sample;
    TaskKind kind = TaskKind::Pairs;
};

constexpr Task Tasks[] = {
    {"dates", tasks::sampleDate},
    {"reverse", tasks::sampleReverse},
    {"sort", tasks::sampleSort},
    {"copy_long", tasks::sampleCopyLong},
    {"numbers", tasks::sampleNumber},
    {"translation", tasks::sampleTranslation},
    {"headlines", tasks::sampleHeadline},
    {"sentiment", tasks::sampleSentiment, TaskKind::Classification},
    {"entailment", tasks::sampleEntailment, TaskKind::Entailment},
};

const Task* findTask(std::string_view name) {
    for (const Task& task : Tasks)
        if (name == task.name) return &task;
    return nullptr;
}

constexpr int MaxMissesInARow = 1000;

// Reads the unsigned number after `key` in `line`.
template <class T> std::optional<T> numberAfter(std::string_view line, std::string_view key) {
    const std::size_t at = line.find(key);
    if (at == std::string_view::npos) return std::nullopt;
    const char* begin = line.data() + at + key.size();
    T value{};
    const auto [end, error] = std::from_chars(begin, line.data() + line.size(), value);
    if (error != std::errc() || end == begin) return std::nullopt;
    return value;
}

} // namespace

std::vector<std::string> taskNames() {
    std::vector<std::string> names;
    for (const Task& task : Tasks) names.emplace_back(task.name);
    return names;
}

bool isTaskName(std::string_view name) {
    return findTask(name) != nullptr;
}

TaskKind generatedTaskKind(std::string_view name) {
    const Task* task = findTask(name);
    return task ? task->kind : TaskKind::Pairs;
}

std::vector<TextPair> generateTask(const std::string& name, int count, std::uint64_t seed) {
    const Task* task = findTask(name);
    if (!task) {
        std::string known;
        for (const Task& t : Tasks) known += (known.empty() ? "" : ", ") + std::string(t.name);
        throw std::invalid_argument("unknown task '" + name + "' (known: " + known + ")");
    }
    if (count < 0)
        throw std::invalid_argument("task " + name + ": count must be >= 0, got " + std::to_string(count));
    Random rng(seed);
    std::vector<TextPair> pairs;
    pairs.reserve(static_cast<std::size_t>(count));
    std::unordered_set<std::string> seen;
    int misses = 0;
    bool distinct = true; // until the task seems to have run out of new sources
    while (static_cast<int>(pairs.size()) < count) {
        TextPair pair = task->sample(rng);
        if (distinct && !seen.insert(pair.source).second) {
            if (++misses < MaxMissesInARow) continue;
            distinct = false;
            seen.clear();
        }
        misses = 0;
        pairs.push_back(std::move(pair));
    }
    return pairs;
}

std::string taskHeader(const std::string& name, int count, std::uint64_t seed) {
    std::string columns;
    switch (generatedTaskKind(name)) {
    case TaskKind::Pairs:
        columns = "source, target, gold alignment (Pharaoh: i-j sure, i?j possible)";
        break;
    case TaskKind::Classification:
        columns = "text, label, gold evidence (i-0: word i decides the label)";
        break;
    case TaskKind::Entailment:
        columns = "premise, hypothesis, label, gold links (i-j: premise word i, hypothesis word j)";
        break;
    }
    return "# generator: " + name + "; seed: " + std::to_string(seed) + "; count: " + std::to_string(count) +
           "; made by: attnlab-cli generate " + name + " --count " + std::to_string(count) + " --seed " +
           std::to_string(seed) + "; columns: " + columns + "; licence: CC0-1.0";
}

std::optional<TaskHeader> parseTaskHeader(std::string_view line) {
    constexpr std::string_view Prefix = "# generator: ";
    if (!line.starts_with(Prefix)) return std::nullopt;
    const std::size_t end = line.find(';');
    if (end == std::string_view::npos) return std::nullopt;
    const auto seed = numberAfter<std::uint64_t>(line, "; seed: ");
    const auto count = numberAfter<int>(line, "; count: ");
    if (!seed || !count) return std::nullopt;
    return TaskHeader{std::string(line.substr(Prefix.size(), end - Prefix.size())), *count, *seed};
}

void writeTaskTsv(std::ostream& out, const std::string& name, int count, std::uint64_t seed) {
    const std::vector<TextPair> pairs = generateTask(name, count, seed);
    const TaskKind kind = generatedTaskKind(name);
    out << taskHeader(name, count, seed) << '\n';
    // The kind, so that the file reads back as it (TaskComment.h); pairs files stay as they were.
    if (kind != TaskKind::Pairs) out << taskComment(kind) << '\n';
    for (const TextPair& pair : pairs) {
        if (kind == TaskKind::Entailment) {
            const PremiseHypothesisText parts = splitPremiseHypothesisText(pair.source);
            out << parts.premise << '\t' << parts.hypothesis;
        } else {
            out << pair.source;
        }
        out << '\t' << pair.target << '\t' << formatAlignment(pair.alignment) << '\n';
    }
}

} // namespace attnlab
