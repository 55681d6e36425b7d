#pragma once
// The inspect box's source row for a frames or image model, in place of the sentence line: "Open
// file…" reads a WAV/FLAC/OGG or a PNG/JPEG as the model's training data were read
// (readMediaSource), "Random example" draws a fresh example of the shipped task
// (drawMediaExample, a new seed each time, with its reference and gold). The label beside them
// names the source shown. A file that cannot be used is reported through failed() with the file
// and the reason; the source shown before stays.
#include "core/data/MediaSource.h"

#include <QString>
#include <QWidget>

#include <functional>
#include <optional>

class QPushButton;

namespace attnlab::ui {

class ElidedLabel;

class MediaInspectBox : public QWidget {
    Q_OBJECT
public:
    explicit MediaInspectBox(QWidget* parent = nullptr);

    // The model's input (not tokens). A change of kind or of the settings features depend on
    // forgets the source (its features were made for the other input).
    void setInput(const InputConfig& input);
    const InputConfig& input() const { return m_input; }

    const std::optional<MediaSource>& source() const { return m_source; }
    // "audio.wav" or "random spoken example (seed 12)", with the reference when drawn.
    QString sourceText() const;

    // Asks which file to open; tests replace it (returns the path, empty for cancel).
    using FileChooser = std::function<QString(const QString& title, const QString& filter)>;
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }
    // "Audio (*.wav *.flac *.ogg)" or "Pictures (*.png *.jpg *.jpeg)", as the input asks.
    QString fileFilter() const;

    QPushButton& openButton() const { return *m_openButton; }
    QPushButton& randomButton() const { return *m_randomButton; }

public Q_SLOTS:
    void chooseFile();                  // the dialog, then openFile
    bool openFile(const QString& path); // false (and failed()) when it cannot be used
    void drawRandomExample();           // a fresh seed
    void drawExample(quint64 seed);
    void clearSource();

Q_SIGNALS:
    void sourceChanged(); // a new source to decode
    void failed(const QString& message);

private:
    void setSource(MediaSource source);

    QPushButton* m_openButton = nullptr;
    QPushButton* m_randomButton = nullptr;
    ElidedLabel* m_label = nullptr;
    InputConfig m_input;
    std::optional<MediaSource> m_source;
    FileChooser m_chooseFile;
    QString m_lastDirectory;
};

} // namespace attnlab::ui
