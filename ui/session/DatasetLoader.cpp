#include "ui/session/DatasetLoader.h"

#include "core/data/DatasetError.h"
#include "core/data/ShippedDatasets.h"

#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <algorithm>
#include <new>

namespace attnlab::ui {

// Does one load on its own thread. It reports with signals that the loader receives over queued
// connections, so nothing it touches is shared with the GUI thread but the atomic cancel flag.
class DatasetLoadJob : public QObject {
    Q_OBJECT
public:
    DatasetLoadJob(quint64 id, QString request, DatasetOptions options,
                   std::shared_ptr<const std::atomic<bool>> cancel)
        : m_id(id), m_request(std::move(request)), m_options(std::move(options)),
          m_cancel(std::move(cancel)) {}

    void run() {
        try {
            QElapsedTimer sinceReport;
            sinceReport.start();
            // Called about every MiB read; throttled so a fast disk cannot flood the GUI thread.
            const ProgressCallback progress = [&](std::int64_t done, std::int64_t total) {
                if (m_cancel->load()) return false;
                if (sinceReport.elapsed() >= DatasetLoader::ProgressIntervalMs) {
                    Q_EMIT progressed(m_id, done, total);
                    sinceReport.restart();
                }
                return true;
            };
            auto dataset = std::make_shared<const Dataset>(
                openDataset(QFile::encodeName(m_request).toStdString(), m_options, progress));
            std::optional<DatasetStatistics> stats =
                computeDatasetStatistics(*dataset, [this] { return m_cancel->load(); });
            if (stats)
                Q_EMIT loaded(m_id, LoadedDataset{std::move(dataset), std::move(*stats), m_request});
            else
                Q_EMIT cancelled(m_id);
        } catch (const DatasetCancelled&) {
            Q_EMIT cancelled(m_id);
        } catch (const DatasetError& error) {
            Q_EMIT failed(m_id, QString::fromStdString(error.what()));
        } catch (const std::bad_alloc&) {
            Q_EMIT failed(m_id, tr("%1: not enough memory to load it").arg(m_request));
        } catch (const std::exception& error) {
            Q_EMIT failed(m_id, tr("%1: %2").arg(m_request, QString::fromStdString(error.what())));
        }
        Q_EMIT done();
    }

Q_SIGNALS:
    void progressed(quint64 id, qint64 bytesDone, qint64 bytesTotal);
    void loaded(quint64 id, const attnlab::ui::LoadedDataset& result);
    void failed(quint64 id, const QString& message);
    void cancelled(quint64 id);
    void done();

private:
    const quint64 m_id;
    const QString m_request;
    const DatasetOptions m_options;
    const std::shared_ptr<const std::atomic<bool>> m_cancel;
};

DatasetLoader::DatasetLoader(QObject* parent) : QObject(parent) {
    qRegisterMetaType<LoadedDataset>();
}

DatasetLoader::~DatasetLoader() {
    for (const Running& running : m_threads) running.control->cancel = true;
    // A cancelled load stops at its next progress report (about every MiB) or statistics check.
    for (const Running& running : m_threads) {
        running.thread->wait();
        delete running.thread;
    }
}

void DatasetLoader::load(const QString& nameOrPath, const DatasetOptions& options) {
    if (m_currentControl) m_currentControl->cancel = true; // superseded: its results are dropped
    const quint64 id = ++m_current;
    m_currentControl = std::make_shared<Control>();
    std::shared_ptr<const std::atomic<bool>> cancelFlag(m_currentControl, &m_currentControl->cancel);

    auto* job = new DatasetLoadJob(id, nameOrPath, options, std::move(cancelFlag));
    auto* thread = new QThread(this);
    thread->setObjectName(QStringLiteral("DatasetLoader-%1").arg(id));
    job->moveToThread(thread);
    // The job lives in `thread`: started is emitted there, so run() executes on the loading thread.
    connect(thread, &QThread::started, job, &DatasetLoadJob::run);
    // Loading thread -> GUI thread.
    connect(job, &DatasetLoadJob::progressed, this, &DatasetLoader::onProgress, Qt::QueuedConnection);
    connect(job, &DatasetLoadJob::loaded, this, &DatasetLoader::onLoaded, Qt::QueuedConnection);
    connect(job, &DatasetLoadJob::failed, this, &DatasetLoader::onFailed, Qt::QueuedConnection);
    connect(job, &DatasetLoadJob::cancelled, this, &DatasetLoader::onCancelled, Qt::QueuedConnection);
    // Both on the loading thread: run() has returned, stop the thread's event loop.
    connect(job, &DatasetLoadJob::done, thread, &QThread::quit, Qt::DirectConnection);
    // Emitted on the loading thread as it ends; deferred deletes there run before it exits.
    connect(thread, &QThread::finished, job, &QObject::deleteLater);
    // Loading thread -> GUI thread: the QThread object itself belongs to the GUI thread.
    connect(
        thread, &QThread::finished, this, [this, thread] { forget(thread); }, Qt::QueuedConnection);
    m_threads.push_back({thread, m_currentControl});
    thread->start(QThread::LowPriority);

    if (!m_busy) {
        m_busy = true;
        Q_EMIT busyChanged(true);
    }
}

void DatasetLoader::cancel() {
    if (m_busy && m_currentControl) m_currentControl->cancel = true;
}

void DatasetLoader::onProgress(quint64 id, qint64 bytesDone, qint64 bytesTotal) {
    if (isCurrent(id) && !m_currentControl->cancel) Q_EMIT progressed(bytesDone, bytesTotal);
}

void DatasetLoader::onLoaded(quint64 id, const LoadedDataset& result) {
    if (!isCurrent(id)) return;
    if (m_currentControl->cancel) { // Cancel was pressed after the work had finished
        onCancelled(id);
        return;
    }
    m_busy = false;
    Q_EMIT loaded(result);
    Q_EMIT busyChanged(false);
}

void DatasetLoader::onFailed(quint64 id, const QString& message) {
    if (!isCurrent(id)) return;
    m_busy = false;
    Q_EMIT failed(message);
    Q_EMIT busyChanged(false);
}

void DatasetLoader::onCancelled(quint64 id) {
    if (!isCurrent(id)) return;
    m_busy = false;
    Q_EMIT cancelled();
    Q_EMIT busyChanged(false);
}

void DatasetLoader::forget(QThread* thread) {
    const auto it = std::find_if(m_threads.begin(), m_threads.end(),
                                 [thread](const Running& r) { return r.thread == thread; });
    if (it == m_threads.end()) return;
    m_threads.erase(it);
    thread->deleteLater();
}

} // namespace attnlab::ui

#include "DatasetLoader.moc"
