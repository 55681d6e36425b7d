#pragma once
// A label model's validation at its last epoch, under the Inspect panel's label views: accuracy,
// macro-F1 and the confusion matrix (rows: gold labels, columns: predicted; the diagonal is right).
#include "core/data/Vocabulary.h"
#include "core/eval/Metrics.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace attnlab::ui {

class ValidationSummary : public QWidget {
    Q_OBJECT
public:
    explicit ValidationSummary(QWidget* parent = nullptr);

    // Metrics without a confusion matrix (a sequence model) clear the summary.
    void setMetrics(const Metrics& metrics, int epoch, const Vocabulary& labels);
    void clear();
    bool hasMetrics() const { return m_shown; }
    QString headline() const;
    QTableWidget& table() const { return *m_table; }

private:
    QLabel* m_headline = nullptr;
    QTableWidget* m_table = nullptr;
    bool m_shown = false;
};

} // namespace attnlab::ui
