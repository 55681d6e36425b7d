#include "ui/compare/CompareWorkspace.h"

#include "ui/compare/CompareLossPlot.h"
#include "ui/compare/HeatmapGrid.h"
#include "ui/compare/LengthAccuracyPlot.h"
#include "ui/compare/MetricsTableModel.h"
#include "ui/compare/RunProgressTable.h"
#include "ui/plots/CsvWriter.h"
#include "ui/session/CompareSession.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace attnlab::ui {

CompareWorkspace::CompareWorkspace(CompareSession& session, RunPicker::BaseSettings base, QWidget* parent)
    : QWidget(parent), m_session(session) {
    setObjectName(QStringLiteral("compareWorkspace"));
    m_picker = new RunPicker(std::move(base), this);
    m_progress = new RunProgressTable(session, this);
    m_lossPlot = new CompareLossPlot(session, this);
    m_lengthPlot = new LengthAccuracyPlot(session, this);
    m_metrics = new MetricsTableModel(session, this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_metrics);
    m_sorted->setSortRole(MetricsTableModel::kSortRole);
    m_metricsView = new QTableView(this);
    m_metricsView->setObjectName(QStringLiteral("metricsTable"));
    m_metricsView->setModel(m_sorted);
    m_metricsView->setSortingEnabled(true);
    m_metricsView->sortByColumn(-1, Qt::AscendingOrder); // the runs' own order until a header is clicked
    m_metricsView->verticalHeader()->hide();
    // Resized to the contents at most every two seconds (fitMetricsColumns), not at every update.
    m_metricsView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_metricsView->horizontalHeader()->setStretchLastSection(true);
    m_metricsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_metricsView->setToolTip(tr("Click a header to sort by it. The best value of each column is bold."));
    m_heatmaps = new HeatmapGrid(session, this);

    auto* left = new QSplitter(Qt::Vertical, this);
    left->setObjectName(QStringLiteral("compareLeftSplitter"));
    left->addWidget(m_picker);
    left->addWidget(m_progress);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);

    auto* curves = new QSplitter(Qt::Horizontal, this);
    curves->addWidget(m_lossPlot);
    curves->addWidget(m_lengthPlot);
    curves->setSizes({450, 450});
    auto* right = new QSplitter(Qt::Vertical, this);
    right->setObjectName(QStringLiteral("compareRightSplitter"));
    right->addWidget(curves);
    right->addWidget(m_metricsView);
    right->addWidget(m_heatmaps);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    right->setStretchFactor(2, 5);
    right->setChildrenCollapsible(false);
    right->setSizes({280, 190, 430}); // a table of seven runs, and room for their heatmaps

    auto* main = new QSplitter(Qt::Horizontal, this);
    main->addWidget(left);
    main->addWidget(right);
    main->setStretchFactor(0, 0);
    main->setStretchFactor(1, 1);
    main->setSizes({320, 900});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(main);

    connect(&session, &CompareSession::stateChanged, this,
            [this] { m_picker->setLocked(m_session.isRunning()); });
    auto* fitMetricsColumns = new QTimer(this);
    fitMetricsColumns->setSingleShot(true);
    fitMetricsColumns->setInterval(2000);
    connect(fitMetricsColumns, &QTimer::timeout, m_metricsView, &QTableView::resizeColumnsToContents);
    for (auto signal : {&CompareSession::runEpoch, &CompareSession::runEnded})
        connect(&session, signal, fitMetricsColumns, [fitMetricsColumns] {
            if (!fitMetricsColumns->isActive()) fitMetricsColumns->start();
        });
    // Queued: these signals come while the session is changing, before the table model has caught up.
    connect(&session, &CompareSession::runsReset, m_metricsView, &QTableView::resizeColumnsToContents,
            Qt::QueuedConnection);
    connect(&session, &CompareSession::stateChanged, m_metricsView, &QTableView::resizeColumnsToContents,
            Qt::QueuedConnection);
    m_metricsView->resizeColumnsToContents();
}

bool CompareWorkspace::train(const ModelConfig& base, const TrainingSettings& settings, QString* problem) {
    std::vector<RunSpec> specs;
    for (const RunChoice& choice : m_picker->checkedRuns()) specs.push_back(choice.spec(base, settings));
    return m_session.train(std::move(specs), settings.threads, problem);
}

bool CompareWorkspace::exportTableCsv(const QString& path, QString* error) const {
    CsvWriter csv;
    m_metrics->writeCsv(csv);
    return csv.save(path, error);
}

} // namespace attnlab::ui
