#pragma once
// The metrics of every run of a comparison as a table model, one row per run: validation loss,
// token accuracy, exact match, BLEU, AER (data with gold alignments), attention entropy, mass on
// the last source position, parameters, steps per second, wall time and outcome. The best value
// of each column that has a better direction is bold, tinted and says so in its tooltip. Qt::
// DisplayRole is text for people; kSortRole the raw number (null when there is nothing to
// measure), for sorting and for CSV. Rows follow the CompareSession live.
#include <QAbstractTableModel>

namespace attnlab::ui {

class CompareSession;
class CsvWriter;

class MetricsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Run,
        ValidationLoss,
        TokenAccuracy,
        ExactMatch,
        Bleu,
        MacroF1, // label models (classification, entailment); "–" for the others
        RougeL,  // word-level outputs (summarization): mean sentence ROUGE-L F1, 0 to 100
        Aer,
        GoldMass, // attention on the gold links, wherever the data has them
        Entropy,
        LastMass,
        Parameters,
        StepsPerSecond,
        WallTime,
        Outcome,
        ColumnCount
    };
    static constexpr int kSortRole = Qt::UserRole;
    static constexpr int kBestRole = Qt::UserRole + 1; // true on the best value of its column

    explicit MetricsTableModel(const CompareSession& session, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The raw value of a cell: NaN when there is nothing to measure (and for text columns).
    double value(int row, int column) const;
    // The row holding the best value of `column`, -1 when none (no direction, or no values).
    int bestRow(int column) const;
    // Every row, with the header, raw numbers as CSV writes them.
    void writeCsv(CsvWriter& csv) const;

private:
    void refreshRow(int row);
    QString text(int row, int column) const;

    const CompareSession& m_session;
    int m_rows = 0;
};

} // namespace attnlab::ui
