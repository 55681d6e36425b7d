#include "core/data/DatasetBuilder.h"

#include "core/data/DatasetError.h"
#include "core/data/PharaohAlignment.h"
#include "core/data/PremiseHypothesis.h"
#include "core/data/Utf8.h"

#include <limits>

namespace attnlab {

DatasetBuilder::DatasetBuilder(std::string name, std::string path, std::string displayName,
                               const DatasetOptions& options, std::size_t expectedTextBytes)
    : m_displayName(std::move(displayName)),
      m_fileSourceTokens(options.reverse ? options.targetTokens : options.sourceTokens),
      m_fileTargetTokens(options.reverse ? options.sourceTokens : options.targetTokens) {
    m_dataset.m_name = std::move(name);
    m_dataset.m_path = std::move(path);
    m_dataset.m_options = options;
    m_dataset.m_report.maxSourceLength = options.maxSourceLength;
    m_dataset.m_report.maxTargetLength = options.maxTargetLength;
    m_dataset.m_text.reserve(expectedTextBytes);
    if (isLabelTask(options.task)) setTask(options.task);
}

void DatasetBuilder::setTask(TaskKind task, std::int64_t line) {
    if (m_anyPair) throw std::logic_error("DatasetBuilder::setTask after the first pair");
    DatasetOptions& options = m_dataset.m_options;
    if (isLabelTask(task) && options.reverse)
        fail(line, std::string("the reverse option cannot apply to ") +
                       (task == TaskKind::Entailment ? "an" : "a") + " " + taskKindName(task) +
                       " dataset: its target is a label, not a text to read");
    options.task = task;
    if (!isLabelTask(task)) return;
    options.targetTokens = m_fileTargetTokens = Tokenization::Word; // one label word
    if (task == TaskKind::Entailment) options.sourceTokens = m_fileSourceTokens = Tokenization::Word;
}

void DatasetBuilder::checkLabel(std::string_view label, std::int64_t line) const {
    const int words = tokenCount(label, Tokenization::Word);
    if (words > 1)
        fail(line, "the label '" + std::string(trimUnicodeWhitespace(label)) + "' has " +
                       std::to_string(words) + " words: a label is one word");
}

std::string_view DatasetBuilder::checkSentence(std::string_view text, const char* which,
                                               std::int64_t line) const {
    const std::string_view trimmed = trimUnicodeWhitespace(text);
    if (trimmed.empty()) fail(line, std::string("empty ") + which);
    if (hasSeparatorWord(trimmed))
        fail(line, std::string("the ") + which + " holds the word '" + std::string(kPremiseSeparator) +
                       "', which separates premise and hypothesis: remove it or join it to a word");
    return trimmed;
}

void DatasetBuilder::fail(std::int64_t line, const std::string& reason) const {
    throw DatasetError(m_displayName, line, reason);
}

DatasetBuilder::Side DatasetBuilder::prepareSide(std::string_view text, Tokenization tokenization,
                                                 const char* which, std::int64_t line) const {
    const DatasetOptions& options = m_dataset.m_options;
    Side side;
    side.text = options.trim ? trimUnicodeWhitespace(text) : text;
    side.tokens = tokenCount(side.text, tokenization);
    if (side.tokens == 0) fail(line, std::string("empty ") + which + ": only whitespace");
    if (side.text.size() > std::numeric_limits<std::uint32_t>::max())
        fail(line, std::string(which) + " is longer than 4 GiB");
    side.leadingTrimmed = static_cast<int>(codePointCount(text.substr(0, side.text.data() - text.data())));
    if (options.lowercase) side.lowered = lowercaseUtf8(side.text);
    return side;
}

void DatasetBuilder::checkLinkRanges(const Alignment& links, std::string_view fileSource,
                                     std::string_view fileTarget, std::int64_t line) const {
    // Gold indices refer to the columns as written, so they are checked before any option.
    const int sourceCount = tokenCount(fileSource, m_fileSourceTokens);
    const int targetCount = tokenCount(fileTarget, m_fileTargetTokens);
    for (const AlignmentLink& link : links) {
        if (link.source >= sourceCount)
            fail(line, "alignment link " + formatAlignment({link}) + ": source index " +
                           std::to_string(link.source) + " is out of range (the source has " +
                           std::to_string(sourceCount) + " " +
                           std::string(tokenizationName(m_fileSourceTokens)) + " tokens)");
        if (isLabelTask(task()) && link.target != 0)
            fail(line,
                 "alignment link " + formatAlignment({link}) +
                     ": an evidence link is i-0 (source token i decides the label, token 0 of the target)");
        if (link.target >= targetCount)
            fail(line, "alignment link " + formatAlignment({link}) + ": target index " +
                           std::to_string(link.target) + " is out of range (the target has " +
                           std::to_string(targetCount) + " " +
                           std::string(tokenizationName(m_fileTargetTokens)) + " tokens)");
    }
}

void DatasetBuilder::decideAlignments(bool hasLinks, std::int64_t line) {
    if (!m_alignmentsDecided) { // the first pair decides for the whole file
        m_dataset.m_hasAlignments = hasLinks;
        m_dataset.m_report.hasAlignments = hasLinks;
        m_alignmentsDecided = true;
    } else if (hasLinks != m_dataset.m_hasAlignments) {
        fail(line, hasLinks
                       ? "has a gold alignment but earlier pairs have none: give every pair one or none"
                       : "has no gold alignment but earlier pairs have one: give every pair one or none");
    }
}

void DatasetBuilder::add(std::string_view fileSource, std::string_view fileTarget, const Alignment* links,
                         std::int64_t line) {
    if (task() == TaskKind::Entailment) {
        if (fileSource.empty()) fail(line, "empty source");
        try {
            const PremiseHypothesisText parts = splitPremiseHypothesisText(fileSource);
            addEntailment(parts.premise, parts.hypothesis, fileTarget, links, line);
        } catch (const std::invalid_argument& e) {
            fail(line, e.what());
        }
        return;
    }
    const bool label = isLabelTask(task());
    if (fileSource.empty()) fail(line, "empty source");
    if (fileTarget.empty()) fail(line, label ? "empty label" : "empty target");
    if (label) checkLabel(fileTarget, line);
    const bool hasLinks = links != nullptr;
    decideAlignments(hasLinks, line);
    if (hasLinks) checkLinkRanges(*links, fileSource, fileTarget, line);

    const Side source = prepareSide(fileSource, m_fileSourceTokens, "source", line);
    const Side target = prepareSide(fileTarget, m_fileTargetTokens, label ? "label" : "target", line);

    LoadReport& report = m_dataset.m_report;
    m_scratch.clear();
    if (hasLinks) {
        // Trimming shifts character positions; links into the removed whitespace go, counted.
        for (AlignmentLink link : *links) {
            if (m_fileSourceTokens == Tokenization::Char) link.source -= source.leadingTrimmed;
            if (m_fileTargetTokens == Tokenization::Char) link.target -= target.leadingTrimmed;
            if (link.source < 0 || link.source >= source.tokens || link.target < 0 ||
                link.target >= target.tokens) {
                ++report.alignmentLinksTrimmed;
                continue;
            }
            m_scratch.push_back(link);
        }
    }
    keep(source, target, line);
}

void DatasetBuilder::addEntailment(std::string_view premise, std::string_view hypothesis,
                                   std::string_view label, const Alignment* links, std::int64_t line) {
    const std::string_view p = checkSentence(premise, "premise", line);
    const std::string_view h = checkSentence(hypothesis, "hypothesis", line);
    if (trimUnicodeWhitespace(label).empty()) fail(line, "empty label");
    checkLabel(label, line);
    const bool hasLinks = links != nullptr;
    decideAlignments(hasLinks, line);
    m_scratch.clear();
    if (hasLinks) {
        const int premiseWords = tokenCount(p, Tokenization::Word);
        const int hypothesisWords = tokenCount(h, Tokenization::Word);
        for (const AlignmentLink& link : *links) {
            if (link.source >= premiseWords)
                fail(line, "alignment link " + formatAlignment({link}) + ": premise index " +
                               std::to_string(link.source) + " is out of range (the premise has " +
                               std::to_string(premiseWords) + " words)");
            if (link.target >= hypothesisWords)
                fail(line, "alignment link " + formatAlignment({link}) + ": hypothesis index " +
                               std::to_string(link.target) + " is out of range (the hypothesis has " +
                               std::to_string(hypothesisWords) + " words)");
        }
        m_scratch = *links;
        sortAlignment(m_scratch);
    }
    m_joined = joinPremiseHypothesis(p, h);
    const Side source = prepareSide(m_joined, Tokenization::Word, "source", line);
    const Side target = prepareSide(label, Tokenization::Word, "label", line);
    keep(source, target, line);
}

void DatasetBuilder::keep(const Side& source, const Side& target, std::int64_t line) {
    m_anyPair = true;
    LoadReport& report = m_dataset.m_report;
    // From here on, source and target are the model's.
    const DatasetOptions& options = m_dataset.m_options;
    const Side& modelSource = options.reverse ? target : source;
    const Side& modelTarget = options.reverse ? source : target;
    if (options.reverse) // never for the label kinds (setTask)
        m_scratch = transposeAlignment(m_scratch);
    else
        sortAlignment(m_scratch);

    const bool sourceTooLong = options.maxSourceLength > 0 && modelSource.tokens > options.maxSourceLength;
    const bool targetTooLong = options.maxTargetLength > 0 && modelTarget.tokens > options.maxTargetLength;
    if (sourceTooLong || targetTooLong) {
        ++report.droppedTooLong;
        report.droppedSourceTooLong += sourceTooLong;
        report.droppedTargetTooLong += targetTooLong;
        if (report.firstDroppedLine == 0) report.firstDroppedLine = line;
        return;
    }

    Dataset::Record record{};
    record.textOffset = m_dataset.m_text.size();
    record.linkOffset = m_dataset.m_links.size();
    record.line = line;
    record.sourceBytes = static_cast<std::uint32_t>(modelSource.kept().size());
    record.targetBytes = static_cast<std::uint32_t>(modelTarget.kept().size());
    record.linkCount = static_cast<std::uint32_t>(m_scratch.size());
    m_dataset.m_text.append(modelSource.kept());
    m_dataset.m_text.append(modelTarget.kept());
    m_dataset.m_links.insert(m_dataset.m_links.end(), m_scratch.begin(), m_scratch.end());
    m_dataset.m_records.push_back(record);
    ++report.pairsKept;
}

void DatasetBuilder::setInput(const InputConfig& input) {
    if (m_dataset.m_options.reverse)
        fail(0, "the reverse option cannot apply to " + inputKindName(input.kind) + " sources");
    m_dataset.m_input = input;
}

void DatasetBuilder::addMedia(std::string_view label, std::string_view fileTarget, const Alignment* links,
                              std::int64_t line, SharedFeatures features, SharedMedia media) {
    if (!features || features->columns < 1) fail(line, "the source has no frames or cells");
    if (fileTarget.empty()) fail(line, "empty target");
    const bool hasLinks = links != nullptr;
    decideAlignments(hasLinks, line);
    const Side target = prepareSide(fileTarget, m_fileTargetTokens, "target", line);
    m_scratch.clear();
    if (hasLinks) {
        for (const AlignmentLink& link : *links) {
            if (link.source < 0 || link.source >= features->columns || link.target < 0 ||
                link.target >= target.tokens)
                fail(line, "alignment link " + formatAlignment({link}) + " is out of range (the source has " +
                               std::to_string(features->columns) + " positions, the target " +
                               std::to_string(target.tokens) + " tokens)");
            m_scratch.push_back(link);
        }
        sortAlignment(m_scratch);
    }
    LoadReport& report = m_dataset.m_report;
    const DatasetOptions& options = m_dataset.m_options;
    if (options.maxTargetLength > 0 && target.tokens > options.maxTargetLength) {
        ++report.droppedTooLong;
        ++report.droppedTargetTooLong;
        if (report.firstDroppedLine == 0) report.firstDroppedLine = line;
        return;
    }
    Dataset::Record record{};
    record.textOffset = m_dataset.m_text.size();
    record.linkOffset = m_dataset.m_links.size();
    record.line = line;
    record.sourceBytes = static_cast<std::uint32_t>(label.size());
    record.targetBytes = static_cast<std::uint32_t>(target.kept().size());
    record.linkCount = static_cast<std::uint32_t>(m_scratch.size());
    m_dataset.m_text.append(label);
    m_dataset.m_text.append(target.kept());
    m_dataset.m_links.insert(m_dataset.m_links.end(), m_scratch.begin(), m_scratch.end());
    m_dataset.m_records.push_back(record);
    m_dataset.m_features.push_back(std::move(features));
    m_dataset.m_media.push_back(std::move(media));
    ++report.pairsKept;
}

Dataset DatasetBuilder::finish() {
    const LoadReport& report = m_dataset.m_report;
    if (report.pairsKept == 0) {
        if (report.droppedTooLong > 0)
            fail(0, "no pairs left: all " + std::to_string(report.droppedTooLong) +
                        " exceed the length limits (" + report.summary() + ")");
        fail(0, report.linesRead == 0 ? "no pairs: the file is empty"
                                      : "no pairs: the file has only comments, blank lines or a header (" +
                                            report.summary() + ")");
    }
    m_dataset.m_links.shrink_to_fit();
    return std::move(m_dataset);
}

} // namespace attnlab
