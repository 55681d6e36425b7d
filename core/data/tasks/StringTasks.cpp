#include "core/data/tasks/StringTasks.h"

#include "core/data/tasks/TaskUtil.h"

#include <algorithm>
#include <numeric>

namespace attnlab::tasks {
namespace {

constexpr std::string_view Letters = "abcdefghijklmnopqrstuvwxyz";
constexpr std::string_view Digits = "0123456789";

} // namespace

TextPair reversePair(std::string_view text) {
    TextPair pair{std::string(text), std::string(text.rbegin(), text.rend()), {}};
    const int n = static_cast<int>(text.size());
    for (int i = 0; i < n; ++i) pair.alignment.push_back({i, n - 1 - i, true});
    return pair;
}

TextPair sortPair(std::string_view digits) {
    const int n = static_cast<int>(digits.size());
    // order[j] = the source position whose digit lands at target position j.
    std::vector<int> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return digits[a] < digits[b]; });
    TextPair pair{std::string(digits), std::string(), {}};
    for (int j = 0; j < n; ++j) {
        pair.target += digits[static_cast<std::size_t>(order[static_cast<std::size_t>(j)])];
        pair.alignment.push_back({order[static_cast<std::size_t>(j)], j, true});
    }
    std::sort(pair.alignment.begin(), pair.alignment.end());
    return pair;
}

TextPair copyPair(std::string_view text) {
    TextPair pair{std::string(text), std::string(text), {}};
    for (int i = 0; i < static_cast<int>(text.size()); ++i) pair.alignment.push_back({i, i, true});
    return pair;
}

TextPair sampleReverse(Random& rng) {
    return reversePair(randomString(rng, Letters, uniformInt(rng, 4, 16)));
}

TextPair sampleSort(Random& rng) {
    return sortPair(randomString(rng, Digits, uniformInt(rng, 3, 12)));
}

TextPair sampleCopyLong(Random& rng) {
    return copyPair(randomString(rng, Letters, uniformInt(rng, 5, 60)));
}

} // namespace attnlab::tasks
