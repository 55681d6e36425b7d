#pragma once
// A speech model's attention as Chorowski et al. (2015) draw it: the utterance's log-mel
// filterbank as a spectrogram (time across, mel band up, low bands at the bottom), and beneath it,
// on the same time axis, one row per output token with the weight it gave each key drawn over the
// r frames that key covers. Gold spans (the frames each output was spoken in) are outlined on
// their rows, and the selected row's span is shaded on the spectrogram. Hovering names the output,
// the frame and its time, and the weight; a click on a column puts the cursor there (and emits
// frameClicked), which is where Play starts (AudioClipPlayer); a click on the spectrogram also
// plays from there where the machine has audio. Clicking a row or its label selects
// that output. Both panels share one x coordinate: frame f is centred on f, so key k spans
// [k*r - 0.5, (k+1)*r - 0.5].
// bands: mel bands, F frames, r frames per key, K keys, T outputs.
#include "ui/media/SpeechAlignment.h"

#include <QPointF>
#include <QSharedPointer>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

class QCustomPlot;
class QCPAxisRect;
class QCPColorMap;
class QCPColorScale;
class QCPItemRect;
class QCPItemStraightLine;
class QCPItemText;
class QLabel;

namespace attnlab::ui {

class AudioClipPlayer;
class AxisTokenLabels;
class CellOutline;
class FrameSecondsTicker;

class SpectrogramAttentionView : public QWidget {
    Q_OBJECT
public:
    explicit SpectrogramAttentionView(QWidget* parent = nullptr);
    ~SpectrogramAttentionView() override;

    // Throws std::invalid_argument (checkSpeechAlignment) when the shapes disagree. Without frames
    // or outputs the view shows its empty state. The selected row and the cursor stay where the
    // new alignment has them (stepping through examples keeps the reader's place).
    void setAlignment(const SpeechAlignment& alignment);
    void clear();
    const SpeechAlignment& alignment() const { return m_data; }

    int outputCount() const { return int(m_data.outputs.size()); }
    int frameCount() const { return m_data.frames; }
    int bandCount() const { return m_data.bands; }
    int keyCount() const { return speechKeyCount(m_data); }
    int selectedOutput() const { return m_selected; }
    int cursorFrame() const { return m_cursorFrame; } // -1: none yet

    // What is drawn, read back from the colour maps: NaN outside.
    double spectrogramValue(int band, int frame) const;
    double attentionValue(int output, int frame) const;
    // The gold outlines on the attention rows (one per output with a span inside the frames), and
    // the frames [begin, end) output t's outline covers ({-1, -1} when it has none).
    int goldOutlineCount() const;
    std::pair<int, int> goldOutlineFrames(int output) const;
    QStringList outputLabels() const;
    const AxisTokenLabels& outputAxisLabels() const { return *m_outputLabels; }

    // Pixel geometry, in plot() coordinates. frameAt answers over either panel, outputAt over the
    // rows and their labels, bandAt over the spectrogram; -1 elsewhere.
    int frameAt(QPointF pixel) const;
    int outputAt(QPointF pixel) const;
    int bandAt(QPointF pixel) const;
    double framePixel(int frame) const;   // x of frame's centre
    double outputPixel(int output) const; // y of row's centre
    double bandPixel(int band) const;     // y of band's centre
    // "output 3 of 15 't' → frame 123 (1.23 s), key 61: 0.4821" over a row cell (with "· in its
    // gold span" when it is), "frame 123 (1.23 s), mel band 12 of 40: log energy -3.21" over the
    // spectrogram, the output's name over its label; empty elsewhere.
    QString toolTipAt(QPointF pixel) const;

    QCustomPlot* plot() const { return m_plot; }
    QCPAxisRect* spectrogramRect() const { return m_specRect; }
    QCPAxisRect* attentionRect() const { return m_attnRect; }
    AudioClipPlayer& player() const { return *m_player; }

public Q_SLOTS:
    // Outlines row `output` (bold label, gold span shaded on the spectrogram); -1 clears.
    void setSelectedOutput(int output);
    // Puts the cursor on `frame` (clamped; -1 hides it) and Play's start at its time.
    void setCursorFrame(int frame);

Q_SIGNALS:
    void frameClicked(int frame);
    void outputSelected(int output);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void buildPlot();
    void fillMaps();
    void placeGold();
    void fitLabels();
    void showEmptyState(bool empty);
    void showPlayhead(double seconds);
    void restyle();
    void onMousePress(QMouseEvent* event);
    void onMouseRelease(QMouseEvent* event);
    void onMouseMove(QMouseEvent* event);
    QString outputName(int output) const;
    QString frameName(int frame) const;

    QCustomPlot* m_plot = nullptr;
    QCPAxisRect* m_specRect = nullptr;
    QCPAxisRect* m_attnRect = nullptr;
    QCPColorMap* m_specMap = nullptr; // (F x bands) cells
    QCPColorMap* m_attnMap = nullptr; // (F x T) cells: each key's weight repeated over its r frames
    QCPColorScale* m_specScale = nullptr;
    QCPColorScale* m_attnScale = nullptr;
    std::vector<QCPItemRect*> m_goldRects; // (T) owned by the plot; hidden where there is no span
    QCPItemRect* m_selectedSpan = nullptr; // the selected output's gold span over the spectrogram
    CellOutline* m_rowOutline = nullptr;
    QCPItemStraightLine* m_cursor[2] = {}; // spectrogram, rows
    QCPItemStraightLine* m_playhead[2] = {};
    QCPItemText* m_emptyText = nullptr;
    std::unique_ptr<AxisTokenLabels> m_outputLabels;
    QSharedPointer<FrameSecondsTicker> m_timeTicker; // the rows' time axis, labelled in seconds
    AudioClipPlayer* m_player = nullptr;
    QLabel* m_hint = nullptr;

    SpeechAlignment m_data;
    std::vector<std::pair<int, int>> m_goldFrames; // (T) clipped to the frames; {-1, -1}: none
    int m_selected = -1;
    int m_cursorFrame = -1;
    QPointF m_pressPos;
    bool m_pressed = false;
};

} // namespace attnlab::ui
