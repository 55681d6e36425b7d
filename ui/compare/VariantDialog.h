#pragma once
// "Add variant": a run that differs from the settings panel in any setting the architecture has
// (scorer, decoder style, input feeding, direction, embedding, hidden and attention sizes) or in
// dropout. It opens with the panel's values; the name follows what differs until the person
// types one. Accept checks the configuration and that the name is free.
#include "ui/compare/RunChoice.h"

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace attnlab::ui {

class VariantDialog : public QDialog {
    Q_OBJECT
public:
    VariantDialog(const ModelConfig& base, double baseDropout, QStringList takenNames,
                  QWidget* parent = nullptr);

    RunChoice choice() const;
    // The form's problem, or empty when it can be accepted.
    QString problem() const;

    QLineEdit* nameEdit() const { return m_name; }
    QComboBox* scorerBox() const { return m_scorer; }
    QComboBox* decoderBox() const { return m_decoder; }
    QSpinBox* hiddenBox() const { return m_hidden; }
    QCheckBox* bidirectionalBox() const { return m_bidirectional; }

    void accept() override;

private:
    ModelConfig config() const;
    void updateName();

    ModelConfig m_base;
    double m_baseDropout;
    QStringList m_taken;
    bool m_nameTyped = false;
    QLineEdit* m_name = nullptr;
    QComboBox* m_scorer = nullptr;
    QComboBox* m_decoder = nullptr;
    QCheckBox* m_inputFeeding = nullptr;
    QCheckBox* m_bidirectional = nullptr;
    QSpinBox* m_embedding = nullptr;
    QSpinBox* m_hidden = nullptr;
    QSpinBox* m_attention = nullptr;
    QDoubleSpinBox* m_dropout = nullptr;
    QLabel* m_problem = nullptr;
};

} // namespace attnlab::ui
