#include "ui/mechanism/InspectionCsv.h"

#include "ui/plots/CsvWriter.h"

namespace attnlab::ui {

void writeInspectionCsv(const MechanismResult& result, CsvWriter& csv) {
    csv.addRow({"step", "output_token", "quantity", "position", "source_token", "unit", "value"});
    const Inspection& shown = result.shown();
    auto source = [&](int s) {
        return s < static_cast<int>(result.sourceTokens.size())
                   ? QString::fromStdString(result.sourceTokens[static_cast<size_t>(s)])
                   : QString();
    };
    for (const StepInspection& step : shown.steps) {
        const QString t = QString::number(step.step + 1);
        const QString written = QString::fromStdString(result.targetToken(step.chosen));
        auto perPosition = [&](const char* name, const Vector<float>& values) {
            for (int s = 0; s < values.size(); ++s)
                csv.addRow({t, written, name, QString::number(s + 1), source(s), QString(),
                            CsvWriter::number(values(s))});
        };
        auto perUnit = [&](const char* name, const Vector<float>& values) {
            for (int i = 0; i < values.size(); ++i)
                csv.addRow({t, written, name, QString(), QString(), QString::number(i + 1),
                            CsvWriter::number(values(i))});
        };
        perPosition("score", step.scores);
        perPosition("weight", step.weights);
        perUnit("query", step.query);
        perUnit("context", step.context);
        perUnit("attentional", step.attentional);
    }
    for (int s = 0; s < shown.keys.rows(); ++s)
        for (int i = 0; i < shown.keys.cols(); ++i)
            csv.addRow({QString(), QString(), "key", QString::number(s + 1), source(s),
                        QString::number(i + 1), CsvWriter::number(shown.keys(s, i))});
}

} // namespace attnlab::ui
