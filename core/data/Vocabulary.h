#pragma once
// Token <-> id maps. Ids 0..3 are the specials <pad>, <s>, </s>, <unk> (core/nn/SequenceBatch.h);
// the rest are the tokens of the training split, most frequent first, ties in byte order, so the
// same data always gives the same ids. Saved in model files as a JSON array in id order.
#include <cstddef> // before SequenceBatch.h, which uses size_t without including it

#include "core/nn/SequenceBatch.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace attnlab {

class Vocabulary {
public:
    static constexpr std::array<std::string_view, 4> SpecialTokens = {"<pad>", "<s>", "</s>", "<unk>"};

    Vocabulary(); // the specials only

    // From token counts: tokens seen at least minFrequency times; maxSize > 0 caps the size
    // (specials included), keeping the most frequent.
    static Vocabulary build(const std::unordered_map<std::string, std::int64_t>& counts, int minFrequency = 1,
                            int maxSize = 0);
    static Vocabulary build(const std::vector<std::vector<std::string>>& tokenLists, int minFrequency = 1,
                            int maxSize = 0);
    // From tokens in id order, as saved; the four specials must come first, no duplicates.
    // Throws std::invalid_argument otherwise.
    static Vocabulary fromTokens(std::vector<std::string> tokens);

    int size() const { return static_cast<int>(m_tokens.size()); }
    int id(std::string_view token) const; // UnknownId when absent
    bool contains(std::string_view token) const;
    const std::string& token(int id) const; // throws std::out_of_range
    const std::vector<std::string>& tokens() const { return m_tokens; }

    // Ids of data tokens. A token not in the vocabulary is UnknownId and counted in
    // *unknownCount (added to, when given). A special's spelling in the text ("</s>") is data,
    // not a control token, so it also maps to UnknownId.
    std::vector<int> encode(const std::vector<std::string>& tokens, int* unknownCount = nullptr) const;
    std::vector<std::string> decode(const std::vector<int>& ids) const;

    std::string toJson() const;                        // ["<pad>","<s>","</s>","<unk>","a",...]
    static Vocabulary fromJson(std::string_view json); // throws std::invalid_argument

    friend bool operator==(const Vocabulary& a, const Vocabulary& b) { return a.m_tokens == b.m_tokens; }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    explicit Vocabulary(std::vector<std::string> tokens);

    std::vector<std::string> m_tokens;
    std::unordered_map<std::string, int, Hash, std::equal_to<>> m_ids;
};

} // namespace attnlab
