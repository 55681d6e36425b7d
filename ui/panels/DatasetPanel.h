#pragma once
// The dataset panel: pick a shipped dataset or open a TSV/CSV file, set how it is read
// (tokenisation, direction, lowercase, length limits), and look at it: a statistics line, the
// length histogram of both sides and a table of the pairs. Loading runs on another thread
// (DatasetLoader) with a progress bar and a Cancel button; a failed load shows the file, line
// and reason and leaves the previously loaded dataset in place.
#include "core/data/Dataset.h"
#include "core/data/DatasetOptions.h"
#include "core/data/ShippedDatasets.h" // loadShipped() takes these names
#include "ui/panels/DatasetStatistics.h"

#include <QMetaType>
#include <QString>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;

namespace attnlab::ui {

class DatasetLoader;
class DatasetOptionsBox;
class LengthHistogram;
class PairPreviewModel;
struct LoadedDataset;

class DatasetPanel : public QWidget {
    Q_OBJECT
public:
    explicit DatasetPanel(QWidget* parent = nullptr);
    ~DatasetPanel() override;

    std::shared_ptr<const Dataset> dataset() const { return m_dataset; } // the loaded one, or null
    const DatasetStatistics& statistics() const { return m_statistics; }
    // The options the widgets show (a shipped dataset's own tokenisation included).
    DatasetOptions options() const;
    bool isBusy() const;
    // The loaded dataset is a shipped one (its name reopens it), not a file the user chose.
    bool loadedShipped() const { return m_loaded.kind == Source::Shipped; }

    // The file whose load failed last (empty when the last failure was not about a file, or the last
    // load succeeded): the window tells the user about a file they chose in a message box.
    QString lastFailedFile() const { return m_lastFailedFile; }
    bool errorShown() const; // the red error under the options is visible

    PairPreviewModel* previewModel() const { return m_model; }
    LengthHistogram* histogram() const { return m_histogram; }

public Q_SLOTS:
    void loadShipped(const QString& name);
    void loadFile(const QString& path);
    // A shipped dataset's name loads it, anything else is taken as a file path.
    void load(const QString& nameOrPath);
    // The same with these options in the widgets first (a session being opened).
    void load(const QString& nameOrPath, const DatasetOptions& options);
    void cancelLoad();

Q_SIGNALS:
    void datasetLoaded(std::shared_ptr<const attnlab::Dataset> dataset);
    void loadFailed(const QString& message);
    // `seasonal`, or a file that does not read as pairs but as numeric columns: series for a
    // forecaster, not loaded here.
    void seriesRequested(const QString& nameOrPath);
    void busyChanged(bool busy);

private:
    struct Source {
        enum Kind { None, Shipped, File } kind = None;
        QString nameOrPath;
    };

    QWidget* createSourceRow();
    QWidget* createOptionsBox();
    QWidget* createProgressRow();
    QWidget* createViews();
    void startLoad();
    void reload();
    void showTokenisation();
    void onDatasetActivated(int index);
    void onLoaded(const LoadedDataset& result);
    void onFailed(const QString& message);
    void onCancelled();
    void onBusyChanged(bool busy);
    void onProgress(qint64 bytesDone, qint64 bytesTotal);
    void restoreLoadedState();
    void selectSourceInCombo(const Source& source);
    void showMessage(const QString& text, bool error);
    void clearMessage();
    void showStatistics();
    void chooseFile();

    DatasetLoader* m_loader = nullptr;
    QComboBox* m_datasetCombo = nullptr;
    QPushButton* m_openButton = nullptr;
    DatasetOptionsBox* m_options = nullptr;
    QWidget* m_progressRow = nullptr;
    QProgressBar* m_progressBar = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QTimer* m_showProgressTimer = nullptr;
    QLabel* m_messageLabel = nullptr;
    QLabel* m_statsLabel = nullptr;
    LengthHistogram* m_histogram = nullptr;
    QTableView* m_table = nullptr;
    PairPreviewModel* m_model = nullptr;

    Source m_requested; // the newest request; equals m_loaded when idle
    Source m_loaded;
    QString m_lastFailedFile;
    std::shared_ptr<const Dataset> m_dataset;
    DatasetStatistics m_statistics;
};

} // namespace attnlab::ui

Q_DECLARE_METATYPE(std::shared_ptr<const attnlab::Dataset>)
