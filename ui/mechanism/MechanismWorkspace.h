#pragma once
// The Mechanism tab: how attention works, with the model's real numbers. A typed sentence (or a
// validation pair) is decoded on the inspection thread; the user steps through the output a token
// at a time and the step view takes that step apart (query, scores, softmax, weighted sum). The
// temperature slider re-decodes with sharper or flatter weights; a what-if forces a step's
// attention onto one source token (double-click a heatmap cell, or click a weight bar) or forces
// another token from the candidates, and the rest is decoded from there, the original output and
// heatmap kept above the new ones; with a beam width above 1 the beam explorer shows every
// hypothesis and selecting one shows its heatmap and steps. Everything follows the latest weights
// while training runs, and nothing waits on the GUI thread. Keyboard, besides the controls':
// Alt+← → pick a source position (its numbers fill the formula), Ctrl+Enter force attention on it.
#include "ui/mechanism/MechanismPair.h"
#include "ui/session/InferenceModel.h"
#include "ui/session/MechanismRequest.h"

#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QTimer;

namespace attnlab::ui {

class AlignmentHeatmap;
class BeamTreeView;
class CandidateTable;
class MechanismControls;
class MechanismRunner;
class StepView;

class MechanismWorkspace : public QWidget {
    Q_OBJECT
public:
    explicit MechanismWorkspace(QWidget* parent = nullptr);
    ~MechanismWorkspace() override;

    // Each new snapshot (about once a second while training) re-inspects the current input.
    void setModel(const InferenceModel& model);
    void setPairs(std::vector<MechanismPair> pairs);
    void setExampleSentence(const QString& sentence);
    // Where a file dialog would: returns the chosen path, empty when cancelled (tests replace it).
    using AskSavePath =
        std::function<QString(const QString& title, const QString& name, const QString& filter)>;
    void setAskSavePath(AskSavePath ask) { m_askSave = std::move(ask); }

    void inspectSentence(const QString& text);
    void inspectPair(int index);
    void setTemperature(double temperature);
    double temperature() const { return m_temperature; }
    void setBeamWidth(int width);
    int beamWidth() const { return m_beamWidth; }
    void setStep(int step);
    int step() const { return m_step; }
    int stepCount() const;
    // What-ifs, from the shown decoding: all of `step`'s attention on source `position`; or `token`
    // written at `step` (the tokens before it kept) and the rest decoded on.
    void forceAttention(int step, int position);
    void forceToken(int step, int token);
    void resetWhatIf();
    bool whatIfActive() const { return !m_forcedTokens.empty() || !m_forcedAttention.empty(); }
    // A node of the beam tree (−1: back to the greedy decoding).
    void chooseBeamNode(int id);

    // The latest result (null before the first); busy() while a newer request is on its way.
    const MechanismResult* result() const { return m_result.get(); }
    bool busy() const;
    QString outputText() const; // the output lines as shown (rich text)

    MechanismControls& controls() const { return *m_controls; }
    StepView& stepView() const { return *m_stepView; }
    AlignmentHeatmap& heatmap() const { return *m_heatmap; }
    AlignmentHeatmap& originalHeatmap() const { return *m_original; }
    CandidateTable& candidates() const { return *m_candidates; }
    BeamTreeView& beamTree() const { return *m_beamTree; }

    bool exportStepImage(const QString& path, QString* error = nullptr);
    bool exportHeatmapsImage(const QString& path, QString* error = nullptr);
    bool exportBeamImage(const QString& path, QString* error = nullptr);
    bool exportNumbersCsv(const QString& path, QString* error = nullptr) const;
    bool exportBeamCsv(const QString& path, QString* error = nullptr) const;

Q_SIGNALS:
    void status(const QString& message);
    void inspected(); // a result arrived and is shown

protected:
    void changeEvent(QEvent* event) override; // a new font: the beam explorer's minimum height again

private:
    void fitBeamPanelToFont();
    void buildExportMenu();
    void request();
    void onResult(const std::shared_ptr<const MechanismResult>& result);
    void showStep();
    void showOutputs();
    void togglePlay();
    void movePosition(int by); // the step view's highlighted source position, by the keyboard
    void exportWith(const QString& what, const QString& name, bool csv,
                    const std::function<bool(const QString&, QString*)>& write);

    MechanismRunner* m_runner;
    MechanismControls* m_controls;
    StepView* m_stepView;
    AlignmentHeatmap* m_heatmap;
    AlignmentHeatmap* m_original;
    QLabel* m_originalTitle;
    QLabel* m_output;
    CandidateTable* m_candidates;
    BeamTreeView* m_beamTree;
    QWidget* m_beamPanel = nullptr;
    QTimer* m_play;
    AskSavePath m_askSave;

    InferenceModel m_model;
    std::vector<MechanismPair> m_pairs;
    QString m_text;    // the typed sentence (when m_pairIndex < 0)
    QString m_example; // a validation source, inspected when Enter is pressed on an empty box
    int m_pairIndex = -1;
    double m_temperature = 1.0;
    int m_beamWidth = 1;
    int m_beamNode = -1;
    std::vector<int> m_forcedTokens;
    std::map<int, Vector<float>> m_forcedAttention;
    int m_step = 0;
    std::shared_ptr<const MechanismResult> m_result;
};

} // namespace attnlab::ui
