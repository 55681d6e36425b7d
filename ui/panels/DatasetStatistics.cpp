#include "ui/panels/DatasetStatistics.h"

#include <QCoreApplication>
#include <QLocale>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace attnlab::ui {
namespace {

constexpr int StopCheckEvery = 4096; // pairs between two calls of `stop`

// A set of distinct tokens that looks views up without building a std::string for each one.
class TokenSet {
public:
    void add(std::string_view token) {
        if (m_tokens.find(token) == m_tokens.end()) m_tokens.emplace(token);
    }
    int size() const { return static_cast<int>(m_tokens.size()); }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_set<std::string, Hash, std::equal_to<>> m_tokens;
};

void countLength(std::vector<int>& counts, int length) {
    if (static_cast<std::size_t>(length) >= counts.size())
        counts.resize(static_cast<std::size_t>(length) + 1, 0);
    ++counts[static_cast<std::size_t>(length)];
}

} // namespace

std::optional<DatasetStatistics> computeDatasetStatistics(const Dataset& dataset,
                                                          const std::function<bool()>& stop) {
    DatasetStatistics stats;
    stats.pairs = dataset.size();
    TokenSet sourceTokens;
    TokenSet targetTokens;
    const Tokenization sourceTokenization = dataset.options().sourceTokens;
    const Tokenization targetTokenization = dataset.options().targetTokens;
    for (int i = 0; i < dataset.size(); ++i) {
        if (stop && i % StopCheckEvery == 0 && stop()) return std::nullopt;
        int sourceLength = 0;
        if (dataset.hasFeatures()) {
            // Frames or cells: the source text is a label ("utterance 3", a file), not tokens.
            sourceLength = dataset.sourceLength(i);
        } else {
            forEachToken(dataset.source(i), sourceTokenization, [&](std::string_view token) {
                sourceTokens.add(token);
                ++sourceLength;
            });
        }
        int targetLength = 0;
        forEachToken(dataset.target(i), targetTokenization, [&](std::string_view token) {
            targetTokens.add(token);
            ++targetLength;
        });
        countLength(stats.sourceLengthCounts, sourceLength);
        countLength(stats.targetLengthCounts, targetLength);
    }
    stats.sourceVocabulary = sourceTokens.size();
    stats.targetVocabulary = targetTokens.size();
    return stats;
}

QString statisticsText(const Dataset& dataset, const DatasetStatistics& statistics) {
    const auto tr = [](const char* text) { return QCoreApplication::translate("DatasetStatistics", text); };
    const LoadReport& report = dataset.report();
    const QLocale locale;
    const QString pairs = QString(dataset.hasAlignments() ? tr("%1 pairs with gold alignments")
                                                          : tr("%1 pairs, no gold alignments"))
                              .arg(locale.toString(statistics.pairs));
    const InputConfig& input = dataset.input();
    QString vocabulary;
    if (!dataset.hasFeatures())
        vocabulary = tr("vocabulary: %1 source, %2 target")
                         .arg(locale.toString(statistics.sourceVocabulary),
                              locale.toString(statistics.targetVocabulary));
    else if (input.kind == InputKind::Frames)
        vocabulary = tr("source: %1 mel bands every %2 ms (lengths in frames) · %3 target tokens")
                         .arg(input.melBands)
                         .arg(input.hopMs)
                         .arg(locale.toString(statistics.targetVocabulary));
    else
        vocabulary = tr("source: %1 x %2 pictures, %3 x %4 cells of %5 px · %6 target tokens")
                         .arg(input.imageWidth)
                         .arg(input.imageHeight)
                         .arg(input.gridColumns())
                         .arg(input.gridRows())
                         .arg(input.patch)
                         .arg(locale.toString(statistics.targetVocabulary));
    QString skipped = tr("skipped %1 comment and %2 blank lines")
                          .arg(locale.toString(report.commentLines), locale.toString(report.blankLines));
    if (report.headerLines > 0) skipped += tr(" and the header");
    const QString dropped = tr("%1 dropped as too long").arg(locale.toString(report.droppedTooLong));
    const QString dot = QStringLiteral(" \u00b7 ");
    return pairs + dot + vocabulary + QLatin1Char('\n') + skipped + dot + dropped;
}

} // namespace attnlab::ui
