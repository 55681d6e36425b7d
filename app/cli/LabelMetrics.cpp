#include "app/cli/LabelMetrics.h"

#include "app/cli/Format.h"
#include "app/cli/TextTable.h"

namespace attnlab::cli {

namespace {
template <class Json> void addNames(const Metrics& m, const Vocabulary& labels, Json& json) {
    if (!m.confusion) return;
    Json names = Json::array();
    Json classes = Json::array();
    for (int id : occurringLabels(*m.confusion)) {
        const ClassScores scores = m.confusion->classScores(id);
        names.push_back(labels.token(id));
        classes.push_back({{"label", labels.token(id)},
                           {"precision", scores.precision},
                           {"recall", scores.recall},
                           {"f1", scores.f1},
                           {"support", scores.gold},
                           {"predicted", scores.predicted}});
    }
    json["confusion"]["labels"] = names;
    json["classes"] = classes;
}
} // namespace

void addLabelNames(const Metrics& metrics, const Vocabulary& labels, nlohmann::ordered_json& json) {
    addNames(metrics, labels, json);
}

void addLabelNames(const Metrics& metrics, const Vocabulary& labels, nlohmann::json& json) {
    addNames(metrics, labels, json);
}

void printLabelMetrics(const Metrics& m, const Vocabulary& labels, std::ostream& out) {
    TextTable table({"metric", "value", ""},
                    {TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Left});
    table.addRow({"accuracy", percent(m.exactMatch),
                  std::to_string(m.exactMatches) + " / " + std::to_string(m.examples) + " examples"});
    table.addRow({"macro-F1", fixed(m.macroF1, 3), "mean F1 over the labels"});
    table.addRow({"loss", fixed(m.loss, 4), "nats per example"});
    if (m.goldMassRows > 0)
        table.addRow({"gold mass", fixed(m.goldMass, 3),
                      "attention on the gold evidence, mean over " + std::to_string(m.goldMassRows) +
                          " attention rows with gold links"});
    table.addRow({"entropy", fixed(m.attentionEntropy, 3), "nats per attention row"});
    table.print(out);
    if (!m.confusion) return;
    const std::vector<int> ids = occurringLabels(*m.confusion);
    out << "\nper label:\n";
    TextTable perLabel({"label", "precision", "recall", "F1", "gold"},
                       {TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Right,
                        TextTable::Align::Right, TextTable::Align::Right});
    for (int id : ids) {
        const ClassScores s = m.confusion->classScores(id);
        perLabel.addRow({labels.token(id), percent(s.precision), percent(s.recall), fixed(s.f1, 3),
                         std::to_string(s.gold)});
    }
    perLabel.print(out, "  ");
    out << "\nconfusion matrix (rows: gold, columns: predicted):\n";
    std::vector<std::string> header = {"gold \\ predicted"};
    std::vector<TextTable::Align> align = {TextTable::Align::Left};
    for (int id : ids) {
        header.push_back(labels.token(id));
        align.push_back(TextTable::Align::Right);
    }
    TextTable confusion(header, align);
    for (int gold : ids) {
        std::vector<std::string> row = {labels.token(gold)};
        for (int predicted : ids) row.push_back(std::to_string(m.confusion->count(gold, predicted)));
        confusion.addRow(row);
    }
    confusion.print(out, "  ");
}

} // namespace attnlab::cli
