#include "ui/panels/DatasetPanel.h"

#include "core/data/forecast/ForecastData.h"

#include "core/data/ShippedDatasets.h"
#include "ui/panels/DatasetComboDelegate.h"
#include "ui/panels/DatasetOptionsBox.h"
#include "ui/panels/PairPreviewModel.h"
#include "ui/plots/LengthHistogram.h"
#include "ui/session/DatasetLoader.h"
#include "ui/theme/ThemedTextColour.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace attnlab::ui {
namespace {

constexpr int ValueRole = Qt::UserRole;    // a shipped name or a file path
constexpr int KindRole = Qt::UserRole + 1; // Source::Kind
constexpr int DescriptionRole = Qt::UserRole + 2;
constexpr int ShowProgressAfterMs = 150; // quick loads finish without the progress bar flashing

} // namespace

DatasetPanel::DatasetPanel(QWidget* parent) : QWidget(parent) {
    setObjectName("DatasetPanel");
    m_loader = new DatasetLoader(this);
    // The loader reports on this (the GUI) thread: its own cross-thread connections are queued.
    connect(m_loader, &DatasetLoader::loaded, this, &DatasetPanel::onLoaded);
    connect(m_loader, &DatasetLoader::failed, this, &DatasetPanel::onFailed);
    connect(m_loader, &DatasetLoader::cancelled, this, &DatasetPanel::onCancelled);
    connect(m_loader, &DatasetLoader::busyChanged, this, &DatasetPanel::onBusyChanged);
    connect(m_loader, &DatasetLoader::progressed, this, &DatasetPanel::onProgress);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createSourceRow());
    layout->addWidget(createOptionsBox());
    layout->addWidget(createProgressRow());
    m_messageLabel = new QLabel;
    m_messageLabel->setObjectName("errorLabel");
    m_messageLabel->setTextFormat(Qt::PlainText); // file contents must never be read as HTML
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // A long path is one unbreakable word: it must not set the dock's (and the window's) minimum width.
    m_messageLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_messageLabel->hide();
    layout->addWidget(m_messageLabel);
    m_statsLabel = new QLabel(tr("No dataset loaded yet: pick one above or open a file."));
    m_statsLabel->setObjectName("statsLabel");
    m_statsLabel->setWordWrap(true);
    m_statsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_statsLabel);
    layout->addWidget(createViews(), 1);
    showTokenisation();
}

DatasetPanel::~DatasetPanel() = default;

QWidget* DatasetPanel::createSourceRow() {
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_datasetCombo = new QComboBox;
    m_datasetCombo->setObjectName("datasetCombo");
    m_datasetCombo->setPlaceholderText(tr("Choose a dataset\u2026"));
    // The closed box shows the name alone, so it is never cut off; the open list adds each
    // dataset's description and is as wide as the longest.
    m_datasetCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_datasetCombo->setMinimumContentsLength(8);
    m_datasetCombo->setItemDelegate(new DatasetComboDelegate(DescriptionRole, m_datasetCombo));
    m_datasetCombo->setToolTip(tr("Pick one of the datasets that come with AttnLab."));
    for (const ShippedDataset& shipped : shippedDatasets()) {
        const QString name = QString::fromStdString(shipped.name);
        const QString description = QString::fromStdString(shipped.description);
        m_datasetCombo->addItem(name);
        const int index = m_datasetCombo->count() - 1;
        m_datasetCombo->setItemData(index, name, ValueRole);
        m_datasetCombo->setItemData(index, Source::Shipped, KindRole);
        m_datasetCombo->setItemData(index, description, DescriptionRole);
        m_datasetCombo->setItemData(index, description, Qt::ToolTipRole);
    }
    m_datasetCombo->view()->setMinimumWidth(m_datasetCombo->view()->sizeHintForColumn(0) +
                                            m_datasetCombo->view()->verticalScrollBar()->sizeHint().width());
    m_datasetCombo->setCurrentIndex(-1);
    connect(m_datasetCombo, &QComboBox::activated, this, &DatasetPanel::onDatasetActivated);
    m_openButton = new QPushButton(tr("Open file\u2026"));
    m_openButton->setObjectName("openFileButton");
    m_openButton->setToolTip(tr("Load your own pairs from a TSV or CSV file, one pair per line."));
    connect(m_openButton, &QPushButton::clicked, this, &DatasetPanel::chooseFile);
    layout->addWidget(new QLabel(tr("Dataset:")));
    layout->addWidget(m_datasetCombo, 1);
    layout->addWidget(m_openButton);
    return row;
}

QWidget* DatasetPanel::createOptionsBox() {
    m_options = new DatasetOptionsBox;
    connect(m_options, &DatasetOptionsBox::changed, this, &DatasetPanel::reload);
    return m_options;
}

QWidget* DatasetPanel::createProgressRow() {
    m_progressRow = new QWidget;
    auto* layout = new QHBoxLayout(m_progressRow);
    layout->setContentsMargins(0, 0, 0, 0);
    m_progressBar = new QProgressBar;
    m_progressBar->setObjectName("loadProgress");
    m_progressBar->setFormat(tr("Loading\u2026 %p%"));
    m_progressBar->setToolTip(tr("How much of the dataset file has been read."));
    m_cancelButton = new QPushButton(tr("Cancel"));
    m_cancelButton->setObjectName("cancelLoadButton");
    m_cancelButton->setToolTip(tr("Stop loading; the dataset loaded before stays in use."));
    connect(m_cancelButton, &QPushButton::clicked, this, &DatasetPanel::cancelLoad);
    layout->addWidget(m_progressBar, 1);
    layout->addWidget(m_cancelButton);
    m_progressRow->hide();
    m_showProgressTimer = new QTimer(this);
    m_showProgressTimer->setSingleShot(true);
    m_showProgressTimer->setInterval(ShowProgressAfterMs);
    connect(m_showProgressTimer, &QTimer::timeout, m_progressRow, &QWidget::show);
    return m_progressRow;
}

QWidget* DatasetPanel::createViews() {
    auto* splitter = new QSplitter(Qt::Vertical);
    m_histogram = new LengthHistogram;
    m_histogram->setObjectName("lengthHistogram");
    m_model = new PairPreviewModel(this);
    m_model->setObjectName("pairPreviewModel");
    m_table = new QTableView;
    m_table->setObjectName("pairTable");
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(PairPreviewModel::LineColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PairPreviewModel::SourceColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(PairPreviewModel::TargetColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(PairPreviewModel::LinksColumn, QHeaderView::ResizeToContents);
    splitter->addWidget(m_histogram);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    return splitter;
}

DatasetOptions DatasetPanel::options() const {
    return m_options->options();
}

bool DatasetPanel::isBusy() const {
    return m_loader->isBusy();
}

void DatasetPanel::loadShipped(const QString& name) {
    if (!findShippedDataset(name.toStdString())) {
        QStringList names;
        for (const ShippedDataset& shipped : shippedDatasets()) names << QString::fromStdString(shipped.name);
        // Nothing was started: a load already running carries on, the widgets stay as they are.
        const QString message =
            tr("There is no shipped dataset called '%1' (there are: %2).").arg(name, names.join(", "));
        m_lastFailedFile.clear();
        showMessage(message, true);
        Q_EMIT loadFailed(message);
        return;
    }
    m_requested = {Source::Shipped, name};
    showTokenisation();
    startLoad();
}

void DatasetPanel::loadFile(const QString& path) {
    // An absolute path can never be mistaken for a shipped dataset's name by openDataset.
    m_requested = {Source::File, QFileInfo(path).absoluteFilePath()};
    showTokenisation();
    startLoad();
}

void DatasetPanel::load(const QString& nameOrPath) {
    // `seasonal` names series, not pairs: straight to whoever reads series.
    if (nameOrPath == QLatin1String("seasonal")) return Q_EMIT seriesRequested(nameOrPath);
    if (findShippedDataset(nameOrPath.toStdString()))
        loadShipped(nameOrPath);
    else
        loadFile(nameOrPath);
}

void DatasetPanel::load(const QString& nameOrPath, const DatasetOptions& options) {
    const ShippedDataset* shipped = findShippedDataset(nameOrPath.toStdString());
    m_options->restore(options, shipped == nullptr, shipped);
    load(nameOrPath);
}

void DatasetPanel::cancelLoad() {
    m_loader->cancel();
}

void DatasetPanel::startLoad() {
    clearMessage();
    m_progressBar->setRange(0, 0); // "busy" until the first report says how big the file is
    m_loader->load(m_requested.nameOrPath, options());
}

void DatasetPanel::reload() {
    if (m_requested.kind != Source::None) startLoad();
}

// Shipped datasets bring their own tokenisation (shown, not editable); files use the user's.
void DatasetPanel::showTokenisation() {
    m_options->showTokenisationOf(m_requested.kind == Source::Shipped
                                      ? findShippedDataset(m_requested.nameOrPath.toStdString())
                                      : nullptr);
}

void DatasetPanel::onDatasetActivated(int index) {
    const QString value = m_datasetCombo->itemData(index, ValueRole).toString();
    if (m_datasetCombo->itemData(index, KindRole).toInt() == Source::Shipped)
        loadShipped(value);
    else
        loadFile(value);
}

void DatasetPanel::chooseFile() {
    const QString start =
        m_loaded.kind == Source::File ? QFileInfo(m_loaded.nameOrPath).absolutePath() : QDir::homePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a dataset"), start,
                                                      tr("Datasets (*.tsv *.csv *.txt);;All files (*)"));
    if (!path.isEmpty()) loadFile(path);
}

void DatasetPanel::onLoaded(const LoadedDataset& result) {
    m_dataset = result.dataset;
    m_statistics = result.statistics;
    m_loaded = m_requested;
    m_lastFailedFile.clear();
    clearMessage(); // an error about an earlier load is over once one succeeds
    selectSourceInCombo(m_loaded);
    m_model->setDataset(m_dataset);
    m_table->setColumnHidden(PairPreviewModel::LinksColumn, !m_dataset->hasAlignments());
    m_table->scrollToTop();
    m_histogram->setSourceUnit(!m_dataset->hasFeatures()                      ? QStringLiteral("tokens")
                               : m_dataset->input().kind == InputKind::Frames ? tr("frames")
                                                                              : tr("cells"));
    m_histogram->setLengthCounts(m_statistics.sourceLengthCounts, m_statistics.targetLengthCounts);
    showStatistics();
    Q_EMIT datasetLoaded(m_dataset);
}

void DatasetPanel::onFailed(const QString& message) {
    // Pairs first: a file that is not pairs but numeric columns is series (a forecaster's data).
    // Two numeric columns that read as pairs (digits reversed) stay pairs.
    if (m_requested.kind == Source::File && isForecastData(m_requested.nameOrPath.toStdString())) {
        const QString path = m_requested.nameOrPath; // restoring forgets the request
        restoreLoadedState();
        clearMessage();
        return Q_EMIT seriesRequested(path);
    }
    m_lastFailedFile = m_requested.kind == Source::File ? m_requested.nameOrPath : QString();
    restoreLoadedState();
    showMessage(m_dataset ? message + QLatin1Char('\n') + tr("The dataset loaded before stays in use.")
                          : message,
                true);
    Q_EMIT loadFailed(message);
}

void DatasetPanel::onCancelled() {
    restoreLoadedState();
    showMessage(m_dataset ? tr("Loading cancelled; the dataset loaded before stays in use.")
                          : tr("Loading cancelled."),
                false);
}

void DatasetPanel::onBusyChanged(bool busy) {
    if (busy) {
        m_showProgressTimer->start();
    } else {
        m_showProgressTimer->stop();
        m_progressRow->hide();
    }
    Q_EMIT busyChanged(busy);
}

void DatasetPanel::onProgress(qint64 bytesDone, qint64 bytesTotal) {
    if (bytesTotal <= 0) {
        m_progressBar->setRange(0, 0);
        return;
    }
    m_progressBar->setRange(0, 1000);
    m_progressBar->setValue(static_cast<int>(std::min<qint64>(1000, bytesDone * 1000 / bytesTotal)));
}

// After a failed or cancelled load the widgets show the dataset that is still loaded.
void DatasetPanel::restoreLoadedState() {
    m_requested = m_loaded;
    selectSourceInCombo(m_loaded);
    if (!m_dataset) return;
    m_options->restore(
        m_dataset->options(), m_loaded.kind == Source::File,
        m_loaded.kind == Source::Shipped ? findShippedDataset(m_loaded.nameOrPath.toStdString()) : nullptr);
}

void DatasetPanel::selectSourceInCombo(const Source& source) {
    const QSignalBlocker block(m_datasetCombo);
    if (source.kind == Source::None) {
        m_datasetCombo->setCurrentIndex(-1);
        return;
    }
    // One entry stands for the user's file: the one loaded last.
    int fileIndex = -1;
    for (int i = 0; i < m_datasetCombo->count(); ++i) {
        if (m_datasetCombo->itemData(i, KindRole).toInt() == Source::File) fileIndex = i;
        if (m_datasetCombo->itemData(i, KindRole).toInt() == source.kind &&
            m_datasetCombo->itemData(i, ValueRole).toString() == source.nameOrPath) {
            m_datasetCombo->setCurrentIndex(i);
            return;
        }
    }
    if (source.kind != Source::File) return;
    if (fileIndex < 0) {
        m_datasetCombo->addItem(QString());
        fileIndex = m_datasetCombo->count() - 1;
    }
    m_datasetCombo->setItemText(fileIndex, tr("File: %1").arg(QFileInfo(source.nameOrPath).fileName()));
    m_datasetCombo->setItemData(fileIndex, source.nameOrPath, ValueRole);
    m_datasetCombo->setItemData(fileIndex, Source::File, KindRole);
    m_datasetCombo->setItemData(fileIndex, source.nameOrPath, Qt::ToolTipRole);
    m_datasetCombo->setCurrentIndex(fileIndex);
}

void DatasetPanel::showMessage(const QString& text, bool error) {
    if (error)
        keepTextColour(*m_messageLabel, QColor(0xb0, 0x00, 0x20)); // a red that reads on either theme
    else
        clearTextColour(*m_messageLabel);
    m_messageLabel->setProperty("isError", error);
    m_messageLabel->setText(text);
    m_messageLabel->show();
}

void DatasetPanel::clearMessage() {
    m_messageLabel->clear();
    m_messageLabel->setProperty("isError", false);
    m_messageLabel->hide();
}

bool DatasetPanel::errorShown() const {
    return !m_messageLabel->isHidden() && m_messageLabel->property("isError").toBool();
}

void DatasetPanel::showStatistics() {
    m_statsLabel->setText(statisticsText(*m_dataset, m_statistics));
    const QString where =
        m_dataset->path().empty() ? tr("generated in memory") : QString::fromStdString(m_dataset->path());
    m_statsLabel->setToolTip(tr("Vocabulary: how many different tokens each side uses.") + QLatin1Char('\n') +
                             QString::fromStdString(m_dataset->report().summary()) + QLatin1Char('\n') +
                             where);
}

} // namespace attnlab::ui
