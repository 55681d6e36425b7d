#pragma once
// How the dataset panel reads a dataset: what its pairs mean (the task: detected from the file, or
// pairs, classification, entailment), the tokenisation of each side, the longest pair kept,
// direction and lowercase. A shipped dataset brings its own tokenisation (shown, not editable);
// files use the one the user chose, remembered across shipped picks and swapped with the sides
// when Reverse is toggled.
#include "core/data/DatasetOptions.h"
#include "core/data/ShippedDatasets.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace attnlab::ui {

class DatasetOptionsBox : public QWidget {
    Q_OBJECT
public:
    explicit DatasetOptionsBox(QWidget* parent = nullptr);

    // The options the widgets show.
    DatasetOptions options() const;
    // Shows `shipped`'s own tokenisation (in the direction shown) and task, or the file's choices
    // when null.
    void showTokenisationOf(const ShippedDataset* shipped);
    // After a failed or cancelled load: the options of the dataset still loaded (`fromFile` when it
    // is a file, whose tokenisation becomes the file tokenisation again), without emitting changed().
    void restore(const DatasetOptions& loaded, bool fromFile, const ShippedDataset* shown);

Q_SIGNALS:
    // The user changed an option: the dataset should be read again.
    void changed();

private:
    void onTokenisationChosen();
    void onTaskChosen();
    void onReverseToggled();

    QComboBox* m_taskCombo = nullptr; // data: kDetectTask or a TaskKind
    QComboBox* m_sourceTokensCombo = nullptr;
    QComboBox* m_targetTokensCombo = nullptr;
    QCheckBox* m_reverseCheck = nullptr;
    QCheckBox* m_lowercaseCheck = nullptr;
    QSpinBox* m_maxSourceSpin = nullptr;
    QSpinBox* m_maxTargetSpin = nullptr;
    const ShippedDataset* m_shown = nullptr; // whose tokenisation the combos show; null for files
    // The tokenisation chosen for files, in the direction shown.
    Tokenization m_fileSourceTokens = Tokenization::Char;
    Tokenization m_fileTargetTokens = Tokenization::Char;
    int m_fileTask = -1; // the task item chosen for files (kDetectTask)
};

} // namespace attnlab::ui
