#include "core/data/tasks/NumbersTask.h"

#include "core/data/PharaohAlignment.h"
#include "core/data/tasks/TaskUtil.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string_view>

namespace attnlab::tasks {
namespace {

constexpr std::array<std::string_view, 20> Small = {
    "zero",     "one",     "two",     "three",     "four",     "five",    "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 10> Tens = {"",      "",      "twenty",  "thirty", "forty",
                                                   "fifty", "sixty", "seventy", "eighty", "ninety"};

class WordWriter {
public:
    explicit WordWriter(TextPair& pair) : m_pair(pair) {}

    // Adds a word linked to the source digits in [first, last].
    void word(std::string_view text, int first, int last, bool sure) {
        if (!m_pair.target.empty()) m_pair.target += ' ';
        m_pair.target += text;
        for (int s = first; s <= last; ++s) m_pair.alignment.push_back({s, m_index, sure});
        ++m_index;
    }

    // Words for a group 1..999 whose digits are at source positions at, at+1, at+2; `at` may
    // be negative when the number is shorter, but a digit that produces a word always exists.
    void group(int value, int at) {
        const int hundreds = value / 100, rest = value % 100;
        if (hundreds > 0) {
            word(Small[static_cast<std::size_t>(hundreds)], at, at, true);
            word("hundred", at, at, false);
        }
        if (rest >= 10 && rest < 20) {
            word(Small[static_cast<std::size_t>(rest)], at + 1, at + 2, false);
        } else {
            if (rest >= 20) word(Tens[static_cast<std::size_t>(rest / 10)], at + 1, at + 1, true);
            if (rest % 10 > 0) word(Small[static_cast<std::size_t>(rest % 10)], at + 2, at + 2, true);
        }
    }

private:
    TextPair& m_pair;
    int m_index = 0;
};

} // namespace

TextPair numberPair(int number) {
    if (number < 0 || number > 999999)
        throw std::out_of_range("numbers: " + std::to_string(number) + " is not in 0..999999");
    TextPair pair;
    pair.source = std::to_string(number);
    const int n = static_cast<int>(pair.source.size());
    WordWriter writer(pair);
    if (number == 0) {
        writer.word("zero", 0, 0, true);
        return pair;
    }
    // Source position of the hundreds digit of each group.
    const int thousandsAt = n - 6, unitsAt = n - 3;
    const int thousands = number / 1000, units = number % 1000;
    if (thousands > 0) {
        writer.group(thousands, thousandsAt);
        const int first = std::max(thousandsAt, 0);
        writer.word("thousand", first, unitsAt - 1, false);
    }
    if (units > 0) writer.group(units, unitsAt);
    sortAlignment(pair.alignment);
    return pair;
}

TextPair sampleNumber(Random& rng) {
    const int digits = uniformInt(rng, 1, 6);
    int low = 0, high = 9;
    for (int d = 1; d < digits; ++d) {
        low = d == 1 ? 10 : low * 10;
        high = high * 10 + 9;
    }
    return numberPair(uniformInt(rng, low, high));
}

} // namespace attnlab::tasks
