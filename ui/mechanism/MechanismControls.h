#pragma once
// The mechanism workspace's controls, in two rows: what to inspect (a typed sentence or a
// validation pair) and how (step buttons with Play, the temperature τ on a logarithmic slider
// from 0.1 to 10, the beam width, Reset what-if, Export). Keyboard, anywhere in the parent: ←/→
// step, Home/End first and last step, P play (Space is the toolbar's Pause), Esc reset the
// what-if, Ctrl+0 back to τ = 1.
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QSlider;
class QSpinBox;
class QToolButton;

namespace attnlab::ui {

class MechanismControls : public QWidget {
    Q_OBJECT
public:
    explicit MechanismControls(QWidget* parent = nullptr);

    // τ = 10^(position / 100), position in [−100, 100].
    static double temperatureAt(int position);
    static int positionOf(double temperature);

    QLineEdit* sentence() const { return m_sentence; }
    QComboBox* pairs() const { return m_pairs; }
    QSlider* temperatureSlider() const { return m_temperature; }
    QSpinBox* beamWidth() const { return m_beam; }
    QToolButton* playButton() const { return m_play; }
    QMenu* exportMenu() const { return m_export; }
    void setStepText(const QString& text);
    void setTemperatureText(double temperature);
    void setPlaying(bool playing);
    void setWhatIfActive(bool active);

Q_SIGNALS:
    void sentenceEntered(const QString& text);
    void pairChosen(int index);
    void temperatureChanged(double temperature);
    void beamWidthChanged(int width);
    void firstStep();
    void previousStep();
    void nextStep();
    void lastStep();
    void playToggled();
    void resetWhatIf();

private:
    QLineEdit* m_sentence;
    QComboBox* m_pairs;
    QSlider* m_temperature;
    QLabel* m_temperatureText;
    QSpinBox* m_beam;
    QLabel* m_stepText;
    QToolButton* m_play;
    QToolButton* m_reset;
    QMenu* m_export;
};

} // namespace attnlab::ui
