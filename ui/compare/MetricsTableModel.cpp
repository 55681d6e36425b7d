#include "ui/compare/MetricsTableModel.h"

#include "ui/compare/RunPalette.h"
#include "ui/panels/TrainingControls.h"
#include "ui/plots/CsvWriter.h"
#include "ui/session/CompareSession.h"

#include <QBrush>
#include <QFont>
#include <QLocale>

#include <cmath>
#include <limits>

namespace attnlab::ui {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// +1: higher is better; -1: lower is better; 0: no best.
int direction(int column) {
    switch (column) {
    case MetricsTableModel::TokenAccuracy:
    case MetricsTableModel::ExactMatch:
    case MetricsTableModel::Bleu:
    case MetricsTableModel::MacroF1:
    case MetricsTableModel::RougeL:
    case MetricsTableModel::GoldMass:
    case MetricsTableModel::StepsPerSecond:
        return 1;
    case MetricsTableModel::ValidationLoss:
    case MetricsTableModel::Aer:
    case MetricsTableModel::Entropy:
    case MetricsTableModel::LastMass:
    case MetricsTableModel::WallTime:
        return -1;
    default:
        return 0;
    }
}

bool isLive(CompareSession::RunState state) {
    return state == CompareSession::RunState::Training || state == CompareSession::RunState::Paused;
}

QString fixed(double value, int decimals) {
    return std::isfinite(value) ? QString::number(value, 'f', decimals) : QStringLiteral("–");
}
} // namespace

MetricsTableModel::MetricsTableModel(const CompareSession& session, QObject* parent)
    : QAbstractTableModel(parent), m_session(session) {
    m_rows = session.runCount();
    connect(&session, &CompareSession::runsReset, this, [this] {
        beginResetModel();
        m_rows = m_session.runCount();
        endResetModel();
    });
    for (auto signal : {&CompareSession::runProgressed, &CompareSession::runEpoch, &CompareSession::runEnded})
        connect(&session, signal, this, &MetricsTableModel::refreshRow);
}

void MetricsTableModel::refreshRow(int row) {
    if (row < 0 || row >= m_rows) return;
    // A new value may take or give up the best of a column: the whole table is redrawn.
    Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
}

int MetricsTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_rows;
}

int MetricsTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

double MetricsTableModel::value(int row, int column) const {
    if (row < 0 || row >= m_rows) return kNaN;
    const RunSummary& run = m_session.summary().runs[static_cast<size_t>(row)];
    const Metrics& v = run.record.result.validation;
    const CompareSession::RunState state = m_session.runState(row);
    const bool training =
        state == CompareSession::RunState::Training || state == CompareSession::RunState::Paused;
    switch (column) {
    case ValidationLoss:
        return v.loss;
    case TokenAccuracy:
        return v.tokenAccuracy;
    case ExactMatch:
        return v.exactMatch;
    case Bleu:
        return v.bleu.score;
    case MacroF1:
        return v.macroF1;
    case RougeL:
        return v.rouge ? 100.0 * v.rouge->rougeL().f1 : kNaN;
    case Aer:
        return v.alignmentErrorRate;
    case GoldMass:
        return v.goldMass;
    case Entropy:
        return v.attentionEntropy;
    case LastMass:
        return v.lastPositionMass;
    case Parameters:
        return static_cast<double>(run.parameters);
    case StepsPerSecond:
        return training ? m_session.runProgress(row).stepsPerSecond
                        : (run.record.trainingSeconds > 0 ? run.record.stepsPerSecond() : kNaN);
    case WallTime:
        return training ? m_session.runProgress(row).elapsedSeconds : run.record.result.seconds;
    default:
        return kNaN;
    }
}

int MetricsTableModel::bestRow(int column) const {
    const int sign = direction(column);
    if (sign == 0) return -1;
    int best = -1;
    bool tied = false;
    for (int row = 0; row < m_rows; ++row) {
        // A run still training has no wall time to compare yet.
        if (column == WallTime && isLive(m_session.runState(row))) continue;
        const double v = value(row, column);
        if (!std::isfinite(v)) continue;
        if (best >= 0 && v == value(best, column)) tied = true;
        if (best < 0 || sign * v > sign * value(best, column)) {
            best = row;
            tied = false;
        }
    }
    return tied ? -1 : best; // equal values (0 BLEU all round) mark nothing
}

QString MetricsTableModel::text(int row, int column) const {
    const RunSummary& run = m_session.summary().runs[static_cast<size_t>(row)];
    const double v = value(row, column);
    switch (column) {
    case Run:
        return QString::fromStdString(run.name);
    case ValidationLoss:
        return fixed(v, 4);
    case TokenAccuracy:
    case ExactMatch:
        return std::isfinite(v) ? QStringLiteral("%1%").arg(100.0 * v, 0, 'f', 1) : QStringLiteral("–");
    case Bleu:
    case RougeL:
        return fixed(v, 2);
    case MacroF1:
    case Aer:
    case GoldMass:
    case Entropy:
    case LastMass:
        return fixed(v, 3);
    case Parameters:
        return QLocale(QLocale::English).toString(run.parameters);
    case StepsPerSecond:
        return std::isfinite(v) ? TrainingControls::formatRate(v) : QStringLiteral("–");
    case WallTime:
        return TrainingControls::formatDuration(v);
    case Outcome:
        return CompareSession::runStateName(m_session.runState(row));
    default:
        return {};
    }
}

QVariant MetricsTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows) return {};
    const int row = index.row();
    const int column = index.column();
    const bool best = direction(column) != 0 && bestRow(column) == row && m_rows > 1;
    switch (role) {
    case Qt::DisplayRole:
        return text(row, column);
    case kSortRole: {
        if (column == Run) return QString::fromStdString(m_session.summary().runs[size_t(row)].name);
        if (column == Outcome) return text(row, column);
        const double v = value(row, column);
        return std::isfinite(v) ? QVariant(v) : QVariant();
    }
    case kBestRole:
        return best;
    case Qt::DecorationRole:
        return column == Run ? QVariant(runColor(row)) : QVariant();
    case Qt::TextAlignmentRole:
        return column == Run || column == Outcome ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                                  : int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole: {
        if (!best) return {};
        QFont font;
        font.setBold(true);
        return font;
    }
    case Qt::BackgroundRole: // a light green box with dark text, readable on either theme
        return best ? QVariant(QBrush(QColor(0xE6, 0xF4, 0xEA))) : QVariant();
    case Qt::ForegroundRole:
        return best ? QVariant(QBrush(QColor(0x1b, 0x1b, 0x1b))) : QVariant();
    case Qt::ToolTipRole:
        if (column == Outcome)
            return QString::fromStdString(m_session.summary().runs[size_t(row)].record.result.message);
        return best ? tr("The best %1 of the runs")
                          .arg(headerData(column, Qt::Horizontal, Qt::DisplayRole).toString())
                    : QVariant();
    default:
        return {};
    }
}

QVariant MetricsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    static const char* names[] = {"Run",      "Val loss", "Token acc", "Exact",     "BLEU",
                                  "Macro-F1", "ROUGE-L",  "AER",       "Gold mass", "Entropy",
                                  "Last pos", "Params",   "Steps/s",   "Wall time", "Outcome"};
    static const char* tips[] = {
        "The run's name: its scorer, or the variant's name",
        "Mean cross-entropy per target token on the validation split (lower is better)",
        "Share of reference tokens predicted in the right place",
        "Share of validation pairs whose output is exactly the reference",
        "Corpus BLEU of the outputs against the references, 0 to 100",
        "Label models: the mean F1 over the labels (for them Exact is the accuracy)",
        "Word-level outputs (summarization): the mean sentence ROUGE-L F1, 0 to 100",
        "Alignment error rate of the attention's argmax against the gold links (lower is better); only "
        "for data with gold alignments",
        "Mean share of each attention row's weight on its gold positions (higher is better); only for data "
        "with gold links",
        "Mean entropy of the attention rows in nats: 0 is one source token, log S uniform (lower is sharper)",
        "Mean attention mass on the last source position: high values mean attention is stuck there",
        "Trainable parameters",
        "Training steps per second (validation excluded)",
        "Wall time of the run, validation included",
        "How the run ended",
    };
    static_assert(std::size(names) == ColumnCount && std::size(tips) == ColumnCount);
    if (section < 0 || section >= ColumnCount) return {};
    if (role == Qt::DisplayRole) return tr(names[section]);
    if (role == Qt::ToolTipRole) return tr(tips[section]);
    return {};
}

void MetricsTableModel::writeCsv(CsvWriter& csv) const {
    static const char* keys[] = {"run",
                                 "validation_loss",
                                 "token_accuracy",
                                 "exact_match",
                                 "bleu",
                                 "macro_f1",
                                 "rouge_l",
                                 "aer",
                                 "gold_mass",
                                 "attention_entropy",
                                 "last_position_mass",
                                 "parameters",
                                 "steps_per_second",
                                 "wall_seconds",
                                 "outcome"};
    QStringList header;
    for (const char* key : keys) header << QString::fromLatin1(key);
    csv.addRow(header);
    for (int row = 0; row < m_rows; ++row) {
        QStringList fields;
        for (int column = 0; column < ColumnCount; ++column) {
            if (column == Run || column == Outcome) {
                fields << text(row, column);
                continue;
            }
            const double v = value(row, column);
            fields << (std::isfinite(v) ? CsvWriter::number(v) : QString());
        }
        csv.addRow(fields);
    }
}

} // namespace attnlab::ui
