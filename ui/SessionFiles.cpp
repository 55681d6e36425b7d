#include "ui/SessionFiles.h"

#include "core/data/ShippedDatasets.h"
#include "core/train/CheckpointError.h"
#include "core/util/AtomicFile.h"
#include "ui/MainWindow.h"
#include "ui/compare/CompareController.h"
#include "ui/panels/DatasetPanel.h"
#include "ui/panels/InspectPanel.h"
#include "ui/panels/PinnedPairsPanel.h"
#include "ui/panels/SettingsPanel.h"
#include "ui/session/CompareSession.h"
#include "ui/session/TrainingSession.h"

#include <QDir>

#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTabWidget>
#include <algorithm>

namespace attnlab::ui {

SessionFiles::SessionFiles(MainWindow& window) : QObject(&window), m_window(window) {
    connect(window.datasetPanel(), &DatasetPanel::datasetLoaded, this, [this] {
        if (m_pending) finish();
    });
    connect(window.datasetPanel(), &DatasetPanel::loadFailed, this, [this](const QString& message) {
        if (!m_pending) return;
        m_pending.reset();
        Q_EMIT status(tr("The session's dataset could not be opened: %1").arg(message));
    });
    // Pins of a session without a model wait for the data to be split by the next Train.
    connect(window.session(), &TrainingSession::dataPrepared, this, &SessionFiles::applyPins,
            Qt::QueuedConnection); // after the window has offered the new candidates
}

WindowSession SessionFiles::capture() const {
    WindowSession s;
    TrainingSession& session = *m_window.session();
    if (const auto dataset = m_window.datasetPanel()->dataset()) {
        s.datasetName = dataset->name();
        s.options = m_window.datasetPanel()->options();
        if (!m_window.datasetPanel()->loadedShipped()) {
            s.datasetPath = dataset->path();
            QFile file(QString::fromStdString(dataset->path()));
            if (file.size() <= qint64(kInlineDataLimit) && file.open(QIODevice::ReadOnly))
                s.datasetText = file.readAll().toStdString();
        }
    }
    s.config = m_window.settingsPanel()->modelConfig();
    s.training = m_window.settingsPanel()->trainingSettings();
    s.pinned = m_window.pinnedPairsPanel()->pinned();
    s.typedSentence = m_window.inspectPanel()->sentence().toStdString();
    if (QWidget* tab = m_window.centralTabs()->currentWidget()) s.tab = tab->objectName().toStdString();
    s.stepsTrained = session.stepsSoFar();
    s.epochsTrained = session.epochsSoFar();
    return s;
}

bool SessionFiles::save(const QString& path, QString* problem) {
    TrainingSession& session = *m_window.session();
    WindowSession s = capture();
    try {
        if (session.hasModel()) s.model = session.modelForSaving();
        saveSession(path.toStdString(), s);
    } catch (const std::exception& e) {
        if (problem) *problem = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

QString SessionFiles::datasetSource(const WindowSession& s, QString* problem) const {
    if (s.datasetPath.empty()) {
        if (findShippedDataset(s.datasetName)) return QString::fromStdString(s.datasetName);
        *problem = tr("it names the shipped dataset '%1', which this AttnLab does not have")
                       .arg(QString::fromStdString(s.datasetName));
        return {};
    }
    const QString path = QString::fromStdString(s.datasetPath);
    if (QFileInfo(path).isFile()) {
        // The file as it was saved, or too large to travel: the pins point at its pairs.
        if (s.datasetText.empty()) return path;
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().toStdString() == s.datasetText) return path;
        // Edited since: the session's own copy, whose split the pins and the model were made on.
    }
    if (s.datasetText.empty()) {
        *problem = tr("its dataset %1 is missing, and the session does not hold its text (it was larger "
                      "than 1 MiB)")
                       .arg(path);
        return {};
    }
    // Under its own file name, so the model still fits it (models know their dataset by name).
    const QString directory =
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath("sessions");
    QDir().mkpath(directory);
    const QString copy = QDir(directory).filePath(QFileInfo(path).fileName());
    try {
        writeFileAtomically(copy.toStdString(), s.datasetText);
    } catch (const std::exception& e) {
        *problem = tr("its dataset %1 is missing and its copy could not be written: %2").arg(path, e.what());
        return {};
    }
    return copy;
}

bool SessionFiles::open(const QString& path, QString* problem) {
    if (m_window.session()->isRunning() || m_window.compare()->session()->isRunning()) {
        if (problem) *problem = tr("Stop the training before opening a session.");
        return false;
    }
    WindowSession s;
    try {
        s = loadSession(path.toStdString());
    } catch (const std::exception& e) {
        if (problem) *problem = QString::fromUtf8(e.what());
        return false;
    }
    QString why;
    const QString source = s.datasetName.empty() ? QString() : datasetSource(s, &why);
    if (!s.datasetName.empty() && source.isEmpty()) {
        if (problem) *problem = tr("%1: %2").arg(path, why);
        return false;
    }
    m_pending = std::move(s);
    m_pendingPath = path;
    if (source.isEmpty()) {
        finish();
    } else {
        Q_EMIT status(tr("Opening the session's dataset %1…").arg(QFileInfo(source).fileName()));
        m_window.datasetPanel()->load(source, m_pending->options);
    }
    return true;
}

void SessionFiles::finish() {
    WindowSession s = std::move(*m_pending);
    m_pending.reset();
    TrainingSession& session = *m_window.session();
    if (session.isRunning() || m_window.compare()->session()->isRunning()) {
        // Train was pressed while the session's dataset loaded: the run wins, the rest is not applied.
        Q_EMIT status(tr("The session %1 was not opened whole: a run started while its dataset loaded.")
                          .arg(m_pendingPath));
        return;
    }
    m_window.settingsPanel()->setFromModel(s.config, s.training);
    m_pendingPins = s.pinned;
    m_pinsPending = true;
    if (s.model) {
        // Never less than its history has seen: a continued run counts on from there.
        const long long steps = std::max(s.stepsTrained, s.model->history.lastStep());
        QString why;
        if (!session.openBundle(std::move(*s.model), steps, s.epochsTrained, &why)) {
            Q_EMIT status(why);
            return;
        }
        m_window.modelOpened();
        // The validation split now, so the pins and the Mechanism tab's pairs are back at once.
        if (!session.prepareForInspection(m_window.settingsPanel()->prepareOptions(), s.training.seed, &why))
            Q_EMIT status(why);
    } else {
        session.reset();
    }
    if (!s.typedSentence.empty())
        m_window.inspectPanel()->inspectSentence(QString::fromStdString(s.typedSentence));
    QTabWidget& tabs = *m_window.centralTabs();
    for (int i = 0; i < tabs.count(); ++i)
        if (tabs.widget(i)->objectName().toStdString() == s.tab) tabs.setCurrentIndex(i);
    Q_EMIT status(tr("Opened the session %1").arg(m_pendingPath));
    Q_EMIT restored(m_pendingPath);
}

void SessionFiles::applyPins() {
    if (!m_pinsPending) return;
    m_pinsPending = false;
    m_window.pinnedPairsPanel()->setPinned(m_pendingPins);
}

} // namespace attnlab::ui
