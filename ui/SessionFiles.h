#pragma once
// File > Save Session and Open Session: the window's state in one file (core/train/SessionFile).
// Saving takes the dataset, the settings panel, the model with its attention history, the pins,
// the typed sentence and the tab in front. Opening reads and checks the whole file first (a bad
// or truncated file gets a message and changes nothing), then loads the dataset with its options;
// once it has loaded, the settings, the model, the pins (the data split for them at once), the
// typed sentence and the tab follow.
#include "core/train/SessionFile.h"

#include <QObject>
#include <QString>

#include <optional>

namespace attnlab::ui {

class MainWindow;

class SessionFiles : public QObject {
    Q_OBJECT
public:
    static constexpr const char* kExtension = "attnlab";

    explicit SessionFiles(MainWindow& window);

    bool save(const QString& path, QString* problem);
    // Starts restoring; false with the reason when the file cannot be used (nothing changed).
    bool open(const QString& path, QString* problem);
    bool restoring() const { return m_pending.has_value(); }

Q_SIGNALS:
    void restored(const QString& path); // the whole session is back
    void status(const QString& text);

private:
    WindowSession capture() const;
    // Where the dataset comes from: the shipped name, the file, or the text the session holds,
    // written beside the program's data under the file's own name. Empty with a reason when none.
    QString datasetSource(const WindowSession& session, QString* problem) const;
    void finish();
    void applyPins();

    MainWindow& m_window;
    std::optional<WindowSession> m_pending;
    QString m_pendingPath;
    std::vector<int> m_pendingPins; // applied when the data is next split (now, or at Train)
    bool m_pinsPending = false;
};

} // namespace attnlab::ui
