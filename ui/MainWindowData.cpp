// MainWindow when a run's data are split: the pinned-pair candidates, the Mechanism tab's pairs,
// the example sentence, and a label task's validation gold for the Inspect panel.
#include "core/data/TaskKind.h"
#include "ui/MainWindow.h"
#include "ui/gates/GatesWorkspace.h"
#include "ui/label/LabelContentBuilder.h"
#include "ui/mechanism/MechanismPair.h"
#include "ui/mechanism/MechanismWorkspace.h"
#include "ui/panels/InspectPanel.h"
#include "ui/panels/PinnedPairsPanel.h"
#include "ui/session/TrainingSession.h"

namespace attnlab::ui {

void MainWindow::onDataPrepared(const std::shared_ptr<const TrainingData>& data) {
    const auto dataset = m_session->dataset();
    if (!data || !dataset) return;
    std::vector<PinCandidate> candidates;
    const int count = std::min<int>(200, static_cast<int>(data->validation.pairs.size()));
    for (int k = 0; k < count; ++k) {
        const int index = data->validation.datasetIndices[k];
        PinCandidate candidate;
        candidate.index = k;
        candidate.source = QString::fromUtf8(dataset->source(index));
        candidate.reference = QString::fromUtf8(dataset->target(index));
        const auto links = dataset->alignment(index);
        candidate.gold.assign(links.begin(), links.end());
        // Frames and images: the features are the source (its text is a label, not tokens).
        candidate.features = dataset->features(index);
        candidate.media = dataset->media(index);
        if (!candidate.features) candidate.sourceTokens = dataset->sourceTokens(index);
        candidate.referenceTokens = dataset->targetTokens(index);
        candidates.push_back(std::move(candidate));
    }
    std::vector<LabelReference> references; // a label task's pairs: typed text equal to one shows its gold
    if (isLabelTask(dataset->task()))
        for (const PinCandidate& c : candidates)
            references.push_back(
                {c.sourceTokens,
                 {c.gold, c.referenceTokens.empty() ? std::string() : c.referenceTokens.front()}});
    m_inspectPanel->setLabelReferences(std::move(references));
    m_pinnedPanel->setCandidates(candidates);
    m_mechanism->setPairs(validationPairs(*dataset, *data));
    if (!data->validation.pairs.empty() && !dataset->hasFeatures()) {
        const QString example = QString::fromUtf8(dataset->source(data->validation.datasetIndices.front()));
        m_inspectPanel->setExampleSentence(example);
        m_mechanism->setExampleSentence(example);
        m_gates->setExampleSentence(example);
    }
    updateStatusLabels();
}

} // namespace attnlab::ui
