#include "core/data/PharaohAlignment.h"

#include <algorithm>
#include <limits>

namespace attnlab {
namespace {

bool isBlank(char c) {
    return c == ' ' || c == '\t';
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

enum class IndexStatus { Ok, Malformed, TooLarge };

IndexStatus parseIndex(std::string_view digits, int& value) {
    if (digits.empty()) return IndexStatus::Malformed;
    long long v = 0;
    for (const char c : digits) {
        if (!isDigit(c)) return IndexStatus::Malformed;
        v = v * 10 + (c - '0');
        if (v > std::numeric_limits<int>::max()) return IndexStatus::TooLarge;
    }
    value = static_cast<int>(v);
    return IndexStatus::Ok;
}

// A word's link status: its source and target indices, each digits only ("1-x" is Malformed).
IndexStatus parseLinkIndices(std::string_view word, std::size_t& separator, AlignmentLink& link) {
    separator = word.find_first_of("-?");
    if (separator == std::string_view::npos) return IndexStatus::Malformed;
    const IndexStatus source = parseIndex(word.substr(0, separator), link.source);
    return source != IndexStatus::Ok ? source : parseIndex(word.substr(separator + 1), link.target);
}

AlignmentLink parseLink(std::string_view word) {
    std::size_t separator = 0;
    AlignmentLink link;
    const IndexStatus status = parseLinkIndices(word, separator, link);
    if (status != IndexStatus::Ok)
        throw std::invalid_argument(
            "malformed alignment link '" + std::string(word) + "': " +
            (status == IndexStatus::TooLarge
                 ? "index too large"
                 : "expected i-j (sure) or i?j (possible) with 0-based token indices"));
    link.sure = word[separator] == '-';
    return link;
}

// Calls `visit` with each blank-separated word of `text`, in order.
template <class Visit> void forEachWord(std::string_view text, Visit visit) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && isBlank(text[pos])) ++pos;
        std::size_t end = pos;
        while (end < text.size() && !isBlank(text[end])) ++end;
        if (end > pos) visit(text.substr(pos, end - pos));
        pos = end;
    }
}

} // namespace

Alignment parseAlignment(std::string_view text) {
    Alignment links;
    forEachWord(text, [&links](std::string_view word) { links.push_back(parseLink(word)); });
    Alignment sorted = links;
    sortAlignment(sorted);
    for (std::size_t i = 1; i < sorted.size(); ++i) {
        if (sorted[i].source == sorted[i - 1].source && sorted[i].target == sorted[i - 1].target)
            throw std::invalid_argument("duplicate alignment link between source " +
                                        std::to_string(sorted[i].source) + " and target " +
                                        std::to_string(sorted[i].target));
    }
    return links;
}

std::string formatAlignment(const Alignment& alignment) {
    std::string out;
    for (const AlignmentLink& link : alignment) {
        if (!out.empty()) out += ' ';
        out += std::to_string(link.source);
        out += link.sure ? '-' : '?';
        out += std::to_string(link.target);
    }
    return out;
}

bool looksLikeAlignment(std::string_view text) {
    // The grammar parseLink reads; an index too large for an int is still shaped like a link, so
    // parseAlignment reports it rather than the column being ignored.
    int words = 0;
    int links = 0;
    forEachWord(text, [&](std::string_view word) {
        std::size_t separator = 0;
        AlignmentLink link;
        ++words;
        links += parseLinkIndices(word, separator, link) != IndexStatus::Malformed;
    });
    return 2 * links >= words;
}

void sortAlignment(Alignment& alignment) {
    std::sort(alignment.begin(), alignment.end(), [](const AlignmentLink& a, const AlignmentLink& b) {
        return a.source != b.source ? a.source < b.source : a.target < b.target;
    });
}

Alignment transposeAlignment(const Alignment& alignment) {
    Alignment out;
    out.reserve(alignment.size());
    for (const AlignmentLink& link : alignment) out.push_back({link.target, link.source, link.sure});
    sortAlignment(out);
    return out;
}

} // namespace attnlab
