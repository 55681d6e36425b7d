// The Forecast tab's layout, its data and its model files; training is in
// ForecastWorkspaceTraining.cpp.
#include "ui/forecast/ForecastWorkspace.h"

#include "ui/forecast/ForecastCompareTable.h"
#include "ui/forecast/ForecastLossPlot.h"
#include "ui/forecast/ForecastMetricsText.h"
#include "ui/forecast/ForecastSettingsRow.h"
#include "ui/forecast/ForecastView.h"
#include "ui/forecast/ForecastWindowContent.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <stdexcept>

namespace attnlab::ui {
namespace {

QPushButton* button(const QString& text, const char* name, QWidget* parent) {
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    return b;
}

QString describeData(const ForecastData& data) {
    return QObject::tr("%1 series × %2 steps%3")
        .arg(data.table.seriesCount())
        .arg(data.table.length())
        .arg(data.gold.empty() ? QString() : QObject::tr(", gold evidence"));
}

} // namespace

ForecastWorkspace::ForecastWorkspace(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("ForecastWorkspace"));
    buildLayout();
    openData(QString::fromLatin1(kSeasonalName));
    clearModel();
    setBusy(false);
}

void ForecastWorkspace::buildLayout() {
    m_dataBox = new QComboBox(this);
    m_dataBox->setObjectName(QStringLiteral("forecastData"));
    m_dataBox->addItem(QString::fromLatin1(kSeasonalName), QString::fromLatin1(kSeasonalName));
    m_dataInfo = new QLabel(this);
    m_dataInfo->setObjectName(QStringLiteral("forecastDataInfo"));
    m_dataInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dataInfo->setWordWrap(true); // a file's error can be long; it must not widen the window
    m_openCsv = button(tr("Open CSV…"), "forecastOpenCsv", this);
    auto* dataRow = new QHBoxLayout;
    dataRow->addWidget(new QLabel(tr("Data"), this));
    dataRow->addWidget(m_dataBox);
    dataRow->addWidget(m_openCsv);
    dataRow->addWidget(m_dataInfo, 1);

    m_settings = new ForecastSettingsRow(this);

    m_train = button(tr("Train"), "forecastTrain", this);
    m_stop = button(tr("Stop"), "forecastStop", this);
    m_compareButton = button(tr("Compare scorers"), "forecastCompare", this);
    m_save = button(tr("Save model…"), "forecastSave", this);
    m_open = button(tr("Open model…"), "forecastOpenModel", this);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("forecastProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_train, m_stop, m_compareButton, m_save, m_open}) buttons->addWidget(b);
    buttons->addWidget(m_progress, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("forecastStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Left: how training goes and how the scorers compare.
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_lossPlot = new ForecastLossPlot(left);
    m_epochLine = new QLabel(left);
    m_epochLine->setObjectName(QStringLiteral("forecastEpochLine"));
    m_epochLine->setWordWrap(true);
    m_epochLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_compare = new ForecastCompareTable(left);
    leftLayout->addWidget(m_lossPlot, 3);
    leftLayout->addWidget(m_epochLine);
    leftLayout->addWidget(m_compare, 2);

    // Right: one validation window of the shown model.
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_windowBox = new QSpinBox(right);
    m_windowBox->setObjectName(QStringLiteral("forecastWindowIndex"));
    m_windowBox->setRange(1, 1);
    m_windowSlider = new QSlider(Qt::Horizontal, right);
    m_windowSlider->setObjectName(QStringLiteral("forecastWindowSlider"));
    m_windowSlider->setRange(0, 0);
    m_windowCount = new QLabel(right);
    auto* windowRow = new QHBoxLayout;
    auto* windowLabel = new QLabel(tr("Validation &window"), right);
    windowLabel->setBuddy(m_windowBox);
    windowRow->addWidget(windowLabel);
    windowRow->addWidget(m_windowBox);
    windowRow->addWidget(m_windowCount);
    windowRow->addWidget(m_windowSlider, 1);
    m_view = new ForecastView(right);
    rightLayout->addLayout(windowRow);
    rightLayout->addWidget(m_view, 1);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(dataRow);
    layout->addWidget(m_settings);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    connect(m_dataBox, &QComboBox::activated, this,
            [this](int index) { openData(m_dataBox->itemData(index).toString()); });
    connect(m_openCsv, &QPushButton::clicked, this, &ForecastWorkspace::chooseDataFile);
    connect(m_train, &QPushButton::clicked, this, &ForecastWorkspace::train);
    connect(m_stop, &QPushButton::clicked, this, &ForecastWorkspace::stop);
    connect(m_compareButton, &QPushButton::clicked, this, &ForecastWorkspace::compareScorers);
    connect(m_save, &QPushButton::clicked, this, &ForecastWorkspace::chooseModelToSave);
    connect(m_open, &QPushButton::clicked, this, &ForecastWorkspace::chooseModelToOpen);
    connect(m_windowBox, &QSpinBox::valueChanged, this, [this](int n) { showWindow(n - 1); });
    connect(m_windowSlider, &QSlider::valueChanged, this, &ForecastWorkspace::showWindow);
}

bool ForecastWorkspace::openData(const QString& nameOrPath) {
    std::shared_ptr<const ForecastData> data;
    try {
        data = std::make_shared<const ForecastData>(openForecastData(nameOrPath.toStdString()));
    } catch (const std::exception& e) {
        // DatasetError names the file, the line and the reason, as attnlab-cli prints it.
        m_dataInfo->setText(QString::fromStdString(e.what()));
        setStatus(tr("Could not open %1; still using %2.")
                      .arg(nameOrPath, m_data ? QString::fromStdString(m_data->name) : tr("no data")));
        const QSignalBlocker blocker(m_dataBox);
        m_dataBox->setCurrentIndex(m_dataBox->findData(m_dataKey));
        return false;
    }
    m_data = std::move(data);
    m_dataKey = nameOrPath;
    m_dataInfo->setText(describeData(*m_data));
    {
        const QSignalBlocker blocker(m_dataBox);
        int index = m_dataBox->findData(nameOrPath);
        if (index < 0) {
            m_dataBox->addItem(QFileInfo(nameOrPath).fileName(), nameOrPath);
            index = m_dataBox->count() - 1;
            m_dataBox->setItemData(index, nameOrPath, Qt::ToolTipRole);
        }
        m_dataBox->setCurrentIndex(index);
    }
    m_metrics = ForecastMetrics{};
    m_epochLine->clear();
    // A model shown before goes on showing when it fits the new series (its windows are cut anew).
    if (m_model && !setModel(m_model)) clearModel();
    return true;
}

void ForecastWorkspace::chooseDataFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open series"), QString(),
                                                      tr("Series (*.csv *.tsv *.txt);;All files (*)"));
    if (!path.isEmpty()) openData(path);
}

bool ForecastWorkspace::saveModel(const QString& path) {
    if (!m_model) {
        setStatus(tr("Nothing to save: train a model or open one first."));
        return false;
    }
    try {
        // A copy: saving walks the parameters, and the shown model is shared read-only.
        const std::shared_ptr<ForecastModelBundle> copy = copyForecastModel(*m_model);
        saveForecastModel(path.toStdString(), *copy);
    } catch (const std::exception& e) {
        setStatus(tr("Not saved: %1").arg(QString::fromStdString(e.what())));
        return false;
    }
    setStatus(tr("Saved the model to %1.").arg(path));
    return true;
}

bool ForecastWorkspace::openModel(const QString& path) {
    std::shared_ptr<ForecastModelBundle> bundle;
    try {
        bundle = std::make_shared<ForecastModelBundle>(loadForecastModel(path.toStdString()));
    } catch (const std::exception& e) {
        setStatus(QString::fromStdString(e.what()));
        return false;
    }
    // A model of the shipped task is shown on it; any other on the data open now.
    if (bundle->dataset == kSeasonalName && m_data->name != kSeasonalName &&
        !openData(QString::fromLatin1(kSeasonalName)))
        return false;
    if (!setModel(bundle)) return false;
    m_metrics = m_eval->evaluator->evaluate(*bundle->model);
    m_lossPlot->clear();
    m_epochLine->setText(tr("%1 (%2 validation windows): %3")
                             .arg(QFileInfo(path).fileName())
                             .arg(m_metrics.windows)
                             .arg(forecastMetricsText(m_metrics, bundle->series)));
    // The settings row takes the model's, so Train starts from what is shown.
    m_settings->apply(*bundle);
    setStatus(tr("Opened %1: %2 scorer, window %3, horizon %4.")
                  .arg(path, QString::fromStdString(scorerName(bundle->config.scorer)))
                  .arg(bundle->window)
                  .arg(bundle->forecast.horizon));
    return true;
}

void ForecastWorkspace::chooseModelToSave() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save model"), QStringLiteral("forecaster.safetensors"), tr("Models (*.safetensors)"));
    if (!path.isEmpty()) saveModel(path);
}

void ForecastWorkspace::chooseModelToOpen() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open model"), QString(),
                                                      tr("Models (*.safetensors);;All files (*)"));
    if (!path.isEmpty()) openModel(path);
}

bool ForecastWorkspace::setModel(ForecastModel model) {
    std::unique_ptr<ForecastEvaluation> eval;
    try {
        eval = std::make_unique<ForecastEvaluation>(evaluationFor(*model, *m_data));
    } catch (const std::exception& e) {
        setStatus(tr("The model does not fit %1: %2")
                      .arg(QString::fromStdString(m_data->name), QString::fromStdString(e.what())));
        return false;
    }
    const int previous = shownWindow();
    m_model = std::move(model);
    m_eval = std::move(eval);
    m_starts = m_eval->evaluator->starts();
    const int count = windowCount();
    {
        const QSignalBlocker a(m_windowBox), b(m_windowSlider);
        m_windowBox->setRange(1, count);
        m_windowSlider->setRange(0, count - 1);
    }
    m_windowCount->setText(tr("of %1").arg(count));
    m_windowBox->setEnabled(true);
    m_windowSlider->setEnabled(true);
    m_save->setEnabled(!isTraining());
    showWindow(previous >= 0 && previous < count ? previous : 0);
    return true;
}

void ForecastWorkspace::clearModel() {
    m_model.reset();
    m_eval.reset();
    m_starts.clear();
    m_view->clear();
    m_windowCount->clear();
    m_windowBox->setEnabled(false); // nothing to step through without a model
    m_windowSlider->setEnabled(false);
    m_save->setEnabled(false);
}

int ForecastWorkspace::shownWindow() const {
    return m_model ? m_windowSlider->value() : -1;
}

void ForecastWorkspace::showWindow(int index) {
    if (!m_model || index < 0 || index >= windowCount()) return;
    {
        const QSignalBlocker a(m_windowBox), b(m_windowSlider);
        m_windowBox->setValue(index + 1);
        m_windowSlider->setValue(index);
    }
    ForecastContent content = forecastWindowContent(*m_model, *m_eval->windows, m_data->gold,
                                                    m_starts[static_cast<std::size_t>(index)]);
    // The reader's series stays when stepping through windows.
    const int series = m_view->hasContent() ? m_view->shownSeries() : 0;
    content.shownSeries = series < static_cast<int>(content.series.size()) ? series : 0;
    m_view->setContent(content);
}

QString ForecastWorkspace::dataText() const {
    return m_dataInfo->text();
}
QString ForecastWorkspace::statusText() const {
    return m_status->text();
}
QString ForecastWorkspace::epochText() const {
    return m_epochLine->text();
}

void ForecastWorkspace::setStatus(const QString& text) {
    m_status->setText(text);
    Q_EMIT status(text);
}

} // namespace attnlab::ui
