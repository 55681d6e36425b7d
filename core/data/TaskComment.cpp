#include "core/data/TaskComment.h"

#include "core/data/Tokenization.h"
#include "core/data/Utf8.h"

#include <stdexcept>

namespace attnlab {
namespace {

constexpr std::string_view Prefix = "task:";

} // namespace

std::string taskComment(TaskKind kind) {
    return "# task: " + taskKindName(kind);
}

std::optional<TaskKind> parseTaskComment(std::string_view line) {
    if (!line.starts_with('#')) return std::nullopt;
    std::string_view rest = trimUnicodeWhitespace(line.substr(1));
    if (!rest.starts_with(Prefix)) return std::nullopt;
    rest = trimUnicodeWhitespace(rest.substr(Prefix.size()));
    if (tokenCount(rest, Tokenization::Word) != 1) return std::nullopt;
    std::string name(rest);
    for (char& c : name)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    try {
        return parseTaskKind(name);
    } catch (const std::invalid_argument&) {
        throw std::invalid_argument("the comment '# task: " + std::string(rest) +
                                    "' names no task kind (pairs, classification, entailment)");
    }
}

} // namespace attnlab
