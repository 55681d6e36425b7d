#include "core/data/Dataset.h"

#include "core/data/PremiseHypothesis.h"

#include <stdexcept>

namespace attnlab {

const Dataset::Record& Dataset::record(int i) const {
    if (i < 0 || i >= size())
        throw std::out_of_range("dataset '" + m_name + "': pair " + std::to_string(i) + " of " +
                                std::to_string(size()));
    return m_records[static_cast<std::size_t>(i)];
}

std::string_view Dataset::source(int i) const {
    const Record& r = record(i);
    return std::string_view(m_text).substr(r.textOffset, r.sourceBytes);
}

std::string_view Dataset::target(int i) const {
    const Record& r = record(i);
    return std::string_view(m_text).substr(r.textOffset + r.sourceBytes, r.targetBytes);
}

std::span<const AlignmentLink> Dataset::alignment(int i) const {
    const Record& r = record(i);
    return std::span<const AlignmentLink>(m_links.data() + r.linkOffset, r.linkCount);
}

std::int64_t Dataset::lineNumber(int i) const {
    return record(i).line;
}

std::vector<std::string> Dataset::sourceTokens(int i) const {
    return tokenize(source(i), m_options.sourceTokens);
}

std::vector<std::string> Dataset::targetTokens(int i) const {
    return tokenize(target(i), m_options.targetTokens);
}

TextPair Dataset::pair(int i) const {
    const std::span<const AlignmentLink> links = alignment(i);
    return TextPair{std::string(source(i)), std::string(target(i)), Alignment(links.begin(), links.end())};
}

int Dataset::premiseLength(int i) const {
    record(i);
    if (m_options.task != TaskKind::Entailment) return -1;
    return attnlab::premiseLength(sourceTokens(i));
}

const SharedFeatures& Dataset::features(int i) const {
    static const SharedFeatures none;
    record(i);
    return m_features.empty() ? none : m_features[static_cast<std::size_t>(i)];
}

const SharedMedia& Dataset::media(int i) const {
    static const SharedMedia none;
    record(i);
    return m_media.empty() ? none : m_media[static_cast<std::size_t>(i)];
}

int Dataset::sourceLength(int i) const {
    if (const SharedFeatures& f = features(i)) return f->columns;
    return static_cast<int>(sourceTokens(i).size());
}

} // namespace attnlab
