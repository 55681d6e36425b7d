#pragma once
// Loads datasets off the GUI thread. Each load runs core's openDataset() and then counts the
// dataset's statistics on a thread of its own; the outcome comes back to the GUI thread over
// queued signals. Only the newest load reports: starting another load cancels a running one
// (its progress callback returns false) and drops whatever it would have delivered.
#include "core/data/Dataset.h"
#include "core/data/DatasetOptions.h"
#include "ui/panels/DatasetStatistics.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

class QThread;

namespace attnlab::ui {

// What a successful load delivers.
struct LoadedDataset {
    std::shared_ptr<const Dataset> dataset;
    DatasetStatistics statistics;
    QString request; // the shipped name or file path that was asked for
};

class DatasetLoader : public QObject {
    Q_OBJECT
public:
    // Progress reaches the GUI thread at most this often.
    static constexpr int ProgressIntervalMs = 50;

    explicit DatasetLoader(QObject* parent = nullptr);
    ~DatasetLoader() override; // cancels every running load and waits for its thread

    // Starts loading `nameOrPath` (a shipped dataset's name or a file) with `options`.
    void load(const QString& nameOrPath, const DatasetOptions& options);
    // Cancels the newest load, which then reports cancelled() (unless it is already done).
    void cancel();

    bool isBusy() const { return m_busy; }
    // Threads still running, superseded loads winding down included.
    int runningLoads() const { return static_cast<int>(m_threads.size()); }

Q_SIGNALS:
    void progressed(qint64 bytesDone, qint64 bytesTotal); // bytesTotal -1 when unknown
    void loaded(const attnlab::ui::LoadedDataset& result);
    void failed(const QString& message); // "FILE:LINE: REASON" for a bad file
    void cancelled();
    void busyChanged(bool busy);

private:
    struct Control {
        std::atomic<bool> cancel{false};
    };
    struct Running {
        QThread* thread;
        std::shared_ptr<Control> control;
    };

    void onProgress(quint64 id, qint64 bytesDone, qint64 bytesTotal);
    void onLoaded(quint64 id, const attnlab::ui::LoadedDataset& result);
    void onFailed(quint64 id, const QString& message);
    void onCancelled(quint64 id);
    bool isCurrent(quint64 id) const { return id == m_current && m_busy; }
    void forget(QThread* thread);

    quint64 m_current = 0; // id of the newest load
    std::shared_ptr<Control> m_currentControl;
    bool m_busy = false;
    std::vector<Running> m_threads;
};

} // namespace attnlab::ui

Q_DECLARE_METATYPE(attnlab::ui::LoadedDataset)
