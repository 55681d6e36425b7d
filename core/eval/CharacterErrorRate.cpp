#include "core/eval/CharacterErrorRate.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace attnlab {

namespace {
// The code points of `text`; a byte that does not start a valid sequence stands for itself, so
// a broken transcript is still compared rather than refused.
std::vector<char32_t> codePoints(std::string_view text) {
    std::vector<char32_t> points;
    points.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const int extra = lead < 0x80           ? 0
                          : (lead >> 5) == 0x6  ? 1
                          : (lead >> 4) == 0xE  ? 2
                          : (lead >> 3) == 0x1E ? 3
                                                : -1;
        bool valid = extra >= 0 && i + static_cast<std::size_t>(extra) < text.size();
        char32_t point = extra <= 0 ? lead : lead & (0x3F >> extra);
        for (int k = 1; valid && k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
            valid = (next & 0xC0) == 0x80;
            point = (point << 6) | (next & 0x3F);
        }
        if (!valid) {
            points.push_back(0xDC00 + lead); // a lone surrogate: never equal to a decoded character
            ++i;
            continue;
        }
        points.push_back(point);
        i += static_cast<std::size_t>(extra) + 1;
    }
    return points;
}
} // namespace

long characterEditDistance(std::string_view hypothesis, std::string_view reference) {
    const std::vector<char32_t> h = codePoints(hypothesis);
    const std::vector<char32_t> r = codePoints(reference);
    // Two rows of the (|h|+1) x (|r|+1) dynamic-programming table: previous[j] = distance between
    // the first i-1 hypothesis points and the first j reference points.
    std::vector<long> previous(r.size() + 1), current(r.size() + 1);
    for (std::size_t j = 0; j <= r.size(); ++j) previous[j] = static_cast<long>(j);
    for (std::size_t i = 1; i <= h.size(); ++i) {
        current[0] = static_cast<long>(i);
        for (std::size_t j = 1; j <= r.size(); ++j) {
            const long substitute = previous[j - 1] + (h[i - 1] == r[j - 1] ? 0 : 1);
            current[j] = std::min({substitute, previous[j] + 1, current[j - 1] + 1});
        }
        std::swap(previous, current);
    }
    return previous[r.size()];
}

void CharacterErrorRate::add(std::string_view hypothesis, std::string_view reference) {
    m_edits += characterEditDistance(hypothesis, reference);
    m_referenceCharacters += static_cast<long>(codePoints(reference).size());
    ++m_examples;
}

double CharacterErrorRate::rate() const {
    if (m_referenceCharacters == 0) return std::numeric_limits<double>::quiet_NaN();
    return static_cast<double>(m_edits) / static_cast<double>(m_referenceCharacters);
}

} // namespace attnlab
