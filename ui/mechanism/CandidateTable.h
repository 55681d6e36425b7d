#pragma once
// The top-k candidates for a step's token with their probabilities, best first; the one the
// decoding chose is marked. Choosing another one asks for a what-if: decode on from that token.
#include "core/infer/Inspection.h"

#include <QTableWidget>

#include <functional>
#include <string>

namespace attnlab::ui {

class CandidateTable : public QTableWidget {
    Q_OBJECT
public:
    explicit CandidateTable(QWidget* parent = nullptr);

    // step: the inspected step (null clears); tokenText names a target token id.
    void setStep(const StepInspection* step, const std::function<std::string(int)>& tokenText);
    int candidateToken(int row) const; // −1 outside
    double candidateProbability(int row) const;

Q_SIGNALS:
    void tokenChosen(int step, int token);

private:
    int m_step = -1;
    std::vector<TokenChance> m_candidates;
};

} // namespace attnlab::ui
