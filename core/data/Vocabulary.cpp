#include "core/data/Vocabulary.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <stdexcept>

namespace attnlab {

Vocabulary::Vocabulary() : Vocabulary(std::vector<std::string>(SpecialTokens.begin(), SpecialTokens.end())) {}

Vocabulary::Vocabulary(std::vector<std::string> tokens) : m_tokens(std::move(tokens)) {
    m_ids.reserve(m_tokens.size());
    for (int i = 0; i < size(); ++i) {
        if (!m_ids.emplace(m_tokens[static_cast<std::size_t>(i)], i).second)
            throw std::invalid_argument("vocabulary: token '" + m_tokens[static_cast<std::size_t>(i)] +
                                        "' appears twice");
    }
}

Vocabulary Vocabulary::build(const std::unordered_map<std::string, std::int64_t>& counts, int minFrequency,
                             int maxSize) {
    std::vector<std::pair<std::string, std::int64_t>> kept;
    for (const auto& [token, count] : counts) {
        const bool special =
            std::find(SpecialTokens.begin(), SpecialTokens.end(), token) != SpecialTokens.end();
        if (count >= minFrequency && !special && !token.empty()) kept.emplace_back(token, count);
    }
    std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (maxSize > 0) {
        const std::size_t room = maxSize > static_cast<int>(SpecialTokens.size())
                                     ? static_cast<std::size_t>(maxSize) - SpecialTokens.size()
                                     : 0;
        if (kept.size() > room) kept.resize(room);
    }
    std::vector<std::string> tokens(SpecialTokens.begin(), SpecialTokens.end());
    for (auto& entry : kept) tokens.push_back(std::move(entry.first));
    return Vocabulary(std::move(tokens));
}

Vocabulary Vocabulary::build(const std::vector<std::vector<std::string>>& tokenLists, int minFrequency,
                             int maxSize) {
    std::unordered_map<std::string, std::int64_t> counts;
    for (const auto& tokens : tokenLists)
        for (const std::string& token : tokens) ++counts[token];
    return build(counts, minFrequency, maxSize);
}

Vocabulary Vocabulary::fromTokens(std::vector<std::string> tokens) {
    for (std::size_t i = 0; i < SpecialTokens.size(); ++i) {
        if (i >= tokens.size() || tokens[i] != SpecialTokens[i])
            throw std::invalid_argument("vocabulary: id " + std::to_string(i) + " must be " +
                                        std::string(SpecialTokens[i]));
    }
    return Vocabulary(std::move(tokens));
}

int Vocabulary::id(std::string_view token) const {
    const auto it = m_ids.find(token);
    return it == m_ids.end() ? UnknownId : it->second;
}

bool Vocabulary::contains(std::string_view token) const {
    return m_ids.find(token) != m_ids.end();
}

const std::string& Vocabulary::token(int id) const {
    if (id < 0 || id >= size())
        throw std::out_of_range("vocabulary: id " + std::to_string(id) + " outside 0.." +
                                std::to_string(size() - 1));
    return m_tokens[static_cast<std::size_t>(id)];
}

std::vector<int> Vocabulary::encode(const std::vector<std::string>& tokens, int* unknownCount) const {
    std::vector<int> ids;
    ids.reserve(tokens.size());
    for (const std::string& token : tokens) {
        int i = id(token);
        if (i < static_cast<int>(SpecialTokens.size())) i = UnknownId;
        if (i == UnknownId && unknownCount) ++*unknownCount;
        ids.push_back(i);
    }
    return ids;
}

std::vector<std::string> Vocabulary::decode(const std::vector<int>& ids) const {
    std::vector<std::string> tokens;
    tokens.reserve(ids.size());
    for (const int i : ids) tokens.push_back(token(i));
    return tokens;
}

std::string Vocabulary::toJson() const {
    return nlohmann::json(m_tokens).dump();
}

Vocabulary Vocabulary::fromJson(std::string_view json) {
    nlohmann::json parsed;
    try {
        parsed = nlohmann::json::parse(json);
    } catch (const nlohmann::json::exception& e) { // parse_error, or out_of_range for a number like 1e400
        // nlohmann's what() starts with "[json.exception.parse_error.101] "; only the rest says anything.
        const std::string reason = e.what();
        const auto bracket = reason.find("] ");
        throw std::invalid_argument("vocabulary: not JSON: " +
                                    (bracket == std::string::npos ? reason : reason.substr(bracket + 2)));
    }
    if (!parsed.is_array()) throw std::invalid_argument("vocabulary: expected a JSON array of strings");
    std::vector<std::string> tokens;
    tokens.reserve(parsed.size());
    for (const auto& item : parsed) {
        if (!item.is_string()) throw std::invalid_argument("vocabulary: expected a JSON array of strings");
        tokens.push_back(item.get<std::string>());
    }
    return fromTokens(std::move(tokens));
}

} // namespace attnlab
